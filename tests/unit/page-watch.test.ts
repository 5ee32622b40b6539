import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanDraft } from '../../utils/engine/scan';
import { watchPage } from '../../utils/extension/page-watch';

const MARK =
  '<a href="https://bszs.conac.cn/sitename?method=show&amp;id=2100248D951EAB04708D314CFF95473E"><img src="https://dcs.conac.cn/image/red.png"></a>';

describe('watching a live page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main><p>新闻</p></main><footer id="footer">主办单位：北京市人民政府</footer>';
  });
  afterEach(() => vi.useRealTimers());

  it('reports once at once, and again only when what it finds changes', async () => {
    const reports: ScanDraft[] = [];
    const stop = watchPage(document, (scan) => reports.push(scan), { settleMs: 50 });
    expect(reports).toHaveLength(1);
    expect(reports[0].marks).toEqual([]);

    document.querySelector('main')!.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(1);

    document.getElementById('footer')!.insertAdjacentHTML('beforeend', MARK);
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(2);
    expect(reports[1].marks[0]).toMatchObject({ kind: 'static-link', certId: '2100248D951EAB04708D314CFF95473E' });
    stop();
  });

  it('notices a mark swapped for a spoof after it was reported', async () => {
    document.getElementById('footer')!.insertAdjacentHTML('beforeend', MARK);
    const reports: ScanDraft[] = [];
    watchPage(document, (scan) => reports.push(scan), { settleMs: 50 });
    document
      .querySelector('footer a')!
      .setAttribute('href', 'https://bszs.conac.cn.evil.example/sitename?method=show&id=2100248D951EAB04708D314CFF95473E');
    await vi.advanceTimersByTimeAsync(100);
    expect(reports.at(-1)!.marks[0].linkHost).toBe('bszs.conac.cn.evil.example');
  });

  it('stops by itself, so an ordinary page costs nothing after a while', async () => {
    const reports: ScanDraft[] = [];
    watchPage(document, (scan) => reports.push(scan), { settleMs: 50, watchMs: 1000 });
    await vi.advanceTimersByTimeAsync(1500);
    document.getElementById('footer')!.insertAdjacentHTML('beforeend', MARK);
    await vi.advanceTimersByTimeAsync(200);
    expect(reports).toHaveLength(1);
  });

  it('batches a burst of changes into one scan', async () => {
    const reports: ScanDraft[] = [];
    watchPage(document, (scan) => reports.push(scan), { settleMs: 50 });
    for (let i = 0; i < 100; i++) document.body.append(document.createElement('div'));
    document.getElementById('footer')!.insertAdjacentHTML('beforeend', MARK);
    await vi.advanceTimersByTimeAsync(100);
    expect(reports).toHaveLength(2);
  });
});
