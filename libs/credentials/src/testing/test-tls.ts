import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestKeyAndCertificate {
  key: string;
  cert: string;
}

/** A throw-away certificate authority and the certificates a local HTTPS test server presents. */
export interface TestTls {
  dir: string;
  /** PEM file of the test CA: what a process trusts through NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** For `localhost` and 127.0.0.1, issued by the test CA. */
  server: TestKeyAndCertificate;
  /** For `localhost` and 127.0.0.1 too, but self-signed: no process trusts it. */
  selfSigned: TestKeyAndCertificate;
  remove(): void;
}

const SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

/**
 * Generates, with the openssl CLI, a test CA (P-256, one day) and a server certificate it issues, plus a
 * self-signed one, into a fresh temporary directory. Test tooling only; nothing here is ever committed.
 */
export function createTestTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'test-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=Alliance test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl('req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost');
  writeFileSync(
    file('server.ext'),
    [SAN, 'basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth'].join('\n'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.pem'),
    '-days',
    '1',
    '-extfile',
    file('server.ext'),
  );
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('self.key'),
    '-out',
    file('self.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    SAN,
  );

  const read = (name: string) => readFileSync(file(name), 'utf8');
  return {
    dir,
    caFile: file('ca.pem'),
    server: { key: read('server.key'), cert: read('server.pem') },
    selfSigned: { key: read('self.key'), cert: read('self.pem') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
