/** Stored data is a format: every stored item reads its past versions, and leaves a newer version alone. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DISMISSALS_FORMAT, isNewerDismissals } from '../../utils/extension/alert-dismissals';
import { CACHE_ENTRY_FORMAT, createCertificateStore, SWEEP_LIMIT } from '../../utils/extension/browser-store';
import { SETTINGS_FORMAT } from '../../utils/extension/settings';
import { FutureVersionError, settingsItem } from '../../utils/extension/settings-store';
import { INDICATOR_FORMAT, loadTabState, TAB_STATE_FORMAT } from '../../utils/extension/tab-store';
import { createMemoryStore, MEMORY_FORMAT } from '../../utils/memory/browser-memory';
import type { SiteMemory } from '../../utils/memory/memory';
import { decode, encode, type StoredFormat } from '../../utils/stored-format';
import { fakeArea } from './fake-area';

beforeEach(() => fakeBrowser.reset());

/** A format three versions old, to exercise the steps: v1 {name}, v2 {first,last}, v3 adds {tags}. */
interface Person {
  first: string;
  last: string;
  tags: string[];
}
const steps: string[] = [];
const PERSON: StoredFormat<Person> = {
  name: 'person',
  version: 3,
  migrations: {
    2: ({ name, ...rest }) => {
      steps.push('2');
      const [first = '', last = ''] = String(name).split(' ');
      return { ...rest, first, last };
    },
    3: (previous) => {
      steps.push('3');
      return { ...previous, tags: [] };
    },
  },
  isValid: (value): value is Person => Array.isArray((value as Person).tags) && typeof (value as Person).first === 'string',
};

describe('decode', () => {
  beforeEach(() => {
    steps.length = 0;
  });

  it('runs each step once, in order, from the stored version up', () => {
    expect(decode(PERSON, { name: 'Li Lei' })).toEqual({
      status: 'ok',
      value: { first: 'Li', last: 'Lei', tags: [] },
      migrated: true,
    });
    expect(steps).toEqual(['2', '3']);
    steps.length = 0;
    expect(decode(PERSON, { v: 2, first: 'Han', last: 'Meimei' })).toEqual({
      status: 'ok',
      value: { first: 'Han', last: 'Meimei', tags: [] },
      migrated: true,
    });
    expect(steps).toEqual(['3']);
  });

  it('reads the current version as it is, without its version field', () => {
    expect(decode(PERSON, { v: 3, first: 'a', last: 'b', tags: ['x'] })).toEqual({
      status: 'ok',
      value: { first: 'a', last: 'b', tags: ['x'] },
      migrated: false,
    });
    expect(steps).toEqual([]);
  });

  it('reports a newer version without touching it', () => {
    expect(decode(PERSON, { v: 4, anything: true })).toEqual({ status: 'future', version: 4 });
  });

  it.each([
    ['a string', 'text'],
    ['an array', [1, 2]],
    ['version 0', { v: 0, first: 'a' }],
    ['a fractional version', { v: 1.5 }],
    ['a version that is text', { v: '2' }],
    ['a shape the current version rejects', { v: 3, first: 1 }],
  ])('calls %s invalid', (_, stored) => {
    expect(decode(PERSON, stored)).toEqual({ status: 'invalid' });
  });

  it('calls a value invalid when a step throws or is missing', () => {
    const broken: StoredFormat<Person> = { ...PERSON, migrations: { 2: PERSON.migrations[2]! } };
    expect(decode(broken, { name: 'Li Lei' })).toEqual({ status: 'invalid' });
    const throwing: StoredFormat<Person> = {
      ...PERSON,
      migrations: {
        ...PERSON.migrations,
        2: () => {
          throw new Error('bad');
        },
      },
    };
    expect(decode(throwing, { name: 'x y' })).toEqual({ status: 'invalid' });
  });

  it('absent is absent', () => {
    expect(decode(PERSON, undefined)).toEqual({ status: 'absent' });
    expect(decode(PERSON, null)).toEqual({ status: 'absent' });
  });

  it('encodes with the current version', () => {
    expect(encode(PERSON, { first: 'a', last: 'b', tags: [] })).toEqual({ first: 'a', last: 'b', tags: [], v: 3 });
  });
});

/** One example per past version of every stored item, exactly as that version stored it. */
const memoryV1: SiteMemory = {
  site: 'beijing.gov.cn',
  certId: '7A1C1D4C0D1E4F0B8E2F3A4B5C6D7E8F',
  holder: '北京市人民政府',
  domains: ['www.beijing.gov.cn'],
  firstSeen: '2026-11-01T00:00:00.000Z',
  lastVerified: '2026-11-20T00:00:00.000Z',
  changes: [],
};
const PAST_VERSIONS: [string, StoredFormat<object>, Record<number, unknown>][] = [
  ['alert dismissals', DISMISSALS_FORMAT, { 1: { v: 1, sites: { 'beijing-gov.com.cn': { until: 1_800_000_000_000 } } } }],
  ['settings', SETTINGS_FORMAT, { 1: { showBadge: false, disabledSites: ['example.cn'] } }],
  ['certificate memory', MEMORY_FORMAT, { 1: memoryV1 }],
  ['certificate cache entry', CACHE_ENTRY_FORMAT, { 1: { value: { status: 'not-found' }, expiresAt: 1_800_000_000_000 } }],
  ['tab state', TAB_STATE_FORMAT, { 1: { status: 'checking', url: 'https://www.beijing.gov.cn/' } }],
  ['tab indicator', INDICATOR_FORMAT, { 1: { icon: 'warning', badgeText: '!', badgeColor: '#b45309', title: 'GovMark' } }],
];

describe.each(PAST_VERSIONS)('%s', (_, format, examples) => {
  it('has an example of every version up to the current one', () => {
    expect(Object.keys(examples).map(Number)).toEqual(Array.from({ length: format.version }, (_, i) => i + 1));
  });

  it.each(Object.entries(examples))('reads version %s as the current version', (_, example) => {
    const read = decode(format, example);
    expect(read.status).toBe('ok');
    expect(decode(format, encode(format, (read as { value: object }).value))).toEqual({
      status: 'ok',
      value: (read as { value: object }).value,
      migrated: false,
    });
  });

  it('leaves a newer version alone', () => {
    expect(decode(format, { v: format.version + 1 })).toEqual({ status: 'future', version: format.version + 1 });
  });
});

describe('alert dismissals in storage', () => {
  it('knows a newer version, which the background then leaves as it is', () => {
    expect(isNewerDismissals({ v: 2, sites: {} })).toBe(true);
    expect(isNewerDismissals({ v: 1, sites: {} })).toBe(false);
    expect(isNewerDismissals(undefined)).toBe(false);
  });
});

describe('settings in storage', () => {
  it('reads settings saved before versions existed, over the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['example.cn'] } });
    expect(await settingsItem.getValue()).toEqual({ showBadge: true, disabledSites: ['example.cn'], pageAlerts: true });
  });

  it('saves with a version', async () => {
    await settingsItem.setValue({ showBadge: false, disabledSites: [], pageAlerts: true });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { showBadge: false, disabledSites: [], pageAlerts: true, v: 1 },
    });
  });

  it('uses the defaults over settings a newer GovMark saved, and never writes over them', async () => {
    const newer = { v: 7, showBadge: 'sometimes', theme: 'x' };
    await fakeBrowser.storage.local.set({ settings: newer });
    expect(await settingsItem.getValue()).toEqual({ showBadge: true, disabledSites: [], pageAlerts: true });
    await expect(settingsItem.setValue({ showBadge: false, disabledSites: [], pageAlerts: true })).rejects.toBeInstanceOf(
      FutureVersionError,
    );
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: newer });
  });
});

describe('certificate memory in storage', () => {
  it('reads and lists an entry saved before versions existed', async () => {
    const area = fakeArea();
    area.data.set('memory:beijing.gov.cn', memoryV1);
    const store = createMemoryStore(area);
    expect(await store.get('beijing.gov.cn')).toEqual(memoryV1);
    expect(await store.list()).toEqual([memoryV1]);
  });

  it('keeps a newer version: not listed, not replaced by an update', async () => {
    const area = fakeArea();
    const newer = { v: 2, site: 'beijing.gov.cn', whatever: 1 };
    area.data.set('memory:beijing.gov.cn', newer);
    const store = createMemoryStore(area);
    expect(await store.list()).toEqual([]);
    const value = await store.update('beijing.gov.cn', (previous) => ({ memory: memoryV1, value: previous }));
    expect(value).toBeUndefined();
    expect(area.data.get('memory:beijing.gov.cn')).toEqual(newer);
  });
});

describe('the certificate cache in storage', () => {
  const NOW = 1_800_000_000_000;

  it('sweeps expired and unreadable entries, keeps fresh ones, newer versions and other keys', async () => {
    const area = fakeArea();
    area.data.set('cache:cert:OLD', { value: 1, expiresAt: NOW - 1 });
    area.data.set('cache:cert:EDGE', { v: 1, value: 1, expiresAt: NOW });
    area.data.set('cache:cert:FRESH', { v: 1, value: 2, expiresAt: NOW + 1 });
    area.data.set('cache:cert:NEWER', { v: 9, expiresAt: 0 });
    area.data.set('cache:cert:BROKEN', 'text');
    area.data.set('memory:x.gov.cn', { expiresAt: 0 });
    const store = createCertificateStore(area);
    expect(await store.sweep(NOW)).toBe(3);
    expect([...area.data.keys()].sort()).toEqual(['cache:cert:FRESH', 'cache:cert:NEWER', 'memory:x.gov.cn']);
  });

  it('examines a bounded number of entries per sweep', async () => {
    const area = fakeArea();
    for (let i = 0; i < SWEEP_LIMIT + 50; i++) area.data.set(`cache:cert:${i}`, { value: i, expiresAt: 0 });
    const store = createCertificateStore(area);
    expect(await store.sweep(NOW)).toBe(SWEEP_LIMIT);
    expect(await store.sweep(NOW)).toBe(50);
  });

  it('reads an entry saved before versions existed, and does not write over a newer one', async () => {
    const area = fakeArea();
    area.data.set('cache:cert:A', { value: 'old', expiresAt: NOW });
    area.data.set('cache:cert:B', { v: 2, value: 'newer', expiresAt: NOW });
    const store = createCertificateStore(area);
    expect(await store.get('cert:A')).toEqual({ value: 'old', expiresAt: NOW });
    expect(await store.get('cert:B')).toBeUndefined();
    await store.set('cert:B', { value: 'mine', expiresAt: NOW });
    expect(area.data.get('cache:cert:B')).toEqual({ v: 2, value: 'newer', expiresAt: NOW });
  });
});

describe('tab state in storage', () => {
  it('reads a state saved before versions existed, and nothing from a newer version', async () => {
    await fakeBrowser.storage.session.set({ 'tab:3': { status: 'checking', url: 'https://a.gov.cn/' } });
    expect(await loadTabState(3)).toEqual({ status: 'checking', url: 'https://a.gov.cn/' });
    await fakeBrowser.storage.session.set({ 'tab:4': { v: 5, status: 'checking', url: 'https://a.gov.cn/' } });
    expect(await loadTabState(4)).toBeUndefined();
  });
});
