import { ValidationError } from '@lms/kit/errors';
import { checkQuizSettings, DEFAULT_QUIZ_SETTINGS, parseRfc3339, type QuizSettings, type RawQuizSettings } from '../../src/domain/quiz-definition';
import { errorLocs } from './fixtures';

const created = (raw: RawQuizSettings) => checkQuizSettings({ title: 'Week 1 quiz', ...raw }, null);
const existing: QuizSettings = {
  title: 'Existing',
  description: 'About it',
  quizType: 'practice',
  passingScore: 50,
  timeLimitMinutes: 30,
  maxAttempts: 3,
  scoringPolicy: 'latest',
  shuffleQuestions: true,
  shuffleOptions: true,
  showCorrectAnswers: 'never',
  availableFrom: new Date('2025-03-01T00:00:00Z'),
  availableUntil: new Date('2025-03-31T00:00:00Z'),
};

describe('checkQuizSettings: create', () => {
  test('When only a title is sent, then every other setting takes its default', () => {
    expect(checkQuizSettings({ title: '  Week 1 quiz ' }, null)).toEqual({
      title: 'Week 1 quiz',
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
  });

  test('When the defaults are read, then they are the documented ones', () => {
    expect(DEFAULT_QUIZ_SETTINGS).toMatchObject({ quizType: 'graded', passingScore: 70, scoringPolicy: 'highest', showCorrectAnswers: 'after_submit' });
  });

  test.each(['graded', 'practice', 'final'])('When the quiz type is %p (the seed\'s three), then it is taken', (type) => {
    expect(created({ quiz_type: type }).quizType).toBe(type);
  });

  test('When every field is sent, then each is taken', () => {
    const s = created({
      description: 'Covers chapter 1',
      quiz_type: 'practice',
      passing_score: 0,
      time_limit_minutes: 1440,
      max_attempts: 100,
      scoring_policy: 'average',
      shuffle_questions: true,
      shuffle_options: true,
      show_correct_answers: 'after_last_attempt',
      available_from: '2025-03-01T10:00:00+02:00',
      available_until: '2025-03-01T10:00:00.5Z',
    });
    expect(s).toMatchObject({
      description: 'Covers chapter 1',
      quizType: 'practice',
      passingScore: 0,
      timeLimitMinutes: 1440,
      maxAttempts: 100,
      scoringPolicy: 'average',
      shuffleQuestions: true,
      shuffleOptions: true,
      showCorrectAnswers: 'after_last_attempt',
    });
    expect(s.availableFrom!.toISOString()).toBe('2025-03-01T08:00:00.000Z');
    expect(s.availableUntil!.toISOString()).toBe('2025-03-01T10:00:00.500Z');
  });

  test('When the title is missing on create, then it is required', () => {
    expect(errorLocs(() => checkQuizSettings({}, null))).toEqual(['title']);
  });

  test('When a passing score has more than two decimals, then it is rounded', () => {
    expect(created({ passing_score: 66.666 }).passingScore).toBe(66.67);
  });
});

describe('checkQuizSettings: every rule reports its field', () => {
  test.each<[string, RawQuizSettings, string]>([
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a 201-character title', { title: 't'.repeat(201) }, 'title'],
    ['a 5001-character description', { description: 'd'.repeat(5001) }, 'description'],
    ['an unknown quiz type', { quiz_type: 'exam' }, 'quiz_type'],
    ['an empty quiz type', { quiz_type: '' }, 'quiz_type'],
    ['a negative passing score', { passing_score: -1 }, 'passing_score'],
    ['a passing score over 100', { passing_score: 100.01 }, 'passing_score'],
    ['a NaN passing score', { passing_score: Number.NaN }, 'passing_score'],
    ['a negative time limit', { time_limit_minutes: -1 }, 'time_limit_minutes'],
    ['a time limit over a day', { time_limit_minutes: 1441 }, 'time_limit_minutes'],
    ['a fractional time limit', { time_limit_minutes: 1.5 }, 'time_limit_minutes'],
    ['101 attempts', { max_attempts: 101 }, 'max_attempts'],
    ['negative attempts', { max_attempts: -1 }, 'max_attempts'],
    ['fractional attempts', { max_attempts: 2.5 }, 'max_attempts'],
    ['an unknown scoring policy', { scoring_policy: 'best' }, 'scoring_policy'],
    ['an unknown reveal rule', { show_correct_answers: 'always' }, 'show_correct_answers'],
    ['"tomorrow" as a date', { available_from: 'tomorrow' }, 'available_from'],
    ['a date without a time', { available_from: '2025-03-01' }, 'available_from'],
    ['a date-time without a zone', { available_from: '2025-03-01T10:00:00' }, 'available_from'],
    ['February 30th', { available_until: '2025-02-30T10:00:00Z' }, 'available_until'],
    ['hour 24', { available_until: '2025-03-01T24:00:00Z' }, 'available_until'],
    ['month 13', { available_until: '2025-13-01T10:00:00Z' }, 'available_until'],
    ['a JavaScript date string', { available_until: 'Sat Mar 01 2025 10:00:00 GMT+0000' }, 'available_until'],
    ['until before from', { available_from: '2025-03-02T00:00:00Z', available_until: '2025-03-01T00:00:00Z' }, 'available_until'],
    ['until equal to from', { available_from: '2025-03-01T00:00:00Z', available_until: '2025-03-01T00:00:00Z' }, 'available_until'],
  ])('When a quiz is created with %s, then the error points at %s', (_name, raw, loc) => {
    expect(errorLocs(() => created(raw))).toEqual([loc]);
  });

  test.each(['2024-02-29T12:00:00Z', '2025-12-31T23:59:59.999999Z', '2025-03-01t10:00:00z', '2025-03-01 10:00:00-05:30'])(
    'When a date-time is %p, then it is valid RFC 3339',
    (value) => {
      expect(parseRfc3339(value)).toBeInstanceOf(Date);
    },
  );

  test.each(['2025-02-29T12:00:00Z', '2025-03-01T10:00:60Z', '2025-03-01T10:00:00+24:00', '', '2025-3-1T10:00:00Z'])(
    'When a date-time is %p, then it is refused',
    (value) => {
      expect(parseRfc3339(value)).toBeNull();
    },
  );

  test('When several settings are wrong, then every problem is reported in one ValidationError', () => {
    let error: unknown;
    try {
      checkQuizSettings({ title: '', passing_score: 101, max_attempts: -1, scoring_policy: 'x', available_from: 'soon' }, null);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields!.map((f) => f.loc[0]).sort()).toEqual([
      'available_from',
      'max_attempts',
      'passing_score',
      'scoring_policy',
      'title',
    ]);
  });
});

describe('checkQuizSettings: update', () => {
  test('When nothing is sent, then the current settings are kept as they are', () => {
    expect(checkQuizSettings({}, existing)).toEqual(existing);
  });

  test('When some fields are sent, then only those change', () => {
    const s = checkQuizSettings({ passing_score: 80, shuffle_options: false }, existing);
    expect(s).toEqual({ ...existing, passingScore: 80, shuffleOptions: false });
  });

  test('When the dates are sent empty, then the window is cleared', () => {
    const s = checkQuizSettings({ available_from: '', available_until: '' }, existing);
    expect(s.availableFrom).toBeNull();
    expect(s.availableUntil).toBeNull();
  });

  test('When only the end moves before the current start, then it is refused', () => {
    expect(errorLocs(() => checkQuizSettings({ available_until: '2025-02-01T00:00:00Z' }, existing))).toEqual(['available_until']);
  });

  test('When the start is cleared and the end moved, then there is nothing to compare and it is accepted', () => {
    const s = checkQuizSettings({ available_from: '', available_until: '2025-02-01T00:00:00Z' }, existing);
    expect(s.availableFrom).toBeNull();
    expect(s.availableUntil!.toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  test('When the title is not sent on update, then it is not required', () => {
    expect(checkQuizSettings({ description: '' }, existing).title).toBe('Existing');
  });

  test('When an update is checked, then the current settings object is not modified', () => {
    const copy = { ...existing };
    checkQuizSettings({ title: 'New', passing_score: 10 }, existing);
    expect(existing).toEqual(copy);
  });
});
