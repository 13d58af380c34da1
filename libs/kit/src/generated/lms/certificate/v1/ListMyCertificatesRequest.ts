// Original file: protos/lms/certificate/v1/certificate.proto


export interface ListMyCertificatesRequest {
}

export interface ListMyCertificatesRequest__Output {
}
