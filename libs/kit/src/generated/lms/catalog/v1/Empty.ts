// Original file: protos/lms/catalog/v1/catalog.proto


export interface Empty {
}

export interface Empty__Output {
}
