/**
 * The verifier's rules, one test per rule, written so that a wrong rule fails one of them.
 * Each case here was a deliberate bug (a mutant) that the rest of the suite let through.
 */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { BEIJING_ID, certificate, found, mark, scan, unresolvedEmbed } from './helpers';

const codes = (verdict: Verdict) => verdict.reasons.map((r) => `${r.severity}:${r.code}`);
const OTHER_ID = '0123456789ABCDEF0123456789ABCDEF';
const offline: Lookups = { certificates: {}, scripts: {}, offline: true };

describe('offline', () => {
  it("a page whose only mark is an unresolved official embed is 'could not verify' offline", () => {
    const verdict = verify(scan({ marks: [unresolvedEmbed()] }), offline);
    expect(verdict.state).toBe('unknown');
    expect(codes(verdict)).toEqual(['unknown:offline']);
  });

  it('an official embed that never rendered is still looked up, so offline says so beside the warning', () => {
    const verdict = verify(scan({ marks: [unresolvedEmbed({ active: false })] }), offline);
    expect(codes(verdict)).toEqual(['warning:mark-not-displayed', 'unknown:offline']);
  });

  it('a certificate link offline is could not verify, and names nothing it did not check', () => {
    const verdict = verify(scan(), offline);
    expect(verdict.state).toBe('unknown');
    expect(codes(verdict)).toEqual(['unknown:offline']);
  });

  it('a page whose mark links nowhere checkable is not called offline', () => {
    const imageOnly = mark({ kind: 'image-only', certId: null, linkUrl: null, linkHost: null, certificateLink: false });
    expect(codes(verify(scan({ marks: [imageOnly] }), offline))).toEqual(['warning:mark-unverifiable']);
  });
});

describe('colour', () => {
  const blueOfAnother = mark({
    certId: OTHER_ID,
    color: 'blue',
    linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}`,
  });
  const redOfBeijing = mark({ color: 'red' });

  it.each([
    ['after', [blueOfAnother, redOfBeijing]],
    ['before', [redOfBeijing, blueOfAnother]],
  ])('colour is compared on the mark of the certificate being checked (the other mark %s it)', (_order, marks) => {
    // Only Beijing's certificate (an organ: red) answers, so it is the one the verdict is about.
    const verdict = verify(scan({ marks }), found(certificate()));
    const colour = verdict.reasons.filter((r) => r.code.startsWith('color-'));
    expect(colour).toEqual([{ code: 'color-match', severity: 'ok', evidence: { found: 'red' } }]);
  });

  it("the certificate's own mark in the wrong colour is a mismatch even when another mark has the right one", () => {
    const blueOfBeijing = mark({ color: 'blue' });
    const redOfAnother = mark({
      certId: OTHER_ID,
      color: 'red',
      linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}`,
    });
    const verdict = verify(scan({ marks: [redOfAnother, blueOfBeijing] }), found(certificate()));
    expect(verdict.reasons.filter((r) => r.code.startsWith('color-'))).toEqual([
      { code: 'color-type-mismatch', severity: 'warning', evidence: { found: 'blue', expected: 'organ' } },
    ]);
  });

  it('a mark without a colour of its own borrows the colour of another displayed mark', () => {
    const uncoloured = mark({ color: null });
    const blueElsewhere = mark({ kind: 'image-only', certId: null, color: 'blue', linkUrl: null, linkHost: null });
    const verdict = verify(scan({ marks: [uncoloured, blueElsewhere] }), found(certificate()));
    expect(codes(verdict)).toContain('warning:color-type-mismatch');
  });

  it.each([
    ['organ', 'red', 'ok:color-match'],
    ['organ', 'blue', 'warning:color-type-mismatch'],
    ['institution', 'blue', 'ok:color-match'],
    ['institution', 'red', 'warning:color-type-mismatch'],
  ] as const)('a certificate of an %s shown with a %s mark: %s', (holderType, color, reason) => {
    const verdict = verify(scan({ marks: [mark({ color })] }), found(certificate({ holderType })));
    expect(codes(verdict).filter((c) => c.includes('color-'))).toEqual([reason]);
  });

  it.each([
    ['no holder type', null],
    ['a holder type other than organ or institution', 'other'],
  ] as const)('no colour is checked for a certificate with %s', (_what, holderType) => {
    const verdict = verify(scan({ marks: [mark({ color: 'blue' })] }), found(certificate({ holderType })));
    expect(codes(verdict).filter((c) => c.includes('color-'))).toEqual([]);
  });
});

describe('the certificate a verdict is about', () => {
  it('with several certificates, the one registered for the page decides, wherever its mark sits', () => {
    const other = certificate({ id: OTHER_ID, domains: ['www.other.gov.cn'], domainsAsPrinted: ['www.other.gov.cn'] });
    const marks = [mark({ certId: OTHER_ID, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}` }), mark()];
    const verdict = verify(scan({ marks }), found(other, certificate()));
    expect(verdict.reasons.find((r) => r.code === 'domain-match')?.evidence).toEqual({
      found: 'www.beijing.gov.cn',
      expected: 'www.beijing.gov.cn',
    });
    expect(verdict.reasons.find((r) => r.code === 'multiple-certificates')?.evidence).toEqual({
      found: `${OTHER_ID}, ${BEIJING_ID}`,
    });
  });
});
