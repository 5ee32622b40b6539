/**
 * Small rules at the edges of the engine's helpers: what counts as an address, a certificate
 * page, a credit code, and how a message reads when a record lacks a field.
 */
import { describe, expect, it } from 'vitest';
import { certificateIdOf } from '../../utils/engine/conac';
import { checkCreditCode } from '../../utils/engine/credit-code';
import { hostOf, toAsciiHost } from '../../utils/engine/domain';
import { certificatePageId } from '../../utils/engine/rendered-certificate';
import { reasonMessage } from '../../utils/engine/verdict';

const ID = '7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F';

describe('addresses', () => {
  it('a printed address with a doubled slash in its path keeps its host', () => {
    expect(toAsciiHost('www.beijing.gov.cn//zhengce/')).toBe('www.beijing.gov.cn');
  });

  it.each([
    ['nothing', ''],
    ['only a scheme', 'https://'],
  ])('%s is no host', (_, input) => {
    expect(toAsciiHost(input)).toBeNull();
  });

  it.each([
    ['no address', undefined],
    ['an empty address', ''],
  ])('%s has no host', (_, url) => {
    expect(hostOf(url)).toBe('');
  });
});

describe('certificate pages', () => {
  it('a certificate page address without an id names no certificate', () => {
    expect(certificateIdOf(new URL('https://bszs.conac.cn/sitename?method=show'))).toBeNull();
  });

  it.each([
    ['an address that cannot be read', `http://[bszs.conac.cn/sitename?method=show&id=${ID}`],
    ['the certificate host over ftp', `ftp://bszs.conac.cn/sitename?method=show&id=${ID}`],
  ])('a sender on %s speaks for no certificate', (_, senderUrl) => {
    expect(certificatePageId(senderUrl, 0)).toBeNull();
  });
});

describe('credit codes', () => {
  it.each([
    // Check characters computed by hand from GB 32100-2015's weights.
    ['a social organisation (51)', '511000005000003384', 'social-organisation', '100000'],
    ['a foundation (53)', '53100000500021676K', 'social-organisation', '100000'],
    ['50 is no social organisation', '501000005000003387', 'other', '100000'],
    ['an enterprise whose characters 3–8 are no division', '91110A00MA01BCDE22', 'enterprise', null],
  ])('%s', (_, code, category, division) => {
    expect(checkCreditCode(code)).toEqual({ valid: true, checkOk: true, category, division });
  });
});

describe('messages of records that lack a field', () => {
  it('a colour match recorded without its colour names none', () => {
    const reason = { code: 'color-match', severity: 'ok', evidence: {} } as const;
    expect(reasonMessage(reason, 'zh')).toBe('标识颜色与机构类型相符（）。');
    expect(reasonMessage(reason, 'en')).toBe("The mark's colour matches the holder's type ().");
  });

  it('a moment with an expanded year is shown as written, not read as a day', () => {
    const reason = {
      code: 'certificate-changed',
      severity: 'warning',
      evidence: { expected: 'A', found: 'B', detail: '+002026-11-30T08:00:00Z' },
    } as const;
    expect(reasonMessage(reason, 'en')).toBe(
      'This site\'s certificate has changed: it was "A" when last verified, it is "B" now (since +002026-11-30T08:00:00Z).',
    );
  });
});
