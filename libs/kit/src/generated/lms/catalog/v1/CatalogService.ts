// Original file: protos/lms/catalog/v1/catalog.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchGetCoursesRequest as _lms_catalog_v1_BatchGetCoursesRequest, BatchGetCoursesRequest__Output as _lms_catalog_v1_BatchGetCoursesRequest__Output } from '../../../lms/catalog/v1/BatchGetCoursesRequest';
import type { CanReadLessonFileReply as _lms_catalog_v1_CanReadLessonFileReply, CanReadLessonFileReply__Output as _lms_catalog_v1_CanReadLessonFileReply__Output } from '../../../lms/catalog/v1/CanReadLessonFileReply';
import type { CanReadLessonFileRequest as _lms_catalog_v1_CanReadLessonFileRequest, CanReadLessonFileRequest__Output as _lms_catalog_v1_CanReadLessonFileRequest__Output } from '../../../lms/catalog/v1/CanReadLessonFileRequest';
import type { CategoryList as _lms_catalog_v1_CategoryList, CategoryList__Output as _lms_catalog_v1_CategoryList__Output } from '../../../lms/catalog/v1/CategoryList';
import type { Course as _lms_catalog_v1_Course, Course__Output as _lms_catalog_v1_Course__Output } from '../../../lms/catalog/v1/Course';
import type { CourseIdRequest as _lms_catalog_v1_CourseIdRequest, CourseIdRequest__Output as _lms_catalog_v1_CourseIdRequest__Output } from '../../../lms/catalog/v1/CourseIdRequest';
import type { CourseList as _lms_catalog_v1_CourseList, CourseList__Output as _lms_catalog_v1_CourseList__Output } from '../../../lms/catalog/v1/CourseList';
import type { CourseOutline as _lms_catalog_v1_CourseOutline, CourseOutline__Output as _lms_catalog_v1_CourseOutline__Output } from '../../../lms/catalog/v1/CourseOutline';
import type { CoursePage as _lms_catalog_v1_CoursePage, CoursePage__Output as _lms_catalog_v1_CoursePage__Output } from '../../../lms/catalog/v1/CoursePage';
import type { CreateCourseRequest as _lms_catalog_v1_CreateCourseRequest, CreateCourseRequest__Output as _lms_catalog_v1_CreateCourseRequest__Output } from '../../../lms/catalog/v1/CreateCourseRequest';
import type { CreateLessonRequest as _lms_catalog_v1_CreateLessonRequest, CreateLessonRequest__Output as _lms_catalog_v1_CreateLessonRequest__Output } from '../../../lms/catalog/v1/CreateLessonRequest';
import type { CreateSectionRequest as _lms_catalog_v1_CreateSectionRequest, CreateSectionRequest__Output as _lms_catalog_v1_CreateSectionRequest__Output } from '../../../lms/catalog/v1/CreateSectionRequest';
import type { Empty as _lms_catalog_v1_Empty, Empty__Output as _lms_catalog_v1_Empty__Output } from '../../../lms/catalog/v1/Empty';
import type { GetCourseBySlugRequest as _lms_catalog_v1_GetCourseBySlugRequest, GetCourseBySlugRequest__Output as _lms_catalog_v1_GetCourseBySlugRequest__Output } from '../../../lms/catalog/v1/GetCourseBySlugRequest';
import type { IsCourseOwnerReply as _lms_catalog_v1_IsCourseOwnerReply, IsCourseOwnerReply__Output as _lms_catalog_v1_IsCourseOwnerReply__Output } from '../../../lms/catalog/v1/IsCourseOwnerReply';
import type { IsCourseOwnerRequest as _lms_catalog_v1_IsCourseOwnerRequest, IsCourseOwnerRequest__Output as _lms_catalog_v1_IsCourseOwnerRequest__Output } from '../../../lms/catalog/v1/IsCourseOwnerRequest';
import type { Lesson as _lms_catalog_v1_Lesson, Lesson__Output as _lms_catalog_v1_Lesson__Output } from '../../../lms/catalog/v1/Lesson';
import type { LessonIdRequest as _lms_catalog_v1_LessonIdRequest, LessonIdRequest__Output as _lms_catalog_v1_LessonIdRequest__Output } from '../../../lms/catalog/v1/LessonIdRequest';
import type { LessonList as _lms_catalog_v1_LessonList, LessonList__Output as _lms_catalog_v1_LessonList__Output } from '../../../lms/catalog/v1/LessonList';
import type { ListCoursesRequest as _lms_catalog_v1_ListCoursesRequest, ListCoursesRequest__Output as _lms_catalog_v1_ListCoursesRequest__Output } from '../../../lms/catalog/v1/ListCoursesRequest';
import type { ListMyCoursesRequest as _lms_catalog_v1_ListMyCoursesRequest, ListMyCoursesRequest__Output as _lms_catalog_v1_ListMyCoursesRequest__Output } from '../../../lms/catalog/v1/ListMyCoursesRequest';
import type { MoveLessonRequest as _lms_catalog_v1_MoveLessonRequest, MoveLessonRequest__Output as _lms_catalog_v1_MoveLessonRequest__Output } from '../../../lms/catalog/v1/MoveLessonRequest';
import type { ReorderRequest as _lms_catalog_v1_ReorderRequest, ReorderRequest__Output as _lms_catalog_v1_ReorderRequest__Output } from '../../../lms/catalog/v1/ReorderRequest';
import type { Section as _lms_catalog_v1_Section, Section__Output as _lms_catalog_v1_Section__Output } from '../../../lms/catalog/v1/Section';
import type { SectionIdRequest as _lms_catalog_v1_SectionIdRequest, SectionIdRequest__Output as _lms_catalog_v1_SectionIdRequest__Output } from '../../../lms/catalog/v1/SectionIdRequest';
import type { TopCoursesRequest as _lms_catalog_v1_TopCoursesRequest, TopCoursesRequest__Output as _lms_catalog_v1_TopCoursesRequest__Output } from '../../../lms/catalog/v1/TopCoursesRequest';
import type { UpdateCourseRequest as _lms_catalog_v1_UpdateCourseRequest, UpdateCourseRequest__Output as _lms_catalog_v1_UpdateCourseRequest__Output } from '../../../lms/catalog/v1/UpdateCourseRequest';
import type { UpdateLessonRequest as _lms_catalog_v1_UpdateLessonRequest, UpdateLessonRequest__Output as _lms_catalog_v1_UpdateLessonRequest__Output } from '../../../lms/catalog/v1/UpdateLessonRequest';
import type { UpdateSectionRequest as _lms_catalog_v1_UpdateSectionRequest, UpdateSectionRequest__Output as _lms_catalog_v1_UpdateSectionRequest__Output } from '../../../lms/catalog/v1/UpdateSectionRequest';

export interface CatalogServiceClient extends grpc.Client {
  ArchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  ArchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  ArchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  ArchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  archiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  archiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  archiveCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  archiveCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  BatchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  BatchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  BatchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  BatchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  batchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  batchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  batchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  batchGetCourses(argument: _lms_catalog_v1_BatchGetCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  
  CanReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  CanReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  CanReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  CanReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  canReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  canReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  canReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  canReadLessonFile(argument: _lms_catalog_v1_CanReadLessonFileRequest, callback: grpc.requestCallback<_lms_catalog_v1_CanReadLessonFileReply__Output>): grpc.ClientUnaryCall;
  
  CreateCourse(argument: _lms_catalog_v1_CreateCourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  CreateCourse(argument: _lms_catalog_v1_CreateCourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  CreateCourse(argument: _lms_catalog_v1_CreateCourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  CreateCourse(argument: _lms_catalog_v1_CreateCourseRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  createCourse(argument: _lms_catalog_v1_CreateCourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  createCourse(argument: _lms_catalog_v1_CreateCourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  createCourse(argument: _lms_catalog_v1_CreateCourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  createCourse(argument: _lms_catalog_v1_CreateCourseRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  CreateLesson(argument: _lms_catalog_v1_CreateLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  CreateLesson(argument: _lms_catalog_v1_CreateLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  CreateLesson(argument: _lms_catalog_v1_CreateLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  CreateLesson(argument: _lms_catalog_v1_CreateLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  createLesson(argument: _lms_catalog_v1_CreateLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  createLesson(argument: _lms_catalog_v1_CreateLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  createLesson(argument: _lms_catalog_v1_CreateLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  createLesson(argument: _lms_catalog_v1_CreateLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  CreateSection(argument: _lms_catalog_v1_CreateSectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  CreateSection(argument: _lms_catalog_v1_CreateSectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  CreateSection(argument: _lms_catalog_v1_CreateSectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  CreateSection(argument: _lms_catalog_v1_CreateSectionRequest, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  createSection(argument: _lms_catalog_v1_CreateSectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  createSection(argument: _lms_catalog_v1_CreateSectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  createSection(argument: _lms_catalog_v1_CreateSectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  createSection(argument: _lms_catalog_v1_CreateSectionRequest, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  
  DeleteCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeleteLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeleteSection(argument: _lms_catalog_v1_SectionIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteSection(argument: _lms_catalog_v1_SectionIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteSection(argument: _lms_catalog_v1_SectionIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteSection(argument: _lms_catalog_v1_SectionIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteSection(argument: _lms_catalog_v1_SectionIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteSection(argument: _lms_catalog_v1_SectionIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteSection(argument: _lms_catalog_v1_SectionIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteSection(argument: _lms_catalog_v1_SectionIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GetCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  GetCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  GetCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  getCourseBySlug(argument: _lms_catalog_v1_GetCourseBySlugRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  GetCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  GetCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  GetCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  GetCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  getCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  getCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  getCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  getCourseOutline(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  
  GetLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  GetLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  GetLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  GetLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  getLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  getLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  getLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  getLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  IsCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  IsCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  IsCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  IsCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  isCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  isCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  isCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  isCourseOwner(argument: _lms_catalog_v1_IsCourseOwnerRequest, callback: grpc.requestCallback<_lms_catalog_v1_IsCourseOwnerReply__Output>): grpc.ClientUnaryCall;
  
  ListCategories(argument: _lms_catalog_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _lms_catalog_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _lms_catalog_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  ListCategories(argument: _lms_catalog_v1_Empty, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _lms_catalog_v1_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _lms_catalog_v1_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _lms_catalog_v1_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  listCategories(argument: _lms_catalog_v1_Empty, callback: grpc.requestCallback<_lms_catalog_v1_CategoryList__Output>): grpc.ClientUnaryCall;
  
  ListCourses(argument: _lms_catalog_v1_ListCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListCourses(argument: _lms_catalog_v1_ListCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListCourses(argument: _lms_catalog_v1_ListCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListCourses(argument: _lms_catalog_v1_ListCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listCourses(argument: _lms_catalog_v1_ListCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listCourses(argument: _lms_catalog_v1_ListCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listCourses(argument: _lms_catalog_v1_ListCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listCourses(argument: _lms_catalog_v1_ListCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  
  ListLessons(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  ListLessons(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  ListLessons(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  ListLessons(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  listLessons(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  listLessons(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  listLessons(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  listLessons(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_LessonList__Output>): grpc.ClientUnaryCall;
  
  ListMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  ListMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  listMyCourses(argument: _lms_catalog_v1_ListMyCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CoursePage__Output>): grpc.ClientUnaryCall;
  
  ListPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listPopularCourses(argument: _lms_catalog_v1_TopCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  
  ListTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  ListTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  listTopRatedCourses(argument: _lms_catalog_v1_TopCoursesRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseList__Output>): grpc.ClientUnaryCall;
  
  MoveLesson(argument: _lms_catalog_v1_MoveLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  MoveLesson(argument: _lms_catalog_v1_MoveLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  MoveLesson(argument: _lms_catalog_v1_MoveLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  MoveLesson(argument: _lms_catalog_v1_MoveLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  moveLesson(argument: _lms_catalog_v1_MoveLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  moveLesson(argument: _lms_catalog_v1_MoveLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  moveLesson(argument: _lms_catalog_v1_MoveLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  moveLesson(argument: _lms_catalog_v1_MoveLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  PublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  PublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  PublishCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  PublishCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  publishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  publishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  publishCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  publishCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  PublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  PublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  PublishLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  PublishLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  publishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  publishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  publishLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  publishLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  ReorderLessons(argument: _lms_catalog_v1_ReorderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  ReorderLessons(argument: _lms_catalog_v1_ReorderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  ReorderLessons(argument: _lms_catalog_v1_ReorderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  ReorderLessons(argument: _lms_catalog_v1_ReorderRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  reorderLessons(argument: _lms_catalog_v1_ReorderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  reorderLessons(argument: _lms_catalog_v1_ReorderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  reorderLessons(argument: _lms_catalog_v1_ReorderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  reorderLessons(argument: _lms_catalog_v1_ReorderRequest, callback: grpc.requestCallback<_lms_catalog_v1_CourseOutline__Output>): grpc.ClientUnaryCall;
  
  UnarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unarchiveCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  UnpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UnpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  unpublishCourse(argument: _lms_catalog_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  UnpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UnpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UnpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UnpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  unpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  unpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  unpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  unpublishLesson(argument: _lms_catalog_v1_LessonIdRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  UpdateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UpdateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UpdateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  UpdateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  updateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  updateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  updateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  updateCourse(argument: _lms_catalog_v1_UpdateCourseRequest, callback: grpc.requestCallback<_lms_catalog_v1_Course__Output>): grpc.ClientUnaryCall;
  
  UpdateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UpdateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UpdateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  UpdateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  updateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  updateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  updateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  updateLesson(argument: _lms_catalog_v1_UpdateLessonRequest, callback: grpc.requestCallback<_lms_catalog_v1_Lesson__Output>): grpc.ClientUnaryCall;
  
  UpdateSection(argument: _lms_catalog_v1_UpdateSectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  UpdateSection(argument: _lms_catalog_v1_UpdateSectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  UpdateSection(argument: _lms_catalog_v1_UpdateSectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  UpdateSection(argument: _lms_catalog_v1_UpdateSectionRequest, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  updateSection(argument: _lms_catalog_v1_UpdateSectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  updateSection(argument: _lms_catalog_v1_UpdateSectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  updateSection(argument: _lms_catalog_v1_UpdateSectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  updateSection(argument: _lms_catalog_v1_UpdateSectionRequest, callback: grpc.requestCallback<_lms_catalog_v1_Section__Output>): grpc.ClientUnaryCall;
  
}

export interface CatalogServiceHandlers extends grpc.UntypedServiceImplementation {
  ArchiveCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course>;
  
  BatchGetCourses: grpc.handleUnaryCall<_lms_catalog_v1_BatchGetCoursesRequest__Output, _lms_catalog_v1_CourseList>;
  
  CanReadLessonFile: grpc.handleUnaryCall<_lms_catalog_v1_CanReadLessonFileRequest__Output, _lms_catalog_v1_CanReadLessonFileReply>;
  
  CreateCourse: grpc.handleUnaryCall<_lms_catalog_v1_CreateCourseRequest__Output, _lms_catalog_v1_Course>;
  
  CreateLesson: grpc.handleUnaryCall<_lms_catalog_v1_CreateLessonRequest__Output, _lms_catalog_v1_Lesson>;
  
  CreateSection: grpc.handleUnaryCall<_lms_catalog_v1_CreateSectionRequest__Output, _lms_catalog_v1_Section>;
  
  DeleteCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Empty>;
  
  DeleteLesson: grpc.handleUnaryCall<_lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Empty>;
  
  DeleteSection: grpc.handleUnaryCall<_lms_catalog_v1_SectionIdRequest__Output, _lms_catalog_v1_Empty>;
  
  GetCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course>;
  
  GetCourseBySlug: grpc.handleUnaryCall<_lms_catalog_v1_GetCourseBySlugRequest__Output, _lms_catalog_v1_Course>;
  
  GetCourseOutline: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_CourseOutline>;
  
  GetLesson: grpc.handleUnaryCall<_lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson>;
  
  IsCourseOwner: grpc.handleUnaryCall<_lms_catalog_v1_IsCourseOwnerRequest__Output, _lms_catalog_v1_IsCourseOwnerReply>;
  
  ListCategories: grpc.handleUnaryCall<_lms_catalog_v1_Empty__Output, _lms_catalog_v1_CategoryList>;
  
  ListCourses: grpc.handleUnaryCall<_lms_catalog_v1_ListCoursesRequest__Output, _lms_catalog_v1_CoursePage>;
  
  ListLessons: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_LessonList>;
  
  ListMyCourses: grpc.handleUnaryCall<_lms_catalog_v1_ListMyCoursesRequest__Output, _lms_catalog_v1_CoursePage>;
  
  ListPopularCourses: grpc.handleUnaryCall<_lms_catalog_v1_TopCoursesRequest__Output, _lms_catalog_v1_CourseList>;
  
  ListTopRatedCourses: grpc.handleUnaryCall<_lms_catalog_v1_TopCoursesRequest__Output, _lms_catalog_v1_CourseList>;
  
  MoveLesson: grpc.handleUnaryCall<_lms_catalog_v1_MoveLessonRequest__Output, _lms_catalog_v1_Lesson>;
  
  PublishCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course>;
  
  PublishLesson: grpc.handleUnaryCall<_lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson>;
  
  ReorderLessons: grpc.handleUnaryCall<_lms_catalog_v1_ReorderRequest__Output, _lms_catalog_v1_CourseOutline>;
  
  UnarchiveCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course>;
  
  UnpublishCourse: grpc.handleUnaryCall<_lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course>;
  
  UnpublishLesson: grpc.handleUnaryCall<_lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson>;
  
  UpdateCourse: grpc.handleUnaryCall<_lms_catalog_v1_UpdateCourseRequest__Output, _lms_catalog_v1_Course>;
  
  UpdateLesson: grpc.handleUnaryCall<_lms_catalog_v1_UpdateLessonRequest__Output, _lms_catalog_v1_Lesson>;
  
  UpdateSection: grpc.handleUnaryCall<_lms_catalog_v1_UpdateSectionRequest__Output, _lms_catalog_v1_Section>;
  
}

export interface CatalogServiceDefinition extends grpc.ServiceDefinition {
  ArchiveCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course__Output>
  BatchGetCourses: MethodDefinition<_lms_catalog_v1_BatchGetCoursesRequest, _lms_catalog_v1_CourseList, _lms_catalog_v1_BatchGetCoursesRequest__Output, _lms_catalog_v1_CourseList__Output>
  CanReadLessonFile: MethodDefinition<_lms_catalog_v1_CanReadLessonFileRequest, _lms_catalog_v1_CanReadLessonFileReply, _lms_catalog_v1_CanReadLessonFileRequest__Output, _lms_catalog_v1_CanReadLessonFileReply__Output>
  CreateCourse: MethodDefinition<_lms_catalog_v1_CreateCourseRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CreateCourseRequest__Output, _lms_catalog_v1_Course__Output>
  CreateLesson: MethodDefinition<_lms_catalog_v1_CreateLessonRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_CreateLessonRequest__Output, _lms_catalog_v1_Lesson__Output>
  CreateSection: MethodDefinition<_lms_catalog_v1_CreateSectionRequest, _lms_catalog_v1_Section, _lms_catalog_v1_CreateSectionRequest__Output, _lms_catalog_v1_Section__Output>
  DeleteCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Empty, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Empty__Output>
  DeleteLesson: MethodDefinition<_lms_catalog_v1_LessonIdRequest, _lms_catalog_v1_Empty, _lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Empty__Output>
  DeleteSection: MethodDefinition<_lms_catalog_v1_SectionIdRequest, _lms_catalog_v1_Empty, _lms_catalog_v1_SectionIdRequest__Output, _lms_catalog_v1_Empty__Output>
  GetCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course__Output>
  GetCourseBySlug: MethodDefinition<_lms_catalog_v1_GetCourseBySlugRequest, _lms_catalog_v1_Course, _lms_catalog_v1_GetCourseBySlugRequest__Output, _lms_catalog_v1_Course__Output>
  GetCourseOutline: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_CourseOutline, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_CourseOutline__Output>
  GetLesson: MethodDefinition<_lms_catalog_v1_LessonIdRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson__Output>
  IsCourseOwner: MethodDefinition<_lms_catalog_v1_IsCourseOwnerRequest, _lms_catalog_v1_IsCourseOwnerReply, _lms_catalog_v1_IsCourseOwnerRequest__Output, _lms_catalog_v1_IsCourseOwnerReply__Output>
  ListCategories: MethodDefinition<_lms_catalog_v1_Empty, _lms_catalog_v1_CategoryList, _lms_catalog_v1_Empty__Output, _lms_catalog_v1_CategoryList__Output>
  ListCourses: MethodDefinition<_lms_catalog_v1_ListCoursesRequest, _lms_catalog_v1_CoursePage, _lms_catalog_v1_ListCoursesRequest__Output, _lms_catalog_v1_CoursePage__Output>
  ListLessons: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_LessonList, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_LessonList__Output>
  ListMyCourses: MethodDefinition<_lms_catalog_v1_ListMyCoursesRequest, _lms_catalog_v1_CoursePage, _lms_catalog_v1_ListMyCoursesRequest__Output, _lms_catalog_v1_CoursePage__Output>
  ListPopularCourses: MethodDefinition<_lms_catalog_v1_TopCoursesRequest, _lms_catalog_v1_CourseList, _lms_catalog_v1_TopCoursesRequest__Output, _lms_catalog_v1_CourseList__Output>
  ListTopRatedCourses: MethodDefinition<_lms_catalog_v1_TopCoursesRequest, _lms_catalog_v1_CourseList, _lms_catalog_v1_TopCoursesRequest__Output, _lms_catalog_v1_CourseList__Output>
  MoveLesson: MethodDefinition<_lms_catalog_v1_MoveLessonRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_MoveLessonRequest__Output, _lms_catalog_v1_Lesson__Output>
  PublishCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course__Output>
  PublishLesson: MethodDefinition<_lms_catalog_v1_LessonIdRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson__Output>
  ReorderLessons: MethodDefinition<_lms_catalog_v1_ReorderRequest, _lms_catalog_v1_CourseOutline, _lms_catalog_v1_ReorderRequest__Output, _lms_catalog_v1_CourseOutline__Output>
  UnarchiveCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course__Output>
  UnpublishCourse: MethodDefinition<_lms_catalog_v1_CourseIdRequest, _lms_catalog_v1_Course, _lms_catalog_v1_CourseIdRequest__Output, _lms_catalog_v1_Course__Output>
  UnpublishLesson: MethodDefinition<_lms_catalog_v1_LessonIdRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_LessonIdRequest__Output, _lms_catalog_v1_Lesson__Output>
  UpdateCourse: MethodDefinition<_lms_catalog_v1_UpdateCourseRequest, _lms_catalog_v1_Course, _lms_catalog_v1_UpdateCourseRequest__Output, _lms_catalog_v1_Course__Output>
  UpdateLesson: MethodDefinition<_lms_catalog_v1_UpdateLessonRequest, _lms_catalog_v1_Lesson, _lms_catalog_v1_UpdateLessonRequest__Output, _lms_catalog_v1_Lesson__Output>
  UpdateSection: MethodDefinition<_lms_catalog_v1_UpdateSectionRequest, _lms_catalog_v1_Section, _lms_catalog_v1_UpdateSectionRequest__Output, _lms_catalog_v1_Section__Output>
}
