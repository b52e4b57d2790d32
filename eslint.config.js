// Lint: typescript-eslint's type-checked rules plus the layering fences of the design
// (commands -> cli -> core -> runtime, db; only runtime runs processes; only db talks SQL).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const fence = (message, ...names) => names.map((name) => ({name, message}))
const processAndSql = [
  ...fence('only src/runtime runs processes', 'execa', 'node:child_process', 'child_process'),
  ...fence('only src/db talks SQL', 'better-sqlite3'),
]
const presentation = fence(
  'src/core stays free of the terminal: printing lives in src/cli',
  '@oclif/core',
  'chalk',
  'listr2',
)

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', 'bench/fixtures/']},
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'},
      ],
    },
  },
  {
    // Expected kubectl tables are clearer with their spaces written out.
    files: ['test/**/*.ts'],
    rules: {'no-regex-spaces': 'off'},
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {globals: globals.node},
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...processAndSql, ...presentation],
          patterns: [
            {
              group: ['**/cli/**', '**/commands/**', '**/db/**', '**/runtime/**', '!../runtime/**'],
              message: 'src/core reaches the store and the runtime through its own interfaces',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: processAndSql,
          patterns: [
            {group: ['**/runtime/*-adapter*'], message: 'commands reach the runtime through src/core'},
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...fence('only src/runtime runs processes', 'execa', 'node:child_process'),
            ...presentation,
          ],
          patterns: [
            {group: ['**/cli/**', '**/commands/**', '**/runtime/**'], message: 'src/db sits below core'},
          ],
        },
      ],
    },
  },
)
