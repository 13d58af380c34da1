/**
 * Architecture rules, checked by `npm run deps:check` (part of `make test`):
 * services never import each other, shared code comes only from @lms/kit or @lms/storage (object storage, built on the
 * kit alone), domain code is pure, the kit depends on nothing of the fleet, and only tests use libs/testing-fleet
 * (which may start services).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cross-service-imports',
      severity: 'error',
      comment: 'A service reaches another only over gRPC or events; shared code lives in @lms/kit or @lms/storage.',
      from: { path: '^services/([^/]+)/src/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'gateway-does-not-import-services',
      severity: 'error',
      from: { path: '^gateway/src/' },
      to: { path: '^services/' },
    },
    {
      name: 'libraries-build-on-the-kit-only',
      severity: 'error',
      comment: 'A library (kit, storage) imports only itself and the kit; only testing-fleet (test support) may import services, to start them in-process.',
      from: { path: '^libs/([^/]+)/', pathNot: '^libs/testing-fleet/' },
      to: { path: '^(services|gateway|libs)/|node_modules/@lms/', pathNot: '^libs/(kit|$1)/|node_modules/@lms/(kit|$1)/' },
    },
    {
      name: 'testing-fleet-is-for-tests',
      severity: 'error',
      comment: 'Test support: no source of the kit, storage, a service or the gateway imports it.',
      from: { path: '^(libs/kit|libs/storage|services/[^/]+|gateway)/src/' },
      to: { path: '^libs/testing-fleet/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds rules and types only: no I/O, no frameworks, no outer layers.',
      from: { path: '^services/[^/]+/src/domain/' },
      to: {
        path: '(^services/[^/]+/src/(infra|grpc|events|app)/)|node_modules/(sequelize|pg|amqplib|ioredis|@grpc|express)/',
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(services|gateway|libs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
