import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../utils/engine/certificate';
import { checkPage } from '../../utils/engine/check-page';
import type { ConacClient } from '../../utils/engine/conac-client';
import type { PageScan } from '../../utils/engine/scan';
import { indicatorFor, isInternalPage, type TabState } from '../../utils/extension/tab-state';
import { certificate, mark, scan } from './helpers';

const clientWith = (cert: Certificate): ConacClient => ({
  certificate: async () => ({ status: 'ok', certificate: cert }),
  scriptCertId: async () => ({ status: 'unresolved', detail: '' }),
});

async function done(page: PageScan, cert = certificate()): Promise<TabState> {
  return { status: 'done', url: page.url, result: await checkPage(page, clientWith(cert)) };
}

describe('toolbar indicator', () => {
  it('shows a red verified icon for an organ and a blue one for an institution, naming the holder', async () => {
    expect(indicatorFor(await done(scan()), 'zh', true)).toEqual({
      icon: 'verified-red',
      badgeText: '',
      badgeColor: '',
      title: 'GovMark 标识核验: 已核验 — 北京市人民政府',
    });
    const cdc = certificate({ holder: '某市疾病预防控制中心', holderType: 'institution' });
    const blue = indicatorFor(await done(scan({ owner: null, marks: [mark({ color: 'blue' })] }), cdc), 'en', true);
    expect(blue).toMatchObject({ icon: 'verified-blue', title: 'GovMark: Verified — 某市疾病预防控制中心' });
  });

  it('badges only what needs attention, and only when the badge is on', async () => {
    const copycat = await done(scan({ url: 'https://www.beijing-gov.com.cn/' }));
    expect(indicatorFor(copycat, 'zh', true)).toMatchObject({ icon: 'danger', badgeText: '×' });
    expect(indicatorFor(copycat, 'zh', false)).toMatchObject({ icon: 'danger', badgeText: '' });
    const mismatch = await done(scan({ owner: '别的单位' }));
    expect(indicatorFor(mismatch, 'zh', true)).toMatchObject({ icon: 'warning', badgeText: '!' });
  });

  it('is neutral while checking, on browser pages and where there is no mark', async () => {
    expect(indicatorFor({ status: 'checking', url: 'https://a.cn/' }, 'zh', true)).toMatchObject({
      icon: 'neutral',
      title: 'GovMark 标识核验: 正在核验…',
    });
    expect(indicatorFor({ status: 'internal', url: 'chrome://newtab/' }, 'en', true).icon).toBe('neutral');
    expect(indicatorFor(await done(scan({ url: 'https://shop.example.com/', marks: [] })), 'zh', true)).toMatchObject({
      icon: 'neutral',
      badgeText: '',
    });
  });

  it('knows which pages are the browser own', () => {
    expect(isInternalPage('chrome://extensions/')).toBe(true);
    expect(isInternalPage(undefined)).toBe(true);
    expect(isInternalPage('https://www.gov.cn/')).toBe(false);
  });
});
