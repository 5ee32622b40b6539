// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseOptions, USAGE, UsageError } from '../../cli/options';

const refused = (argv: string[]) => {
  try {
    parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return null;
};

describe('auditor-mode options', () => {
  it('reads the registry rate, the cache, the shard, the merge and the report', () => {
    const options = parseOptions([
      '--list',
      'l.txt',
      '--registry-rate',
      '0.5',
      '--cache-dir',
      '/c',
      '--refresh',
      '--shard',
      '2/4',
      '--report',
      'r.html',
    ]);
    expect(options).toMatchObject({
      registryRate: 0.5,
      cacheDir: '/c',
      refresh: true,
      shard: { index: 2, count: 4 },
      report: 'r.html',
    });
    expect(parseOptions(['--list', 'l.txt'])).toMatchObject({ registryRate: 4, refresh: false, merge: false });
    expect(parseOptions(['--list', 'l.txt', '--no-cache']).cacheDir).toBeNull();
    expect(parseOptions(['--merge', 'a.csv', 'b.csv', '--csv', 'all.csv'])).toMatchObject({
      merge: true,
      inputs: ['a.csv', 'b.csv'],
    });
  });

  it('refuses what contradicts itself or makes no sense', () => {
    expect(refused(['--list', 'l.txt', '--registry-rate', '0'])).toMatch(/--registry-rate must be a positive number/);
    expect(refused(['--list', 'l.txt', '--shard', '4/4'])).toMatch(/--shard must be i\/n/);
    expect(refused(['page.html', '--url', 'https://a.gov.cn/', '--shard', '0/2'])).toMatch(/--shard goes with --list/);
    expect(refused(['--list', 'l.txt', '--no-cache', '--refresh'])).toMatch(/--no-cache contradicts/);
    expect(refused(['--merge', 'a.csv', '--list', 'l.txt'])).toMatch(/--merge takes finished shard outputs/);
    expect(refused(['--merge', 'a.csv'])).toMatch(/either --csv <file> or --json/);
    expect(refused(['--merge', '--csv', 'x.csv'])).toMatch(/needs the shard outputs/);
    expect(refused(['page.html', '--url', 'https://a.gov.cn/', '--report', 'r.html'])).toMatch(
      /--report goes with --list or --merge/,
    );
  });
});

describe('--no-homepage', () => {
  it('judges pages by their homepage unless told not to, and says so in the usage', () => {
    expect(parseOptions(['https://www.moumou.gov.cn/a.html']).homepage).toBe(true);
    expect(parseOptions(['--no-homepage', 'https://www.moumou.gov.cn/a.html']).homepage).toBe(false);
    expect(parseOptions(['--no-homepage', '--list', 'sites.txt']).homepage).toBe(false);
    expect(USAGE).toContain('--no-homepage');
  });
});
