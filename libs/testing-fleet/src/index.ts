/**
 * Test support only (never imported by src/): the fleet's services started in-process on port 0, each on
 * its own database, sharing a suite's vhost; the bootstrap admin; helpers the suites share. See README.md.
 */
export {
  PASSWORD,
  startAuth,
  startCatalog,
  startEnrollment,
  startQuiz,
  startAnalytics,
  startMedia,
  startCertificate,
  type AnalyticsHandle,
  type MediaHandle,
  type CertificateHandle,
  type AuthHandle,
  type CatalogHandle,
  type EnrollmentHandle,
  type QuizHandle,
  type ServiceHandle,
  type ServiceName,
  type StartOptions,
} from './services';
export { CLASSROOM_USERS, fleetBasics, freePort, startFleet, type Fleet, type FleetOptions, type Role } from './fleet';
export { captureEventsByType, clientSignedAs, eventPublisher, unique } from './helpers';
