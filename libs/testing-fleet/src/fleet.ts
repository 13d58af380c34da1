import net from 'node:net';
import { createAuthClient, type AuthClient } from '@lms/kit/clients';
import { createDatabase } from '@lms/kit/db';
import { createTestVhost, signIn, signUp, type TestResource, type TestUser } from '@lms/kit/testing';
import {
  CLIENT_DEADLINE_MS,
  PASSWORD,
  SERVICES,
  given,
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
  type ServiceName,
} from './services';

/** What each service needs running before it (its gRPC dependencies). */
const NEEDS: Record<ServiceName, ServiceName[]> = {
  auth: [],
  catalog: ['auth'],
  enrollment: ['auth', 'catalog'],
  quiz: ['auth', 'catalog', 'enrollment'],
  analytics: ['auth'],
  media: ['auth', 'catalog'],
  certificate: ['auth', 'catalog', 'enrollment', 'quiz'],
};

export type Role = 'instructor' | 'student';

/** The users of a classroom suite: two instructors and two students. */
export const CLASSROOM_USERS = {
  instructor: ['instructor', 'teacher'],
  otherInstructor: ['instructor', 'otherteacher'],
  student: ['student', 'student'],
  otherStudent: ['student', 'otherstudent'],
} satisfies Record<string, [Role, string]>;

export interface FleetOptions<U extends string = never> {
  /** Names the suite's databases and vhost. */
  label: string;
  /** The services to start; their dependencies are started too, in dependency order. */
  services: ServiceName[];
  /** Configuration overrides: `all` for every service, then each service's own. */
  env?: Partial<Record<ServiceName | 'all', Record<string, string>>>;
  /** Use this broker instead of a new vhost (e.g. a proxy in front of RabbitMQ); it is not deleted by close(). */
  amqpUrl?: string;
  /** An auth service running elsewhere (e.g. on its own vhost): not started here, and no admin is created. */
  authAddress?: string;
  /** Catalog asks this fleet's enrollment about enrolments (enrollment gets a port picked beforehand); default: nowhere. */
  catalogReadsEnrollment?: boolean;
  /** Users registered (role, tag) and signed in once the fleet runs, e.g. `{ student: ['student', 'student'] }`. */
  users?: Record<U, [Role, string]>;
}

/** A running fleet: the handles of what it started, the bootstrap admin and the users asked for. */
export interface Fleet<U extends string = never> {
  vhost: TestResource;
  authAddress: string;
  /** A client of auth (the started one's, or one of `authAddress`). */
  authClient: AuthClient;
  auth?: AuthHandle;
  catalog?: CatalogHandle;
  enrollment?: EnrollmentHandle;
  quiz?: QuizHandle;
  analytics?: AnalyticsHandle;
  media?: MediaHandle;
  certificate?: CertificateHandle;
  /** The administrator ensured by auth's bootstrap command (when this fleet started auth). */
  admin?: TestUser;
  users: Record<U, TestUser>;
  /** Registers a user with a unique email (`<tag>.<random>@example.test`, PASSWORD) and signs them in. */
  newUser(role: Role, tag?: string): Promise<TestUser>;
  /** A small pool on a started service's database, for assertions straight from the rows (closed by close()). */
  openDatabase(service: ServiceName): ReturnType<typeof createDatabase>;
  /** Stops everything in reverse order and drops every database and the vhost it created. */
  close(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it), to start a service on a known address. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the services in dependency order, each in-process on its own new database, all on one new RabbitMQ
 * vhost (so one's events reach the others) and the test Redis; each is wired to the addresses of those it
 * calls. When it starts auth it ensures an admin (bootstrap command) and signs them in.
 */
export async function startFleet<U extends string = never>(options: FleetOptions<U>): Promise<Fleet<U>> {
  const wanted = new Set<ServiceName>();
  for (const name of options.services) for (const needed of [...NEEDS[name], name]) wanted.add(needed);
  if (options.authAddress) wanted.delete('auth');
  const vhost = options.amqpUrl ? given(options.amqpUrl) : await createTestVhost(`fleet_${options.label}`);
  const closers: (() => Promise<unknown>)[] = [() => vhost.drop()];
  const close = async () => {
    for (const step of closers.splice(0).reverse()) await step().catch(() => undefined);
  };
  const settings = (name: ServiceName, extra: Record<string, string> = {}) => ({
    label: options.label,
    amqpUrl: vhost.url,
    env: { ...extra, ...options.env?.all, ...options.env?.[name] },
  });
  let enrollmentPort: Record<string, string> = {};
  let catalogPort: Record<string, string> = {};
  let mediaPort: Record<string, string> = {};
  let certificatePort: Record<string, string> = {};
  try {
    const fleet = { vhost, users: {} } as Fleet<U>;
    for (const name of SERVICES.filter((s) => wanted.has(s))) {
      const authAddress = fleet.auth?.address ?? options.authAddress ?? '';
      if (name === 'auth') {
        // Auth asks catalog for course titles (enrolment emails) but starts first: catalog's port is chosen now.
        const port = wanted.has('catalog') ? await freePort() : undefined;
        if (port) catalogPort = { GRPC_PORT: String(port) };
        const catalogLink: Record<string, string> = port ? { CATALOG_GRPC_ADDR: `127.0.0.1:${port}` } : {};
        fleet.auth = await startAuth(settings('auth', { ALLOW_INSTRUCTOR_SIGNUP: 'true', ...catalogLink }));
      }
      if (name === 'catalog') {
        const port = options.catalogReadsEnrollment && wanted.has('enrollment') ? await freePort() : undefined;
        if (port) enrollmentPort = { GRPC_PORT: String(port) };
        const enrollmentAddress = port ? `127.0.0.1:${port}` : undefined;
        // Catalog asks media about files lessons reference but starts first: media's port is chosen now.
        const media = wanted.has('media') ? await freePort() : undefined;
        if (media) mediaPort = { GRPC_PORT: String(media) };
        const mediaLink: Record<string, string> = media ? { MEDIA_GRPC_ADDR: `127.0.0.1:${media}` } : {};
        fleet.catalog = await startCatalog({ ...settings('catalog', { ...catalogPort, ...mediaLink }), authAddress, enrollmentAddress });
      }
      if (name === 'enrollment') {
        const catalogAddress = fleet.catalog!.address;
        fleet.enrollment = await startEnrollment({ ...settings('enrollment', enrollmentPort), authAddress, catalogAddress });
      }
      if (name === 'quiz') {
        const links = { authAddress, catalogAddress: fleet.catalog!.address, enrollmentAddress: fleet.enrollment!.address };
        fleet.quiz = await startQuiz({ ...settings('quiz'), ...links });
      }
      if (name === 'analytics') {
        // Analytics asks certificate to render PDF reports but starts first: certificate's port is chosen now.
        const port = wanted.has('certificate') ? await freePort() : undefined;
        if (port) certificatePort = { GRPC_PORT: String(port) };
        fleet.analytics = await startAnalytics({ ...settings('analytics'), authAddress, certificateAddress: port ? `127.0.0.1:${port}` : undefined });
      }
      if (name === 'media') fleet.media = await startMedia({ ...settings('media', mediaPort), authAddress, catalogAddress: fleet.catalog!.address });
      if (name === 'certificate') {
        const links = { authAddress, catalogAddress: fleet.catalog!.address, enrollmentAddress: fleet.enrollment!.address, quizAddress: fleet.quiz!.address };
        fleet.certificate = await startCertificate({ ...settings('certificate', certificatePort), ...links });
      }
      const handle = fleet[name];
      if (handle) closers.push(() => handle.close());
    }
    fleet.authAddress = fleet.auth?.address ?? options.authAddress ?? '';
    if (fleet.auth) fleet.authClient = fleet.auth.client;
    else {
      const client = createAuthClient(fleet.authAddress, CLIENT_DEADLINE_MS);
      closers.push(async () => client.close());
      fleet.authClient = client;
    }
    fleet.newUser = (role, tag = role) => signUp(fleet.authClient, role, tag, PASSWORD);
    fleet.openDatabase = (service) => {
      const db = createDatabase({ url: fleet[service]!.db.url, poolMax: 3 });
      closers.push(() => db.close());
      return db;
    };
    if (fleet.auth) {
      const admin = await fleet.auth.createAdmin();
      fleet.admin = await signIn(fleet.authClient, admin.email, admin.password);
    }
    const entries = Object.entries(options.users ?? {}) as [U, [Role, string]][];
    const users = await Promise.all(entries.map(([, [role, tag]]) => fleet.newUser(role, tag)));
    entries.forEach(([key], i) => (fleet.users[key] = users[i]));
    fleet.close = close;
    return fleet;
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * What every support's own fleet shape carries from the started fleet: the auth client, the vhost, the
 * bootstrap admin, the users asked for, newUser() and close().
 */
export function fleetBasics<U extends string>(fleet: Fleet<U>) {
  return {
    auth: fleet.authClient,
    vhost: fleet.vhost,
    admin: fleet.admin!,
    ...fleet.users,
    newUser: fleet.newUser,
    close: fleet.close,
  };
}
