import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AnalyticsServiceClient as _lms_analytics_v1_AnalyticsServiceClient, AnalyticsServiceDefinition as _lms_analytics_v1_AnalyticsServiceDefinition } from './lms/analytics/v1/AnalyticsService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    analytics: {
      v1: {
        Achievement: MessageTypeDefinition
        ActivityDay: MessageTypeDefinition
        AnalyticsService: SubtypeConstructor<typeof grpc.Client, _lms_analytics_v1_AnalyticsServiceClient> & { service: _lms_analytics_v1_AnalyticsServiceDefinition }
        AtRiskPage: MessageTypeDefinition
        AtRiskRequest: MessageTypeDefinition
        AtRiskStudent: MessageTypeDefinition
        CompletionTrendPoint: MessageTypeDefinition
        CourseDashboard: MessageTypeDefinition
        CourseEngagement: MessageTypeDefinition
        CourseRequest: MessageTypeDefinition
        CourseStats: MessageTypeDefinition
        CourseStudentExportPage: MessageTypeDefinition
        CourseStudentRow: MessageTypeDefinition
        DaysRequest: MessageTypeDefinition
        DifficultQuestion: MessageTypeDefinition
        EnrollmentTrendPoint: MessageTypeDefinition
        EnrollmentTrendSeries: MessageTypeDefinition
        ExportCourseStudentsRequest: MessageTypeDefinition
        FunnelStep: MessageTypeDefinition
        InstructorCoursePerformance: MessageTypeDefinition
        InstructorDashboard: MessageTypeDefinition
        InstructorRequest: MessageTypeDefinition
        InstructorStats: MessageTypeDefinition
        ItemStat: MessageTypeDefinition
        LessonFunnel: MessageTypeDefinition
        LessonFunnelRequest: MessageTypeDefinition
        LessonPerformance: MessageTypeDefinition
        LimitRequest: MessageTypeDefinition
        Money: MessageTypeDefinition
        MostWatchedLesson: MessageTypeDefinition
        OptionStat: MessageTypeDefinition
        OptionalNumber: MessageTypeDefinition
        PdfDocument: MessageTypeDefinition
        PopularCourse: MessageTypeDefinition
        PopularCourseList: MessageTypeDefinition
        QuizItemAnalysis: MessageTypeDefinition
        QuizPerformance: MessageTypeDefinition
        QuizRequest: MessageTypeDefinition
        RatingCount: MessageTypeDefinition
        RecentEnrollment: MessageTypeDefinition
        RecentReview: MessageTypeDefinition
        Recommendation: MessageTypeDefinition
        RevenueSummary: MessageTypeDefinition
        RiskReason: MessageTypeDefinition
        StudentCourseProgress: MessageTypeDefinition
        StudentDashboard: MessageTypeDefinition
        StudentFeedback: MessageTypeDefinition
        StudentProgressSummary: MessageTypeDefinition
        StudentRequest: MessageTypeDefinition
        SystemDashboard: MessageTypeDefinition
        SystemDashboardRequest: MessageTypeDefinition
        SystemOverview: MessageTypeDefinition
        TopInstructor: MessageTypeDefinition
        TopInstructorList: MessageTypeDefinition
        UserGrowthPoint: MessageTypeDefinition
        UserGrowthSeries: MessageTypeDefinition
      }
    }
  }
}

