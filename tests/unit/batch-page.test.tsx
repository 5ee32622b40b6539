import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BatchPage, type PermissionControl } from '../../components/BatchPage';
import type { BatchEntry } from '../../utils/batch/batch';
import { type RunMeta, runStore } from '../../utils/batch/run-store';
import type { Lang } from '../../utils/engine/verdict';
import { mountPoint } from './mount';

const view = mountPoint();

beforeEach(() => fakeBrowser.reset());

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => view.container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function permission(granted: boolean | 'refuse'): PermissionControl & { request: ReturnType<typeof vi.fn> } {
  return {
    request: vi.fn(async () => {
      if (granted === 'refuse') throw new Error('This function must be called during a user gesture');
      return granted;
    }),
    contains: async () => false,
    remove: async () => true,
  };
}

const noMark = (address: string): BatchEntry => ({
  address,
  checkedAt: '2025-03-04T05:06:07.000Z',
  result: {
    checkedAt: '2025-03-04T05:06:07.000Z',
    scan: { url: address, marks: [], claims: { owner: null, siteCode: null, icp: null, psb: null } },
    lookups: { certificates: {}, scripts: {}, offline: false },
    verdict: { state: 'none', reasons: [] },
  },
});

async function open(opts: { check?: (a: string) => Promise<BatchEntry>; permission?: PermissionControl; lang?: Lang } = {}) {
  const store = runStore(fakeBrowser.storage.local);
  const saved = await store.load();
  const check = vi.fn(opts.check ?? (async (a: string) => noMark(a)));
  act(() =>
    render(
      <BatchPage
        lang={opts.lang ?? 'zh'}
        version="9.9.9"
        saved={saved}
        store={store}
        check={check}
        permission={opts.permission ?? permission(true)}
        saveFile={() => undefined}
        readFile={async () => ''}
      />,
      view.container,
    ),
  );
  await flush();
  return { check, store };
}

function type(value: string) {
  const textarea = $<HTMLTextAreaElement>('[data-testid="batch-list"]');
  act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the batch page', () => {
  it('lists the lines it will not check, with line numbers and reasons', async () => {
    await open();
    type('www.gd.gov.cn\nftp://x.gov.cn\n\nnot a url\nhttps://www.gd.gov.cn/');
    expect($('[data-testid="batch-summary"]').dataset.count).toBe('1');
    expect($$('[data-testid="batch-problem"]').map((li) => [li.dataset.line, li.dataset.reason])).toEqual([
      ['2', 'unsupported-scheme'],
      ['4', 'not-a-url'],
      ['5', 'duplicate'],
    ]);
    expect($('[data-testid="batch-problems"]').textContent).toContain('第 2 行ftp://x.gov.cn只支持 http 和 https（这里是 ftp）');
  });

  it('asks for the permission synchronously inside the click, and checks nothing when refused', async () => {
    const refused = permission('refuse');
    const { check } = await open({ permission: refused });
    type('www.gd.gov.cn');
    act(() => $('[data-testid="start"]').click());
    // Before any await: browsers grant only during the user's gesture.
    expect(refused.request).toHaveBeenCalledTimes(1);
    await flush();
    expect($('[data-testid="permission-denied"]').textContent).toContain('没有得到访问网站的权限');
    expect(check).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('runs the list, saving the run and every result as it arrives', async () => {
    const { check, store } = await open();
    type('a.gov.cn\nb.gov.cn\nc.gov.cn');
    act(() => $('[data-testid="start"]').click());
    await vi.waitFor(() => expect($('[data-testid="run-status"]').textContent).toContain('全部完成'));
    expect(check.mock.calls.map(([a]) => a)).toEqual(['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/']);
    const saved = await store.load();
    expect(saved?.meta.status).toBe('done');
    expect([...saved!.entries.keys()]).toEqual(['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/']);
    expect($('[data-testid="progress"]').dataset.done).toBe('3');
    expect($('[data-testid="run-status"]').textContent).toContain('全部完成');
    expect($$('[data-testid="result-row"]').map((r) => r.dataset.state)).toEqual(['none', 'none', 'none']);
  });

  it('shows an interrupted run and resumes with only the addresses without a result', async () => {
    const meta: RunMeta = {
      id: 'r1',
      createdAt: '2025-03-04T00:00:00.000Z',
      updatedAt: '2025-03-04T00:00:00.000Z',
      addresses: ['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/'],
      problems: [],
      status: 'running',
      concurrency: 6,
      source: null,
    };
    const store = runStore(fakeBrowser.storage.local);
    await store.saveMeta(meta);
    await store.saveEntry(meta, noMark('https://b.gov.cn/'));
    const asked = permission(true);
    const { check } = await open({ permission: asked });
    expect($('[data-testid="run-status"]').dataset.status).toBe('running');
    expect($('[data-testid="run-status"]').textContent).toContain('还有 2 个地址未核验');
    expect($$('[data-testid="result-row"]').map((r) => r.dataset.state)).toEqual(['pending', 'none', 'pending']);
    act(() => $('[data-testid="resume"]').click());
    expect(asked.request).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect((await store.load())?.entries.size).toBe(3));
    expect(check.mock.calls.map(([a]) => a)).toEqual(['https://a.gov.cn/', 'https://c.gov.cn/']);
  });
});
