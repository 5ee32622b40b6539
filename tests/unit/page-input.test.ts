// @vitest-environment node
/** The address of a saved file: only from the comment a browser writes as the file's prologue. */
import { describe, expect, it } from 'vitest';
import { savedFromUrl } from '../../cli/page-input';

const COMMENT = '<!-- saved from url=(0027)https://www.beijing.gov.cn/ -->';
const PAGE = '<html><head><title>x</title></head><body><p>正文</p></body></html>';

describe('savedFromUrl', () => {
  it.each([
    ['first in the file (Internet Explorer, older Chrome)', `${COMMENT}\n${PAGE}`],
    ['after the doctype (Chrome)', `<!DOCTYPE html>\n${COMMENT}\n${PAGE}`],
    ['after a byte-order mark and blank lines', `\ufeff\n\n${COMMENT}\r\n${PAGE}`],
    [
      'after an old doctype with a public id',
      `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n${COMMENT}${PAGE}`,
    ],
  ])('reads the comment %s', (_case, html) => {
    expect(savedFromUrl(html)).toBe('https://www.beijing.gov.cn/');
  });

  it.each([
    ['inside a script', `<!DOCTYPE html><html><head><script>/*\n${COMMENT}\n*/</script></head><body></body></html>`],
    ['later in the page', `${PAGE}\n${COMMENT}`],
    ['after an element', `<html>${COMMENT}${PAGE}`],
    ['after text', `hello\n${COMMENT}\n${PAGE}`],
    ['with a length prefix that does not match', `<!-- saved from url=(0026)https://www.beijing.gov.cn/ -->\n${PAGE}`],
    ['with a short length prefix', `<!-- saved from url=(27)https://www.beijing.gov.cn/ -->\n${PAGE}`],
    ['naming a file address', `<!-- saved from url=(0014)file:///c:/x.h -->\n${PAGE}`],
  ])('ignores a comment %s', (_case, html) => {
    expect(savedFromUrl(html)).toBeNull();
  });
});
