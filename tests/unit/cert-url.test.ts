/**
 * Certificate addresses read as the registry's server (or a redirector in front of it) would read
 * them: which addresses are a certificate, which are a certificate link with an unreadable id, and
 * which carry a certificate inside their query or fragment.
 */
import { describe, expect, it } from 'vitest';
import { hrefOf } from '../../utils/engine/detect/cert-url';

const ID = '7C2CCE7C2CDDC7939157AEB590C0C7A1';
const CERT = `https://bszs.conac.cn/sitename?method=show&id=${ID}`;

/** What hrefOf says about an address: the certificate it names, and whether it is meant as a mark. */
const read = (address: string) => {
  const { link, meant } = hrefOf(new URL(address));
  return { certId: link.certId, certificateLink: link.certificateLink, meant };
};
const certificate = { certId: ID, certificateLink: true, meant: true };
const unverifiable = { certId: null, certificateLink: false, meant: true };
const noMark = { certId: null, certificateLink: false, meant: false };

describe('the certificate page address', () => {
  it.each([
    ['the official address', CERT, certificate],
    [
      'a lower-case id (the registry upper-cases it)',
      `https://bszs.conac.cn/sitename?method=show&id=${ID.toLowerCase()}`,
      certificate,
    ],
    [
      'an upper-case method and a JSP path parameter',
      `https://bszs.conac.cn/%73itename;jsessionid=ABC?method=SHOW&id=${ID}`,
      certificate,
    ],
    ['the same address on another host (a copy)', `https://www.example.gov.cn/sitename?method=show&id=${ID}`, certificate],
    ['another page of the registry', `https://bszs.conac.cn/sitelist?method=show&id=${ID}`, noMark],
    ['a page below the certificate page', `https://bszs.conac.cn/sitename/print?method=show&id=${ID}`, noMark],
    ['a path that only starts with the word', `https://bszs.conac.cn/sitenames?method=show&id=${ID}`, noMark],
    [
      'another method of the certificate page, on the registry',
      `https://bszs.conac.cn/sitename?method=list&id=${ID}`,
      unverifiable,
    ],
    ['no method, on the registry', `https://bszs.conac.cn/sitename?id=${ID}`, unverifiable],
    ['no id', 'https://bszs.conac.cn/sitename?method=show', unverifiable],
    ['an empty id', 'https://bszs.conac.cn/sitename?method=show&id=', unverifiable],
    ['an id one digit too long', `https://bszs.conac.cn/sitename?method=show&id=${ID}0`, unverifiable],
    ['a mangled id on another host, method=show', 'https://www.example.gov.cn/sitename?method=show&id=123', unverifiable],
    ['a /sitename page of another host without method=show', 'https://www.example.gov.cn/sitename?id=123', noMark],
    ['method=show on a page of another name', 'https://www.example.gov.cn/list?method=show&id=123', noMark],
    ['the registry home page', 'https://www.conac.cn/', noMark],
  ])('%s', (_case, address, expected) => {
    expect(read(address)).toEqual(expected);
  });
});

describe('a certificate carried by a redirector', () => {
  it.each([
    ['encoded in the query', `https://www.example.gov.cn/r?u=${encodeURIComponent(CERT)}`, certificate],
    ['as written in the fragment', `https://www.example.gov.cn/go#${CERT}`, certificate],
    [
      'with another letter of the path escaped (the redirector decodes it to sitename)',
      `https://www.example.gov.cn/link?url=https%3A%2F%2Fbszs.conac.cn%2Fs%69tename%3Fmethod%3Dshow%26id%3D${ID}`,
      certificate,
    ],
    [
      'beside a broken escape elsewhere in the query (read as written)',
      `https://www.example.gov.cn/r?u=https://bszs.conac.cn/sitename?method=show&id=${ID}&from=%E0%A4%A`,
      certificate,
    ],
    [
      'at the start of a long query (the window around the word starts at the text start)',
      `https://www.example.gov.cn/r?u=https://bszs.conac.cn/sitename?method=show%26id=${ID}&utm_content=${'x'.repeat(600)}`,
      certificate,
    ],
    ['a query that only mentions the word', 'https://www.example.gov.cn/search?q=sitename', noMark],
    [
      'an address whose host is more than 400 characters before the word (not read)',
      `https://www.example.gov.cn/r#//bszs.conac.cn/${'a/'.repeat(250)}sitename?method=show&id=${ID}`,
      noMark,
    ],
    [
      'an address with a host no URL can have',
      `https://www.example.gov.cn/r?u=//bszs|conac.cn/sitename?method=show%26id=${ID}`,
      noMark,
    ],
  ])('%s', (_case, address, expected) => {
    expect(read(address)).toEqual(expected);
  });

  it('stands for the certificate from the redirector host: an imitation', () => {
    const { link } = hrefOf(new URL(`https://www.example.gov.cn/r?u=${encodeURIComponent(CERT)}`));
    expect(link).toEqual({
      certId: ID,
      linkUrl: `https://www.example.gov.cn/r?u=${encodeURIComponent(CERT)}`,
      linkHost: 'www.example.gov.cn',
      certificateLink: true,
    });
  });
});
