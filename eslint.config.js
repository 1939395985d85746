import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = ['account', 'contact-history', 'content-filter', 'delegates', 'demo', 'preferences', 'unsubscribe'];

const importRule = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const otherFeatures = (own) =>
  features
    .filter((f) => f !== own)
    .map((f) => ({
      group: [`@/features/${f}/*`, `**/features/${f}/*`],
      message: 'A feature never imports another feature; compose them in src/app/routes.',
    }));

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
  // Dependency direction (docs/decisions/0002): ui, lib, config → features → app.
  {
    files: ['src/components/**', 'src/lib/**', 'src/config/**'],
    rules: importRule([
      {
        group: ['@/features/*', '@/app/*', '**/features/*', '**/app/*'],
        message: 'Shared code must not depend on features or the app.',
      },
      {
        group: ['@/mocks/*', '**/mocks/*', '@/backend/*', '**/backend/*'],
        message: 'Only the app entry and tests start the mock API.',
      },
    ]),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: importRule([
      ...otherFeatures(feature),
      { group: ['@/app/*', '**/app/*'], message: 'Features do not import the app layer.' },
      {
        group: ['@/mocks/*', '**/mocks/*', '@/backend/*', '**/backend/*'],
        message: 'The UI talks to the API through lib/api-client only.',
      },
    ]),
  })),
  {
    files: ['src/mocks/**', 'src/backend/**'],
    rules: importRule([
      {
        group: ['@/features/*/*', '!@/features/*/schemas', '**/features/*/*', '!**/features/*/schemas', '@/app/*'],
        message: 'The mock backend may share features/<f>/schemas.ts only, never UI code.',
      },
    ]),
  },
  {
    files: ['src/app/**'],
    rules: importRule([
      {
        group: ['@/mocks/*', '**/mocks/*', '@/backend/*', '**/backend/*'],
        message: 'The app talks to the API through lib/api-client only.',
      },
    ]),
  },
);
