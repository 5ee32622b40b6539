// Mutation testing of the engine: `npm run mutate` (see README › Testing). Not part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // A config of its own: the runner cannot pick one project, and the engine's tests need no WXT plugin.
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  mutate: ['utils/engine/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Reuses the results of mutants whose code and tests did not change: a rerun takes minutes.
  incremental: true,
  incrementalFile: 'tests/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  // Module-level constants (tables, patterns) run once at import: mutating them would need a fresh
  // test run per mutant. The table tests cover them row by row instead.
  ignoreStatic: true,
  // No type checker: TypeScript 7 has no JS API. tsconfigFile '' keeps Stryker from reading the
  // tsconfig with it; disableTypeChecks stays false so the HTML fixtures under tests/ are not rewritten.
  checkers: [],
  tsconfigFile: '',
  disableTypeChecks: false,
  ignorePatterns: ['.output', '.demo', 'test-results', 'reports', '.github'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  mutator: {
    // No mutator is switched off: a whole mutator would hide real gaps along with the equivalents.
    excludedMutations: [],
  },
  // Equivalent mutants are marked in the source where they are, with the reason (`// Stryker disable next-line
  // <Mutator>: …`; `grep -rn "Stryker disable" utils/engine` lists them), or the code was simplified so they no longer arise.
  //   cache.ts:22        `typeof entry !== 'object'` → false: a primitive has no expiresAt, so it is a miss either way.
};
