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
 * fuzzy matching: 北京市教育委员会 and 北京市人民政府 are different units (holderRule below adds the few
 * rules by which two different names stand for one unit).
 */

export function normaliseUnitName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\p{Cf}\p{P}]/gu, '')
    .replace(/[A-Z]/g, (m) => m.toLowerCase());
}

export function sameUnit(a: string, b: string): boolean {
  const na = normaliseUnitName(a);
  return na !== '' && na === normaliseUnitName(b);
}

/** Why a printed owner counts as the certificate's holder (README "The holder rules"). */
export type HolderRule = 'same-name' | 'alias' | 'joint' | 'government-office';

/**
 * `A（B）`: the name and its bracketed second name, each on its own. A line break may fall inside
 * a name (`s`: the dot matches it), so the leftmost match starts at the name's first character.
 */
function namesOf(s: string): string[] {
  const m = /(.+?)[（(]([^（()）]+)[）)]$/s.exec(s.normalize('NFKC').trim());
  return (m ? [s, m[1], m[2]] : [s]).map(normaliseUnitName).filter(Boolean);
}

/**
 * The 办公厅 / 办公室 of a people's government at county level or above stands for that
 * government (the .gov.cn registration rules: "河北省人民政府办公厅代表河北省人民政府").
 * Townships (乡、镇) are below county level.
 */
function governmentOfOffice(name: string): string | null {
  // The name is normalised (no spaces or line breaks left): the leftmost match starts at its first character.
  const m = /(.+人民政府)(?:办公厅|办公室)$/.exec(normaliseUnitName(name));
  return m && !/[乡镇]人民政府$/.test(m[1]) ? m[1] : null;
}

/** Which rule makes the printed owners the holder, or null: anything else is a mismatch. */
export function holderRule(owners: string[], holder: string): HolderRule | null {
  // A holder that normalises to nothing matches no rule: every printed owner left is non-empty.
  const h = normaliseUnitName(holder);
  const printed = owners.filter((o) => normaliseUnitName(o));
  if (printed.length === 1 && normaliseUnitName(printed[0]) === h) return 'same-name';
  // Several owners (one alone was 'same-name' above).
  if (printed.some((o) => normaliseUnitName(o) === h)) return 'joint';
  const holderNames = namesOf(holder);
  if (printed.some((o) => namesOf(o).some((n) => holderNames.includes(n)))) return 'alias';
  const office = (a: string, b: string) => governmentOfOffice(a) === normaliseUnitName(b);
  if (printed.some((o) => office(o, holder) || office(holder, o))) return 'government-office';
  return null;
}
