/** Saving a text as a file from an extension page: a Blob URL and an <a download>, no permission needed. */

export type SaveFile = (name: string, body: string | Blob, type: string) => void;

export const saveFile: SaveFile = (name, body, type) => {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
};

/** govmark-<host>-<UTC time of the check>.<ext>, safe as a file name on every system. */
export function exportFileName(url: string, checkedAt: string, ext: 'json' | 'txt'): string {
  let host = 'page';
  try {
    host = new URL(url).hostname || host;
  } catch {
    // keep 'page'
  }
  const stamp = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/.exec(checkedAt);
  const when = stamp ? `${stamp[1]}${stamp[2]}${stamp[3]}T${stamp[4]}${stamp[5]}${stamp[6]}Z` : 'undated';
  return `govmark-${host.replace(/[^a-z0-9.-]/gi, '_')}-${when}.${ext}`;
}
