/** The marks the page carries: what kind, where each links to. Shown when there is no certificate to show. */

import type { Mark } from '../utils/engine/scan';
import type { Lang } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { colon, MARK_KIND_KEY } from './text';

export function MarkList({ marks, lang }: { marks: Mark[]; lang: Lang }) {
  if (marks.length === 0) return null;
  return (
    <section class="section" aria-labelledby="marks-heading">
      <h2 class="section__title" id="marks-heading">
        {t(lang, 'marksFound')}
      </h2>
      <ul class="marks">
        {marks.map((mark, i) => {
          const notes = [
            mark.color ? t(lang, mark.color === 'red' ? 'markRed' : 'markBlue') : null,
            mark.errorIcon ? t(lang, 'markErrorIcon') : null,
            mark.active ? null : t(lang, 'markNotDisplayed'),
          ].filter((note): note is string => note !== null);
          // A hostless link (javascript:, data:) has no host to show: show the address itself.
          const target = mark.linkUrl === null ? null : mark.linkHost || mark.linkUrl;
          return (
            <li key={i} class="mark" data-testid="mark" data-kind={mark.kind}>
              <span class="mark__kind">
                {t(lang, MARK_KIND_KEY[mark.kind])}
                {notes.length > 0 && <span class="mark__notes"> · {notes.join(' · ')}</span>}
              </span>
              <span class="mark__link">
                {t(lang, 'markLink')}
                {colon(lang)}
                {target === null ? (
                  <span class="muted">{t(lang, 'markNoLink')}</span>
                ) : (
                  <span class="mono" data-testid="mark-host">
                    {target}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
