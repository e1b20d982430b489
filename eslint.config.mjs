import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Backend modules that own a domain (anything but config, common, database and bootstrap). */
const DOMAIN_MODULES = [
  'auth',
  'connectors',
  'sources',
  'sync',
  'events',
  'realtime',
  'portfolio',
  'workplace',
  'crm',
  'operations',
  'notifications',
  'integrations',
  'health',
  'metrics',
  'system',
  'demo',
  'console',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'tmp/**', '.nx/**', '.angular/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:backend',
              onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared', 'scope:simulator'],
            },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:e2e', 'scope:shared'] },
            { sourceTag: 'scope:simulator', onlyDependOnLibsWithTags: ['scope:simulator', 'scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Nest and TypeORM read constructor parameter types at runtime (decorator metadata),
    // so injected classes must be value imports, not `import type`.
    files: ['backend/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Read domains answer from normalized tables and judge freshness through `sources`;
    // the sync engine writes what they read and is never a dependency of theirs.
    files: ['backend/src/{portfolio,workplace,crm,operations}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sync', '**/sync/**'],
              message: 'A read domain depends on sources (state, freshness), never on the sync engine.',
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer knows the data source and migrations, never a domain: each module
    // registers its own entities.
    files: ['backend/src/database/**/*.ts'],
    ignores: ['backend/src/database/**/*.medium-spec.ts', 'backend/src/database/**/*.fault-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: DOMAIN_MODULES.flatMap((name) => [`**/${name}`, `**/${name}/**`]),
              message: 'database/ must not import a domain module; modules register their own entities.',
            },
          ],
        },
      ],
    },
  },
  {
    // Realtime owns transport (gateway, SSE, hub, update log, numbering); the domain modules
    // import it and register their topics, lookups and rules in `LiveRoutes`, never the reverse.
    files: ['backend/src/realtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['portfolio', 'workplace', 'crm', 'operations', 'integrations', 'notifications', 'sync'].flatMap(
                (name) => [`**/${name}`, `**/${name}/**`],
              ),
              message: 'Realtime owns transport only: a domain module registers its live routes (LiveRoutes) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['frontend/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'sy', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['frontend/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    files: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.fault-spec.ts', 'e2e/**/*.ts', 'backend/test/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  prettier,
);
