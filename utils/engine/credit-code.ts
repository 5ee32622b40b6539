/** The unified social credit code (统一社会信用代码, GB 32100-2015). */

import type { HolderType } from './certificate';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const WELL_FORMED = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

/**
 * From chars 1-2. 91 (enterprise), 92 (individual business) and 93 (farmers' co-operative) are
 * all 'enterprise': market entities registered by market regulation, never an organ or institution.
 */
export type CreditCodeCategory = 'organ' | 'institution' | 'mass-organisation' | 'social-organisation' | 'enterprise' | 'other';

export interface CreditCodeCheck {
  /** 18 characters from the code's character set. */
  valid: boolean;
  /** The check character (char 18) is right. Some legal early pilot codes fail it: a warning only. */
  checkOk: boolean;
  /** null when the code is not well-formed. */
  category: CreditCodeCategory | null;
  /** Chars 3-8, the registering authority's administrative division (100000 = national). */
  division: string | null;
}

/** Tolerates surrounding and inner whitespace, full-width characters and lower case. */
export function checkCreditCode(code: string): CreditCodeCheck {
  // Not text at all (a damaged stored record): no code.
  if (typeof code !== 'string') return notWellFormed();
  const c = code.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!WELL_FORMED.test(c)) return notWellFormed();
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(c[i]) * WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  const division = c.slice(2, 8); // six characters: the pattern below needs no anchors
  return {
    valid: true,
    checkOk: CHARSET[check] === c[17],
    category: categoryOf(c.slice(0, 2)),
    division: /\d{6}/.test(division) ? division : null,
  };
}

const notWellFormed = (): CreditCodeCheck => ({ valid: false, checkOk: false, category: null, division: null });

/** `prefix` is always two characters, so the patterns below need no anchors. */
function categoryOf(prefix: string): CreditCodeCategory {
  if (prefix === '11') return 'organ';
  if (prefix === '12') return 'institution';
  if (prefix === '13') return 'mass-organisation';
  if (/5[1-9]/.test(prefix)) return 'social-organisation';
  if (prefix === '91' || prefix === '92' || prefix === '93') return 'enterprise';
  return 'other';
}

/**
 * Whether the code's category fits the certificate's holder type; null when undecidable
 * (no category, 'other' on either side, or a mass organisation shown as an institution).
 * Mass organisations (群团) are 'organ' on certificates.
 */
export function creditCodeMatchesType(category: CreditCodeCategory | null, holderType: HolderType | null): boolean | null {
  if (!category || !holderType || category === 'other' || holderType === 'other') return null;
  if (category === 'mass-organisation') return holderType === 'organ' ? true : null;
  return category === holderType;
}
