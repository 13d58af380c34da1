// The analytics path: auth, catalog, enrollment, quiz and analytics on ONE RabbitMQ vhost (so every fact, from
// user.registered on, reaches analytics' queue), started in-process by the fleet's test support, and the gateway.
import { PASSWORD, startFleet, type Fleet } from '@lms/testing-fleet';
import { login, registerAndLogin, type LoggedIn } from './auth';
import { registerInstructor } from './catalog';
import { startGateway, uniquePrefix, type TestGateway } from './gateway';
import type { Api, ApiResponse } from './http';

export interface AnalyticsFleet {
  services: Fleet;
  gw: TestGateway;
  api: Api;
  admin: LoggedIn;
  /** The instructor who owns the fixtures. */
  owner: LoggedIn;
  /** Another instructor. */
  other: LoggedIn;
  stop(): Promise<void>;
}

export async function startAnalyticsFleet(label: string): Promise<AnalyticsFleet> {
  const services = await startFleet({ label: `gwa_${label}`, services: ['quiz', 'analytics'], catalogReadsEnrollment: true });
  let gw: TestGateway | undefined;
  try {
    gw = await startGateway(services.authAddress, {
      CATALOG_GRPC_ADDR: services.catalog!.address,
      ENROLLMENT_GRPC_ADDR: services.enrollment!.address,
      QUIZ_GRPC_ADDR: services.quiz!.address,
      ANALYTICS_GRPC_ADDR: services.analytics!.address,
      REDIS_KEY_PREFIX: uniquePrefix(`analytics_${label}`),
    });
    const api = gw.api;
    // the fleet's bootstrap admin (one admin: the system figures count users)
    const [admin, owner, other] = await Promise.all([
      login(api, services.admin!.email, PASSWORD),
      registerInstructor(api, `owner-${label}`),
      registerInstructor(api, `other-${label}`),
    ]);
    const running = gw;
    return {
      services,
      gw,
      api,
      admin,
      owner,
      other,
      async stop() {
        await running.stop();
        await services.close();
      },
    };
  } catch (err) {
    await gw?.stop();
    await services.close();
    throw err;
  }
}

export { registerAndLogin };

export const as = (user: LoggedIn) => ({ token: user.access });

export function ok<T = any>(res: ApiResponse, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
  return res.body as T;
}

/** Two decimals, as the service rounds every rate, hour and minute figure. */
export const r2 = (n: number) => Math.round(n * 100) / 100;

/** Today's UTC date, YYYY-MM-DD. */
export const today = () => new Date().toISOString().slice(0, 10);
