/**
 * ASCII hosts back to the script people read them in (`xn--zfr164b` → `政务`), for display only:
 * every rule compares ASCII hosts. RFC 3492 decoding, so that extension pages need no Node
 * `url.domainToUnicode` and no library for twenty lines of arithmetic.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

/** 0-9 are 26-35, letters 0-25 in either case; anything else (past the label's end: NaN) is not a digit. */
function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return BASE;
}

/** The code points a Punycode label (without `xn--`) stands for, or null when it is malformed. */
export function decodePunycode(input: string): string | null {
  const basicEnd = Math.max(input.lastIndexOf('-'), 0);
  const output: number[] = [];
  for (let j = 0; j < basicEnd; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let index = basicEnd > 0 ? basicEnd + 1 : 0; index < input.length; ) {
    const before = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = Math.min(Math.max(k - bias, T_MIN), T_MAX);
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    n += Math.floor(i / length);
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    i %= length;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

/** `xn--` labels decoded; a label that does not decode to something non-ASCII stays as it is. */
export function toUnicodeHost(host: string): string {
  const decoded = (label: string) => {
    const unicode = /^xn--/i.test(label) ? decodePunycode(label.slice(4)) : null;
    return unicode && /[^\0-\x7f]/.test(unicode) ? unicode : label;
  };
  return host.split('.').map(decoded).join('.');
}
