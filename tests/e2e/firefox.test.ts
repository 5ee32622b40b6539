import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe.each([
  ['firefox-mv2', []],
  ['firefox-mv3', ['--mv3']],
])('the Firefox build (%s)', (dir, flags) => {
  it('passes web-ext lint with no errors and asks only for the CONAC hosts', async () => {
    await run('npx', ['wxt', 'build', '-b', 'firefox', ...flags]);
    const { stdout } = await run('npx', ['web-ext', 'lint', '--source-dir', `.output/${dir}`, '--output', 'json'], {
      maxBuffer: 16 << 20,
    }).catch((e) => e);
    const report = JSON.parse(stdout);
    expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    const manifest = JSON.parse(await readFile(`.output/${dir}/manifest.json`, 'utf8'));
    const hosts = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].filter((p: string) =>
      p.includes('://'),
    );
    expect(hosts.sort()).toEqual([
      'http://bszs.conac.cn/*',
      'http://dcs.conac.cn/*',
      'https://bszs.conac.cn/*',
      'https://dcs.conac.cn/*',
    ]);
    expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
  }, 120_000);
});
