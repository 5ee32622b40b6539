/**
 * `npm start` with a display: a visible Chromium left open for the user, stopped by Ctrl-C.
 * The display is a virtual one (Xvfb, which .ci/run installs).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const XVFB = '/usr/bin/Xvfb';
const DISPLAY_NUMBER = 97;

/** npm start copies the extension and keeps the browser profile in a temporary folder of its own. */
const scratch = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('govmark-'));

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Without Xvfb this can only run where CI installed it; elsewhere it says so and is skipped.
describe.skipIf(!existsSync(XVFB) && !process.env.CI)('npm start with a display', () => {
  let xvfb: ChildProcess;
  beforeAll(async () => {
    xvfb = spawn(XVFB, [`:${DISPLAY_NUMBER}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await until(() => existsSync(`/tmp/.X11-unix/X${DISPLAY_NUMBER}`), 'Xvfb', 10_000);
  });
  afterAll(() => {
    xvfb?.kill();
  });

  it('opens a visible Chromium on the list of sample sites, and Ctrl-C closes it and everything it started', async () => {
    const before = await scratch();
    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: `:${DISPLAY_NUMBER}`, NO_COLOR: '1' };
    delete env.WAYLAND_DISPLAY;
    const start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    start.stdout!.on('data', (d) => (out += d));
    start.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((done) => start.on('exit', (code) => done(code)));

    await until(() => out.includes('Chromium is open on') || start.exitCode !== null, 'the browser', 60_000);
    expect(out).toMatch(/Chromium is open on https:\/\/[^/\s]+\/, listing the sample sites/);
    expect(out).not.toContain('(headless)');
    expect(await scratch()).toHaveLength(before.length + 1);

    start.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(out).toContain('Ctrl-C: closing the browser and the stand-in');
    expect(await scratch()).toEqual(before);
  }, 90_000);
});
