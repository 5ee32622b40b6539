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
const DOM_TESTS = [
  'detect',
  'detect-assembly',
  'detect-corpus',
  'detect-forms',
  'detect-rules',
  'dom-marks',
  'footer-text',
  'footers',
  'homepage',
  'homepage-rules',
  'image-sources',
  'links',
  'mark-context',
  'settle',
  'text-comments',
  'text-marks',
];

const ENGINE_TESTS = [
  'cache',
  'cache-rules',
  'cert-url',
  'certificate',
  'certificate-answer',
  'certificate-cells',
  'certificate-fields',
  'certificate-labels',
  'certificate-reading',
  'check-page',
  'claims-of',
  'conac',
  'conac-client',
  'conac-client-rules',
  'credit-code',
  'detect',
  'detect-assembly',
  'detect-corpus',
  'detect-forms',
  'detect-rules',
  'dom-marks',
  'domain',
  'domain-inputs',
  'domain-suffixes',
  'engine-edges',
  'fetch-text',
  'footer-text',
  'footers',
  'holder-rules',
  'homepage',
  'homepage-rules',
  'image-names',
  'image-sources',
  'links',
  'mark-context',
  'owner',
  'owner-rules',
  'registry-policy',
  'registry-policy-rules',
  'rendered-certificate',
  'settle',
  'text-comments',
  'text-marks',
  'unicode-host',
  'unicode-host-rules',
  'unit-name',
  'verdict',
  'verdict-messages',
  'verify',
  'verify-reasons',
  'verify-rules',
];

const files = (names: string[]) => names.map((name) => `tests/unit/${name}.test.ts`);

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    // Beside two Stryker workers on a loaded 2-core machine a corpus test can pass 5 s; a slow test is not a failed one here.
    testTimeout: 30_000,
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
