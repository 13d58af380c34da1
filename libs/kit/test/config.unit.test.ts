import { ConfigError, commonServiceConfig, env, loadConfig } from '../src/config';

describe('config', () => {
  const shape = {
    ...commonServiceConfig,
    GRPC_PORT: env.port(50051),
    DATABASE_URL: env.url('postgres://lms:lms@127.0.0.1:55432/lms_x'),
    FEATURE: env.bool(false),
    ORIGINS: env.list(''),
  };

  test('When nothing is set, then working local defaults are used', () => {
    const cfg = loadConfig(shape, {});
    expect(cfg.GRPC_PORT).toBe(50051);
    expect(cfg.FEATURE).toBe(false);
    expect(cfg.ORIGINS).toEqual([]);
    expect(cfg.MIGRATE_ON_START).toBe(true);
  });

  test('When NODE_ENV is not set, then it is production (fails closed), and development/test must be asked for', () => {
    expect(loadConfig(shape, {}).NODE_ENV).toBe('production');
    expect(loadConfig(shape, { NODE_ENV: 'development' }).NODE_ENV).toBe('development');
    expect(loadConfig(shape, { NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });

  test('When values are set, then they are coerced to their types', () => {
    const cfg = loadConfig(shape, { GRPC_PORT: '0', FEATURE: 'yes', ORIGINS: 'https://a.example, https://b.example' });
    expect(cfg.GRPC_PORT).toBe(0);
    expect(cfg.FEATURE).toBe(true);
    expect(cfg.ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  test('When several variables are wrong, then start-up fails listing every one', () => {
    expect(() => loadConfig(shape, { GRPC_PORT: 'http', DATABASE_URL: 'not a url', NODE_ENV: 'prod' })).toThrow(ConfigError);
    try {
      loadConfig(shape, { GRPC_PORT: '70000', DATABASE_URL: 'nope', NODE_ENV: 'prod' });
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/GRPC_PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/NODE_ENV/);
    }
  });
});
