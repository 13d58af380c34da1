import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CatalogServiceClient as _lms_catalog_v1_CatalogServiceClient, CatalogServiceDefinition as _lms_catalog_v1_CatalogServiceDefinition } from './lms/catalog/v1/CatalogService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    catalog: {
      v1: {
        BatchGetCoursesRequest: MessageTypeDefinition
        CanReadLessonFileReply: MessageTypeDefinition
        CanReadLessonFileRequest: MessageTypeDefinition
        CatalogService: SubtypeConstructor<typeof grpc.Client, _lms_catalog_v1_CatalogServiceClient> & { service: _lms_catalog_v1_CatalogServiceDefinition }
        Category: MessageTypeDefinition
        CategoryList: MessageTypeDefinition
        Course: MessageTypeDefinition
        CourseIdRequest: MessageTypeDefinition
        CourseList: MessageTypeDefinition
        CourseOutline: MessageTypeDefinition
        CoursePage: MessageTypeDefinition
        CreateCourseRequest: MessageTypeDefinition
        CreateLessonRequest: MessageTypeDefinition
        CreateSectionRequest: MessageTypeDefinition
        Empty: MessageTypeDefinition
        GetCourseBySlugRequest: MessageTypeDefinition
        InstructorSummary: MessageTypeDefinition
        IsCourseOwnerReply: MessageTypeDefinition
        IsCourseOwnerRequest: MessageTypeDefinition
        Lesson: MessageTypeDefinition
        LessonAttachment: MessageTypeDefinition
        LessonIdRequest: MessageTypeDefinition
        LessonList: MessageTypeDefinition
        ListCoursesRequest: MessageTypeDefinition
        ListMyCoursesRequest: MessageTypeDefinition
        MoveLessonRequest: MessageTypeDefinition
        ReorderRequest: MessageTypeDefinition
        Resource: MessageTypeDefinition
        Section: MessageTypeDefinition
        SectionIdRequest: MessageTypeDefinition
        SectionOrder: MessageTypeDefinition
        TopCoursesRequest: MessageTypeDefinition
        UpdateCourseRequest: MessageTypeDefinition
        UpdateLessonRequest: MessageTypeDefinition
        UpdateSectionRequest: MessageTypeDefinition
      }
    }
  }
}

