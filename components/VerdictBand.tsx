/** The band at the top of the popup: the state, coloured, with its icon. Its content is the page's live status. */
import type { ComponentChildren } from 'preact';
import type { IconName } from '../utils/extension/tab-state';
import { HostName } from './HostName';

export type Tone = 'verified' | 'warning' | 'danger' | 'unknown' | 'neutral';

export interface VerdictBandProps {
  tone: Tone;
  icon: IconName | 'app';
  title: string;
  /** The host the verdict is about. */
  host?: string;
  busy?: boolean;
  children?: ComponentChildren;
}

export function VerdictBand({ tone, icon, title, host, busy, children }: VerdictBandProps) {
  return (
    <header class={`band band--${tone}`}>
      <div role="status" aria-busy={busy ? 'true' : undefined} data-testid="verdict">
        <div class="band__head">
          {busy ? (
            <span class="spinner" aria-hidden="true" />
          ) : (
            <img class="band__icon" src={`/icons/${icon}.svg`} alt="" width={40} height={40} />
          )}
          <div class="band__titles">
            <h1 class="band__title" data-testid="state-title">
              {title}
            </h1>
            {host && (
              <p class="band__host mono">
                <HostName host={host} />
              </p>
            )}
          </div>
        </div>
        {children}
      </div>
    </header>
  );
}
