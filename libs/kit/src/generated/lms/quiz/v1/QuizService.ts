// Original file: protos/lms/quiz/v1/quiz.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Attempt as _lms_quiz_v1_Attempt, Attempt__Output as _lms_quiz_v1_Attempt__Output } from '../../../lms/quiz/v1/Attempt';
import type { AttemptPage as _lms_quiz_v1_AttemptPage, AttemptPage__Output as _lms_quiz_v1_AttemptPage__Output } from '../../../lms/quiz/v1/AttemptPage';
import type { AttemptPaper as _lms_quiz_v1_AttemptPaper, AttemptPaper__Output as _lms_quiz_v1_AttemptPaper__Output } from '../../../lms/quiz/v1/AttemptPaper';
import type { AttemptRef as _lms_quiz_v1_AttemptRef, AttemptRef__Output as _lms_quiz_v1_AttemptRef__Output } from '../../../lms/quiz/v1/AttemptRef';
import type { AttemptResult as _lms_quiz_v1_AttemptResult, AttemptResult__Output as _lms_quiz_v1_AttemptResult__Output } from '../../../lms/quiz/v1/AttemptResult';
import type { CourseGrade as _lms_quiz_v1_CourseGrade, CourseGrade__Output as _lms_quiz_v1_CourseGrade__Output } from '../../../lms/quiz/v1/CourseGrade';
import type { CourseGradeRequest as _lms_quiz_v1_CourseGradeRequest, CourseGradeRequest__Output as _lms_quiz_v1_CourseGradeRequest__Output } from '../../../lms/quiz/v1/CourseGradeRequest';
import type { CreatePoolRequest as _lms_quiz_v1_CreatePoolRequest, CreatePoolRequest__Output as _lms_quiz_v1_CreatePoolRequest__Output } from '../../../lms/quiz/v1/CreatePoolRequest';
import type { CreateQuestionRequest as _lms_quiz_v1_CreateQuestionRequest, CreateQuestionRequest__Output as _lms_quiz_v1_CreateQuestionRequest__Output } from '../../../lms/quiz/v1/CreateQuestionRequest';
import type { CreateQuizRequest as _lms_quiz_v1_CreateQuizRequest, CreateQuizRequest__Output as _lms_quiz_v1_CreateQuizRequest__Output } from '../../../lms/quiz/v1/CreateQuizRequest';
import type { Empty as _lms_quiz_v1_Empty, Empty__Output as _lms_quiz_v1_Empty__Output } from '../../../lms/quiz/v1/Empty';
import type { GetRegradeRequest as _lms_quiz_v1_GetRegradeRequest, GetRegradeRequest__Output as _lms_quiz_v1_GetRegradeRequest__Output } from '../../../lms/quiz/v1/GetRegradeRequest';
import type { GradeAttemptRequest as _lms_quiz_v1_GradeAttemptRequest, GradeAttemptRequest__Output as _lms_quiz_v1_GradeAttemptRequest__Output } from '../../../lms/quiz/v1/GradeAttemptRequest';
import type { ListAttemptsRequest as _lms_quiz_v1_ListAttemptsRequest, ListAttemptsRequest__Output as _lms_quiz_v1_ListAttemptsRequest__Output } from '../../../lms/quiz/v1/ListAttemptsRequest';
import type { ListQuizzesRequest as _lms_quiz_v1_ListQuizzesRequest, ListQuizzesRequest__Output as _lms_quiz_v1_ListQuizzesRequest__Output } from '../../../lms/quiz/v1/ListQuizzesRequest';
import type { MyAttempts as _lms_quiz_v1_MyAttempts, MyAttempts__Output as _lms_quiz_v1_MyAttempts__Output } from '../../../lms/quiz/v1/MyAttempts';
import type { Pool as _lms_quiz_v1_Pool, Pool__Output as _lms_quiz_v1_Pool__Output } from '../../../lms/quiz/v1/Pool';
import type { PoolRef as _lms_quiz_v1_PoolRef, PoolRef__Output as _lms_quiz_v1_PoolRef__Output } from '../../../lms/quiz/v1/PoolRef';
import type { Question as _lms_quiz_v1_Question, Question__Output as _lms_quiz_v1_Question__Output } from '../../../lms/quiz/v1/Question';
import type { QuestionList as _lms_quiz_v1_QuestionList, QuestionList__Output as _lms_quiz_v1_QuestionList__Output } from '../../../lms/quiz/v1/QuestionList';
import type { QuestionRef as _lms_quiz_v1_QuestionRef, QuestionRef__Output as _lms_quiz_v1_QuestionRef__Output } from '../../../lms/quiz/v1/QuestionRef';
import type { Quiz as _lms_quiz_v1_Quiz, Quiz__Output as _lms_quiz_v1_Quiz__Output } from '../../../lms/quiz/v1/Quiz';
import type { QuizIdRequest as _lms_quiz_v1_QuizIdRequest, QuizIdRequest__Output as _lms_quiz_v1_QuizIdRequest__Output } from '../../../lms/quiz/v1/QuizIdRequest';
import type { QuizList as _lms_quiz_v1_QuizList, QuizList__Output as _lms_quiz_v1_QuizList__Output } from '../../../lms/quiz/v1/QuizList';
import type { QuizRef as _lms_quiz_v1_QuizRef, QuizRef__Output as _lms_quiz_v1_QuizRef__Output } from '../../../lms/quiz/v1/QuizRef';
import type { RegradeList as _lms_quiz_v1_RegradeList, RegradeList__Output as _lms_quiz_v1_RegradeList__Output } from '../../../lms/quiz/v1/RegradeList';
import type { RegradeReport as _lms_quiz_v1_RegradeReport, RegradeReport__Output as _lms_quiz_v1_RegradeReport__Output } from '../../../lms/quiz/v1/RegradeReport';
import type { RegradeRequest as _lms_quiz_v1_RegradeRequest, RegradeRequest__Output as _lms_quiz_v1_RegradeRequest__Output } from '../../../lms/quiz/v1/RegradeRequest';
import type { ReorderQuestionsRequest as _lms_quiz_v1_ReorderQuestionsRequest, ReorderQuestionsRequest__Output as _lms_quiz_v1_ReorderQuestionsRequest__Output } from '../../../lms/quiz/v1/ReorderQuestionsRequest';
import type { SaveAnswersRequest as _lms_quiz_v1_SaveAnswersRequest, SaveAnswersRequest__Output as _lms_quiz_v1_SaveAnswersRequest__Output } from '../../../lms/quiz/v1/SaveAnswersRequest';
import type { SubmitAttemptRequest as _lms_quiz_v1_SubmitAttemptRequest, SubmitAttemptRequest__Output as _lms_quiz_v1_SubmitAttemptRequest__Output } from '../../../lms/quiz/v1/SubmitAttemptRequest';
import type { UpdatePoolRequest as _lms_quiz_v1_UpdatePoolRequest, UpdatePoolRequest__Output as _lms_quiz_v1_UpdatePoolRequest__Output } from '../../../lms/quiz/v1/UpdatePoolRequest';
import type { UpdateQuestionRequest as _lms_quiz_v1_UpdateQuestionRequest, UpdateQuestionRequest__Output as _lms_quiz_v1_UpdateQuestionRequest__Output } from '../../../lms/quiz/v1/UpdateQuestionRequest';
import type { UpdateQuizRequest as _lms_quiz_v1_UpdateQuizRequest, UpdateQuizRequest__Output as _lms_quiz_v1_UpdateQuizRequest__Output } from '../../../lms/quiz/v1/UpdateQuizRequest';

export interface QuizServiceClient extends grpc.Client {
  CreatePool(argument: _lms_quiz_v1_CreatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _lms_quiz_v1_CreatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _lms_quiz_v1_CreatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _lms_quiz_v1_CreatePoolRequest, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _lms_quiz_v1_CreatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _lms_quiz_v1_CreatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _lms_quiz_v1_CreatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _lms_quiz_v1_CreatePoolRequest, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  
  CreateQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  CreateQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  CreateQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  CreateQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  createQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  createQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  createQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  createQuestion(argument: _lms_quiz_v1_CreateQuestionRequest, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  
  CreateQuiz(argument: _lms_quiz_v1_CreateQuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  CreateQuiz(argument: _lms_quiz_v1_CreateQuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  CreateQuiz(argument: _lms_quiz_v1_CreateQuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  CreateQuiz(argument: _lms_quiz_v1_CreateQuizRequest, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  createQuiz(argument: _lms_quiz_v1_CreateQuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  createQuiz(argument: _lms_quiz_v1_CreateQuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  createQuiz(argument: _lms_quiz_v1_CreateQuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  createQuiz(argument: _lms_quiz_v1_CreateQuizRequest, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  
  DeletePool(argument: _lms_quiz_v1_PoolRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _lms_quiz_v1_PoolRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _lms_quiz_v1_PoolRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _lms_quiz_v1_PoolRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _lms_quiz_v1_PoolRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _lms_quiz_v1_PoolRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _lms_quiz_v1_PoolRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _lms_quiz_v1_PoolRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeleteQuestion(argument: _lms_quiz_v1_QuestionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuestion(argument: _lms_quiz_v1_QuestionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuestion(argument: _lms_quiz_v1_QuestionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuestion(argument: _lms_quiz_v1_QuestionRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuestion(argument: _lms_quiz_v1_QuestionRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuestion(argument: _lms_quiz_v1_QuestionRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuestion(argument: _lms_quiz_v1_QuestionRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuestion(argument: _lms_quiz_v1_QuestionRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  DeleteQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  DeleteQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  deleteQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Empty__Output>): grpc.ClientUnaryCall;
  
  GetAttempt(argument: _lms_quiz_v1_AttemptRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GetAttempt(argument: _lms_quiz_v1_AttemptRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GetAttempt(argument: _lms_quiz_v1_AttemptRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GetAttempt(argument: _lms_quiz_v1_AttemptRef, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  getAttempt(argument: _lms_quiz_v1_AttemptRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  getAttempt(argument: _lms_quiz_v1_AttemptRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  getAttempt(argument: _lms_quiz_v1_AttemptRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  getAttempt(argument: _lms_quiz_v1_AttemptRef, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  
  GetAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  GetAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  GetAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  GetAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  getAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  getAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  getAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  getAttemptPaper(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPaper__Output>): grpc.ClientUnaryCall;
  
  GetCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  GetCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  GetCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  GetCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  getCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  getCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  getCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  getCourseGrade(argument: _lms_quiz_v1_CourseGradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_CourseGrade__Output>): grpc.ClientUnaryCall;
  
  GetQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  GetQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  GetQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  GetQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  getQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  getQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  getQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  getQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  
  GetRegrade(argument: _lms_quiz_v1_GetRegradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  GetRegrade(argument: _lms_quiz_v1_GetRegradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  GetRegrade(argument: _lms_quiz_v1_GetRegradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  GetRegrade(argument: _lms_quiz_v1_GetRegradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  getRegrade(argument: _lms_quiz_v1_GetRegradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  getRegrade(argument: _lms_quiz_v1_GetRegradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  getRegrade(argument: _lms_quiz_v1_GetRegradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  getRegrade(argument: _lms_quiz_v1_GetRegradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  
  GradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  GradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  gradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  gradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  gradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  gradeAttempt(argument: _lms_quiz_v1_GradeAttemptRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  
  ListAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  ListAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  listAttempts(argument: _lms_quiz_v1_ListAttemptsRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptPage__Output>): grpc.ClientUnaryCall;
  
  ListMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  ListMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  ListMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  ListMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  listMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  listMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  listMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  listMyAttempts(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_MyAttempts__Output>): grpc.ClientUnaryCall;
  
  ListQuestions(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ListQuestions(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ListQuestions(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ListQuestions(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  listQuestions(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  listQuestions(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  listQuestions(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  listQuestions(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  
  ListQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  ListQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  ListQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  ListQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  listQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  listQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  listQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  listQuizzes(argument: _lms_quiz_v1_ListQuizzesRequest, callback: grpc.requestCallback<_lms_quiz_v1_QuizList__Output>): grpc.ClientUnaryCall;
  
  ListRegrades(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  ListRegrades(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  ListRegrades(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  ListRegrades(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  listRegrades(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  listRegrades(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  listRegrades(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  listRegrades(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeList__Output>): grpc.ClientUnaryCall;
  
  PublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  PublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  PublishQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  PublishQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  publishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  publishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  publishQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  publishQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  
  Regrade(argument: _lms_quiz_v1_RegradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  Regrade(argument: _lms_quiz_v1_RegradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  Regrade(argument: _lms_quiz_v1_RegradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  Regrade(argument: _lms_quiz_v1_RegradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  regrade(argument: _lms_quiz_v1_RegradeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  regrade(argument: _lms_quiz_v1_RegradeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  regrade(argument: _lms_quiz_v1_RegradeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  regrade(argument: _lms_quiz_v1_RegradeRequest, callback: grpc.requestCallback<_lms_quiz_v1_RegradeReport__Output>): grpc.ClientUnaryCall;
  
  ReorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ReorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ReorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  ReorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  reorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  reorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  reorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  reorderQuestions(argument: _lms_quiz_v1_ReorderQuestionsRequest, callback: grpc.requestCallback<_lms_quiz_v1_QuestionList__Output>): grpc.ClientUnaryCall;
  
  SaveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  SaveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  SaveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  SaveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  saveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  saveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  saveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  saveAnswers(argument: _lms_quiz_v1_SaveAnswersRequest, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  
  StartAttempt(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  StartAttempt(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  StartAttempt(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  StartAttempt(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  startAttempt(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  startAttempt(argument: _lms_quiz_v1_QuizIdRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  startAttempt(argument: _lms_quiz_v1_QuizIdRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  startAttempt(argument: _lms_quiz_v1_QuizIdRequest, callback: grpc.requestCallback<_lms_quiz_v1_Attempt__Output>): grpc.ClientUnaryCall;
  
  SubmitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  SubmitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  SubmitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  SubmitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  submitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  submitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  submitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  submitAttempt(argument: _lms_quiz_v1_SubmitAttemptRequest, callback: grpc.requestCallback<_lms_quiz_v1_AttemptResult__Output>): grpc.ClientUnaryCall;
  
  UnpublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UnpublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UnpublishQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UnpublishQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  unpublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  unpublishQuiz(argument: _lms_quiz_v1_QuizRef, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  unpublishQuiz(argument: _lms_quiz_v1_QuizRef, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  unpublishQuiz(argument: _lms_quiz_v1_QuizRef, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  
  UpdatePool(argument: _lms_quiz_v1_UpdatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _lms_quiz_v1_UpdatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _lms_quiz_v1_UpdatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _lms_quiz_v1_UpdatePoolRequest, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _lms_quiz_v1_UpdatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _lms_quiz_v1_UpdatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _lms_quiz_v1_UpdatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _lms_quiz_v1_UpdatePoolRequest, callback: grpc.requestCallback<_lms_quiz_v1_Pool__Output>): grpc.ClientUnaryCall;
  
  UpdateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  UpdateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  UpdateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  UpdateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  updateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  updateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  updateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  updateQuestion(argument: _lms_quiz_v1_UpdateQuestionRequest, callback: grpc.requestCallback<_lms_quiz_v1_Question__Output>): grpc.ClientUnaryCall;
  
  UpdateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UpdateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UpdateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  UpdateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  updateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  updateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  updateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  updateQuiz(argument: _lms_quiz_v1_UpdateQuizRequest, callback: grpc.requestCallback<_lms_quiz_v1_Quiz__Output>): grpc.ClientUnaryCall;
  
}

export interface QuizServiceHandlers extends grpc.UntypedServiceImplementation {
  CreatePool: grpc.handleUnaryCall<_lms_quiz_v1_CreatePoolRequest__Output, _lms_quiz_v1_Pool>;
  
  CreateQuestion: grpc.handleUnaryCall<_lms_quiz_v1_CreateQuestionRequest__Output, _lms_quiz_v1_Question>;
  
  CreateQuiz: grpc.handleUnaryCall<_lms_quiz_v1_CreateQuizRequest__Output, _lms_quiz_v1_Quiz>;
  
  DeletePool: grpc.handleUnaryCall<_lms_quiz_v1_PoolRef__Output, _lms_quiz_v1_Empty>;
  
  DeleteQuestion: grpc.handleUnaryCall<_lms_quiz_v1_QuestionRef__Output, _lms_quiz_v1_Empty>;
  
  DeleteQuiz: grpc.handleUnaryCall<_lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Empty>;
  
  GetAttempt: grpc.handleUnaryCall<_lms_quiz_v1_AttemptRef__Output, _lms_quiz_v1_AttemptResult>;
  
  GetAttemptPaper: grpc.handleUnaryCall<_lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_AttemptPaper>;
  
  GetCourseGrade: grpc.handleUnaryCall<_lms_quiz_v1_CourseGradeRequest__Output, _lms_quiz_v1_CourseGrade>;
  
  GetQuiz: grpc.handleUnaryCall<_lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz>;
  
  GetRegrade: grpc.handleUnaryCall<_lms_quiz_v1_GetRegradeRequest__Output, _lms_quiz_v1_RegradeReport>;
  
  GradeAttempt: grpc.handleUnaryCall<_lms_quiz_v1_GradeAttemptRequest__Output, _lms_quiz_v1_AttemptResult>;
  
  ListAttempts: grpc.handleUnaryCall<_lms_quiz_v1_ListAttemptsRequest__Output, _lms_quiz_v1_AttemptPage>;
  
  ListMyAttempts: grpc.handleUnaryCall<_lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_MyAttempts>;
  
  ListQuestions: grpc.handleUnaryCall<_lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_QuestionList>;
  
  ListQuizzes: grpc.handleUnaryCall<_lms_quiz_v1_ListQuizzesRequest__Output, _lms_quiz_v1_QuizList>;
  
  ListRegrades: grpc.handleUnaryCall<_lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_RegradeList>;
  
  PublishQuiz: grpc.handleUnaryCall<_lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz>;
  
  Regrade: grpc.handleUnaryCall<_lms_quiz_v1_RegradeRequest__Output, _lms_quiz_v1_RegradeReport>;
  
  ReorderQuestions: grpc.handleUnaryCall<_lms_quiz_v1_ReorderQuestionsRequest__Output, _lms_quiz_v1_QuestionList>;
  
  SaveAnswers: grpc.handleUnaryCall<_lms_quiz_v1_SaveAnswersRequest__Output, _lms_quiz_v1_Attempt>;
  
  StartAttempt: grpc.handleUnaryCall<_lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_Attempt>;
  
  SubmitAttempt: grpc.handleUnaryCall<_lms_quiz_v1_SubmitAttemptRequest__Output, _lms_quiz_v1_AttemptResult>;
  
  UnpublishQuiz: grpc.handleUnaryCall<_lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz>;
  
  UpdatePool: grpc.handleUnaryCall<_lms_quiz_v1_UpdatePoolRequest__Output, _lms_quiz_v1_Pool>;
  
  UpdateQuestion: grpc.handleUnaryCall<_lms_quiz_v1_UpdateQuestionRequest__Output, _lms_quiz_v1_Question>;
  
  UpdateQuiz: grpc.handleUnaryCall<_lms_quiz_v1_UpdateQuizRequest__Output, _lms_quiz_v1_Quiz>;
  
}

export interface QuizServiceDefinition extends grpc.ServiceDefinition {
  CreatePool: MethodDefinition<_lms_quiz_v1_CreatePoolRequest, _lms_quiz_v1_Pool, _lms_quiz_v1_CreatePoolRequest__Output, _lms_quiz_v1_Pool__Output>
  CreateQuestion: MethodDefinition<_lms_quiz_v1_CreateQuestionRequest, _lms_quiz_v1_Question, _lms_quiz_v1_CreateQuestionRequest__Output, _lms_quiz_v1_Question__Output>
  CreateQuiz: MethodDefinition<_lms_quiz_v1_CreateQuizRequest, _lms_quiz_v1_Quiz, _lms_quiz_v1_CreateQuizRequest__Output, _lms_quiz_v1_Quiz__Output>
  DeletePool: MethodDefinition<_lms_quiz_v1_PoolRef, _lms_quiz_v1_Empty, _lms_quiz_v1_PoolRef__Output, _lms_quiz_v1_Empty__Output>
  DeleteQuestion: MethodDefinition<_lms_quiz_v1_QuestionRef, _lms_quiz_v1_Empty, _lms_quiz_v1_QuestionRef__Output, _lms_quiz_v1_Empty__Output>
  DeleteQuiz: MethodDefinition<_lms_quiz_v1_QuizRef, _lms_quiz_v1_Empty, _lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Empty__Output>
  GetAttempt: MethodDefinition<_lms_quiz_v1_AttemptRef, _lms_quiz_v1_AttemptResult, _lms_quiz_v1_AttemptRef__Output, _lms_quiz_v1_AttemptResult__Output>
  GetAttemptPaper: MethodDefinition<_lms_quiz_v1_QuizIdRequest, _lms_quiz_v1_AttemptPaper, _lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_AttemptPaper__Output>
  GetCourseGrade: MethodDefinition<_lms_quiz_v1_CourseGradeRequest, _lms_quiz_v1_CourseGrade, _lms_quiz_v1_CourseGradeRequest__Output, _lms_quiz_v1_CourseGrade__Output>
  GetQuiz: MethodDefinition<_lms_quiz_v1_QuizRef, _lms_quiz_v1_Quiz, _lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz__Output>
  GetRegrade: MethodDefinition<_lms_quiz_v1_GetRegradeRequest, _lms_quiz_v1_RegradeReport, _lms_quiz_v1_GetRegradeRequest__Output, _lms_quiz_v1_RegradeReport__Output>
  GradeAttempt: MethodDefinition<_lms_quiz_v1_GradeAttemptRequest, _lms_quiz_v1_AttemptResult, _lms_quiz_v1_GradeAttemptRequest__Output, _lms_quiz_v1_AttemptResult__Output>
  ListAttempts: MethodDefinition<_lms_quiz_v1_ListAttemptsRequest, _lms_quiz_v1_AttemptPage, _lms_quiz_v1_ListAttemptsRequest__Output, _lms_quiz_v1_AttemptPage__Output>
  ListMyAttempts: MethodDefinition<_lms_quiz_v1_QuizIdRequest, _lms_quiz_v1_MyAttempts, _lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_MyAttempts__Output>
  ListQuestions: MethodDefinition<_lms_quiz_v1_QuizRef, _lms_quiz_v1_QuestionList, _lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_QuestionList__Output>
  ListQuizzes: MethodDefinition<_lms_quiz_v1_ListQuizzesRequest, _lms_quiz_v1_QuizList, _lms_quiz_v1_ListQuizzesRequest__Output, _lms_quiz_v1_QuizList__Output>
  ListRegrades: MethodDefinition<_lms_quiz_v1_QuizIdRequest, _lms_quiz_v1_RegradeList, _lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_RegradeList__Output>
  PublishQuiz: MethodDefinition<_lms_quiz_v1_QuizRef, _lms_quiz_v1_Quiz, _lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz__Output>
  Regrade: MethodDefinition<_lms_quiz_v1_RegradeRequest, _lms_quiz_v1_RegradeReport, _lms_quiz_v1_RegradeRequest__Output, _lms_quiz_v1_RegradeReport__Output>
  ReorderQuestions: MethodDefinition<_lms_quiz_v1_ReorderQuestionsRequest, _lms_quiz_v1_QuestionList, _lms_quiz_v1_ReorderQuestionsRequest__Output, _lms_quiz_v1_QuestionList__Output>
  SaveAnswers: MethodDefinition<_lms_quiz_v1_SaveAnswersRequest, _lms_quiz_v1_Attempt, _lms_quiz_v1_SaveAnswersRequest__Output, _lms_quiz_v1_Attempt__Output>
  StartAttempt: MethodDefinition<_lms_quiz_v1_QuizIdRequest, _lms_quiz_v1_Attempt, _lms_quiz_v1_QuizIdRequest__Output, _lms_quiz_v1_Attempt__Output>
  SubmitAttempt: MethodDefinition<_lms_quiz_v1_SubmitAttemptRequest, _lms_quiz_v1_AttemptResult, _lms_quiz_v1_SubmitAttemptRequest__Output, _lms_quiz_v1_AttemptResult__Output>
  UnpublishQuiz: MethodDefinition<_lms_quiz_v1_QuizRef, _lms_quiz_v1_Quiz, _lms_quiz_v1_QuizRef__Output, _lms_quiz_v1_Quiz__Output>
  UpdatePool: MethodDefinition<_lms_quiz_v1_UpdatePoolRequest, _lms_quiz_v1_Pool, _lms_quiz_v1_UpdatePoolRequest__Output, _lms_quiz_v1_Pool__Output>
  UpdateQuestion: MethodDefinition<_lms_quiz_v1_UpdateQuestionRequest, _lms_quiz_v1_Question, _lms_quiz_v1_UpdateQuestionRequest__Output, _lms_quiz_v1_Question__Output>
  UpdateQuiz: MethodDefinition<_lms_quiz_v1_UpdateQuizRequest, _lms_quiz_v1_Quiz, _lms_quiz_v1_UpdateQuizRequest__Output, _lms_quiz_v1_Quiz__Output>
}
