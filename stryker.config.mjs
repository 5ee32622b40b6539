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
  // Equivalent mutants (they cannot change any result) are marked in the source where they are, with the
  // reason: `// Stryker disable next-line <Mutator>: …` (`grep -rn "Stryker disable" utils/engine` lists them).
  // Where another mutant of the same mutator on the same line is a real one (a marker would hide it too),
  // the equivalent stays a survivor, counted against the score, and is listed here:
  //   certificate.ts  /[\s\p{P}]+/gu → without +: removing each character or each run leaves the same string.
  //   certificate.ts  `COLON.test(text)` → true: a cheap pre-filter; LABEL_WITH_COLON needs the same colon.
  //   certificate.ts  `lca !== null` → true: depths are never negative, so `lo < null` (0) is false as well.
  //   certificate.ts  `!token` → false: toAsciiHost(null) is null too, and the next line skips it.
  //   detect/claims.ts  `chars < CLAIM_CHARS` → true or `<=`: push() refuses text past CLAIM_CHARS; the test only ends the walk sooner.
  //   detect/claims.ts  `type === 1` → true: a comment or other node has no localName and no children: passed over either way.
  //   detect/claims.ts  `parent.nodeType === 1` → true: a parent below the root is always an element.
  //   detect/complete.ts  `\s*号?` → `\S*号?`: 号 is optional and is written back in the result either way.
  //   domain.ts  `(?:scheme:)?//` → scheme required: the only input without a scheme is one this line never sees.
  //   owner.ts  /^\s*\n/ → /\s*\n/: the value read after it is trimmed either way.
  //   registry-policy.ts  three ConditionalExpression mutants whose opposite on the same line is killed.
};
