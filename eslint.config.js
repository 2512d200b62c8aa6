// ESLint flat config. The import zones below are the architecture: domain <- ecs <- server,
// domain <- web, mocks stand alone. A violation fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import testingLibrary from 'eslint-plugin-testing-library';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { existsSync, readdirSync } from 'node:fs';

const layers = ['domain', 'ecs', 'server', 'mocks', 'web'];
const others = (...allowed) => layers.filter((l) => !allowed.includes(l)).map((l) => `./src/${l}`);

/** Features do not import each other (the app layer composes them): one zone per feature folder. */
const featureDir = 'src/web/features';
const features = existsSync(featureDir)
  ? readdirSync(featureDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];
const featureZones = features.map((f) => ({
  target: `./${featureDir}/${f}`,
  from: features.filter((o) => o !== f).map((o) => `./${featureDir}/${o}`),
  message: 'Features do not import each other; compose them in src/web/app.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: others('domain'),
              message: 'src/domain is pure: it imports no other layer.',
            },
            {
              target: './src/ecs',
              from: others('domain', 'ecs'),
              message: 'src/ecs may import only src/domain.',
            },
            {
              target: './src/mocks',
              from: others('mocks'),
              message: 'The emulator implements ECS on its own: it imports none of our layers.',
            },
            {
              target: './src/server',
              from: ['./src/web', './src/mocks'],
              message:
                'The server never imports the web app, and imports mocks only in boot/emulator-mode.ts.',
            },
            {
              target: './src/web',
              from: ['./src/ecs', './src/mocks'],
              message:
                'The web app talks to the proxy only; it never imports ECS code or the emulator.',
            },
            ...featureZones,
          ],
        },
      ],
    },
  },
  {
    // The one guarded switch that lets the server run on the built-in emulator.
    files: ['src/server/boot/emulator-mode.ts', 'src/server/boot/dev-plugin.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    // The web app may use server code only as types (the API contract), never at run time.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              allowTypeImports: true,
              message: 'The web app imports server code only with `import type`.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}', 'tests/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
    },
  },
  {
    files: ['tests/web/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
