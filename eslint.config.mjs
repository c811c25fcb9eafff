// ESLint flat config. `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'bench/.tmp/**', '.e2e/**', '.vscode-test/**', 'test/e2e/.work/**', '**/*.js', 'syntaxes/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', performance: 'readonly', structuredClone: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The end-to-end runner drives a browser: page.evaluate callbacks run there.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', getComputedStyle: 'readonly', MouseEvent: 'readonly', fetch: 'readonly' } },
  },
  {
    // The core is pure: no editor, no protocol, no file system, no network, no processes.
    // r-a states it as an invariant: the syntax layer "knows nothing about … LSP".
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient',
            'vscode-languageclient/node', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path',
            'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https',
            'worker_threads', 'node:worker_threads', 'os', 'node:os',
          ],
          patterns: ['vscode-languageserver/*', 'vscode-languageclient/*'],
        },
      ],
    },
  },
  {
    // Nothing at runtime starts processes or opens sockets.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'dgram', 'node:dgram'] },
      ],
    },
    ignores: ['server/src/core/**'],
  },
);
