/** Bundled sample sites, each with the verdict GovMark should reach on it. */
import { readFileSync } from 'node:fs';

export type Expectation = 'verified' | 'warning' | 'danger' | 'unknown' | 'none';

export interface SampleSite {
  /** As in `location.hostname` (IDN in punycode). */
  host: string;
  title: string;
  expect: Expectation;
  note: string;
  html: string;
  /** Inner pages of the site (path → HTML), beside its homepage at `/`. */
  pages?: Record<string, string>;
}

/** A page the tour and the start page visit: a sample site's homepage, or one of its inner pages (`path`). */
export type TourSite = Pick<SampleSite, 'host' | 'title' | 'expect' | 'note'> & { path?: string };

const COUNTY_HOST = new URL('http://某某县人民政府.政务').hostname;

const read = (file: string) => readFileSync(new URL(`./html/${file}`, import.meta.url), 'utf8');

function site(
  file: string,
  host: string,
  title: string,
  expect: Expectation,
  note: string,
  pages?: Record<string, string>,
): SampleSite {
  return { host, title, expect, note, html: read(file), ...(pages && { pages }) };
}

export const BEIJING_ARTICLE = '/zhengce/jiedu/202405/t20240520.html';

export const sampleSites: SampleSite[] = [
  site(
    'beijing.html',
    'www.beijing.gov.cn',
    '首都之窗',
    'verified',
    'Official live embed script; certificate (北京市人民政府, www.beijing.gov.cn) matches host and 主办单位.',
    { [BEIJING_ARTICLE]: read('beijing-article.html') },
  ),
  site(
    'cdc.html',
    'www.mmcdc.cn',
    '某某市疾病预防控制中心',
    'verified',
    'Blue 事业单位 mark as a static https link (&amp; in the href) around a data: image.',
  ),
  site(
    'guangdong.html',
    'www.gd.gov.cn',
    '广东省人民政府门户网站',
    'verified',
    'Embed script after class="_ideConac" containers: like the real one it fills a span of its own; the classes stay empty.',
  ),
  site(
    'county.html',
    COUNTY_HOST,
    '某某县人民政府网',
    'verified',
    'County portal on 某某县人民政府.政务 (punycode host), official document.write embed code; certificate lists the Chinese name.',
  ),
  site('moe.html', 'www.moe.gov.cn', '中华人民共和国教育部政府门户网站', 'verified', 'Mark injected by script 1.5 s after load.'),
  site(
    'copycat.html',
    'www.beijing-gov.com.cn',
    '首都之窗（仿冒）',
    'danger',
    "Mirror of the Beijing portal carrying its genuine mark and certificate link: the certificate's domain is not this host.",
  ),
  site(
    'spoof.html',
    'www.bjzwfw-gov.com',
    '北京市政务服务网（仿冒）',
    'danger',
    'Certificate link points to bszs.conac.cn.verify-cert.com, not bszs.conac.cn; must not be fetched.',
  ),
  site(
    'revoked.html',
    'scjgj.moumou.gov.cn',
    '某某市市场监督管理局',
    'danger',
    'Registered domain and matching owner, but the certificate page says 证书状态：已注销: the mark proves nothing any more.',
  ),
  site(
    'fgw.html',
    'fgw.beijing.gov.cn',
    '北京市发展和改革委员会',
    'warning',
    'Registered domain and genuine live mark, but the page names 北京市经济和信息化局 as 主办单位 (certificate holder: 北京市发展和改革委员会).',
  ),
  site(
    'haidian.html',
    'www.bjhd.gov.cn',
    '北京市海淀区人民政府网站',
    'warning',
    'Saved copy of the rendered mark showing red_error.png on the registered domain.',
  ),
  site(
    'nomark.html',
    'www.moumou.gov.cn',
    '某某市人民政府门户网站',
    'warning',
    'A .gov.cn site with no mark; its 找错 badge has alt="党政机关" but is not the mark.',
  ),
  site(
    'yjj.html',
    'yjj.moumou.gov.cn',
    '某某市应急管理局',
    'unknown',
    'Genuine embed script, but the certificate page answers with an unrelated page without the labels.',
  ),
  site(
    'scripted.html',
    'whlyj.moumou.gov.cn',
    '某某市文化和旅游局',
    'unknown',
    "Static mark whose certificate page is drawn by a script after load: GovMark's fetch cannot read it (could not verify) until the mark is clicked and the rendered page is read.",
  ),
  site('shop.html', 'www.example-shop.com', '优品生活馆', 'none', 'Ordinary shop: no mark, not a government domain.'),
];

/** Inner pages without a mark, judged by their site's homepage. */
export const innerPages: Array<Required<TourSite>> = [
  {
    host: 'www.beijing.gov.cn',
    path: BEIJING_ARTICLE,
    title: '政策解读 - 首都之窗',
    expect: 'verified',
    note: "An article of the Beijing portal, without a mark: verified through the homepage's mark.",
  },
];

/** Every sample site, then the inner pages. */
export const tourSites: TourSite[] = [...sampleSites, ...innerPages];

/** Host (or host + path, for inner pages) → HTML, as `startStandIn({ sites })` takes it. */
export function sampleSiteMap(): Record<string, string> {
  return Object.fromEntries(
    sampleSites.flatMap((s) => [[s.host, s.html], ...Object.entries(s.pages ?? {}).map(([path, html]) => [s.host + path, html])]),
  );
}
