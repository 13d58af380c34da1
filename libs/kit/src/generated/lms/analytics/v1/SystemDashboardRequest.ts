// Original file: protos/lms/analytics/v1/analytics.proto


export interface SystemDashboardRequest {
}

export interface SystemDashboardRequest__Output {
}
