/** The marks the page carries: what kind, where each links to, and "在页面上显示" for those on the page. */

import { useState } from 'preact/hooks';
import type { Mark } from '../utils/engine/scan';
import type { Lang } from '../utils/engine/verdict';
import { type MarkPlace, type MarkTarget, markPlace, markTarget } from '../utils/extension/locate-mark';
import { type MessageKey, t } from '../utils/i18n';
import { colon, MARK_KIND_KEY } from './text';

/** Why a mark cannot be shown on the page. */
const HIDDEN_KEY: Record<Exclude<MarkPlace, 'page'>, MessageKey> = {
  comment: 'markHiddenComment',
  script: 'markHiddenScript',
  'not-displayed': 'markHiddenInactive',
};

export interface MarkListProps {
  marks: Mark[];
  lang: Lang;
  /** The page's address, against which the marks' image addresses resolve. */
  pageUrl: string;
  /** Asks the page to scroll to the mark and outline it; resolves false when the page no longer has it. */
  onShowMark?: (target: MarkTarget) => Promise<boolean>;
}

export function MarkList({ marks, lang, pageUrl, onShowMark }: MarkListProps) {
  // Index of a mark the page could not show.
  const [missing, setMissing] = useState<number | null>(null);
  if (marks.length === 0) return null;
  const show = async (target: MarkTarget, index: number) => {
    const shown = await onShowMark!(target).catch(() => false);
    setMissing(shown ? null : index);
  };
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
          const place = markPlace(mark);
          const onPage = onShowMark && place === 'page' ? markTarget(marks, i, pageUrl) : null;
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
              {place !== 'page' && (
                <span class="mark__hidden" data-testid="mark-hidden">
                  {t(lang, HIDDEN_KEY[place])}
                </span>
              )}
              {onPage && (
                <button type="button" class="link-button mark__show" onClick={() => void show(onPage, i)} data-testid="show-mark">
                  {t(lang, 'markShow')}
                </button>
              )}
              {missing === i && (
                <span class="mark__hidden" role="status" data-testid="mark-missing">
                  {t(lang, 'markShowMissing')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
