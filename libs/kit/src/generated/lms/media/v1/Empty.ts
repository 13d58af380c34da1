// Original file: protos/lms/media/v1/media.proto


export interface Empty {
}

export interface Empty__Output {
}
