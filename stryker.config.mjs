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
  // the survivor stays, counted against the score, and is listed here with its reason. Every survivor of the
  // last full run (61; README › Testing) is here: first the equivalent ones, then the few that are not.
  //   certificate.ts:127  /[\s\p{P}]+/gu → without +: removing each character or each run leaves the same string.
  //   certificate.ts:131  `COLON.test(text)` → true: a cheap pre-filter; LABEL_WITH_COLON needs the same colon.
  //   certificate.ts:183  `lca !== null` → true: depths are never negative, so `lo < null` (0) is false as well.
  //   certificate.ts:268  `!token` → false: toAsciiHost(null) is null too, and the next line skips it.
  //   detect/claims.ts:76  `!root` → false, '' → other text: a rootless document fails the stage, which draftScan
  //     turns into '' anyway, and no claim reads from a placeholder text.
  //   detect/claims.ts:85  `>` → `>=`: slicing a string of exactly `room` characters to its last `room` is the string.
  //   detect/claims.ts:98  `chars < CLAIM_CHARS` → true or `<=`: push() refuses text past CLAIM_CHARS; this only ends the walk sooner.
  //   detect/claims.ts:102  `type === 1` → true: a comment or other node has no localName and no children: passed over either way.
  //   detect/claims.ts:118  `parent.nodeType === 1` → true: a parent below the root is always an element.
  //   detect/complete.ts:17,18  placeholders for a non-string text and the owners before reading: no claim reads
  //     from the one, and ownersOf (which never throws) replaces the other.
  //   detect/complete.ts:28  `\s*号?` → `\S*号?`: 号 is optional and is written back in the result either way.
  //   detect/context.ts:102  the fallback for a DOM without createTreeWalker: every DOM GovMark runs on has one.
  //   detect/context.ts:105  `text.length < max` → true or `<=`: the text is cut to max after the walk; this only stops it sooner.
  //   detect/dom-marks.ts:49,70,75,107,159  the fast paths (container list, template and form flags, area check):
  //     forced on or off, the slow path gives the same marks (dom-marks.test.ts runs both sides of each).
  //   detect/image-names.ts:69  `query === -1` → false: a name without a query has nothing after it to read.
  //   detect/links.ts:81,93  the 600/300-character windows: `at === -1` leaves no text to add either way.
  //   detect/marks.ts:87  `href != null` → true: parse(null) is null too, and the page address is used.
  //   detect/owner.ts:87  /^\s*\n/ → /\s*\n/: the value read after it is trimmed either way.
  //   detect/text-comments.ts:14  `<` → `<=`: the character past the end is '', which opens no comment.
  //   detect/text-comments.ts:46  the guard that keeps the pass linear: searching again from `pos` finds the same next opening.
  //   detect/text-marks.ts:27  the type attribute's '' default: an absent type and an unknown one are both read as script.
  //   detect/text-marks.ts:159,161,168  position mapping across removed escapes: no comment begins or ends inside an escape.
  //   domain.ts:38  `(?:scheme:)?//` → scheme required: the only input without a scheme is one this line never sees.
  //   registry-policy.ts:75,109,124  ConditionalExpression mutants whose opposite on the same line is killed:
  //     `ok` never reaches the retry test, only `unreachable` carries retryAfterMs, `null` parses to undefined anyway.
  //   Not equivalent, left on purpose:
  //   detect/links.ts:35,53,63,88 and detect/text-marks.ts:35  pre-filters (`itename`, `CA`/conac in a script
  //     address, the redirector's query-only rule, the bound-name anchor): removing one would also read forms,
  //     handlers and scripts that spell the address in escapes no real page uses (README › Known limits).
  //   unicode-host.ts:50  Punycode's overflow guard (RFC 3492 §6.2): no label a DNS name allows reaches it.
  //   unit-name.ts:50  the `$` of [乡镇]人民政府$: only a name no real unit has tells the difference.
};
