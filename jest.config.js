/**
 * One Jest run for the whole fleet: each workspace is a project; TypeScript is transpiled by SWC
 * (type checking is `tsc -b`, run by `make test` before Jest). Suites create their own database and
 * RabbitMQ vhost, so they run in parallel against the servers from scripts/infra.sh.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const project = (name, dir, extraModules = {}) => ({
  displayName: name,
  rootDir: `<rootDir>/${dir}`,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@lms/kit$': '<rootDir>/../../libs/kit/src/index.ts'.replace('../../', dir.includes('/') ? '../../' : '../'),
    '^@lms/kit/(.*)$': '<rootDir>/../../libs/kit/src/$1'.replace('../../', dir.includes('/') ? '../../' : '../'),
    ...extraModules,
  },
  testEnvironment: 'node',
});

module.exports = {
  projects: [
    project('kit', 'libs/kit'),
    project('auth', 'services/auth'),
    project('catalog', 'services/catalog', {
      // Catalog tests start the auth service in-process for real tokens (tests only; src never imports it).
      '^@lms/auth/(.*)$': '<rootDir>/../auth/src/$1',
    }),
    project('enrollment', 'services/enrollment', {
      // Enrollment tests start auth and catalog in-process (tests only; src never imports them).
      '^@lms/auth/(.*)$': '<rootDir>/../auth/src/$1',
      '^@lms/catalog/(.*)$': '<rootDir>/../catalog/src/$1',
    }),
    project('quiz', 'services/quiz', {
      // Quiz tests start auth, catalog and enrollment in-process (tests only; src never imports them).
      '^@lms/auth/(.*)$': '<rootDir>/../auth/src/$1',
      '^@lms/catalog/(.*)$': '<rootDir>/../catalog/src/$1',
      '^@lms/enrollment/(.*)$': '<rootDir>/../enrollment/src/$1',
    }),
    project('gateway', 'gateway', {
      // Gateway end-to-end tests start auth and catalog in-process (tests only; src never imports them).
      '^@lms/auth/(.*)$': '<rootDir>/../services/auth/src/$1',
      '^@lms/catalog/(.*)$': '<rootDir>/../services/catalog/src/$1',
      '^@lms/enrollment/(.*)$': '<rootDir>/../services/enrollment/src/$1',
      '^@lms/quiz/(.*)$': '<rootDir>/../services/quiz/src/$1',
    }),
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
