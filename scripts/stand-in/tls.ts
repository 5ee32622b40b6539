/** A throw-away self-signed certificate for the stand-in's https side. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface KeyPair {
  key: string;
  cert: string;
}

const run = promisify(execFile);
let cached: Promise<KeyPair> | undefined;

/** Made once per process with openssl: nothing secret is checked in, and an EC key is made in milliseconds. */
export function selfSignedCertificate(): Promise<KeyPair> {
  cached ??= generate();
  return cached;
}

async function generate(): Promise<KeyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'govmark-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    // The names only matter to clients that check them; Chromium runs with --ignore-certificate-errors.
    const san = ['DNS:bszs.conac.cn', 'DNS:dcs.conac.cn', 'DNS:*.gov.cn', 'DNS:localhost', 'IP:127.0.0.1'].join(',');
    await run('openssl', [
      'req',
      '-x509',
      '-nodes',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '7',
      '-subj',
      '/CN=GovMark stand-in',
      '-addext',
      `subjectAltName=${san}`,
    ]);
    return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
  } catch (error) {
    cached = undefined;
    throw new Error(`Could not make the stand-in's TLS certificate with openssl (is it installed?): ${String(error)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
