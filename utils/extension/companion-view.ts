/** What the companion panel on a certificate page says, in the reader's language. Pure. */
import { fill } from '../../components/text';
import type { CertificateParse } from '../engine/certificate';
import { domainRelation } from '../engine/domain';
import type { Lang } from '../engine/verdict';
import { t } from '../i18n';

export type CompanionTone = 'match' | 'related' | 'mismatch' | 'direct' | 'unreadable';

export interface CompanionView {
  tone: CompanionTone;
  title: string;
  lines: string[];
  close: string;
}

/** `fromUrl`: the address of the checked tab this page was opened from (or whose mark links here), else null. */
export function companionView(parse: CertificateParse, fromUrl: string | null, lang: Lang): CompanionView {
  const base = { title: t(lang, 'companionTitle'), close: t(lang, 'companionClose') };
  if (parse.status !== 'ok') {
    return {
      ...base,
      tone: 'unreadable',
      lines: [t(lang, parse.status === 'not-found' ? 'companionNotFound' : 'companionUnreadable')],
    };
  }
  const cert = parse.certificate;
  const domains = cert.domainsAsPrinted.join('、');
  const holder = cert.holder ? [fill(t(lang, 'companionHolder'), { holder: cert.holder })] : [];
  const host = fromUrl ? hostOf(fromUrl) : '';
  if (!host) return { ...base, tone: 'direct', lines: [fill(t(lang, 'companionDirect'), { domains }), ...holder] };
  const tone = domainRelation(host, cert.domains);
  const key = tone === 'match' ? 'companionMatch' : tone === 'related' ? 'companionRelated' : 'companionMismatch';
  return { ...base, tone, lines: [`${fill(t(lang, 'companionFrom'), { host })}${fill(t(lang, key), { domains })}`, ...holder] };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
