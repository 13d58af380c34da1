// Original file: protos/lms/enrollment/v1/enrollment.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BulkEnrollRequest as _lms_enrollment_v1_BulkEnrollRequest, BulkEnrollRequest__Output as _lms_enrollment_v1_BulkEnrollRequest__Output } from '../../../lms/enrollment/v1/BulkEnrollRequest';
import type { BulkEnrollmentJob as _lms_enrollment_v1_BulkEnrollmentJob, BulkEnrollmentJob__Output as _lms_enrollment_v1_BulkEnrollmentJob__Output } from '../../../lms/enrollment/v1/BulkEnrollmentJob';
import type { CountStudentEnrollmentsReply as _lms_enrollment_v1_CountStudentEnrollmentsReply, CountStudentEnrollmentsReply__Output as _lms_enrollment_v1_CountStudentEnrollmentsReply__Output } from '../../../lms/enrollment/v1/CountStudentEnrollmentsReply';
import type { CountStudentEnrollmentsRequest as _lms_enrollment_v1_CountStudentEnrollmentsRequest, CountStudentEnrollmentsRequest__Output as _lms_enrollment_v1_CountStudentEnrollmentsRequest__Output } from '../../../lms/enrollment/v1/CountStudentEnrollmentsRequest';
import type { CourseIdRequest as _lms_enrollment_v1_CourseIdRequest, CourseIdRequest__Output as _lms_enrollment_v1_CourseIdRequest__Output } from '../../../lms/enrollment/v1/CourseIdRequest';
import type { CourseReviewPage as _lms_enrollment_v1_CourseReviewPage, CourseReviewPage__Output as _lms_enrollment_v1_CourseReviewPage__Output } from '../../../lms/enrollment/v1/CourseReviewPage';
import type { CourseStats as _lms_enrollment_v1_CourseStats, CourseStats__Output as _lms_enrollment_v1_CourseStats__Output } from '../../../lms/enrollment/v1/CourseStats';
import type { EnrollRequest as _lms_enrollment_v1_EnrollRequest, EnrollRequest__Output as _lms_enrollment_v1_EnrollRequest__Output } from '../../../lms/enrollment/v1/EnrollRequest';
import type { Enrollment as _lms_enrollment_v1_Enrollment, Enrollment__Output as _lms_enrollment_v1_Enrollment__Output } from '../../../lms/enrollment/v1/Enrollment';
import type { EnrollmentIdRequest as _lms_enrollment_v1_EnrollmentIdRequest, EnrollmentIdRequest__Output as _lms_enrollment_v1_EnrollmentIdRequest__Output } from '../../../lms/enrollment/v1/EnrollmentIdRequest';
import type { EnrollmentPage as _lms_enrollment_v1_EnrollmentPage, EnrollmentPage__Output as _lms_enrollment_v1_EnrollmentPage__Output } from '../../../lms/enrollment/v1/EnrollmentPage';
import type { EnrollmentProgress as _lms_enrollment_v1_EnrollmentProgress, EnrollmentProgress__Output as _lms_enrollment_v1_EnrollmentProgress__Output } from '../../../lms/enrollment/v1/EnrollmentProgress';
import type { ExtendEnrollmentRequest as _lms_enrollment_v1_ExtendEnrollmentRequest, ExtendEnrollmentRequest__Output as _lms_enrollment_v1_ExtendEnrollmentRequest__Output } from '../../../lms/enrollment/v1/ExtendEnrollmentRequest';
import type { IsEnrolledReply as _lms_enrollment_v1_IsEnrolledReply, IsEnrolledReply__Output as _lms_enrollment_v1_IsEnrolledReply__Output } from '../../../lms/enrollment/v1/IsEnrolledReply';
import type { IsEnrolledRequest as _lms_enrollment_v1_IsEnrolledRequest, IsEnrolledRequest__Output as _lms_enrollment_v1_IsEnrolledRequest__Output } from '../../../lms/enrollment/v1/IsEnrolledRequest';
import type { LessonProgress as _lms_enrollment_v1_LessonProgress, LessonProgress__Output as _lms_enrollment_v1_LessonProgress__Output } from '../../../lms/enrollment/v1/LessonProgress';
import type { LessonRequest as _lms_enrollment_v1_LessonRequest, LessonRequest__Output as _lms_enrollment_v1_LessonRequest__Output } from '../../../lms/enrollment/v1/LessonRequest';
import type { ListCourseEnrollmentsRequest as _lms_enrollment_v1_ListCourseEnrollmentsRequest, ListCourseEnrollmentsRequest__Output as _lms_enrollment_v1_ListCourseEnrollmentsRequest__Output } from '../../../lms/enrollment/v1/ListCourseEnrollmentsRequest';
import type { ListCourseReviewsRequest as _lms_enrollment_v1_ListCourseReviewsRequest, ListCourseReviewsRequest__Output as _lms_enrollment_v1_ListCourseReviewsRequest__Output } from '../../../lms/enrollment/v1/ListCourseReviewsRequest';
import type { ListMyEnrollmentsRequest as _lms_enrollment_v1_ListMyEnrollmentsRequest, ListMyEnrollmentsRequest__Output as _lms_enrollment_v1_ListMyEnrollmentsRequest__Output } from '../../../lms/enrollment/v1/ListMyEnrollmentsRequest';
import type { MyEnrollmentPage as _lms_enrollment_v1_MyEnrollmentPage, MyEnrollmentPage__Output as _lms_enrollment_v1_MyEnrollmentPage__Output } from '../../../lms/enrollment/v1/MyEnrollmentPage';
import type { ReviewRequest as _lms_enrollment_v1_ReviewRequest, ReviewRequest__Output as _lms_enrollment_v1_ReviewRequest__Output } from '../../../lms/enrollment/v1/ReviewRequest';
import type { UpdateLessonProgressRequest as _lms_enrollment_v1_UpdateLessonProgressRequest, UpdateLessonProgressRequest__Output as _lms_enrollment_v1_UpdateLessonProgressRequest__Output } from '../../../lms/enrollment/v1/UpdateLessonProgressRequest';

export interface EnrollmentServiceClient extends grpc.Client {
  BulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  BulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  BulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  BulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  bulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  bulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  bulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  bulkEnroll(argument: _lms_enrollment_v1_BulkEnrollRequest, callback: grpc.requestCallback<_lms_enrollment_v1_BulkEnrollmentJob__Output>): grpc.ClientUnaryCall;
  
  CompleteLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  CompleteLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  CompleteLesson(argument: _lms_enrollment_v1_LessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  CompleteLesson(argument: _lms_enrollment_v1_LessonRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  completeLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  completeLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  completeLesson(argument: _lms_enrollment_v1_LessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  completeLesson(argument: _lms_enrollment_v1_LessonRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  
  CountStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  CountStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  CountStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  CountStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  countStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  countStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  countStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  countStudentEnrollments(argument: _lms_enrollment_v1_CountStudentEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CountStudentEnrollmentsReply__Output>): grpc.ClientUnaryCall;
  
  DropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  DropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  DropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  DropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  dropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  dropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  dropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  dropEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  Enroll(argument: _lms_enrollment_v1_EnrollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  Enroll(argument: _lms_enrollment_v1_EnrollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  Enroll(argument: _lms_enrollment_v1_EnrollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  Enroll(argument: _lms_enrollment_v1_EnrollRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  enroll(argument: _lms_enrollment_v1_EnrollRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  enroll(argument: _lms_enrollment_v1_EnrollRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  enroll(argument: _lms_enrollment_v1_EnrollRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  enroll(argument: _lms_enrollment_v1_EnrollRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  ExtendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ExtendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ExtendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ExtendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  extendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  extendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  extendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  extendEnrollment(argument: _lms_enrollment_v1_ExtendEnrollmentRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  GetCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  GetCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  GetCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  GetCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  getCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  getCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  getCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  getCourseStats(argument: _lms_enrollment_v1_CourseIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CourseStats__Output>): grpc.ClientUnaryCall;
  
  GetEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollment(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  GetEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  GetEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  getEnrollmentFacts(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  GetProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  GetProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  GetProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  GetProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  getProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  getProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  getProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  getProgress(argument: _lms_enrollment_v1_EnrollmentIdRequest, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentProgress__Output>): grpc.ClientUnaryCall;
  
  IsEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  IsEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  IsEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  IsEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  isEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  isEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  isEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  isEnrolled(argument: _lms_enrollment_v1_IsEnrolledRequest, callback: grpc.requestCallback<_lms_enrollment_v1_IsEnrolledReply__Output>): grpc.ClientUnaryCall;
  
  ListCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  listCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  listCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  listCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  listCourseEnrollments(argument: _lms_enrollment_v1_ListCourseEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_EnrollmentPage__Output>): grpc.ClientUnaryCall;
  
  ListCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  ListCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  ListCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  ListCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  listCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  listCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  listCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  listCourseReviews(argument: _lms_enrollment_v1_ListCourseReviewsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_CourseReviewPage__Output>): grpc.ClientUnaryCall;
  
  ListMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  ListMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  listMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  listMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  listMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  listMyEnrollments(argument: _lms_enrollment_v1_ListMyEnrollmentsRequest, callback: grpc.requestCallback<_lms_enrollment_v1_MyEnrollmentPage__Output>): grpc.ClientUnaryCall;
  
  ReviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ReviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ReviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  ReviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  reviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  reviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  reviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  reviewEnrollment(argument: _lms_enrollment_v1_ReviewRequest, callback: grpc.requestCallback<_lms_enrollment_v1_Enrollment__Output>): grpc.ClientUnaryCall;
  
  StartLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  StartLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  StartLesson(argument: _lms_enrollment_v1_LessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  StartLesson(argument: _lms_enrollment_v1_LessonRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  startLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  startLesson(argument: _lms_enrollment_v1_LessonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  startLesson(argument: _lms_enrollment_v1_LessonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  startLesson(argument: _lms_enrollment_v1_LessonRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  
  UpdateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  UpdateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  UpdateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  UpdateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  updateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  updateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  updateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  updateLessonProgress(argument: _lms_enrollment_v1_UpdateLessonProgressRequest, callback: grpc.requestCallback<_lms_enrollment_v1_LessonProgress__Output>): grpc.ClientUnaryCall;
  
}

export interface EnrollmentServiceHandlers extends grpc.UntypedServiceImplementation {
  BulkEnroll: grpc.handleUnaryCall<_lms_enrollment_v1_BulkEnrollRequest__Output, _lms_enrollment_v1_BulkEnrollmentJob>;
  
  CompleteLesson: grpc.handleUnaryCall<_lms_enrollment_v1_LessonRequest__Output, _lms_enrollment_v1_LessonProgress>;
  
  CountStudentEnrollments: grpc.handleUnaryCall<_lms_enrollment_v1_CountStudentEnrollmentsRequest__Output, _lms_enrollment_v1_CountStudentEnrollmentsReply>;
  
  DropEnrollment: grpc.handleUnaryCall<_lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  Enroll: grpc.handleUnaryCall<_lms_enrollment_v1_EnrollRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  ExtendEnrollment: grpc.handleUnaryCall<_lms_enrollment_v1_ExtendEnrollmentRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  GetCourseStats: grpc.handleUnaryCall<_lms_enrollment_v1_CourseIdRequest__Output, _lms_enrollment_v1_CourseStats>;
  
  GetEnrollment: grpc.handleUnaryCall<_lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  GetEnrollmentFacts: grpc.handleUnaryCall<_lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  GetProgress: grpc.handleUnaryCall<_lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_EnrollmentProgress>;
  
  IsEnrolled: grpc.handleUnaryCall<_lms_enrollment_v1_IsEnrolledRequest__Output, _lms_enrollment_v1_IsEnrolledReply>;
  
  ListCourseEnrollments: grpc.handleUnaryCall<_lms_enrollment_v1_ListCourseEnrollmentsRequest__Output, _lms_enrollment_v1_EnrollmentPage>;
  
  ListCourseReviews: grpc.handleUnaryCall<_lms_enrollment_v1_ListCourseReviewsRequest__Output, _lms_enrollment_v1_CourseReviewPage>;
  
  ListMyEnrollments: grpc.handleUnaryCall<_lms_enrollment_v1_ListMyEnrollmentsRequest__Output, _lms_enrollment_v1_MyEnrollmentPage>;
  
  ReviewEnrollment: grpc.handleUnaryCall<_lms_enrollment_v1_ReviewRequest__Output, _lms_enrollment_v1_Enrollment>;
  
  StartLesson: grpc.handleUnaryCall<_lms_enrollment_v1_LessonRequest__Output, _lms_enrollment_v1_LessonProgress>;
  
  UpdateLessonProgress: grpc.handleUnaryCall<_lms_enrollment_v1_UpdateLessonProgressRequest__Output, _lms_enrollment_v1_LessonProgress>;
  
}

export interface EnrollmentServiceDefinition extends grpc.ServiceDefinition {
  BulkEnroll: MethodDefinition<_lms_enrollment_v1_BulkEnrollRequest, _lms_enrollment_v1_BulkEnrollmentJob, _lms_enrollment_v1_BulkEnrollRequest__Output, _lms_enrollment_v1_BulkEnrollmentJob__Output>
  CompleteLesson: MethodDefinition<_lms_enrollment_v1_LessonRequest, _lms_enrollment_v1_LessonProgress, _lms_enrollment_v1_LessonRequest__Output, _lms_enrollment_v1_LessonProgress__Output>
  CountStudentEnrollments: MethodDefinition<_lms_enrollment_v1_CountStudentEnrollmentsRequest, _lms_enrollment_v1_CountStudentEnrollmentsReply, _lms_enrollment_v1_CountStudentEnrollmentsRequest__Output, _lms_enrollment_v1_CountStudentEnrollmentsReply__Output>
  DropEnrollment: MethodDefinition<_lms_enrollment_v1_EnrollmentIdRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  Enroll: MethodDefinition<_lms_enrollment_v1_EnrollRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_EnrollRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  ExtendEnrollment: MethodDefinition<_lms_enrollment_v1_ExtendEnrollmentRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_ExtendEnrollmentRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  GetCourseStats: MethodDefinition<_lms_enrollment_v1_CourseIdRequest, _lms_enrollment_v1_CourseStats, _lms_enrollment_v1_CourseIdRequest__Output, _lms_enrollment_v1_CourseStats__Output>
  GetEnrollment: MethodDefinition<_lms_enrollment_v1_EnrollmentIdRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  GetEnrollmentFacts: MethodDefinition<_lms_enrollment_v1_EnrollmentIdRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  GetProgress: MethodDefinition<_lms_enrollment_v1_EnrollmentIdRequest, _lms_enrollment_v1_EnrollmentProgress, _lms_enrollment_v1_EnrollmentIdRequest__Output, _lms_enrollment_v1_EnrollmentProgress__Output>
  IsEnrolled: MethodDefinition<_lms_enrollment_v1_IsEnrolledRequest, _lms_enrollment_v1_IsEnrolledReply, _lms_enrollment_v1_IsEnrolledRequest__Output, _lms_enrollment_v1_IsEnrolledReply__Output>
  ListCourseEnrollments: MethodDefinition<_lms_enrollment_v1_ListCourseEnrollmentsRequest, _lms_enrollment_v1_EnrollmentPage, _lms_enrollment_v1_ListCourseEnrollmentsRequest__Output, _lms_enrollment_v1_EnrollmentPage__Output>
  ListCourseReviews: MethodDefinition<_lms_enrollment_v1_ListCourseReviewsRequest, _lms_enrollment_v1_CourseReviewPage, _lms_enrollment_v1_ListCourseReviewsRequest__Output, _lms_enrollment_v1_CourseReviewPage__Output>
  ListMyEnrollments: MethodDefinition<_lms_enrollment_v1_ListMyEnrollmentsRequest, _lms_enrollment_v1_MyEnrollmentPage, _lms_enrollment_v1_ListMyEnrollmentsRequest__Output, _lms_enrollment_v1_MyEnrollmentPage__Output>
  ReviewEnrollment: MethodDefinition<_lms_enrollment_v1_ReviewRequest, _lms_enrollment_v1_Enrollment, _lms_enrollment_v1_ReviewRequest__Output, _lms_enrollment_v1_Enrollment__Output>
  StartLesson: MethodDefinition<_lms_enrollment_v1_LessonRequest, _lms_enrollment_v1_LessonProgress, _lms_enrollment_v1_LessonRequest__Output, _lms_enrollment_v1_LessonProgress__Output>
  UpdateLessonProgress: MethodDefinition<_lms_enrollment_v1_UpdateLessonProgressRequest, _lms_enrollment_v1_LessonProgress, _lms_enrollment_v1_UpdateLessonProgressRequest__Output, _lms_enrollment_v1_LessonProgress__Output>
}
