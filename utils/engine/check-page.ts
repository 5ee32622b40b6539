/** One check of one page: resolve embed scripts, read certificates, verify. Shared by every front. */
import type { ConacClient } from './conac-client';
import type { PageScan } from './scan';
import type { Verdict } from './verdict';
import { idsToLookUp, type Lookups, scriptsToResolve, verify } from './verify';

export interface CheckResult {
  checkedAt: string;
  scan: PageScan;
  lookups: Lookups;
  verdict: Verdict;
}

/** A hostile page may carry many marks; the registry is asked about a few at most. */
const MAX_LOOKUPS = 3;

/** `client` null means offline: the page is checked on its own and nothing is fetched. */
export async function checkPage(scan: PageScan, client: ConacClient | null, now: () => number = Date.now): Promise<CheckResult> {
  const lookups: Lookups = { certificates: {}, scripts: {}, offline: client === null };
  if (client) {
    const codes = scriptsToResolve(scan).slice(0, MAX_LOOKUPS);
    await Promise.all(codes.map(async (code) => (lookups.scripts[code] = await client.scriptCertId(code))));
    const ids = idsToLookUp(scan, lookups.scripts).slice(0, MAX_LOOKUPS);
    await Promise.all(ids.map(async (id) => (lookups.certificates[id] = await client.certificate(id))));
  }
  return { checkedAt: new Date(now()).toISOString(), scan, lookups, verdict: verify(scan, lookups) };
}
