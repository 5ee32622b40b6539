import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BatchPage, type PermissionControl } from '../../components/BatchPage';
import { BatchStoreProblem } from '../../components/BatchStoreProblem';
import type { BatchEntry } from '../../utils/batch/batch';
import { openRunStore, type RunMeta } from '../../utils/batch/run-store';
import type { Lang } from '../../utils/engine/verdict';
import { mountPoint } from './mount';

const view = mountPoint();
let db = 0;
let dbName = '';

beforeEach(() => {
  fakeBrowser.reset();
  dbName = `batch-page-${++db}`;
});

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => view.container.querySelector<T>(selector)!;
const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
const flush = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

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

const openStore = () => openRunStore({ name: dbName });

async function open(
  opts: {
    check?: (a: string) => Promise<BatchEntry>;
    permission?: PermissionControl;
    lang?: Lang;
    saveFile?: (name: string, body: string | Blob, type: string) => void;
  } = {},
) {
  const store = await openStore();
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
        saveFile={opts.saveFile ?? (() => undefined)}
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
    expect(await (await openStore()).load()).toBeNull();
  });

  it('runs the list, saving the run and every result as it arrives', async () => {
    const { check, store } = await open();
    type('a.gov.cn\nb.gov.cn\nc.gov.cn');
    act(() => $('[data-testid="start"]').click());
    await vi.waitFor(() => expect($('[data-testid="run-status"]').textContent).toContain('全部完成'));
    expect(check.mock.calls.map(([a]) => a)).toEqual(['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/']);
    const saved = await store.load();
    expect(saved?.meta.status).toBe('done');
    expect([...saved!.rows.keys()]).toEqual(['https://a.gov.cn/', 'https://b.gov.cn/', 'https://c.gov.cn/']);
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
    const store = await openStore();
    await store.saveMeta(meta);
    await store.saveEntry(meta.id, 1, noMark('https://b.gov.cn/'));
    const asked = permission(true);
    const { check } = await open({ permission: asked });
    expect($('[data-testid="run-status"]').dataset.status).toBe('running');
    expect($('[data-testid="run-status"]').textContent).toContain('还有 2 个地址未核验');
    expect($$('[data-testid="result-row"]').map((r) => r.dataset.state)).toEqual(['pending', 'none', 'pending']);
    act(() => $('[data-testid="resume"]').click());
    expect(asked.request).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect((await store.load())?.rows.size).toBe(3));
    expect(check.mock.calls.map(([a]) => a)).toEqual(['https://a.gov.cn/', 'https://c.gov.cn/']);
    expect((await store.load())?.rows.size).toBe(3);
  });

  it('takes more than 2,000 addresses, draws only the rows in view, and exports every result from the store', async () => {
    const saved: Array<{ name: string; body: string | Blob; type: string }> = [];
    const { check } = await open({ saveFile: (name, body, type) => saved.push({ name, body, type }) });
    const count = 3000;
    type(Array.from({ length: count }, (_, i) => `s${i}.gov.cn`).join('\n'));
    expect($('[data-testid="batch-summary"]').dataset.count).toBe(String(count));
    act(() => $('[data-testid="start"]').click());
    // The status line shows once the run is over and every result written.
    for (let i = 0; i < 500 && !$('[data-testid="run-status"]'); i++) await flush(20);
    expect(check).toHaveBeenCalledTimes(count);
    expect($('[data-testid="progress"]').dataset.done).toBe(String(count));

    // The table knows all 3,000 rows and draws a window of them, from the first.
    const table = $('[data-testid="results"]');
    expect(table.getAttribute('aria-rowcount')).toBe(String(count + 1));
    const drawn = $$('[data-testid="result-row"]');
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0]!.dataset.address).toBe('https://s0.gov.cn/');

    // Scrolled to row 2,000, the window moves there.
    const scroller = $('[data-testid="results-scroll"]');
    act(() => {
      scroller.scrollTop = 2000 * 60;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const addresses = $$('[data-testid="result-row"]').map((row) => row.dataset.address);
    expect(addresses).toContain('https://s2000.gov.cn/');
    expect(addresses).not.toContain('https://s0.gov.cn/');

    act(() => $('[data-testid="export-csv"]').click());
    for (let i = 0; i < 200 && saved.length === 0; i++) await flush(20);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('text/csv;charset=utf-8');
    const lines = (await (saved[0]!.body as Blob).text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines[1]!.startsWith('https://s0.gov.cn/,https://s0.gov.cn/,none,')).toBe(true);
    expect(lines[count]!.startsWith(`https://s${count - 1}.gov.cn/,`)).toBe(true);
  }, 60_000);
});

describe('the batch page without its store', () => {
  it('says a newer version wrote the saved run and that it was kept', () => {
    act(() => render(<BatchStoreProblem lang="zh" problem="too-new" />, view.container));
    expect($('[data-testid="store-problem"]').textContent).toContain('来自更新版本的标识核验');
    expect($('[data-testid="store-problem"]').textContent).toContain('不会删除');
    act(() => render(<BatchStoreProblem lang="en" problem="unavailable" />, view.container));
    expect($('[data-testid="store-problem"]').textContent).toContain('could not be opened');
  });

  it('exports the report to hand up: one self-contained HTML file with the run in it', async () => {
    const saveFile = vi.fn();
    await open({ saveFile, lang: 'en' });
    type('a.gov.cn\nb.gov.cn');
    act(() => $('[data-testid="start"]').click());
    for (let i = 0; i < 500 && !$('[data-testid="run-status"]'); i++) await flush(20);
    act(() => $('[data-testid="export-report"]').click());
    for (let i = 0; i < 200 && saveFile.mock.calls.length === 0; i++) await flush(20);
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [name, body, mime] = saveFile.mock.calls[0]! as [string, string, string];
    expect(name).toMatch(/^govmark-batch-\d{8}-\d{4}\.html$/);
    expect(mime).toBe('text/html;charset=utf-8');
    expect(body).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(body).toContain('Website identity mark audit report');
    expect(body).toContain('https://a.gov.cn/');
    expect(body).toContain('https://b.gov.cn/');
  });
});
