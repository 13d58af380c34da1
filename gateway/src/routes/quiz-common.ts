/**
 * What the quiz routes share (quizzes, questions, pools, attempts, regrades: one `<resource>.routes.ts`
 * each, registered in that order): their paths, tags and roles.
 */
export const API = '/api/v1';
/** A course's quizzes; one of them, with its questions and pools under it. */
export const COURSE_QUIZZES = `${API}/courses/{course_id}/quizzes`;
export const ONE_QUIZ = `${COURSE_QUIZZES}/{quiz_id}`;
/** A quiz by its id alone: its attempts and regrades. */
export const QUIZ_BY_ID = `${API}/quizzes/{quiz_id}`;

export const QUIZZES = ['Quizzes'];
export const ATTEMPTS = ['Quiz attempts'];
export const STUDENT = ['student'] as const;
/** Gateway-level role check; that the instructor owns the course is the quiz service's decision. */
export const COURSE_STAFF = ['instructor', 'admin'] as const;
