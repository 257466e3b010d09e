// ESLint 9 flat config. `npm run lint` runs `eslint . --max-warnings 0`, so every warning fails the build.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The few Node globals our plain .js/.mjs files use; TypeScript files get theirs from @types/node.
const nodeGlobals = {
  console: 'readonly',
  process: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  performance: 'readonly',
};

export default defineConfig(
  {
    ignores: ['**/dist/', '**/data/', '**/node_modules/', 'drizzle/', 'test-results/', 'coverage/'],
  },
  {
    files: [
      'src/**/*.{ts,tsx}',
      'web/src/**/*.{ts,tsx}',
      'tests/**/*.{ts,tsx}',
      'bench/**/*.{ts,tsx}',
      'scripts/**/*.{ts,tsx}',
      '*.ts',
    ],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Type-aware rules: every linted .ts file must be in tsconfig.json's `include` (root configs are listed).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Fastify route handlers are async by contract and often just return a value without awaiting.
      '@typescript-eslint/require-await': 'off',
      // Fastify and React event handlers accept async functions; only flag promises passed where a void is
      // returned to code that would swallow the rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read `any` on purpose: Fastify's inject().json() and Vitest's asymmetric matchers (expect.any).
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // The server's contract is imported as @server/…, never by climbing out of web/ (see tsconfig paths).
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+src/', message: 'Import from @server/… instead.' }] },
      ],
    },
  },
  {
    // Node runs src/ without a bundler: the web app's @server alias does not resolve there.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@server/', message: 'Use a relative import in src/.' }] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
