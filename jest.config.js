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
    '^@lms/storage$': '<rootDir>/../../libs/storage/src/index.ts'.replace('../../', dir.includes('/') ? '../../' : '../'),
    ...extraModules,
  },
  testEnvironment: 'node',
});

/** @lms/testing-fleet and the service sources it starts, seen from a project `root` levels below the repository. */
const fleet = (root) => ({
  '^@lms/testing-fleet$': `<rootDir>/${root}/libs/testing-fleet/src/index.ts`,
  ...Object.fromEntries(
    ['auth', 'catalog', 'enrollment', 'quiz', 'analytics', 'media', 'certificate'].map((name) => [`^@lms/${name}/(.*)$`, `<rootDir>/${root}/services/${name}/src/$1`]),
  ),
});

module.exports = {
  projects: [
    project('kit', 'libs/kit'),
    project('storage', 'libs/storage'),
    // Suites start the services they need in-process through @lms/testing-fleet, which loads each service's
    // src/main and src/config as @lms/<service>/* (tests only; src never imports them).
    project('auth', 'services/auth', fleet('../..')),
    project('catalog', 'services/catalog', fleet('../..')),
    project('enrollment', 'services/enrollment', fleet('../..')),
    project('quiz', 'services/quiz', fleet('../..')),
    project('analytics', 'services/analytics', fleet('../..')),
    project('media', 'services/media', fleet('../..')),
    project('certificate', 'services/certificate', fleet('../..')),
    project('gateway', 'gateway', fleet('..')),
    // chaos/test: the short chaos suite (the fleet as processes from their builds; docs/chaos.md)
    project('chaos', 'chaos', fleet('..')),
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
