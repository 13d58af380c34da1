/**
 * The authorization matrix's expectations, declared once per route (by operationId) next to the routes.
 *
 * A route's `access` (route.ts) already says who passes the gateway's gate: anonymous callers on
 * `public`/`optional` routes, any valid token on `authenticated` ones, the listed roles otherwise — so a caller
 * without a token, a deactivated user's token or a logged-out session's token gets 401 on every non-public route,
 * and a caller of another role 403. What `access` cannot say is the OWNERSHIP rule the services apply to the
 * resource named by the path or body: that is the only per-route datum here. `gateway/test/authz-matrix.test.ts`
 * enumerates the served routes from /openapi.json, fails on any route without a row (and any row without a
 * route), and calls every route as every caller, plus the IDOR variants (each `{id}` path parameter swapped for
 * another user's resource).
 *
 * A table rather than a field on each RouteDef: one screen to review the whole policy, and route files stay
 * about serving. Adding a route: add its row here (the test says which one is missing), and if it names a new
 * kind of resource in its path, give the test's fixtures that parameter (gateway/test/support/authz-world.ts).
 */

/**
 * Who may act on the fixtures' resources, among the callers that pass `access`:
 * - `any`: everyone the gate lets through (the caller's own data: `my-…` routes, public reads, creating);
 * - `staff`: the course's instructor and admins;
 * - `learner`: the enrolled student (the resource's owner), the course's instructor and admins;
 * - `self`: the user the resource belongs to or is about (their enrolment, attempt, file, certificate, account)
 *   and admins;
 * - `own`: that user only (admins refused too).
 */
export type Relation = 'any' | 'staff' | 'learner' | 'self' | 'own';

export interface RouteAuthz {
  who: Relation;
  /**
   * The call changes what other cases rely on (deletes, state transitions, enrolling, signing out): the matrix
   * runs it after every other route, on fixtures of its own, allowed callers one after the other.
   */
  destroys?: true;
  /** The call acts on the caller's own session (logout, password change): each caller uses a fresh session. */
  session?: true;
  /**
   * An allowed caller cannot reach 2xx with the matrix's fixture input (a secret only e-mail carries, a signed URL,
   * a business rule the fixtures trip), so this status is accepted too (for the direct-upload PUT, 403: its signed
   * URL is its only credential). Any other answer to an allowed caller fails the matrix (a 404 too: the fixtures
   * would have missed the route), except on a destructive route after its first allowed caller consumed the resource.
   */
  inputStatus?: number;
  /** A path parameter naming another user's resource may also be refused with this status (besides 403/404). */
  foreignStatus?: number;
  /**
   * A read that is also called on the instructor's DRAFT course (its section and draft lesson): only the course's
   * instructor and admins may see it; everyone else 401/403/404 (a draft is 404 for whoever may not see it).
   */
  drafts?: true;
}

const any: RouteAuthz = { who: 'any' };
const staff: RouteAuthz = { who: 'staff' };
const learner: RouteAuthz = { who: 'learner' };
const self: RouteAuthz = { who: 'self' };
const own: RouteAuthz = { who: 'own' };
const gone = (rule: RouteAuthz): RouteAuthz => ({ ...rule, destroys: true });
const draftsToo = (rule: RouteAuthz): RouteAuthz => ({ ...rule, drafts: true });

export const ROUTE_AUTHZ: Readonly<Record<string, RouteAuthz>> = {
  // auth
  register: any,
  login: any,
  refresh: any,
  logout: { who: 'any', destroys: true, session: true },
  logoutAll: { who: 'any', destroys: true, session: true },
  listSessions: any,
  getTokenStatus: any,
  getMe: any,
  updateMe: any,
  changePassword: { who: 'any', destroys: true, session: true },
  requestPasswordReset: any,
  confirmPasswordReset: { who: 'any', inputStatus: 422 },
  requestEmailVerification: { who: 'any', inputStatus: 409 }, // the admin's address is verified already
  verifyEmail: { who: 'any', inputStatus: 422 },
  // users (`{user_id}`: the enrolled student)
  listUsers: any,
  createUser: any,
  getUser: self,
  updateUser: any,
  deleteUser: gone(any),
  activateUser: gone(any),
  deactivateUser: gone(any),
  getUserStats: self,
  // courses, sections, lessons (the instructor's published course)
  moveLesson: staff,
  getLesson: draftsToo(learner),
  updateLesson: staff,
  deleteLesson: gone(staff),
  publishLesson: gone(staff),
  unpublishLesson: gone(staff),
  listCourses: any,
  listCourseCategories: any,
  listPopularCourses: any,
  listTopRatedCourses: any,
  listMyCourses: any,
  getCourseBySlug: draftsToo(any),
  getCourse: draftsToo(any),
  createCourse: any,
  updateCourse: staff,
  deleteCourse: { who: 'staff', destroys: true, inputStatus: 409 }, // a course with enrolments is archived, never deleted
  publishCourse: gone(staff),
  unpublishCourse: gone(staff),
  archiveCourse: gone(staff),
  unarchiveCourse: gone(staff),
  getCourseOutline: draftsToo(any),
  createSection: staff,
  updateSection: staff,
  deleteSection: { who: 'staff', destroys: true, inputStatus: 409 }, // a section with lessons is not deleted
  listCourseLessons: draftsToo(any),
  createLesson: staff,
  reorderLessons: { who: 'staff', inputStatus: 422 }, // the fixture's partial layout (the whole outline is required)
  listInstructorCourses: any,
  moveLessonInCourse: staff,
  getLessonInCourse: draftsToo(learner),
  updateLessonInCourse: staff,
  deleteLessonInCourse: gone(staff),
  publishLessonInCourse: gone(staff),
  unpublishLessonInCourse: gone(staff),
  // enrolments and reviews (the enrolled student's enrolment in that course)
  listCourseEnrollments: staff,
  exportCourseEnrollments: staff,
  enroll: gone(any),
  listMyEnrollments: any,
  getEnrollment: learner,
  dropEnrollment: gone(self),
  getEnrollmentProgress: learner,
  getEnrollmentStats: learner,
  // a lesson of another course is named as such (422), not hidden: the student may read that course's outline anyway
  updateLessonProgress: { who: 'own', foreignStatus: 422 },
  startLesson: { who: 'own', foreignStatus: 422 },
  completeLesson: { who: 'own', foreignStatus: 422 },
  reviewEnrollment: own,
  extendEnrollment: staff,
  listCourseEnrollmentsSeedPath: staff,
  bulkEnroll: staff,
  getCourseEnrollmentStats: staff,
  listCourseReviews: any,
  // quizzes, questions, pools, attempts, regrades (the course's published quiz, the enrolled student's attempt)
  listQuizzes: learner,
  createQuiz: { who: 'staff', inputStatus: 409 }, // one quiz per lesson: the second allowed caller
  getQuiz: learner,
  updateQuiz: staff,
  deleteQuiz: { who: 'staff', destroys: true, inputStatus: 409 }, // a quiz with attempts is unpublished, never deleted
  publishQuiz: staff,
  unpublishQuiz: gone(staff),
  listQuestions: staff,
  createQuestion: staff,
  reorderQuestions: { who: 'staff', inputStatus: 422 }, // likewise: every question of the quiz is required
  updateQuestion: staff,
  deleteQuestion: gone(staff),
  createQuestionPool: staff,
  updateQuestionPool: staff,
  deleteQuestionPool: gone(staff),
  startQuizAttempt: own,
  getQuizAttemptPaper: own,
  listMyQuizAttempts: own,
  listQuizAttempts: staff,
  getQuizAttempt: learner,
  saveQuizAnswers: own,
  submitQuizAttempt: gone(own),
  gradeQuizAttempt: { who: 'staff', inputStatus: 409 }, // the fixture's attempt is still in progress
  regradeQuiz: { who: 'staff', inputStatus: 409 }, // the first allowed caller's regrade is still running
  getQuizRegrade: staff,
  listQuizRegrades: staff,
  // analytics (`{student_id}`: the enrolled student, `{instructor_id}`: the course's instructor)
  exportCourseStudents: staff,
  exportMyProgress: any,
  getMyProgress: any,
  getMyDashboard: any,
  getStudentDashboard: any,
  getCourseAnalytics: staff,
  getLessonFunnel: staff,
  getAtRiskStudents: staff,
  getQuizItemAnalysis: staff,
  getMyInstructorDashboard: any,
  getInstructorDashboard: any,
  getSystemDashboard: any,
  getUserGrowth: any,
  getEnrollmentTrend: any,
  getPopularCourses: any,
  getTopInstructors: any,
  // files (the enrolled student's private file and direct upload)
  uploadFile: { who: 'any', inputStatus: 415 }, // the matrix sends JSON: uploads themselves are the files suites'
  listMyFiles: any,
  downloadFile: self,
  createDirectUpload: any,
  putDirectUploadContent: { who: 'any', inputStatus: 403 },
  completeDirectUpload: { who: 'own', inputStatus: 422 }, // nothing was PUT to the signed URL
  getDirectUpload: self,
  abortDirectUpload: gone(self),
  getFile: self,
  deleteFile: gone(self),
  // certificates (the enrolled student's certificate)
  listMyCertificates: any,
  verifyCertificate: any,
  getCertificateIssuerJwks: any,
  getIssuerDidDocument: any,
  getCertificateStatusList: any,
  listCertificateTemplates: any,
  createCertificateTemplate: any,
  updateCertificateTemplate: any,
  deleteCertificateTemplate: gone(any),
  previewCertificateTemplate: any,
  generateCertificate: { who: 'any', inputStatus: 409 }, // the fixture's enrolment is not completed
  getCertificate: self,
  downloadCertificate: self,
  getCertificateCredential: self,
  revokeCertificate: gone(any),
  // system
  root: any,
  health: any,
  healthz: any,
  readyz: any,
  jwks: any,
  openapi: any,
  docs: any,
  redoc: any,
};
