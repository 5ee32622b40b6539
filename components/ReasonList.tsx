/** Every finding, most serious first: severity as a symbol, a colour and (for screen readers) a word. */

import { type Lang, type Reason, reasonMessage } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { SEVERITY_SYMBOL } from '../utils/report';
import { colon, SEVERITY_KEY } from './text';

export function ReasonList({ reasons, lang }: { reasons: Reason[]; lang: Lang }) {
  if (reasons.length === 0) return null;
  return (
    <section class="section" aria-labelledby="reasons-heading">
      <h2 class="section__title" id="reasons-heading">
        {t(lang, 'reasons')}
      </h2>
      <ul class="reasons">
        {reasons.map((reason, i) => (
          <li
            key={`${reason.code}-${i}`}
            class={`reason reason--${reason.severity}`}
            data-testid="reason"
            data-code={reason.code}
            data-severity={reason.severity}
          >
            <span class="reason__symbol" aria-hidden="true">
              {SEVERITY_SYMBOL[reason.severity]}
            </span>
            <span class="reason__text">
              <span class="sr-only">
                {t(lang, SEVERITY_KEY[reason.severity])}
                {colon(lang)}
              </span>
              {reasonMessage(reason, lang)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
