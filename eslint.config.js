import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

const DOMAINS = ['households', 'people', 'municipalities', 'guidance', 'notifications', 'places', 'bookings', 'organizations', 'forum', 'support', 'funding', 'insights', 'personal-data'];

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', '.test-data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  {
    // Migrations are frozen in time and typed as Kysely<any> on purpose.
    files: ['src/lib/server/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    // Domains are entered through their index.ts only; no cycles between modules.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }]
    }
  },
  {
    files: ['src/routes/**', 'src/hooks.server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^#lib/server/(${DOMAINS.join('|')})/(?!index\\.ts$).+`,
              message: 'Import a domain through its index.ts.'
            },
            { regex: 'kysely', message: 'Routes do not touch the database: call a service.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/lib/server/**/*.ts'],
    ignores: ['src/lib/server/**/*.queries.ts', 'src/lib/server/db/**', 'src/lib/server/testing/**', 'src/lib/server/**/*.test.ts', 'src/lib/server/**/*.table.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]", message: 'SQL lives in *.queries.ts.' }
      ]
    }
  }
);
