/** What the certificate says: the holder first and large, the registered domains against this site, then the rest. */
import { useState } from 'preact/hooks';
import type { Certificate } from '../utils/engine/certificate';
import { domainRelation } from '../utils/engine/domain';
import { holderTypeName, type Lang, type VerdictState } from '../utils/engine/verdict';
import { type MessageKey, t } from '../utils/i18n';
import { HostName } from './HostName';

type Relation = 'match' | 'related' | 'mismatch';

export interface CertificateCardProps {
  cert: Certificate;
  /** The host of the page being checked. */
  host: string;
  /** The unit the page itself names as its owner, if it does. */
  owner: string | null;
  /** The page's verdict: the holder is this site's only when it is verified. */
  state: VerdictState;
  lang: Lang;
}

const HOLDER_LABEL: Partial<Record<VerdictState, MessageKey>> = { verified: 'holder', warning: 'holderWithFindings' };

export function CertificateCard({ cert, host, owner, state, lang }: CertificateCardProps) {
  const verified = state === 'verified';
  const type = holderTypeName(cert, lang);
  const typeClass = cert.holderType === 'organ' || cert.holderType === 'institution' ? cert.holderType : 'other';
  return (
    <>
      <section class={`holder${verified ? '' : ' holder--unverified'}`} aria-labelledby="holder-label">
        <p class="holder__label" id="holder-label">
          {t(lang, HOLDER_LABEL[state] ?? 'holderUnverified')}
        </p>
        <h2 class="holder__name" data-testid="holder">
          {cert.holder ?? '—'}
        </h2>
        {type && (
          <p class={`holder__type holder__type--${typeClass}`} data-testid="holder-type">
            <span class="sr-only">{t(lang, 'holderType')}: </span>
            {type}
          </p>
        )}
        {cert.siteName && (
          <p class="holder__site">
            <span class="holder__site-label">{t(lang, 'siteName')}</span>
            <span data-testid="site-name">{cert.siteName}</span>
          </p>
        )}
      </section>
      <Domains cert={cert} host={host} lang={lang} />
      <section class="section" aria-labelledby="cert-heading">
        <h2 class="section__title" id="cert-heading">
          {t(lang, 'certDetails')}
        </h2>
        <dl class="fields">
          <Field lang={lang} name="address" value={cert.address} />
          <Field lang={lang} name="functions" value={cert.functions} long />
          <Field lang={lang} name="certNumber" value={cert.certNumber} mono />
          <Field lang={lang} name="issuer" value={cert.issuer} />
          <Field lang={lang} name="issueDate" value={cert.issueDate} />
          <Field lang={lang} name="creditCode" value={cert.creditCode} mono />
          {/* The page's own claim, when it says something other than the holder's name. */}
          <Field lang={lang} name="owner" value={owner?.trim() === cert.holder?.trim() ? null : owner} />
        </dl>
      </section>
    </>
  );
}

const MARK: Record<Relation, { symbol: string; key: MessageKey }> = {
  match: { symbol: '✓', key: 'domainMatches' },
  related: { symbol: '≈', key: 'domainRelated' },
  mismatch: { symbol: '✗', key: 'domainDiffers' },
};

function RelationTag({ relation, lang }: { relation: Relation; lang: Lang }) {
  const { symbol, key } = MARK[relation];
  return (
    <span class={`relation relation--${relation}`}>
      <span aria-hidden="true">{symbol} </span>
      {t(lang, key)}
    </span>
  );
}

function Domains({ cert, host, lang }: { cert: Certificate; host: string; lang: Lang }) {
  const overall = domainRelation(host, cert.domains);
  // Printed and ASCII forms line up only when the certificate gave as many of each.
  const printed = cert.domainsAsPrinted.length === cert.domains.length ? cert.domainsAsPrinted : cert.domains;
  return (
    <section class="section" aria-labelledby="domains-heading">
      <h2 class="section__title" id="domains-heading">
        {t(lang, 'domains')}
      </h2>
      <p class={`current-host current-host--${overall}`} data-testid="current-host" data-match={overall}>
        <span class="current-host__label">{t(lang, 'currentHost')}</span>
        <span class="current-host__value mono">
          <HostName host={host} />
        </span>
        <RelationTag relation={overall} lang={lang} />
      </p>
      {cert.domains.length > 0 && (
        <ul class="domains">
          {cert.domains.map((domain, i) => {
            const relation = domainRelation(host, [domain]);
            // With one registered domain matching, the others are simply other domains, not failures.
            const shown = overall === 'mismatch' || relation !== 'mismatch';
            return (
              <li key={domain} class={`domain domain--${shown ? relation : 'other'}`} data-testid="domain" data-match={relation}>
                <span class="domain__name mono">
                  <HostName host={domain} printed={printed[i]} />
                </span>
                {shown && <RelationTag relation={relation} lang={lang} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Field({
  lang,
  name,
  value,
  mono,
  long,
}: {
  lang: Lang;
  name: MessageKey;
  value: string | null;
  mono?: boolean;
  long?: boolean;
}) {
  const [open, setOpen] = useState(false);
  if (!value) return null;
  const foldable = long && value.length > 80;
  return (
    <div class="field">
      <dt class="field__name">{t(lang, name)}</dt>
      <dd
        class={`field__value${mono ? ' mono' : ''}${foldable && !open ? ' field__value--folded' : ''}`}
        data-testid={`field-${name}`}
      >
        {value}
      </dd>
      {foldable && (
        <dd class="field__more">
          <button type="button" class="link-button" aria-expanded={open ? 'true' : 'false'} onClick={() => setOpen(!open)}>
            {t(lang, open ? 'showLess' : 'showMore')}
          </button>
        </dd>
      )}
    </div>
  );
}
