import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../../../lib/write-whole.js';
import type { Credentials, RunAuthority } from './ca.js';

/**
 * Route mode's certificates kept between runs, so that a run does not load the certificate library
 * nor make keys: one file (`route-authority.pem`, 0600, in a 0700 directory of the user's Archal
 * home) holding the CA's certificate and the server certificate it signed for the routed hosts, with
 * that server certificate's key. The CA's own key is never written: it signs the server certificate
 * once, in memory, and is dropped, so nothing can sign another certificate with this CA. The file is
 * made again when it is missing, unreadable, not the user's own, for other hosts, or has less than
 * a day of validity left.
 */
export const AUTHORITY_FILE = 'route-authority.pem';

/** A stored authority is replaced once less than this remains of its validity (runs never outlive it). */
const MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

/** The run's authority: the stored one when it is still good, else a new one (stored when `dir` is given). */
export async function routeAuthority(
  hosts: readonly string[],
  options: { dir?: string; now?: Date } = {},
): Promise<RunAuthority> {
  const now = options.now ?? new Date();
  if (options.dir === undefined) {
    const { makeRunAuthority } = await import('./ca.js');
    return makeRunAuthority(hosts, now);
  }
  const stored = readAuthority(options.dir, hosts, now);
  if (stored) return stored;
  // The certificate library is loaded only when certificates must be made.
  const { makeRunAuthority } = await import('./ca.js');
  const made = await makeRunAuthority(hosts, now);
  const server = await made.server();
  writeAuthority(options.dir, made.caCert, server);
  return fixed(made.caCert, server);
}

/** PEM text as written and as read back alike: one trailing newline. */
function fixed(caCert: string, server: Credentials): RunAuthority {
  const pem = (text: string) => `${text.trim()}\n`;
  const credentials = { cert: pem(server.cert), key: pem(server.key) };
  return { caCert: pem(caCert), server: async () => credentials };
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----\r?\n[\s\S]*?-----END \1-----\r?\n?/g;

/**
 * The stored authority this process last checked, by the identity of its file (device, inode, size,
 * modification time) and the hosts asked for: a scenario's runs each start a proxy, and parsing and
 * verifying the certificates and the key cost each of them ~2 ms. Only the validity window is
 * checked again; a file written since is read again.
 */
let lastChecked: { identity: string; authority: RunAuthority; notBefore: number; notAfter: number } | undefined;

/**
 * Beside the authority, the outcome of its last full check (the file's identity, the hosts, the
 * validity window), so that the next process need not parse and verify it again: those ~2 ms fall
 * on every run before its agent starts. The identity holds the file's change time, which any write
 * or rename moves and no one can set back, and the file is as private as the authority's own.
 */
export const AUTHORITY_CHECK_FILE = 'route-authority.checked';

interface AuthorityCheck {
  identity: string;
  notBefore: number;
  notAfter: number;
}

/**
 * The stored authority, or undefined when it cannot be trusted to be ours and valid for `hosts` now.
 * `remembered: false` skips what this process remembers of an earlier check (as a new process would).
 */
export function readAuthority(
  dir: string,
  hosts: readonly string[],
  now: Date,
  remembered = true,
): RunAuthority | undefined {
  const file = join(dir, AUTHORITY_FILE);
  try {
    if (!privateToUser(dir, 0o077) || !privateToUser(file, 0o077)) return undefined;
    const usableNow = (notBefore: number, notAfter: number) =>
      notBefore <= now.getTime() && notAfter - now.getTime() > MIN_REMAINING_MS;
    // Identity and text from one open file: what was checked is what is read.
    const fd = openSync(file, 'r');
    let text: string;
    let identity: string;
    let checkIdentity: string;
    try {
      const stat = fstatSync(fd, { bigint: true });
      identity = [file, stat.dev, stat.ino, stat.size, stat.mtimeNs, ...hosts].join('\0');
      if (remembered && lastChecked?.identity === identity)
        return usableNow(lastChecked.notBefore, lastChecked.notAfter) ? lastChecked.authority : undefined;
      checkIdentity = [identity, stat.ctimeNs].join('\0');
      text = readFileSync(fd, 'latin1');
    } finally {
      closeSync(fd);
    }
    const blocks = [...text.matchAll(PEM_BLOCK)].map((match) => match[0]);
    if (blocks.length !== 3) return undefined;
    const [caPem, serverPem, keyPem] = blocks as [string, string, string];
    const authority = fixed(caPem, { cert: serverPem, key: keyPem });
    const check = readCheck(dir, checkIdentity) ?? verify(caPem, serverPem, keyPem, hosts);
    if (!check) return undefined;
    if (check.identity !== checkIdentity) writeCheck(dir, { ...check, identity: checkIdentity });
    lastChecked = { identity, authority, notBefore: check.notBefore, notAfter: check.notAfter };
    return usableNow(check.notBefore, check.notAfter) ? authority : undefined;
  } catch {
    return undefined;
  }
}

/** The full check: a CA that issued and signed the server certificate, for `hosts`, whose key is the one stored. */
function verify(
  caPem: string,
  serverPem: string,
  keyPem: string,
  hosts: readonly string[],
): AuthorityCheck | undefined {
  const ca = new X509Certificate(caPem);
  const server = new X509Certificate(serverPem);
  const key = createPrivateKey(keyPem);
  if (!ca.ca) return undefined;
  if (!server.checkIssued(ca) || !server.verify(ca.publicKey) || !server.checkPrivateKey(key)) return undefined;
  if (!hosts.every((host) => server.checkHost(host) === host)) return undefined;
  return {
    identity: '',
    notBefore: Math.max(Date.parse(ca.validFrom), Date.parse(server.validFrom)),
    notAfter: Math.min(Date.parse(ca.validTo), Date.parse(server.validTo)),
  };
}

/** The last full check's outcome, when it was of this very file (and the check file is private). */
function readCheck(dir: string, identity: string): AuthorityCheck | undefined {
  const file = join(dir, AUTHORITY_CHECK_FILE);
  try {
    if (!privateToUser(file, 0o077)) return undefined;
    const check = JSON.parse(readFileSync(file, 'utf8')) as Partial<AuthorityCheck>;
    return check.identity === identity && Number.isFinite(check.notBefore) && Number.isFinite(check.notAfter)
      ? (check as AuthorityCheck)
      : undefined;
  } catch {
    return undefined;
  }
}

function writeCheck(dir: string, check: AuthorityCheck): void {
  try {
    writeWhole(join(dir, AUTHORITY_CHECK_FILE), JSON.stringify(check));
  } catch {
    // Checked again by the next process.
  }
}

/** A directory or file that is this user's own (where users exist), not a link, and closed to others by `mask`. */
function privateToUser(path: string, mask: number): boolean {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return false;
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return false;
  return process.platform === 'win32' || (stat.mode & mask) === 0;
}

function writeAuthority(dir: string, caCert: string, server: Credentials): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    if (!privateToUser(dir, 0o077)) return;
    writeWhole(join(dir, AUTHORITY_FILE), `${caCert.trim()}\n${server.cert.trim()}\n${server.key.trim()}\n`);
  } catch {
    // A home Archal cannot write to: the next run makes its certificates again.
  }
}

/**
 * The trust bundle (the CA followed by Node's public roots) of a stored CA, kept beside it: listing
 * Node's roots costs a run several milliseconds. Named after the CA and the Node.js version (whose
 * roots it holds); older ones are removed. Undefined when it cannot be kept there.
 */
export function storedTrustBundle(dir: string, caCert: string): string | undefined {
  const stamp = createHash('sha256').update(`${process.version}\0${caCert.trim()}`).digest('hex').slice(0, 16);
  const name = `route-ca-bundle-${stamp}.pem`;
  const file = join(dir, name);
  try {
    if (existsSync(file) && privateToUser(file, 0o022)) return file;
    if (!privateToUser(dir, 0o077)) return undefined;
    // node:tls only here: a run whose bundle is kept does not load it before its agent starts.
    writeWhole(file, [caCert.trim(), ...process.getBuiltinModule('node:tls').rootCertificates].join('\n'));
    for (const entry of readdirSync(dir))
      if (/^route-ca-bundle-[0-9a-f]+\.pem$/.test(entry) && entry !== name) rmSync(join(dir, entry), { force: true });
    return file;
  } catch {
    return undefined;
  }
}
