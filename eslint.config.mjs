// The rules ../STYLE names as lint rules, enforced with zero warnings in `make test` (npm run lint):
// no process.env outside config, no console, no floating promises, import boundaries.
// Layering (domain purity, no cross-service imports, no cycles) is dependency-cruiser's job (.dependency-cruiser.cjs).
import tseslint from 'typescript-eslint';

const sources = ['libs/kit/src/**/*.ts', 'libs/storage/src/**/*.ts', 'libs/testing-fleet/src/**/*.ts', 'services/*/src/**/*.ts', 'services/*/migrations/**/*.ts', 'gateway/src/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'libs/kit/src/generated/**', '**/*.d.ts'] },
  {
    files: sources,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'error',
      'no-control-regex': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through the config module (STYLE rule 5).' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@lms/auth/*', '@lms/catalog/*', '@lms/enrollment/*', '@lms/quiz/*', '@lms/gateway/*'], message: 'Services talk over gRPC and events, never by import.' },
            { group: ['@lms/testing-fleet', '@lms/kit/testing'], message: 'Test support is for tests only.' },
          ],
        },
      ],
    },
  },
  {
    // Test support itself: it starts services in-process and builds on the kit's test helpers.
    files: ['libs/testing-fleet/src/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The one place each process reads its environment; the test support (kit, testing-fleet) reads the test servers' settings.
    files: [
      'libs/kit/src/config/**/*.ts',
      'services/*/src/config.ts',
      'gateway/src/config.ts',
      'libs/kit/src/telemetry/**/*.ts',
      'libs/kit/src/testing/**/*.ts',
      'libs/testing-fleet/src/**/*.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
