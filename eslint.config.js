import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.bench/**', 'node_modules/**', 'demo-output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // The pure core: no browser APIs, no clock, no host time zone (README "Architecture").
    files: ['lib/**/*.ts'],
    ignores: ['lib/dom/**', 'lib/adapters/**', 'lib/messaging/**', 'lib/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['#imports', 'wxt', 'wxt/*', 'react', 'react-dom', 'zustand'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'chrome', 'browser', 'localStorage'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; lib/ never reads the clock.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: 'Pass `now` in; lib/ never reads the clock.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='local']", message: 'lib/ never uses the host time zone.' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Pass `now` in; lib/ never reads the clock.' },
      ],
    },
  },
  {
    // Per-surface view state (Zustand stores, docs/research aesthetics §6–7): the one lib/ folder that may
    // import zustand. Everything else of the purity block still applies (no clock, no browser globals).
    files: ['lib/state/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['#imports', 'wxt', 'wxt/*', 'react', 'react-dom'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
  },
);
