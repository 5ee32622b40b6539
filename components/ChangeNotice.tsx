/** The certificate memory's finding, spelled out: what the certificate was, what it is now, since when. */

import type { Lang, Reason } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { formatTime } from './text';

export function ChangeNotice({ reason, lang }: { reason: Reason; lang: Lang }) {
  const { expected, found, detail } = reason.evidence;
  return (
    <section class="change" aria-labelledby="change-heading" data-testid="certificate-change">
      <h2 class="change__title" id="change-heading">
        <span aria-hidden="true">! </span>
        {t(lang, 'changeTitle')}
      </h2>
      <dl class="change__fields">
        <dt>{t(lang, 'changeWas')}</dt>
        <dd data-testid="change-was">{expected}</dd>
        <dt>{t(lang, 'changeNow')}</dt>
        <dd data-testid="change-now">{found}</dd>
        {detail && (
          <>
            <dt>{t(lang, 'changeSince')}</dt>
            <dd data-testid="change-since">
              <time dateTime={detail}>{formatTime(detail, lang)}</time>
            </dd>
          </>
        )}
      </dl>
      <p class="change__hint">{t(lang, 'changeHint')}</p>
    </section>
  );
}
