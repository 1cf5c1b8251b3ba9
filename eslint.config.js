import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** @typedef {import('typescript-eslint').ConfigWithExtends} Config */

/** src/ folders in layer order; a folder may import the ones before it (same line: not each other). */
const LAYERS = [
  ['domain'],
  ['drawing'],
  ['store', 'persistence', 'layout', 'cli'],
  ['export'],
  ['live'],
  ['services'],
  ['commands'],
  ['ui'],
  ['canvas'],
  ['workshop'],
  ['views'],
  ['panels'],
  ['app'],
];
const LIBRARIES_KEPT_OUT_OF_THE_DOMAIN = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/domain is pure: no React.' },
  { group: ['dexie', 'dexie/*'], message: 'src/domain is pure: no storage.' },
  { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no store.' },
  { group: ['@xyflow/*'], message: 'src/domain is pure: no React Flow.' },
  { group: ['yjs', 'y-*', '@hocuspocus/*'], message: 'src/domain is pure: no Yjs.' },
];

/** @returns {Config[]} one no-restricted-imports block per src/ folder */
function layerRules() {
  return LAYERS.flatMap((level, index) => {
    const above = LAYERS.slice(index + 1).flat();
    return level.map((folder) => {
      const siblings = level.filter((other) => other !== folder);
      const banned = [...above, ...siblings];
      const patterns = banned.length
        ? [{ group: banned.flatMap((name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`]), message: `src/${folder} sits below ${banned.join(', ')} in the layers: import only downwards.` }]
        : [];
      if (folder === 'domain') patterns.push(...LIBRARIES_KEPT_OUT_OF_THE_DOMAIN);
      /** @type {Config} */
      const block = { files: [`src/${folder}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
      return block;
    });
  });
}

// Folders not yet on the type-aware rules and React Hooks' recommended set.
// Empty: every folder is on them. Put a glob here only to bring in code whose
// violations are not fixed yet; the old hooks rules then apply to it.
/** @type {string[]} */
const NOT_YET_STRICT = [];

const TS = ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'];

/** The old hooks rules, for the folders in NOT_YET_STRICT only. @type {Config[]} */
const OLD_HOOK_RULES = NOT_YET_STRICT.length === 0 ? [] : [{
  files: NOT_YET_STRICT,
  plugins: { 'react-hooks': reactHooks },
  rules: {
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'warn',
  },
}];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'test/bench/.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: each file is checked against the tsconfig part that owns it.
    files: TS,
    ignores: NOT_YET_STRICT,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: NOT_YET_STRICT,
    extends: [reactHooks.configs.flat.recommended],
  },
  ...OLD_HOOK_RULES,
  // Layers, lowest first: each may import only the layers below it, so an
  // import back up fails the lint (docs/ARCHITECTURE.md).
  ...layerRules(),
  {
    // The screens change the map only through commands (src/commands): one
    // place that checks read-only, takes snapshots and records undo steps.
    files: ['src/{ui,canvas,workshop,views,panels,app}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'CallExpression[callee.property.name=/^(commit|undo|redo|startGesture|previewGesture|endGesture|openDocument|endTyping)$/]',
        message: 'Change the map through a command: run(command, …) from src/commands.',
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'server/**/*.ts', 'test/**/*.{ts,tsx,mjs}', '*.config.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
