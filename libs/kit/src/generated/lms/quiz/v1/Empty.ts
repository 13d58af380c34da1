// Original file: protos/lms/quiz/v1/quiz.proto


export interface Empty {
}

export interface Empty__Output {
}
