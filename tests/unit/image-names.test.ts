/** The colour an image address names: which part of the address is the image's name. */
import { describe, expect, it } from 'vitest';
import { colorOfImageName } from '../../utils/engine/detect/image-names';

const organ = { color: 'red', errorIcon: false, alone: true };

describe('the name an image address gives', () => {
  it.each([
    ['a file beside the page (no directory)', 'dzjg.png', organ],
    ['an SVG sprite symbol', '#dzjg', organ],
    ['a symbol reference with a space before it (attributes are read trimmed)', ' #dzjg', organ],
    ['an image proxy query, .jpg', '/_next/image?url=%2Fupload%2Fjiguan.jpg&w=64', organ],
    ['an image proxy at the site root', '/?img=dzjg.png', organ],
    [
      'the official error image, its parts split by a run of separators',
      '/upload/red__error.png',
      { color: 'red', errorIcon: true, alone: false },
    ],
    ['a directory named like an image is no name of this one', '/upload/red.png/thumb.gif', null],
    ['nor with a query after the file', '/upload/red.png/thumb.gif?w=80', null],
    ['a data: URI, even when its bytes spell a name', 'data:image/png;base64,iVBORw0KGgo/dzjg', null],
  ])('%s', (_case, address, expected) => {
    expect(colorOfImageName(address)).toEqual(expected);
  });
});
