/**
 * Image names → the mark's colour. Self-hosted copies of the mark are named by the unit type in
 * pinyin or its initials, or by the colour of the official image they copy. A name is read as
 * tokens split on `_ - . @ /` (bundler hashes, `@2x`, OSS timestamp prefixes fall away), so
 * `bluetooth.png` and `shared_03.png` name no colour while `icon_red.png` and `conac-blue@2x.png` do.
 *
 * `alone`: the name is the mark's own (no other image on a government site is called that), so an
 * image of that name is a mark even without a certificate link. `red` and `blue` are not: they
 * also name bullets and flags, and count only inside a certificate link or the official container.
 */
import type { MarkColor } from '../scan';

export interface ImageName {
  token: string;
  color: MarkColor;
  alone: boolean;
}

export const IMAGE_NAMES: readonly ImageName[] = [
  { token: 'red', color: 'red', alone: false }, // dcs.conac.cn/image/red.png and its copies on every kind of site
  { token: 'blue', color: 'blue', alone: false }, // dcs.conac.cn/image/blue.png and its copies (institution sites)
  { token: 'dzjg', color: 'red', alone: true }, // 党政机关 initials: county portals (/@web/…/dzjg.png), Vue builds (dzjg.3f2a9c1b.png)
  { token: 'dangzhengjiguan', color: 'red', alone: true }, // TRS CMS uploads to OSS (1681283744123_dangzhengjiguan.jpg)
  { token: 'jiguan', color: 'red', alone: true }, // WordPress procurement themes (zfcgw_red/images/jiguan.jpg), static sites (jiguan.gif)
  { token: 'zfjg', color: 'red', alone: true }, // 政府机关 initials: template-literal footers (zfjg.gif), Angular assets (zfjg.png)
  { token: 'sydw', color: 'blue', alone: true }, // 事业单位 initials: Vite builds (sydw-Bx8kQ2.svg), jQuery footers (/images/sydw.png)
  { token: 'shiyedanwei', color: 'blue', alone: true }, // CRA bundles (static/media/shiyedanwei.8c1f2a3b.png)
  { token: 'shiye', color: 'blue', alone: true }, // Angular SSR institution sites (assets/images/footer/shiye.jpg)
];

/** Words after a name that keep it the same name: dzjglogo.png, sydw_icon.png, jiguan2.gif. */
const SUFFIX = /^(?:logo|icon|img|pic|bg|\d+)?$/;

export interface NamedColor {
  color: MarkColor;
  errorIcon: boolean;
  alone: boolean;
}

/**
 * The colour an image address names, from its file name (or `#symbol` id), or null.
 * `red_error` / `blue_error` are the official error images.
 */
export function colorOfImageName(address: string): NamedColor | null {
  if (address.startsWith('data:')) return null;
  for (const file of [fileName(address), ...carriedNames(address)]) {
    const named = colorOfFile(file);
    if (named) return named;
  }
  return null;
}

function colorOfFile(file: string): NamedColor | null {
  const tokens = file.toLowerCase().split(/[_\-.@/]+/);
  for (let i = 0; i < tokens.length; i++) {
    for (const name of IMAGE_NAMES) {
      const token = tokens[i]!;
      if (!token.startsWith(name.token) || !SUFFIX.test(token.slice(name.token.length))) continue;
      return { color: name.color, errorIcon: tokens[i + 1] === 'error', alone: name.alone };
    }
  }
  return null;
}

/** Image file names inside an image proxy's query (`/_next/image?url=%2Fimages%2Fsydw.png`). */
function carriedNames(address: string): string[] {
  const query = address.indexOf('?');
  // Stryker disable next-line ArrayDeclaration: a file named "Stryker was here" names no colour either
  if (query === -1) return [];
  let text = address.slice(query);
  try {
    text = decodeURIComponent(text);
  } catch {
    /* read as written */
  }
  // Stryker disable next-line ArrayDeclaration: a file named "Stryker was here" names no colour either
  return text.match(/[^/=&?#]+\.(?:png|jpe?g|gif|svg|webp|avif)/gi) ?? [];
}

/** The last path segment, without query; or the fragment of a `#symbol` reference. */
function fileName(address: string): string {
  const trimmed = address.trim();
  if (trimmed.startsWith('#')) return trimmed.slice(1);
  const path = trimmed.split(/[?#]/, 1)[0]!;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The unit type a label names (alt, title, link text): red for 党政机关, blue for 事业单位, null for both or neither. */
export function colorOfWords(text: string): MarkColor | null {
  const organ = text.includes('党政机关') || text.includes('政府机关');
  const institution = text.includes('事业单位');
  if (organ === institution) return null;
  return organ ? 'red' : 'blue';
}
