// Medium tests: each file gets a fresh database (Postgres when DATABASE_URL is set,
// embedded PGlite otherwise) with migrations applied, and real HTTP on a real port.
module.exports = require('../jest.preset.cjs').project(__dirname, 'backend-medium', {
  testMatch: ['<rootDir>/src/**/*.medium-spec.ts', '<rootDir>/test/bad-input/*.medium-spec.ts'],
  globalSetup: '<rootDir>/test/support/announce-database.cjs',
  testTimeout: 60000,
  maxWorkers: 2,
});
