// Shared jest settings. NestJS 12 and some of its dependencies ship ES modules only,
// so they are transformed by swc like our own code; everything else in node_modules is not.
const path = require('node:path');

const esmPackages = [
  '@nestjs',
  '@electric-sql',
  'content-disposition',
  'cookie',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'croner',
  'jose',
  'openid-client',
  'oauth4webapi',
];

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function project(rootDir, displayName, overrides = {}) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.(t|m?j)s$': ['@swc/jest', swcOptions] },
    transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
    moduleNameMapper: {
      '^@switchyard/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
      '^@switchyard/simulator$': path.join(__dirname, 'simulator/src/index.ts'),
    },
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    ...overrides,
  };
}

module.exports = { project };
