// Fault suite (`npm run test:faults`): the real app against a private Redis and a private
// Postgres cluster that the tests kill, stop and restart; never the machine's own servers.
module.exports = require('../jest.preset.cjs').project(__dirname, 'backend-faults', {
  testMatch: ['<rootDir>/src/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test/faults/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/global-teardown.ts',
  testTimeout: 180000,
  maxWorkers: 1,
});
