/** Where component tests render: a fresh element per test, unmounted and removed after it. */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function mountPoint(): { readonly container: HTMLElement } {
  const view = { container: document.createElement('div') };
  beforeEach(() => {
    view.container = document.createElement('div');
    document.body.append(view.container);
  });
  afterEach(() => {
    render(null, view.container);
    view.container.remove();
  });
  return view;
}
