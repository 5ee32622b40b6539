/**
 * Comparing unit names (the certificate's holder with the owner the page prints).
 *
 * Normalisation, in this order:
 * 1. Unicode NFKC: full-width letters, digits and punctuation become their ordinary forms
 *    (（ → (, Ａ → A, the ideographic space U+3000 → space).
 * 2. Remove all whitespace (spaces, tabs, line breaks, no-break spaces, U+3000) and invisible
 *    format characters (zero-width spaces and joiners, direction marks, BOM).
 * 3. Remove all punctuation, brackets included: （）()【】「」《》·•、，。.,-—_ " ' “ ” and the rest
 *    of Unicode's punctuation classes. The words inside brackets stay.
 * 4. Lower-case ASCII letters.
 *
 * Two names are the same unit only when they are equal after this and not empty. There is no
 * fuzzy matching: 北京市人民政府办公厅 and 北京市人民政府 are different units.
 */

export function normaliseUnitName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\p{Cf}\p{P}]+/gu, '')
    .replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function sameUnit(a: string, b: string): boolean {
  const na = normaliseUnitName(a);
  return na !== '' && na === normaliseUnitName(b);
}
