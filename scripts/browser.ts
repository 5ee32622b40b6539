/** Finds a Chromium and launches it with the built extension, every host name routed to the stand-in. */
import { spawn } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

const INSTALL_HINT = 'Install Chromium: sudo apt-get install chromium, or set CHROMIUM_PATH=/path/to/chrome';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function locate(): Promise<string | undefined> {
  for (const path of CANDIDATES) if (await executable(path)) return path;
  try {
    // Playwright's own download does not work on this machine, but one may exist elsewhere.
    const bundled = chromium.executablePath();
    if (await executable(bundled)) return bundled;
  } catch {
    // playwright-core throws when it knows no browser for this platform
  }
  return undefined;
}

function aptInstallChromium(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', 'apt-get update && apt-get install -y chromium chromium-l10n fonts-wqy-microhei'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`apt-get exited with ${code}. ${INSTALL_HINT}`))));
  });
}

export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (await executable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${INSTALL_HINT}`);
  }
  const found = await locate();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    await aptInstallChromium();
    const installed = await locate();
    if (installed) return installed;
  }
  throw new Error(`No Chromium found. ${INSTALL_HINT}`);
}

/**
 * Every host name goes to the stand-in, so nothing the browser or the extension asks for can
 * reach the internet, and every request shows up in the stand-in's log. Loopback stays
 * reachable for other local test servers.
 */
export function hostResolverRules(standInPort: number): string {
  return `MAP * 127.0.0.1:${standInPort}, EXCLUDE localhost, EXCLUDE 127.0.0.1`;
}

export function chromiumArgs(extensionDir: string, standInPort: number): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostResolverRules(standInPort)}`,
    // The stand-in's certificate is self-signed; Playwright's ignoreHTTPSErrors does not cover service-worker fetches.
    '--ignore-certificate-errors',
    '--no-sandbox',
    // Without these Chromium keeps trying to reach Google services, cluttering the stand-in's request log.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    // QUIC would bypass the TCP-only stand-in.
    '--disable-quic',
  ];
}

export interface LaunchOptions {
  /** A built, unpacked extension, e.g. `.output/chrome-mv3`. */
  extensionDir: string;
  standInPort: number;
  headless?: boolean;
  /** Default: a fresh temporary profile, removed by close(). */
  userDataDir?: string;
  /** The browser's UI language, which the extension speaks (default zh-CN). */
  locale?: string;
  /** More command-line switches (the benchmark's `--js-flags=--expose-gc`). */
  extraArgs?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionDir = resolve(opts.extensionDir);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: build the extension first (npx wxt build)`);
  }
  const executablePath = await findChromium();
  const ownProfile = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'govmark-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    // A visible window keeps its own size; Playwright would otherwise pin every page to 1280×720 inside it.
    ...(opts.headless === false ? { viewport: null } : {}),
    locale: opts.locale ?? 'zh-CN',
    // On Linux Chromium takes its UI language, which extensions see, from the environment.
    env: { ...process.env, LANGUAGE: (opts.locale ?? 'zh-CN').replace('-', '_') },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(extensionDir, opts.standInPort), ...(opts.extraArgs ?? [])],
  });
  const close = async () => {
    await context.close();
    if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isExtension) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 30_000 }));
    return { context, extensionId: new URL(serviceWorker.url()).host, serviceWorker, close };
  } catch (error) {
    await close();
    throw new Error(`The extension in ${extensionDir} started no service worker: ${String(error)}`);
  }
}

/**
 * Records host permissions as granted in a closed browser's profile, as Chromium does when the
 * user accepts the prompt (headless Chromium shows the prompt but cannot answer it). Relaunched
 * on that profile, the extension's permissions.request for these origins is answered at once with true.
 */
export async function grantInProfile(userDataDir: string, extensionId: string, origins: string[]): Promise<void> {
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8'));
  const settings = prefs.extensions.settings[extensionId];
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= {};
    const set = settings[key];
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ...origins])].sort();
  }
  await writeFile(file, JSON.stringify(prefs));
}
