import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'test/bench/.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The domain is pure: no UI, storage or state library may leak into it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/domain is pure: no React.' },
          { group: ['dexie', 'dexie/*'], message: 'src/domain is pure: no storage.' },
          { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no store.' },
          { group: ['@xyflow/*'], message: 'src/domain is pure: no React Flow.' },
          { group: ['**/store/*', '**/persistence/*', '**/canvas/*', '**/panels/*', '**/app/*'], message: 'src/domain must not depend on the app.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'server/**/*.ts', 'test/**/*.{ts,tsx,mjs}', '*.config.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
