// Original file: protos/lms/quiz/v1/quiz.proto

import type { ScoreChange as _lms_quiz_v1_ScoreChange, ScoreChange__Output as _lms_quiz_v1_ScoreChange__Output } from '../../../lms/quiz/v1/ScoreChange';

export interface RegradeReport {
  'id'?: (string);
  'quiz_id'?: (string);
  'dry_run'?: (boolean);
  'requested_by'?: (string);
  'created_at'?: (string);
  'attempts_examined'?: (number);
  'changes'?: (_lms_quiz_v1_ScoreChange)[];
  'question_ids'?: (string)[];
  'status'?: (string);
  'attempts_total'?: (number);
  'batches_done'?: (number);
  'truncated'?: (boolean);
  'error'?: (string);
  'updated_at'?: (string);
  'finished_at'?: (string);
  'requested_question_ids'?: (string)[];
}

export interface RegradeReport__Output {
  'id': (string);
  'quiz_id': (string);
  'dry_run': (boolean);
  'requested_by': (string);
  'created_at': (string);
  'attempts_examined': (number);
  'changes': (_lms_quiz_v1_ScoreChange__Output)[];
  'question_ids': (string)[];
  'status': (string);
  'attempts_total': (number);
  'batches_done': (number);
  'truncated': (boolean);
  'error': (string);
  'updated_at': (string);
  'finished_at': (string);
  'requested_question_ids': (string)[];
}
