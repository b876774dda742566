// ESLint flat config: typescript-eslint's recommended rules, plus the one architectural rule:
// the analysis core (src/core/) never imports `vscode`.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'coverage/**', 'test-results/**', 'bench-results/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter or binding that is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core/ is the pure analysis core: no vscode API (it runs in Node, web workers and tests).' }],
        patterns: [{ group: ['vscode/*'], message: 'src/core/ must not depend on the vscode API.' }],
      }],
    },
  },
);
