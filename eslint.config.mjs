// Lint rules, including the import boundaries of docs/architecture.md (STYLE.md 13).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnly = {
  name: 'electron',
  message: 'Only src/main/index.ts, the IPC adapter and the preload may import electron.',
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-artifacts/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    files: ['bin/*.js', '**/*.cjs', 'resources/demos/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Inlined into the page by the Electron stand-in (test/support/electronStandIn).
    files: ['test/support/electronStandIn/rendererWorld.cjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/main/index.ts', 'src/main/transport/ipcAdapter.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
              message: 'src/shared runs in the browser too: no Node modules.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
              message: 'src/shared imports nothing platform-specific.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks only to the contract in src/shared.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
              message: 'The renderer runs in a sandboxed page: no Node modules.',
            },
          ],
        },
      ],
    },
  },
);
