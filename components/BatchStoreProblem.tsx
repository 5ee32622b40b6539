/** The batch page when its store cannot be opened: why, and that nothing saved was deleted. And the batch page's header. */
import type { Lang } from '../utils/engine/verdict';
import { t } from '../utils/i18n';
import { htmlLang } from './text';

export type StoreProblem = 'too-new' | 'unavailable';

export function BatchStoreProblem({ lang, problem }: { lang: Lang; problem: StoreProblem }) {
  return (
    <main class="page batch" lang={htmlLang(lang)}>
      <BatchHeader lang={lang} />
      <p class="notice notice--danger" role="alert" data-testid="store-problem" data-problem={problem}>
        {t(lang, problem === 'too-new' ? 'batchStoreTooNew' : 'batchStoreUnavailable')}
      </p>
    </main>
  );
}

export function BatchHeader({ lang }: { lang: Lang }) {
  return (
    <header class="page__header">
      <img src="/icons/app.svg" alt="" width={32} height={32} />
      <h1>
        {t(lang, 'extName')} · {t(lang, 'batchTitle')}
      </h1>
    </header>
  );
}
