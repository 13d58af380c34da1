// Original file: protos/lms/analytics/v1/analytics.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AtRiskPage as _lms_analytics_v1_AtRiskPage, AtRiskPage__Output as _lms_analytics_v1_AtRiskPage__Output } from '../../../lms/analytics/v1/AtRiskPage';
import type { AtRiskRequest as _lms_analytics_v1_AtRiskRequest, AtRiskRequest__Output as _lms_analytics_v1_AtRiskRequest__Output } from '../../../lms/analytics/v1/AtRiskRequest';
import type { CourseDashboard as _lms_analytics_v1_CourseDashboard, CourseDashboard__Output as _lms_analytics_v1_CourseDashboard__Output } from '../../../lms/analytics/v1/CourseDashboard';
import type { CourseRequest as _lms_analytics_v1_CourseRequest, CourseRequest__Output as _lms_analytics_v1_CourseRequest__Output } from '../../../lms/analytics/v1/CourseRequest';
import type { CourseStudentExportPage as _lms_analytics_v1_CourseStudentExportPage, CourseStudentExportPage__Output as _lms_analytics_v1_CourseStudentExportPage__Output } from '../../../lms/analytics/v1/CourseStudentExportPage';
import type { DaysRequest as _lms_analytics_v1_DaysRequest, DaysRequest__Output as _lms_analytics_v1_DaysRequest__Output } from '../../../lms/analytics/v1/DaysRequest';
import type { EnrollmentTrendSeries as _lms_analytics_v1_EnrollmentTrendSeries, EnrollmentTrendSeries__Output as _lms_analytics_v1_EnrollmentTrendSeries__Output } from '../../../lms/analytics/v1/EnrollmentTrendSeries';
import type { ExportCourseStudentsRequest as _lms_analytics_v1_ExportCourseStudentsRequest, ExportCourseStudentsRequest__Output as _lms_analytics_v1_ExportCourseStudentsRequest__Output } from '../../../lms/analytics/v1/ExportCourseStudentsRequest';
import type { InstructorDashboard as _lms_analytics_v1_InstructorDashboard, InstructorDashboard__Output as _lms_analytics_v1_InstructorDashboard__Output } from '../../../lms/analytics/v1/InstructorDashboard';
import type { InstructorRequest as _lms_analytics_v1_InstructorRequest, InstructorRequest__Output as _lms_analytics_v1_InstructorRequest__Output } from '../../../lms/analytics/v1/InstructorRequest';
import type { LessonFunnel as _lms_analytics_v1_LessonFunnel, LessonFunnel__Output as _lms_analytics_v1_LessonFunnel__Output } from '../../../lms/analytics/v1/LessonFunnel';
import type { LessonFunnelRequest as _lms_analytics_v1_LessonFunnelRequest, LessonFunnelRequest__Output as _lms_analytics_v1_LessonFunnelRequest__Output } from '../../../lms/analytics/v1/LessonFunnelRequest';
import type { LimitRequest as _lms_analytics_v1_LimitRequest, LimitRequest__Output as _lms_analytics_v1_LimitRequest__Output } from '../../../lms/analytics/v1/LimitRequest';
import type { PdfDocument as _lms_analytics_v1_PdfDocument, PdfDocument__Output as _lms_analytics_v1_PdfDocument__Output } from '../../../lms/analytics/v1/PdfDocument';
import type { PopularCourseList as _lms_analytics_v1_PopularCourseList, PopularCourseList__Output as _lms_analytics_v1_PopularCourseList__Output } from '../../../lms/analytics/v1/PopularCourseList';
import type { QuizItemAnalysis as _lms_analytics_v1_QuizItemAnalysis, QuizItemAnalysis__Output as _lms_analytics_v1_QuizItemAnalysis__Output } from '../../../lms/analytics/v1/QuizItemAnalysis';
import type { QuizRequest as _lms_analytics_v1_QuizRequest, QuizRequest__Output as _lms_analytics_v1_QuizRequest__Output } from '../../../lms/analytics/v1/QuizRequest';
import type { StudentDashboard as _lms_analytics_v1_StudentDashboard, StudentDashboard__Output as _lms_analytics_v1_StudentDashboard__Output } from '../../../lms/analytics/v1/StudentDashboard';
import type { StudentProgressSummary as _lms_analytics_v1_StudentProgressSummary, StudentProgressSummary__Output as _lms_analytics_v1_StudentProgressSummary__Output } from '../../../lms/analytics/v1/StudentProgressSummary';
import type { StudentRequest as _lms_analytics_v1_StudentRequest, StudentRequest__Output as _lms_analytics_v1_StudentRequest__Output } from '../../../lms/analytics/v1/StudentRequest';
import type { SystemDashboard as _lms_analytics_v1_SystemDashboard, SystemDashboard__Output as _lms_analytics_v1_SystemDashboard__Output } from '../../../lms/analytics/v1/SystemDashboard';
import type { SystemDashboardRequest as _lms_analytics_v1_SystemDashboardRequest, SystemDashboardRequest__Output as _lms_analytics_v1_SystemDashboardRequest__Output } from '../../../lms/analytics/v1/SystemDashboardRequest';
import type { TopInstructorList as _lms_analytics_v1_TopInstructorList, TopInstructorList__Output as _lms_analytics_v1_TopInstructorList__Output } from '../../../lms/analytics/v1/TopInstructorList';
import type { UserGrowthSeries as _lms_analytics_v1_UserGrowthSeries, UserGrowthSeries__Output as _lms_analytics_v1_UserGrowthSeries__Output } from '../../../lms/analytics/v1/UserGrowthSeries';

export interface AnalyticsServiceClient extends grpc.Client {
  ExportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  ExportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  ExportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  ExportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  exportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  exportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  exportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  exportCourseStudents(argument: _lms_analytics_v1_ExportCourseStudentsRequest, callback: grpc.requestCallback<_lms_analytics_v1_CourseStudentExportPage__Output>): grpc.ClientUnaryCall;
  
  ExportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  ExportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  ExportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  ExportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  exportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  exportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  exportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  exportStudentProgressPdf(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_PdfDocument__Output>): grpc.ClientUnaryCall;
  
  GetAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  GetAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  GetAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  GetAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  getAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  getAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  getAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  getAtRiskStudents(argument: _lms_analytics_v1_AtRiskRequest, callback: grpc.requestCallback<_lms_analytics_v1_AtRiskPage__Output>): grpc.ClientUnaryCall;
  
  GetCourseDashboard(argument: _lms_analytics_v1_CourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  GetCourseDashboard(argument: _lms_analytics_v1_CourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  GetCourseDashboard(argument: _lms_analytics_v1_CourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  GetCourseDashboard(argument: _lms_analytics_v1_CourseRequest, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  getCourseDashboard(argument: _lms_analytics_v1_CourseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  getCourseDashboard(argument: _lms_analytics_v1_CourseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  getCourseDashboard(argument: _lms_analytics_v1_CourseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  getCourseDashboard(argument: _lms_analytics_v1_CourseRequest, callback: grpc.requestCallback<_lms_analytics_v1_CourseDashboard__Output>): grpc.ClientUnaryCall;
  
  GetEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  GetEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  GetEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  GetEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  getEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  getEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  getEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  getEnrollmentTrend(argument: _lms_analytics_v1_DaysRequest, callback: grpc.requestCallback<_lms_analytics_v1_EnrollmentTrendSeries__Output>): grpc.ClientUnaryCall;
  
  GetInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  GetInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  GetInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  GetInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  getInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  getInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  getInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  getInstructorDashboard(argument: _lms_analytics_v1_InstructorRequest, callback: grpc.requestCallback<_lms_analytics_v1_InstructorDashboard__Output>): grpc.ClientUnaryCall;
  
  GetLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  GetLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  GetLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  GetLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  getLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  getLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  getLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  getLessonFunnel(argument: _lms_analytics_v1_LessonFunnelRequest, callback: grpc.requestCallback<_lms_analytics_v1_LessonFunnel__Output>): grpc.ClientUnaryCall;
  
  GetPopularCourses(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  GetPopularCourses(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  GetPopularCourses(argument: _lms_analytics_v1_LimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  GetPopularCourses(argument: _lms_analytics_v1_LimitRequest, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  getPopularCourses(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  getPopularCourses(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  getPopularCourses(argument: _lms_analytics_v1_LimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  getPopularCourses(argument: _lms_analytics_v1_LimitRequest, callback: grpc.requestCallback<_lms_analytics_v1_PopularCourseList__Output>): grpc.ClientUnaryCall;
  
  GetQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  GetQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  GetQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  GetQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  getQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  getQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  getQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  getQuizItemAnalysis(argument: _lms_analytics_v1_QuizRequest, callback: grpc.requestCallback<_lms_analytics_v1_QuizItemAnalysis__Output>): grpc.ClientUnaryCall;
  
  GetStudentDashboard(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  GetStudentDashboard(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  GetStudentDashboard(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  GetStudentDashboard(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  getStudentDashboard(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  getStudentDashboard(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  getStudentDashboard(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  getStudentDashboard(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_StudentDashboard__Output>): grpc.ClientUnaryCall;
  
  GetStudentSummary(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  GetStudentSummary(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  GetStudentSummary(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  GetStudentSummary(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  getStudentSummary(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  getStudentSummary(argument: _lms_analytics_v1_StudentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  getStudentSummary(argument: _lms_analytics_v1_StudentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  getStudentSummary(argument: _lms_analytics_v1_StudentRequest, callback: grpc.requestCallback<_lms_analytics_v1_StudentProgressSummary__Output>): grpc.ClientUnaryCall;
  
  GetSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  GetSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  GetSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  GetSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  getSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  getSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  getSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  getSystemDashboard(argument: _lms_analytics_v1_SystemDashboardRequest, callback: grpc.requestCallback<_lms_analytics_v1_SystemDashboard__Output>): grpc.ClientUnaryCall;
  
  GetTopInstructors(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  GetTopInstructors(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  GetTopInstructors(argument: _lms_analytics_v1_LimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  GetTopInstructors(argument: _lms_analytics_v1_LimitRequest, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  getTopInstructors(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  getTopInstructors(argument: _lms_analytics_v1_LimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  getTopInstructors(argument: _lms_analytics_v1_LimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  getTopInstructors(argument: _lms_analytics_v1_LimitRequest, callback: grpc.requestCallback<_lms_analytics_v1_TopInstructorList__Output>): grpc.ClientUnaryCall;
  
  GetUserGrowth(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  GetUserGrowth(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  GetUserGrowth(argument: _lms_analytics_v1_DaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  GetUserGrowth(argument: _lms_analytics_v1_DaysRequest, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  getUserGrowth(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  getUserGrowth(argument: _lms_analytics_v1_DaysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  getUserGrowth(argument: _lms_analytics_v1_DaysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  getUserGrowth(argument: _lms_analytics_v1_DaysRequest, callback: grpc.requestCallback<_lms_analytics_v1_UserGrowthSeries__Output>): grpc.ClientUnaryCall;
  
}

export interface AnalyticsServiceHandlers extends grpc.UntypedServiceImplementation {
  ExportCourseStudents: grpc.handleUnaryCall<_lms_analytics_v1_ExportCourseStudentsRequest__Output, _lms_analytics_v1_CourseStudentExportPage>;
  
  ExportStudentProgressPdf: grpc.handleUnaryCall<_lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_PdfDocument>;
  
  GetAtRiskStudents: grpc.handleUnaryCall<_lms_analytics_v1_AtRiskRequest__Output, _lms_analytics_v1_AtRiskPage>;
  
  GetCourseDashboard: grpc.handleUnaryCall<_lms_analytics_v1_CourseRequest__Output, _lms_analytics_v1_CourseDashboard>;
  
  GetEnrollmentTrend: grpc.handleUnaryCall<_lms_analytics_v1_DaysRequest__Output, _lms_analytics_v1_EnrollmentTrendSeries>;
  
  GetInstructorDashboard: grpc.handleUnaryCall<_lms_analytics_v1_InstructorRequest__Output, _lms_analytics_v1_InstructorDashboard>;
  
  GetLessonFunnel: grpc.handleUnaryCall<_lms_analytics_v1_LessonFunnelRequest__Output, _lms_analytics_v1_LessonFunnel>;
  
  GetPopularCourses: grpc.handleUnaryCall<_lms_analytics_v1_LimitRequest__Output, _lms_analytics_v1_PopularCourseList>;
  
  GetQuizItemAnalysis: grpc.handleUnaryCall<_lms_analytics_v1_QuizRequest__Output, _lms_analytics_v1_QuizItemAnalysis>;
  
  GetStudentDashboard: grpc.handleUnaryCall<_lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_StudentDashboard>;
  
  GetStudentSummary: grpc.handleUnaryCall<_lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_StudentProgressSummary>;
  
  GetSystemDashboard: grpc.handleUnaryCall<_lms_analytics_v1_SystemDashboardRequest__Output, _lms_analytics_v1_SystemDashboard>;
  
  GetTopInstructors: grpc.handleUnaryCall<_lms_analytics_v1_LimitRequest__Output, _lms_analytics_v1_TopInstructorList>;
  
  GetUserGrowth: grpc.handleUnaryCall<_lms_analytics_v1_DaysRequest__Output, _lms_analytics_v1_UserGrowthSeries>;
  
}

export interface AnalyticsServiceDefinition extends grpc.ServiceDefinition {
  ExportCourseStudents: MethodDefinition<_lms_analytics_v1_ExportCourseStudentsRequest, _lms_analytics_v1_CourseStudentExportPage, _lms_analytics_v1_ExportCourseStudentsRequest__Output, _lms_analytics_v1_CourseStudentExportPage__Output>
  ExportStudentProgressPdf: MethodDefinition<_lms_analytics_v1_StudentRequest, _lms_analytics_v1_PdfDocument, _lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_PdfDocument__Output>
  GetAtRiskStudents: MethodDefinition<_lms_analytics_v1_AtRiskRequest, _lms_analytics_v1_AtRiskPage, _lms_analytics_v1_AtRiskRequest__Output, _lms_analytics_v1_AtRiskPage__Output>
  GetCourseDashboard: MethodDefinition<_lms_analytics_v1_CourseRequest, _lms_analytics_v1_CourseDashboard, _lms_analytics_v1_CourseRequest__Output, _lms_analytics_v1_CourseDashboard__Output>
  GetEnrollmentTrend: MethodDefinition<_lms_analytics_v1_DaysRequest, _lms_analytics_v1_EnrollmentTrendSeries, _lms_analytics_v1_DaysRequest__Output, _lms_analytics_v1_EnrollmentTrendSeries__Output>
  GetInstructorDashboard: MethodDefinition<_lms_analytics_v1_InstructorRequest, _lms_analytics_v1_InstructorDashboard, _lms_analytics_v1_InstructorRequest__Output, _lms_analytics_v1_InstructorDashboard__Output>
  GetLessonFunnel: MethodDefinition<_lms_analytics_v1_LessonFunnelRequest, _lms_analytics_v1_LessonFunnel, _lms_analytics_v1_LessonFunnelRequest__Output, _lms_analytics_v1_LessonFunnel__Output>
  GetPopularCourses: MethodDefinition<_lms_analytics_v1_LimitRequest, _lms_analytics_v1_PopularCourseList, _lms_analytics_v1_LimitRequest__Output, _lms_analytics_v1_PopularCourseList__Output>
  GetQuizItemAnalysis: MethodDefinition<_lms_analytics_v1_QuizRequest, _lms_analytics_v1_QuizItemAnalysis, _lms_analytics_v1_QuizRequest__Output, _lms_analytics_v1_QuizItemAnalysis__Output>
  GetStudentDashboard: MethodDefinition<_lms_analytics_v1_StudentRequest, _lms_analytics_v1_StudentDashboard, _lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_StudentDashboard__Output>
  GetStudentSummary: MethodDefinition<_lms_analytics_v1_StudentRequest, _lms_analytics_v1_StudentProgressSummary, _lms_analytics_v1_StudentRequest__Output, _lms_analytics_v1_StudentProgressSummary__Output>
  GetSystemDashboard: MethodDefinition<_lms_analytics_v1_SystemDashboardRequest, _lms_analytics_v1_SystemDashboard, _lms_analytics_v1_SystemDashboardRequest__Output, _lms_analytics_v1_SystemDashboard__Output>
  GetTopInstructors: MethodDefinition<_lms_analytics_v1_LimitRequest, _lms_analytics_v1_TopInstructorList, _lms_analytics_v1_LimitRequest__Output, _lms_analytics_v1_TopInstructorList__Output>
  GetUserGrowth: MethodDefinition<_lms_analytics_v1_DaysRequest, _lms_analytics_v1_UserGrowthSeries, _lms_analytics_v1_DaysRequest__Output, _lms_analytics_v1_UserGrowthSeries__Output>
}
