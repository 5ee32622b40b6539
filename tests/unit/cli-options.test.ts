import { describe, expect, it } from 'vitest';
import { parseOptions, USAGE } from '../../cli/options';

describe('--no-homepage', () => {
  it('judges pages by their homepage unless told not to, and says so in the usage', () => {
    expect(parseOptions(['https://www.moumou.gov.cn/a.html']).homepage).toBe(true);
    expect(parseOptions(['--no-homepage', 'https://www.moumou.gov.cn/a.html']).homepage).toBe(false);
    expect(parseOptions(['--no-homepage', '--list', 'sites.txt']).homepage).toBe(false);
    expect(USAGE).toContain('--no-homepage');
  });
});
