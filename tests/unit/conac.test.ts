/** The shapes of CONAC's addresses: which links are certificate pages, which scripts and images are the registry's. */
import { describe, expect, it } from 'vitest';
import { certificateIdOf, certificateUrl, isEmbedScriptUrl, isOfficialImageUrl } from '../../utils/engine/conac';

const ID = '2100248D951EAB04708D314CFF95473E';

describe('certificateUrl', () => {
  it('is the registry’s certificate page over https by default', () => {
    expect(certificateUrl(ID)).toBe(`https://bszs.conac.cn/sitename?method=show&id=${ID}`);
  });
  it('can point at another origin (the stand-in, --conac-origin)', () => {
    expect(certificateUrl(ID, 'http://127.0.0.1:8080')).toBe(`http://127.0.0.1:8080/sitename?method=show&id=${ID}`);
  });
});

describe('certificateIdOf', () => {
  it.each([
    [`https://bszs.conac.cn/sitename?method=show&id=${ID}`, ID],
    [`http://bszs.conac.cn/sitename?method=show&id=${ID.toLowerCase()}`, ID],
    [`https://bszs.conac.cn/SITENAME?METHOD=SHOW&id=${ID}`, null],
    [`https://bszs.conac.cn/SiteName?method=Show&id=${ID}`, ID],
    [`https://evil.example/x/sitename?method=show&id=${ID}`, ID],
    [`https://bszs.conac.cn/sitename?method=list&id=${ID}`, null],
    [`https://bszs.conac.cn/sitename?id=${ID}`, null],
    ['https://bszs.conac.cn/sitename?method=show', null],
    [`https://bszs.conac.cn/sitename?method=show&id=${ID}0`, null],
    [`https://bszs.conac.cn/sitename?method=show&id=${ID.slice(1)}`, null],
    [`https://bszs.conac.cn/sitename?method=show&id=${ID.slice(1)}G`, null],
    [`https://bszs.conac.cn/sitenames?method=show&id=${ID}`, null],
    [`https://bszs.conac.cn/sitename/x?method=show&id=${ID}`, null],
  ])('%s → %s', (url, id) => {
    expect(certificateIdOf(new URL(url))).toBe(id);
  });
});

describe('isOfficialImageUrl', () => {
  it.each([
    ['https://dcs.conac.cn/image/red.png', true],
    ['http://dcs.conac.cn/image/blue_error.png', true],
    ['https://dcs.conac.cn/js/01/000/0000/60429971/CA010000000604299710001.js', false],
    ['https://www.beijing.gov.cn/image/red.png', false],
    ['https://dcs.conac.cn.evil.example/image/red.png', false],
  ])('%s → %s', (url, official) => {
    expect(isOfficialImageUrl(new URL(url))).toBe(official);
  });
});

describe('isEmbedScriptUrl', () => {
  it.each([
    ['https://dcs.conac.cn/js/01/000/0000/60429971/CA010000000604299710001.js', true],
    ['https://dcs.conac.cn/js/anything.js', true],
    ['https://www.beijing.gov.cn/static/CA010000000604299710001.js', true],
    ['https://www.beijing.gov.cn/js/anything.js', false],
    ['https://dcs.conac.cn/image/red.png', false],
    ['https://www.beijing.gov.cn/static/CA01000000060429971000.js', false],
    ['https://www.beijing.gov.cn/static/CA010000000604299710001.js.map', false],
  ])('%s → %s', (url, embed) => {
    expect(isEmbedScriptUrl(new URL(url))).toBe(embed);
  });
});
