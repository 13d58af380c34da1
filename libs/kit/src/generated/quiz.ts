import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { QuizServiceClient as _lms_quiz_v1_QuizServiceClient, QuizServiceDefinition as _lms_quiz_v1_QuizServiceDefinition } from './lms/quiz/v1/QuizService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    quiz: {
      v1: {
        Answer: MessageTypeDefinition
        Attempt: MessageTypeDefinition
        AttemptPage: MessageTypeDefinition
        AttemptPaper: MessageTypeDefinition
        AttemptRef: MessageTypeDefinition
        AttemptResult: MessageTypeDefinition
        AttemptSummary: MessageTypeDefinition
        Choice: MessageTypeDefinition
        CourseGrade: MessageTypeDefinition
        CourseGradeRequest: MessageTypeDefinition
        CreatePoolRequest: MessageTypeDefinition
        CreateQuestionRequest: MessageTypeDefinition
        CreateQuizRequest: MessageTypeDefinition
        Empty: MessageTypeDefinition
        GetRegradeRequest: MessageTypeDefinition
        GradeAttemptRequest: MessageTypeDefinition
        ListAttemptsRequest: MessageTypeDefinition
        ListQuizzesRequest: MessageTypeDefinition
        MatchAnswer: MessageTypeDefinition
        MatchPair: MessageTypeDefinition
        MyAttempts: MessageTypeDefinition
        NumericKey: MessageTypeDefinition
        Option: MessageTypeDefinition
        PaperQuestion: MessageTypeDefinition
        Pool: MessageTypeDefinition
        PoolRef: MessageTypeDefinition
        Question: MessageTypeDefinition
        QuestionGrade: MessageTypeDefinition
        QuestionList: MessageTypeDefinition
        QuestionRef: MessageTypeDefinition
        QuestionResult: MessageTypeDefinition
        Quiz: MessageTypeDefinition
        QuizIdRequest: MessageTypeDefinition
        QuizList: MessageTypeDefinition
        QuizRef: MessageTypeDefinition
        QuizService: SubtypeConstructor<typeof grpc.Client, _lms_quiz_v1_QuizServiceClient> & { service: _lms_quiz_v1_QuizServiceDefinition }
        RegradeList: MessageTypeDefinition
        RegradeReport: MessageTypeDefinition
        RegradeRequest: MessageTypeDefinition
        ReorderQuestionsRequest: MessageTypeDefinition
        SaveAnswersRequest: MessageTypeDefinition
        ScoreChange: MessageTypeDefinition
        SubmitAttemptRequest: MessageTypeDefinition
        UpdatePoolRequest: MessageTypeDefinition
        UpdateQuestionRequest: MessageTypeDefinition
        UpdateQuizRequest: MessageTypeDefinition
      }
    }
  }
}

