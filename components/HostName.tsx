/** A host as people read it, with the ASCII form the browser uses beside it when they differ (so a lookalike shows). */
import { toUnicodeHost } from '../utils/engine/unicode-host';

export function HostName({ host, printed = toUnicodeHost(host) }: { host: string; printed?: string }) {
  return (
    <>
      {printed}
      {printed !== host && <span class="ascii-form"> ({host})</span>}
    </>
  );
}
