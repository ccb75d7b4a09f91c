// ESLint flat config: syntax-only rules (no type-aware linting, which would take minutes on 2 cores).
// Layout is prettier's job (.prettierrc.json): nothing here checks formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', 'data/', 'coverage/', 'db/migrations/'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `let { a, b, c } = f()` where only some are reassigned stays one destructuring.
      'prefer-const': ['error', { destructuring: 'all' }],
      // `_name` marks a binding kept on purpose (a destructured field left out of a rest, a callback's unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The hooks' rules where hooks live. Tests render through these files; db/ never imports React.
    files: ['components/**/*.{ts,tsx}', 'screens/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}', 'bin/**/*.{ts,tsx}', 'test/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      // React Compiler rules that the code breaks on purpose; the app is not compiled by React Compiler, so these
      // patterns are sound here: a ref written during render to keep the latest value for handlers or the last size
      // that fit (Shell, keypress-bus, useQuery, useSteps), and state set in an effect to load after the first frame.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
);
