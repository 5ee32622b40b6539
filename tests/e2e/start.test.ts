/** `npm start` without a display: the headless tour of the sample sites. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToUnicode } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites, tourSites } from '../../scripts/stand-in/sites';
import { type TourRow, tour } from '../../scripts/start';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws if the file is not a PNG. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const data = await readFile(path);
  if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${path} is not a PNG`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'govmark-start-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm start, headless', () => {
  let code: number;
  let stdout: string;
  let stderr: string;
  let outDir: string;

  beforeAll(async () => {
    outDir = join(tmp, 'tour');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    ({ code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        'npx',
        ['tsx', 'scripts/start.ts', '--headless', '--out', outDir],
        { env, maxBuffer: 8 << 20, timeout: 170_000 },
        (error, out, err) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err }),
      );
    }));
  }, 180_000);

  it('builds, tours every sample site and exits 0', () => {
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/Built .+ → \.output\/chrome-mv3/);
    expect(stdout).toMatch(/Stand-in on 127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/--host-resolver-rules="MAP \* 127\.0\.0\.1:\d+/);
    expect(stdout).toContain(`${tourSites.length}/${tourSites.length} sample sites got their expected verdict`);
    expect(stdout).toContain(outDir);
  });

  it("writes the auditors' report over the sample sites beside the screenshots", async () => {
    const report = await readFile(join(outDir, 'report.html'), 'utf8');
    expect(stdout).toContain('report.html');
    expect(report).toContain('<meta http-equiv="Content-Security-Policy"');
    for (const site of sampleSites) expect(report, site.host).toContain(site.host);
  });

  it('prints a summary row per sample site with the verdict it expected', () => {
    const rows = stdout.split('\n').map((line) => line.trim().split(/\s{2,}/));
    for (const site of sampleSites) {
      const row = rows.find((cells) => cells[1] === domainToUnicode(site.host));
      expect(row, `no summary row for ${site.host}:\n${stdout}`).toBeDefined();
      const [mark, , expected, got] = row!;
      expect({ mark, expected, got }, site.note).toEqual({ mark: '✓', expected: site.expect, got: site.expect });
    }
  });

  it('saves a page and a popup screenshot per sample site, and summary.json', async () => {
    const summary = JSON.parse(await readFile(join(outDir, 'summary.json'), 'utf8')) as TourRow[];
    expect(summary.map((r) => r.host)).toEqual(tourSites.map((s) => s.host));
    for (const row of summary) {
      expect(row.got, row.host).toBe(row.expected);
      expect(row.page.startsWith(outDir) && row.popup.startsWith(outDir)).toBe(true);
      expect(await pngSize(row.page), row.page).toEqual({ width: 1000, height: 700 });
      expect(await pngSize(row.popup), row.popup).toEqual({ width: 380, height: 600 });
    }
    const beijing = summary.find((r) => r.host === 'www.beijing.gov.cn')!;
    expect(beijing.holder).toBe('北京市人民政府');
    expect(beijing.reasons).toEqual(expect.arrayContaining(['domain-match', 'holder-match']));
    expect(summary.find((r) => r.host === 'www.beijing-gov.com.cn')!.reasons).toContain('domain-mismatch');
    // The page alert, on the danger sites and nowhere else.
    expect(summary.filter((r) => r.alert).map((r) => r.host)).toEqual(
      sampleSites.filter((s) => s.expect === 'danger').map((s) => s.host),
    );
  });
});

describe('tour()', () => {
  it('writes the README screenshots from the verified and the copycat site', async () => {
    const sites = sampleSites.filter((s) => s.host === 'www.beijing.gov.cn' || s.host === 'www.beijing-gov.com.cn');
    const readmeDir = join(tmp, 'readme');
    const result = await tour({ outDir: join(tmp, 'readme-tour'), readmeDir, sites });
    expect(result.ok, JSON.stringify(result.rows)).toBe(true);
    expect(result.rows.map((r) => r.got)).toEqual(['verified', 'danger']);
    expect(await pngSize(join(readmeDir, 'popup-verified.png'))).toEqual({ width: 380, height: 600 });
    expect(await pngSize(join(readmeDir, 'popup-danger.png'))).toEqual({ width: 380, height: 600 });
    expect(await pngSize(join(readmeDir, 'page-verified.png'))).toEqual({ width: 1000, height: 700 });
    expect(await pngSize(join(readmeDir, 'page-danger.png'))).toEqual({ width: 1000, height: 700 });
  }, 90_000);
});
