import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

// Every folder in src/features is a feature: a new one is covered by the rules below without being listed.
const features = readdirSync(new URL('src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const languages = ['en', 'de'];
const root = import.meta.dirname;

// Dependency direction (docs/decisions/0002, 0009), checked on the file an import resolves to, so
// `../../other-feature/…` and `@/…` aliases are caught alike. Paths are relative to this folder.
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const backendMayUseLocales = languages.flatMap((l) => [`./${l}/emails.json`, `./${l}/api.json`]);
const dependencyZones = [
  zone(
    ['src/components', 'src/lib', 'src/config'],
    ['src/features', 'src/app'],
    'Shared code (components, lib, config) must not depend on features or the app.',
  ),
  zone(
    ['src/components', 'src/lib', 'src/config'],
    ['src/mocks', 'src/backend'],
    'Only the app entry and tests start the mock API.',
  ),
  ...features.map((feature) =>
    zone(
      `src/features/${feature}`,
      'src/features',
      'A feature never imports another feature; compose them in src/app/routes.',
      [`./${feature}`],
    ),
  ),
  zone('src/features', 'src/app', 'Features do not import the app layer.'),
  zone(
    ['src/features', 'src/app'],
    ['src/mocks', 'src/backend'],
    'The UI talks to the API through lib/api-client only.',
  ),
  // src/shared: what the UI and the API both use (zod schemas, pure rules). It stands on the contract's
  // types and the pure parts of lib only, so the backend and the server may import it.
  zone(
    'src/shared',
    ['src/features', 'src/app', 'src/components', 'src/config', 'src/backend', 'src/mocks', 'server'],
    'src/shared is for the UI and the API alike: it imports no feature, app, UI, backend or server code.',
  ),
  zone(
    'src/shared',
    'src/lib',
    'From lib, src/shared may use only the API types, the zod set-up and the pure helpers (free text, formats, change facts).',
    ['./api-types.ts', './api-schema.gen.ts', './zod.ts', './free-text.ts', './format.ts', './preference-change.ts'],
  ),
  zone(
    ['src/backend', 'src/mocks'],
    'src/features',
    'The backend never imports a feature: what it shares with the UI lives in src/shared/<feature>.',
  ),
  zone(['src/backend', 'src/mocks'], ['src/app', 'src/components'], 'The backend never imports UI code.'),
  zone(
    ['src/backend', 'src/mocks'],
    'src/lib',
    "From lib, the backend may use only the API types, the zod set-up and the contract's change facts.",
    // preference-change.ts reads the contract's change paths as facts: the activity log records them, the UI words them.
    ['./api-types.ts', './api-schema.gen.ts', './zod.ts', './preference-change.ts'],
  ),
  zone(
    ['src/backend', 'src/mocks'],
    'src/locales',
    'The backend may use only the emails and api catalogues (src/locales/*/emails.json, api.json).',
    backendMayUseLocales,
  ),
  // The server is an adapter of the backend: the same limits, plus paths for its links.
  zone('server', ['src/app', 'src/components', 'src/mocks'], 'The server never imports UI code or the mock.'),
  zone(
    'server',
    'src/features',
    'The server never imports a feature: what it shares with the UI lives in src/shared/<feature>.',
  ),
  zone('server', 'src/lib', 'From lib, the server may use what the backend may, and the app’s date formats.', [
    './api-types.ts',
    './api-schema.gen.ts',
    './zod.ts',
    './preference-change.ts',
    // The unsubscribe page without JavaScript shows times as the app's page does.
    './format.ts',
  ]),
  // One exception, on purpose: the unsubscribe page without JavaScript is the app's unsubscribe page
  // rendered by the server, so its words come from the app's own catalogues (docs/decisions/0012).
  zone(
    ['server/*.ts', 'server/unsubscribe-page/!(words).ts'],
    'src/locales',
    'The server may use only the emails and api catalogues; the unsubscribe page reads its words in words.ts.',
    backendMayUseLocales,
  ),
  zone(
    'server/unsubscribe-page/words.ts',
    'src/locales',
    'The unsubscribe page may read the unsubscribe, propagation and common catalogues besides the backend ones.',
    [
      ...backendMayUseLocales,
      ...languages.flatMap((l) => [`./${l}/unsubscribe.json`, `./${l}/propagation.json`, `./${l}/common.json`]),
    ],
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public/mockServiceWorker.js',
      'src/lib/api-schema.gen.ts',
      'playwright-report',
      'test-results',
      // Files that break the dependency rules on purpose; test/app/dependency-rules.test.ts lints them.
      'test/lint-fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          tsconfig: { configFile: `${root}/tsconfig.json` },
        }),
      ],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: dependencyZones }] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-*',
                '@tanstack/*',
                '@hookform/*',
                'i18next',
                'msw',
                'msw/*',
                'hono',
                'hono/*',
              ],
              message:
                'src/shared is pure rules and schemas for the UI and the API: no React, UI library or server framework.',
            },
            { group: ['node:*'], message: 'src/shared runs in the browser as well: no Node built-ins, no I/O.' },
          ],
        },
      ],
    },
  },
);
