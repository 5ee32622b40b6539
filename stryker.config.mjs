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
  // Equivalent mutants: they survive by right, and are counted as survivors in the score.
  //   certificate.ts:127 /[\s\p{P}]+/gu → without +: removing each character or each run leaves the same string.
  //   certificate.ts:131 `COLON.test(text)` → true: a cheap pre-filter; LABEL_WITH_COLON needs the same colon.
  //   certificate.ts:183 `lca !== null` → true: depths are never negative, so `lo < null` (0) is false as well.
  //   certificate.ts:268 `!token` → false: toAsciiHost(null) is null too, and the next line skips it.
  //   credit-code.ts:28  /\s+/g → /\s/g: removing every space one by one or run by run leaves the same string.
  //   credit-code.ts:28  '' → "Stryker was here!" for a non-string: neither is 18 code characters, both invalid.
  //   credit-code.ts:46  /^5[1-9]$/ → /5[1-9]$/ or /^5[1-9]/: the prefix is always exactly two characters.
  //   domain.ts:99       `if (!url)` → `if (false)`: new URL('') and new URL(undefined) throw, and the catch gives '' too.
  //   unit-name.ts:20    /[\s\p{Cf}\p{P}]+/gu → without +: removing each character or each run leaves the same string.
  //   unit-name.ts:21    /[A-Z]+/g → /[A-Z]/g: lower-casing each letter or each run of letters gives the same string.
};
