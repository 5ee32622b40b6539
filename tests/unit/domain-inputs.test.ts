/** What the domain helpers make of input that is not an ordinary host: each a rule with its bound. */
import { describe, expect, it } from 'vitest';
import { hostOf, toAsciiHost } from '../../utils/engine/domain';

describe('toAsciiHost bounds its input', () => {
  it('reads a printed domain of up to 2,000 characters', () => {
    const longest = `${'a.'.repeat(999)}cn`;
    expect(longest).toHaveLength(2000);
    expect(toAsciiHost(longest)).toBe(longest);
  });

  it('refuses one longer than 2,000 characters rather than parse it', () => {
    expect(toAsciiHost(`${'a.'.repeat(1000)}cn`)).toBe(null);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { host: 'www.gov.cn' }],
  ])('says null for %s, never throws', (_what, input) => {
    expect(toAsciiHost(input as unknown as string)).toBe(null);
  });
});

describe('hostOf', () => {
  it.each([
    ['https://www.beijing.gov.cn/col/index.html', 'www.beijing.gov.cn'],
    ['http://中国政府网.政务/', 'xn--fiqs8sirgfmhq98a.xn--zfr164b'],
    ['https://127.0.0.1:8443/', '127.0.0.1'],
  ])('gives the host of %s: %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });

  it.each([
    ['no address', undefined],
    ['an empty address', ''],
    ['text that is no address', 'www.beijing.gov.cn'],
    ['a broken address', 'http://'],
  ])('gives an empty host for %s', (_what, url) => {
    expect(hostOf(url)).toBe('');
  });
});
