import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../utils/engine/check-page';
import type { PageScan } from '../../utils/engine/scan';
import { reasonMessage, stateOf, type Verdict } from '../../utils/engine/verdict';
import { type Lookups, verify } from '../../utils/engine/verify';
import { createMemoryStore } from '../../utils/memory/browser-memory';
import {
  applyChange,
  CHANGE_NOTICE_MS,
  indicatorWithChange,
  MAX_CHANGES,
  remember,
  type SiteMemory,
  siteOf,
  withMemory,
} from '../../utils/memory/memory';
import { fakeArea as area } from './fake-area';
import { BEIJING_ID, certificate, found, mark, scan } from './helpers';

const OTHER_ID = '11112222333344445555666677778888';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2025-03-01T04:00:00.000Z');

function check(page: PageScan, lookups: Lookups, at = T0): CheckResult {
  return { checkedAt: new Date(at).toISOString(), scan: page, lookups, verdict: verify(page, lookups) };
}

/** The genuine Beijing portal. */
const genuine = () => check(scan(), found(certificate()));

/** The same host now carries another genuine certificate, of another holder, registered for it. */
const reissued = (holder = '北京市人民政府办公厅') =>
  check(
    scan({
      owner: holder,
      marks: [mark({ certId: OTHER_ID, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}` })],
    }),
    found(certificate({ id: OTHER_ID, holder, certNumber: '1100000099' })),
  );

const registryDown = () =>
  check(scan(), {
    certificates: { [BEIJING_ID]: { status: 'unreachable', cause: 'network', detail: 'connection refused' } },
    scripts: {},
    offline: false,
  });

/** Memory after one verification of the genuine portal. */
const first = () => remember(undefined, genuine(), T0).memory!;

describe('certificate memory: what is remembered', () => {
  it('remembers a verified site by its site key: certificate id, holder, domains as printed, times', () => {
    const result = genuine();
    expect(result.verdict.state).toBe('verified');
    const { memory, change } = remember(undefined, result, T0);
    expect(change).toBeNull();
    expect(memory).toEqual({
      site: 'beijing.gov.cn',
      certId: BEIJING_ID,
      holder: '北京市人民政府',
      domains: ['www.beijing.gov.cn'],
      firstSeen: '2025-03-01T04:00:00.000Z',
      lastVerified: '2025-03-01T04:00:00.000Z',
      changes: [],
    });
    expect(siteOf('https://www.beijing.gov.cn/news')).toBe(siteOf('http://beijing.gov.cn/'));
  });

  it('updates only the time of the last verification when the same certificate is seen again', () => {
    const { memory, change } = remember(first(), genuine(), T0 + DAY);
    expect(change).toBeNull();
    expect(memory).toMatchObject({
      firstSeen: new Date(T0).toISOString(),
      lastVerified: new Date(T0 + DAY).toISOString(),
      changes: [],
    });
  });

  it('remembers a certificate registered for the site even when the page names another owner (a warning)', () => {
    const result = check(scan({ owner: '北京市某某科技有限公司' }), found(certificate()));
    expect(result.verdict.state).toBe('warning');
    expect(remember(undefined, result, T0).memory?.certId).toBe(BEIJING_ID);
  });

  it('remembers nothing without a certificate read for this very site', () => {
    const cases: CheckResult[] = [
      registryDown(),
      check(scan(), { certificates: {}, scripts: {}, offline: true }),
      check(scan({ marks: [], owner: null }), found()),
      check(scan(), {
        certificates: { [BEIJING_ID]: { status: 'unreadable', detail: 'no labels' } },
        scripts: {},
        offline: false,
      }),
      // A mark of the parent portal on a department's sub-domain: related, not this site's.
      check(scan({ url: 'https://news.beijing.gov.cn/' }), found(certificate())),
      // A borrowed mark on a copycat.
      check(scan({ url: 'https://www.beijing-gov.com.cn/' }), found(certificate())),
    ];
    for (const result of cases) expect(remember(undefined, result, T0)).toEqual({ memory: undefined, change: null });
  });
});

describe('certificate memory: changes', () => {
  it('reports another certificate of another holder: what it was, what it is now, since when', () => {
    const later = T0 + 3 * DAY;
    const result = reissued();
    expect(result.verdict.state).toBe('verified');
    const { memory, change } = remember(first(), result, later);
    expect(change).toEqual({
      at: new Date(later).toISOString(),
      previousVerified: new Date(T0).toISOString(),
      from: { certId: BEIJING_ID, holder: '北京市人民政府', domains: ['www.beijing.gov.cn'] },
      to: { certId: OTHER_ID, holder: '北京市人民政府办公厅', domains: ['www.beijing.gov.cn'] },
      fields: ['certId', 'holder'],
    });
    // The new certificate is now the one remembered, with the change on record.
    expect(memory).toMatchObject({
      certId: OTHER_ID,
      holder: '北京市人民政府办公厅',
      firstSeen: change!.at,
      lastVerified: change!.at,
    });
    expect(memory!.changes).toEqual([change]);
  });

  it('reports the same certificate id with another holder (whitespace aside)', () => {
    const renamed = check(scan({ owner: '北京市政府' }), found(certificate({ holder: '北京市政府' })));
    expect(remember(first(), renamed, T0 + DAY).change?.fields).toEqual(['holder']);
    const spaced = check(scan(), found(certificate({ holder: ' 北京市 人民政府 ' })));
    expect(remember(first(), spaced, T0 + DAY).change).toBeNull();
  });

  it('records new registered domains without alerting', () => {
    const more = check(
      scan(),
      found(certificate({ domains: ['www.beijing.gov.cn', 'xn--xyz'], domainsAsPrinted: ['www.beijing.gov.cn', '北京.政务'] })),
    );
    const { memory, change } = remember(first(), more, T0 + DAY);
    expect(change).toBeNull();
    expect(memory!.domains).toEqual(['www.beijing.gov.cn', '北京.政务']);
    expect(memory!.changes).toHaveLength(1);
    expect(memory!.changes[0].fields).toEqual(['domains']);
    expect(memory!.firstSeen).toBe(new Date(T0).toISOString());
    // Printed differently, the same domains are no change.
    const fullWidth = check(scan(), found(certificate({ domainsAsPrinted: ['ＷＷＷ．beijing．gov．cn'] })));
    expect(remember(first(), fullWidth, T0 + DAY).memory!.changes).toEqual([]);
  });

  it('keeps reporting a change on every check while it is recent, then stops; memory is not changed again', () => {
    const changed = remember(first(), reissued(), T0 + DAY).memory!;
    const again = remember(changed, reissued(), T0 + 2 * DAY);
    expect(again.change).toEqual(changed.changes[0]);
    expect(again.memory!.changes).toHaveLength(1);
    expect(remember(again.memory, reissued(), T0 + DAY + CHANGE_NOTICE_MS + 1).change).toBeNull();
  });

  it('does not let "unknown" (the registry down) erase or change memory', () => {
    const memory = first();
    const { memory: after, change } = remember(memory, registryDown(), T0 + DAY);
    expect(after).toBe(memory);
    expect(change).toBeNull();
  });

  it('does not let a danger result overwrite the genuine certificate, though it reports the difference', () => {
    const memory = first();
    // Another certificate for this domain, next to a mark whose link imitates CONAC's.
    const page = scan({
      owner: '北京市人民政府办公厅',
      marks: [
        mark({ certId: OTHER_ID, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}` }),
        mark({
          linkUrl: `https://bszs.conac.cn.example.top/sitename?method=show&id=${BEIJING_ID}`,
          linkHost: 'bszs.conac.cn.example.top',
        }),
      ],
    });
    const result = check(page, found(certificate({ id: OTHER_ID, holder: '北京市人民政府办公厅' })));
    expect(result.verdict.state).toBe('danger');
    const { memory: after, change } = remember(memory, result, T0 + DAY);
    expect(after).toBe(memory);
    expect(change?.to.certId).toBe(OTHER_ID);
    // A borrowed mark elsewhere says nothing about this site at all.
    const borrowed = check(
      scan({ marks: [mark({ certId: OTHER_ID })] }),
      found(certificate({ id: OTHER_ID, domains: ['www.other.gov.cn'], domainsAsPrinted: ['www.other.gov.cn'] })),
    );
    expect(borrowed.verdict.state).toBe('danger');
    expect(remember(memory, borrowed, T0 + DAY)).toEqual({ memory, change: null });
  });

  it('keeps at most MAX_CHANGES changes, newest first', () => {
    let memory: SiteMemory | undefined = first();
    for (let i = 1; i <= MAX_CHANGES + 5; i++) memory = remember(memory, i % 2 ? reissued() : genuine(), T0 + i * DAY).memory;
    expect(memory!.changes).toHaveLength(MAX_CHANGES);
    expect(memory!.changes[0].at).toBe(new Date(T0 + (MAX_CHANGES + 5) * DAY).toISOString());
    const times = memory!.changes.map((c) => c.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('certificate memory in the verdict (one model)', () => {
  const change = () => remember(first(), reissued(), Date.parse('2025-03-04T12:00:00.000Z')).change!;

  it('adds certificate-changed as a warning, first among the warnings, the state recomputed by stateOf', () => {
    const result = reissued();
    const verdict = withMemory(result.verdict, change());
    expect(verdict.state).toBe('warning');
    expect(verdict.state).toBe(stateOf(verdict.reasons, true));
    expect(verdict.reasons[0]).toEqual({
      code: 'certificate-changed',
      severity: 'warning',
      evidence: {
        expected: `北京市人民政府 (${BEIJING_ID})`,
        found: `北京市人民政府办公厅 (${OTHER_ID})`,
        detail: '2025-03-04T12:00:00.000Z',
      },
    });
    expect(verdict.reasons.slice(1)).toEqual(result.verdict.reasons);
    // Applied twice, still one reason; without a change, it goes away and the site is verified again.
    expect(withMemory(verdict, change()).reasons.filter((r) => r.code === 'certificate-changed')).toHaveLength(1);
    expect(withMemory(verdict, null)).toEqual(result.verdict);
    expect(withMemory(result.verdict, null)).toBe(result.verdict);
  });

  it('never lowers a danger verdict, and goes after the danger reasons', () => {
    const danger: Verdict = { state: 'danger', reasons: [{ code: 'domain-mismatch', severity: 'danger', evidence: {} }] };
    const verdict = withMemory(danger, change());
    expect(verdict.state).toBe('danger');
    expect(verdict.reasons.map((r) => r.code)).toEqual(['domain-mismatch', 'certificate-changed']);
  });

  it('says what it was, what it is and since when, in both languages', () => {
    const reason = withMemory(reissued().verdict, change()).reasons[0];
    const zh = reasonMessage(reason, 'zh');
    const en = reasonMessage(reason, 'en');
    for (const message of [zh, en]) {
      expect(message).toContain('北京市人民政府 (');
      expect(message).toContain(OTHER_ID);
      expect(message).toContain('2025-03-04');
    }
    expect(zh).toContain('自 2025-03-04 起');
    expect(en).toContain('since 2025-03-04');
  });

  it('names the change in the toolbar title, and leaves other titles alone', () => {
    const result = applyChange(reissued(), change());
    const indicator = { icon: 'warning' as const, badgeText: '!', badgeColor: '#b45309', title: 'GovMark: 需注意' };
    const titled = indicatorWithChange(indicator, result.verdict, 'zh');
    expect(titled.title).toBe(`GovMark: 需注意\n${reasonMessage(result.verdict.reasons[0], 'zh')}`);
    expect(indicatorWithChange(indicator, genuine().verdict, 'zh')).toBe(indicator);
    expect(applyChange(genuine(), null)).toEqual(genuine());
  });
});

describe('the memory store', () => {
  it('keeps sites under the memory: prefix, lists them last verified first, and clears only them', async () => {
    const local = area();
    local.data.set('cache:cert:X', { keep: true });
    const store = createMemoryStore(local);
    const a = first();
    const b: SiteMemory = { ...first(), site: 'mmcdc.cn', lastVerified: '2025-03-02T00:00:00.000Z' };
    await store.set(a);
    await store.set(b);
    expect(await store.get('beijing.gov.cn')).toEqual(a);
    expect((await store.list()).map((m) => m.site)).toEqual(['mmcdc.cn', 'beijing.gov.cn']);
    expect(await store.clear()).toBe(2);
    expect(await store.list()).toEqual([]);
    expect(local.data.has('cache:cert:X')).toBe(true);
  });

  it('runs one update per site at a time, so two checks finishing together keep both', async () => {
    const store = createMemoryStore(area());
    await store.set(first());
    const apply = (result: CheckResult, at: number) =>
      store.update('beijing.gov.cn', (previous) => {
        const { memory, change } = remember(previous, result, at);
        return { memory, value: change };
      });
    const [one, two] = await Promise.all([apply(reissued(), T0 + DAY), apply(genuine(), T0 + 2 * DAY)]);
    expect(one?.to.certId).toBe(OTHER_ID);
    expect(two?.from.certId).toBe(OTHER_ID); // the second saw what the first wrote
    const memory = await store.get('beijing.gov.cn');
    expect(memory!.changes.map((c) => c.to.certId)).toEqual([BEIJING_ID, OTHER_ID]);
  });

  it('writes nothing when memory is unchanged', async () => {
    const local = area();
    const store = createMemoryStore(local);
    await store.update('beijing.gov.cn', (previous) => ({ memory: previous, value: null }));
    expect(local.data.size).toBe(0);
  });
});
