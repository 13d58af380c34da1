// Original file: protos/lms/auth/v1/auth.proto


export interface Empty {
}

export interface Empty__Output {
}
