/**
 * The engine's unit tests, for mutation testing (stryker.config.mjs). Stryker's Vitest runner
 * cannot pick a project of vitest.config.ts, so the engine's tests get a config of their own:
 * no WXT plugin (the engine imports nothing from WXT), and no fuzz test (27 s per run, and its
 * random inputs cannot tell which rule they exercised), and no adversarial test: it runs the
 * stand-in registry inside the test process, and beside two Stryker workers on a loaded machine its
 * lookups failed in two of three initial runs, which stops Stryker before the first mutant.
 */
import { defineConfig } from 'vitest/config';

const ENGINE_TESTS = [
  'cache',
  'certificate',
  'certificate-labels',
  'conac',
  'conac-client',
  'credit-code',
  'domain',
  'domain-inputs',
  'domain-suffixes',
  'unicode-host',
  'unit-name',
  'verdict',
  'verify',
  'verify-rules',
].map((name) => `tests/unit/${name}.test.ts`);

export default defineConfig({
  test: {
    expect: { requireAssertions: true },
    projects: [
      { test: { name: 'engine', environment: 'node', include: ENGINE_TESTS } },
      // The detector reads a browser DOM: happy-dom stands in, as in the unit project.
      { test: { name: 'engine-dom', environment: 'happy-dom', include: ['tests/unit/detect.test.ts'] } },
    ],
  },
});
