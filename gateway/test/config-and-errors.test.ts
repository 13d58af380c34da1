import { z } from 'zod';
import { ConfigError } from '@lms/kit';
import { loadGatewayConfig } from '../src/config';
import { fieldErrorsFromZod, validationError } from '../src/errors/http-errors';
import { presentFields } from '../src/presentation/fields';
import { LoginBody, ProfileBody } from '../src/routes/auth.routes';
import { ListUsersQuery, UpdateUserBody } from '../src/routes/users.routes';

describe('Gateway configuration', () => {
  test('When no variable is set, then the documented local defaults apply', () => {
    const c = loadGatewayConfig({});
    expect(c).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      AUTH_GRPC_ADDR: '127.0.0.1:50051',
      REDIS_KEY_PREFIX: 'lms:gw:',
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      BODY_LIMIT: '100kb',
      RATE_LIMIT_GENERAL_PER_MIN: 100,
      RATE_LIMIT_LOGIN_PER_MIN: 5,
      RATE_LIMIT_REGISTER_PER_MIN: 10,
      JWT_ISSUER: 'lms-auth',
      JWT_AUDIENCE: 'lms-api',
    });
  });

  test('When CORS_ORIGINS and TRUST_PROXY are set, then they are parsed into lists, booleans and hop counts', () => {
    expect(loadGatewayConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadGatewayConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadGatewayConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadGatewayConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  test('When variables are invalid, then start-up fails listing every problem', () => {
    let error: unknown;
    try {
      loadGatewayConfig({ PORT: 'eighty', RATE_LIMIT_LOGIN_PER_MIN: '0', BODY_LIMIT: 'huge', REDIS_URL: 'not a url' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'RATE_LIMIT_LOGIN_PER_MIN', 'BODY_LIMIT', 'REDIS_URL']) expect(problems).toContain(name);
  });
});

describe('Validation errors', () => {
  test('When zod rejects a body, then every issue becomes {loc: ["body", ...path], msg}', () => {
    const result = LoginBody.safeParse({ email: 'not-an-email', password: 42, admin: true });
    expect(result.success).toBe(false);
    const fields = fieldErrorsFromZod('body', (result as z.SafeParseError<unknown>).error);
    expect(fields).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'email'], msg: 'Invalid email' },
        { loc: ['body', 'password'], msg: 'Expected string, received number' },
        { loc: ['body', 'admin'], msg: 'Unknown field' },
      ]),
    );
    const err = validationError(fields);
    expect(err.kind).toBe('invalid_argument');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/^Validation failed: body\.\w+: .+ \(and 2 more\)$/);
  });

  test('When a required field is missing, then its message says "Field required"', () => {
    const result = LoginBody.safeParse({ email: 'a@b.co' });
    expect(fieldErrorsFromZod('body', (result as z.SafeParseError<unknown>).error)).toEqual([
      { loc: ['body', 'password'], msg: 'Field required' },
    ]);
  });

  test('When pagination is out of range or not a number, then the query fields are reported', () => {
    const result = ListUsersQuery.safeParse({ page: '0', page_size: '101', role: 'root', sort: 'x' });
    const locs = fieldErrorsFromZod('query', (result as z.SafeParseError<unknown>).error).map((f) => f.loc.join('.'));
    expect(locs).toEqual(expect.arrayContaining(['query.page', 'query.page_size', 'query.role', 'query.sort']));
    expect(ListUsersQuery.parse({})).toEqual({ page: 1, page_size: 20 });
    expect(ListUsersQuery.safeParse({ page: 'abc' }).success).toBe(false);
    expect(ListUsersQuery.safeParse({ page: ['1', '2'] }).success).toBe(false);
  });

  test('When a partial update names some fields, then exactly those are sent as `fields`', () => {
    expect(presentFields(ProfileBody.parse({ bio: 'hello' }))).toEqual(['bio']);
    expect(presentFields(UpdateUserBody.parse({ role: 'instructor', is_active: false }))).toEqual(['role', 'is_active']);
    expect(ProfileBody.safeParse({}).success).toBe(false);
    expect(ProfileBody.safeParse({ avatar_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(ProfileBody.safeParse({ avatar_url: '' }).success).toBe(true);
  });
});
