// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Each folder is one runtime; these rules keep code from leaking across them.
const noElectron = { name: 'electron', message: 'Only electron/ may import Electron.' };
const noReact = [
  { name: 'react', message: 'React belongs to renderer/ only.' },
  { name: 'react-dom', message: 'React belongs to renderer/ only.' },
];
const nodeBuiltins = {
  group: ['node:*'],
  message: 'Pure code: no Node built-ins here (it must run in the renderer and in Node).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'bench/baseline/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/services/**', '**/electron/**', '**/renderer/**', '**/preview/**'],
              message: 'shared/ depends on nothing but itself and pure libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // The independent check must not share a rule with the generators it checks (issue 10): it
    // reads the pack's format and the engine's item types, nothing else of the engine.
    files: ['shared/verify/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/services/**', '**/electron/**', '**/renderer/**', '**/preview/**'],
              message: 'shared/ depends on nothing but itself and pure libraries.',
            },
            {
              group: ['**/engine/**', '!**/engine/types.ts'],
              message:
                'shared/verify is a second opinion: it must not import the engine rules it checks.',
            },
            {
              group: ['**/engine/types.ts', '**/pack/relations.ts'],
              allowTypeImports: true,
              message:
                'shared/verify may take types only from here (it keeps its own polarity table).',
            },
            {
              group: [
                '**/pack/**',
                '!**/pack/schema.ts',
                '!**/pack/relations.ts',
                '!**/pack/species.ts',
              ],
              message:
                'shared/verify reads the pack format (schema.ts, relations.ts, species.ts) only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['services/**/*.ts', 'preview/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'Services run in plain Node: no renderer or Electron code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks make temporary folders only through test/support/temp-dir.ts: it names
    // them for the tmp census, and its callers remove them (issue 17).
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/support/temp-dir.ts', 'test/support/tmp-census.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^(mkdtemp|mkdtempSync|tmpdir)$/]',
          message:
            'Use tempDir() (test/support/test-scope.ts), the tempDir fixture (e2e) or withTempDir/makeTempDir (test/support/temp-dir.ts): they remove what they make.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/services/**', '**/electron/**', '**/preview/**'],
              message: 'The renderer reaches services only through the contract.',
            },
          ],
        },
      ],
    },
  },
);
