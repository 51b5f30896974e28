// Lint rules. The layer rule for relative imports (src/sim imports nothing outside itself) is
// enforced by test/architecture.test.ts, which resolves paths; lint guards packages and globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', '!node:crypto'], message: 'src/sim does no I/O.' },
          { group: ['ink', 'react', 'js-yaml'], message: 'src/sim knows nothing of the view or files.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'Use the simulated clock.' },
        { name: 'process', message: 'src/sim has no process.' },
        { name: 'console', message: 'src/sim logs through state, not the console.' },
        { name: 'setTimeout', message: 'Use advance() on the simulated clock.' },
        { name: 'setInterval', message: 'Use advance() on the simulated clock.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the state.' }],
    },
  },
);
