/**
 * The engine's unit tests, for mutation testing (stryker.config.mjs). Stryker's Vitest runner
 * cannot pick a project of vitest.config.ts, so the engine's tests get a config of their own:
 * no WXT plugin (the engine imports nothing from WXT), and no fuzz test (27 s per run, and its
 * random inputs cannot tell which rule they exercised), and no adversarial test: it runs the
 * stand-in registry inside the test process, and beside two Stryker workers on a loaded machine its
 * lookups failed in two of three initial runs, which stops Stryker before the first mutant.
 */
import { defineConfig } from 'vitest/config';

/** Tests that parse HTML with a DOM; the rest run in plain node (a happy-dom environment costs ~0.4 s per file per run). */
const DOM_TESTS = ['detect', 'detect-corpus', 'detect-forms', 'detect-rules', 'dom-marks', 'footers', 'homepage', 'mark-context'];

const ENGINE_TESTS = [
  'cache',
  'certificate',
  'certificate-fields',
  'certificate-labels',
  'check-page',
  'conac',
  'conac-client',
  'credit-code',
  'detect',
  'detect-corpus',
  'detect-forms',
  'detect-rules',
  'dom-marks',
  'domain',
  'domain-inputs',
  'domain-suffixes',
  'footers',
  'homepage',
  'mark-context',
  'owner',
  'registry-policy',
  'rendered-certificate',
  'unicode-host',
  'unit-name',
  'verdict',
  'verdict-messages',
  'verify',
  'verify-rules',
];

const files = (names: string[]) => names.map((name) => `tests/unit/${name}.test.ts`);

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    // One module graph for every file and run (2–3× faster). Safe here: the engine keeps no state between
    // calls, and Stryker switches mutants at run time (static mutants are ignored, see stryker.config.mjs).
    isolate: false,
    projects: [
      {
        extends: true,
        test: { name: 'engine', environment: 'node', include: files(ENGINE_TESTS.filter((name) => !DOM_TESTS.includes(name))) },
      },
      { extends: true, test: { name: 'engine-dom', environment: 'happy-dom', include: files(DOM_TESTS) } },
    ],
  },
});
