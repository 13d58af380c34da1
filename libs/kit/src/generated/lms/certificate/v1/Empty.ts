// Original file: protos/lms/certificate/v1/certificate.proto


export interface Empty {
}

export interface Empty__Output {
}
