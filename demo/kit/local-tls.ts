import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away certificate for the local stand-ins of SaaS helpdesks (`https://acme.zendesk.com` served on 127.0.0.1). */
export interface LocalCertificate {
  key: string;
  cert: string;
  /** Base64 SHA-256 of the public key: Chromium's `--ignore-certificate-errors-spki-list` trusts exactly this key. */
  spkiSha256: string;
}

/**
 * Generates a self-signed certificate for `hostnames` (wildcards allowed) with the `openssl` command,
 * valid for two days. A new key every run: nothing secret is kept in the repository, and the browser
 * trusts it only through the SPKI flag of a throw-away profile.
 *
 * @example
 * const { key, cert, spkiSha256 } = createLocalCertificate(['*.zendesk.com']);
 */
export function createLocalCertificate(hostnames: readonly string[]): LocalCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'sla-lens-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const altNames = hostnames.map((host) => `DNS:${host}`).join(',');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath,
          '-days', '2', '-subj', '/CN=SLA Lens local helpdesk', '-addext', `subjectAltName=${altNames}`],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      const message = missing ? 'openssl is not installed: apt-get install -y openssl' : `openssl could not create a certificate: ${String(error)}`;
      throw new Error(message, { cause: error });
    }
    const cert = readFileSync(certPath, 'utf8');
    const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { key: readFileSync(keyPath, 'utf8'), cert, spkiSha256: createHash('sha256').update(spki).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
