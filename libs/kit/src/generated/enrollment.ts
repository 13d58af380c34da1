import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EnrollmentServiceClient as _lms_enrollment_v1_EnrollmentServiceClient, EnrollmentServiceDefinition as _lms_enrollment_v1_EnrollmentServiceDefinition } from './lms/enrollment/v1/EnrollmentService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    enrollment: {
      v1: {
        BulkEnrollRequest: MessageTypeDefinition
        BulkEnrollmentJob: MessageTypeDefinition
        BulkEnrollmentResult: MessageTypeDefinition
        CountStudentEnrollmentsReply: MessageTypeDefinition
        CountStudentEnrollmentsRequest: MessageTypeDefinition
        CourseIdRequest: MessageTypeDefinition
        CourseReview: MessageTypeDefinition
        CourseReviewPage: MessageTypeDefinition
        CourseStats: MessageTypeDefinition
        CourseSummary: MessageTypeDefinition
        EnrollRequest: MessageTypeDefinition
        Enrollment: MessageTypeDefinition
        EnrollmentIdRequest: MessageTypeDefinition
        EnrollmentPage: MessageTypeDefinition
        EnrollmentProgress: MessageTypeDefinition
        EnrollmentService: SubtypeConstructor<typeof grpc.Client, _lms_enrollment_v1_EnrollmentServiceClient> & { service: _lms_enrollment_v1_EnrollmentServiceDefinition }
        ExtendEnrollmentRequest: MessageTypeDefinition
        IsEnrolledReply: MessageTypeDefinition
        IsEnrolledRequest: MessageTypeDefinition
        LessonProgress: MessageTypeDefinition
        LessonProgressItem: MessageTypeDefinition
        LessonRequest: MessageTypeDefinition
        ListCourseEnrollmentsRequest: MessageTypeDefinition
        ListCourseReviewsRequest: MessageTypeDefinition
        ListMyEnrollmentsRequest: MessageTypeDefinition
        MyEnrollment: MessageTypeDefinition
        MyEnrollmentPage: MessageTypeDefinition
        ReviewRequest: MessageTypeDefinition
        StudentContact: MessageTypeDefinition
        UpdateLessonProgressRequest: MessageTypeDefinition
      }
    }
  }
}

