import { Checker, checkFieldNames } from './validation';
import { round2 } from './grading';
import {
  QUIZ_TYPES,
  SCORING_POLICIES,
  SHOW_CORRECT_ANSWERS,
  type QuizType,
  type ScoringPolicy,
  type ShowCorrectAnswers,
} from './types';
import { QUIZ_SETTING_FIELDS } from '@lms/kit/contracts';

/** A quiz's settings, validated on create (defaults for what was not sent) and on update (merged). */

export const QUIZ_LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  timeLimitMaxMinutes: 1440,
  maxAttemptsMax: 100,
} as const;

export interface QuizSettings {
  title: string;
  description: string;
  quizType: QuizType;
  passingScore: number;
  timeLimitMinutes: number;
  maxAttempts: number;
  scoringPolicy: ScoringPolicy;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showCorrectAnswers: ShowCorrectAnswers;
  availableFrom: Date | null;
  availableUntil: Date | null;
}

export const DEFAULT_QUIZ_SETTINGS: Omit<QuizSettings, 'title'> = Object.freeze({
  description: '',
  quizType: 'graded',
  passingScore: 70,
  timeLimitMinutes: 0,
  maxAttempts: 0,
  scoringPolicy: 'highest',
  shuffleQuestions: false,
  shuffleOptions: false,
  showCorrectAnswers: 'after_submit',
  availableFrom: null,
  availableUntil: null,
});

/** The fields a request sent, by their proto names; absent = not sent. */
export interface RawQuizSettings {
  title?: string;
  description?: string;
  quiz_type?: string;
  passing_score?: number;
  time_limit_minutes?: number;
  max_attempts?: number;
  scoring_policy?: string;
  shuffle_questions?: boolean;
  shuffle_options?: boolean;
  show_correct_answers?: string;
  available_from?: string;
  available_until?: string;
}

type SettingField = (typeof QUIZ_SETTING_FIELDS)[number];

/** Every setting of a create or update request as proto3 sends it ("" / 0 / false when not set). */
export type QuizSettingsRequest = {
  [K in SettingField]: K extends 'shuffle_questions' | 'shuffle_options' ? boolean : K extends 'passing_score' | 'time_limit_minutes' | 'max_attempts' ? number : string;
};

/** The sent settings: those listed in `fields` (update), or listed or non-empty (create, defaults for the rest). */
export function sentSettings(req: QuizSettingsRequest, fields: string[], creating: boolean): RawQuizSettings {
  checkFieldNames(fields, QUIZ_SETTING_FIELDS);
  const raw: Record<string, unknown> = {};
  for (const name of QUIZ_SETTING_FIELDS) {
    const value = req[name];
    const given = fields.includes(name) || (creating && (name === 'title' || (value !== '' && value !== 0 && value !== false && value !== undefined)));
    if (given) raw[name] = value;
  }
  return raw as RawQuizSettings;
}

/**
 * `base` null: a creation (title required, defaults for the rest). Otherwise the current settings, and
 * only the sent fields change. Rules that span fields (from < until) are checked on the merged result.
 */
export function checkQuizSettings(raw: RawQuizSettings, base: QuizSettings | null): QuizSettings {
  const check = new Checker();
  const current: QuizSettings = base ?? { title: '', ...DEFAULT_QUIZ_SETTINGS };
  const s: QuizSettings = { ...current };
  if (raw.title !== undefined) s.title = check.text('title', raw.title, QUIZ_LIMITS.titleMax, 1);
  else if (base === null) check.add('title', 'is required');
  if (raw.description !== undefined) s.description = check.text('description', raw.description, QUIZ_LIMITS.descriptionMax);
  if (raw.quiz_type !== undefined) s.quizType = check.oneOf('quiz_type', raw.quiz_type, QUIZ_TYPES) ?? s.quizType;
  if (raw.passing_score !== undefined) s.passingScore = round2(check.numberIn('passing_score', raw.passing_score, 0, 100));
  if (raw.time_limit_minutes !== undefined) {
    s.timeLimitMinutes = check.numberIn('time_limit_minutes', raw.time_limit_minutes, 0, QUIZ_LIMITS.timeLimitMaxMinutes, true);
  }
  if (raw.max_attempts !== undefined) s.maxAttempts = check.numberIn('max_attempts', raw.max_attempts, 0, QUIZ_LIMITS.maxAttemptsMax, true);
  if (raw.scoring_policy !== undefined) s.scoringPolicy = check.oneOf('scoring_policy', raw.scoring_policy, SCORING_POLICIES) ?? s.scoringPolicy;
  if (raw.shuffle_questions !== undefined) s.shuffleQuestions = raw.shuffle_questions === true;
  if (raw.shuffle_options !== undefined) s.shuffleOptions = raw.shuffle_options === true;
  if (raw.show_correct_answers !== undefined) {
    s.showCorrectAnswers = check.oneOf('show_correct_answers', raw.show_correct_answers, SHOW_CORRECT_ANSWERS) ?? s.showCorrectAnswers;
  }
  const from = raw.available_from !== undefined ? checkDateTime(check, 'available_from', raw.available_from) : s.availableFrom;
  const until = raw.available_until !== undefined ? checkDateTime(check, 'available_until', raw.available_until) : s.availableUntil;
  if (from !== undefined) s.availableFrom = from;
  if (until !== undefined) s.availableUntil = until;
  if (from && until && from.getTime() >= until.getTime()) check.add('available_until', 'must be after available_from');
  check.throwIfAny('The quiz settings are invalid');
  return s;
}

/** "" clears (null); undefined = invalid (already reported). */
function checkDateTime(check: Checker, loc: string, raw: string): Date | null | undefined {
  if (raw === '') return null;
  const date = parseRfc3339(raw);
  if (!date) check.add(loc, 'must be an RFC 3339 date-time such as 2025-03-01T10:00:00Z');
  return date ?? undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * A strict RFC 3339 date-time. Date.parse alone is too lenient: it takes "2025-02-30" (as March 2nd) and
 * engine-specific free forms, so each component is range-checked first.
 */
export function parseRfc3339(value: string): Date | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Leap seconds (60) are valid RFC 3339 but have no Date; refusing them is the lesser surprise.
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const date = new Date(value.toUpperCase().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
