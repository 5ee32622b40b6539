/**
 * `npm run bench` is a harness, not a test of speed: these check that it runs, prints its figures
 * with their targets, and fails only when the harness does. The numbers themselves are never asserted.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['tsx', 'scripts/bench.ts', '--quick', '--no-build', ...args],
      { maxBuffer: 8 << 20, timeout: 120_000 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench', () => {
  it('prints each figure of the chosen sections with its target and whether it was met', async () => {
    const { code, stdout, stderr } = await bench('--only=bundle,certificate,detect');
    expect(stderr).not.toContain('The harness failed');
    expect(code).toBe(0);
    const rows = stdout.split('\n').filter((line) => /^(content-script bundle|certificate parse|detect:)/.test(line));
    expect(rows.map((row) => row.split(/\s{2,}/)[0])).toEqual([
      'content-script bundle',
      'detect: 3k elements, no mark, ordinary host',
      'detect: 3k elements, no mark, .gov.cn host',
      'detect: 3k elements, with mark, .gov.cn host',
      'detect: 50k elements, no mark, ordinary host',
      'detect: 50k elements, no mark, .gov.cn host',
      'detect: 50k elements, with mark, .gov.cn host',
      'certificate parse, 4.8 KB page',
      'certificate parse, 50.1 KB page',
    ]);
    for (const row of rows) expect(row).toMatch(/\d+(\.\d+)? (KB|ms)/);
    expect(rows.find((r) => r.startsWith('detect: 50k elements, with mark'))).toMatch(
      /= \d+\.\d\dx\s+≤ 2x bare qSA\s+(met|MISSED)\s+.*\d{5} elements, 1 mark\(s\).*each after a full GC/,
    );
    expect(stdout).toMatch(/\d+ targets met, \d+ missed\./);
    expect(stdout).not.toContain('batch spot-check');
  }, 150_000);

  it('refuses a section it does not have, naming the ones it has', async () => {
    const { code, stderr } = await bench('--only=detect,speed');
    expect(code).toBe(1);
    expect(stderr).toContain(
      '--only: no section "speed" (there are bundle, detect, overhead, certificate, indicator, batch, batch-ext, scale)',
    );
  });
});
