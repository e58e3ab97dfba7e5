import { randomBytes, webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
// @peculiar/x509's dependency injection (tsyringe) needs the Reflect metadata API.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/** A certificate and its private key, PEM encoded. */
export interface Credentials {
  cert: string;
  key: string;
}

// ECDSA P-256: a key pair takes well under a millisecond (an RSA-2048 one, a tenth of a second or
// more), and every TLS stack agents use (OpenSSL, GnuTLS, Go, Node, rustls) accepts it.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const HOUR = 60 * 60 * 1000;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/**
 * A run's certificate authority: its certificate (what clients are told to trust) and the one
 * server certificate it signs for the routed hosts, minted when first asked for. The CA's private
 * key lives only in this object's memory, cannot be exported, and is dropped once the server
 * certificate is signed: nothing can sign another certificate after that.
 */
export interface RunAuthority {
  caCert: string;
  server(): Promise<Credentials>;
}

/**
 * Makes a fresh certificate authority for `hosts`. Keys and signatures come from Node's WebCrypto;
 * @peculiar/x509 encodes the X.509 certificates.
 */
export async function makeRunAuthority(hosts: readonly string[], now = new Date()): Promise<RunAuthority> {
  const caKeys = await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify']);
  const validity = { notBefore: new Date(now.getTime() - HOUR), notAfter: new Date(now.getTime() + 7 * 24 * HOUR) };
  const caKeyId = await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Archal run CA ${randomBytes(4).toString('hex')}, O=Archal (local test run)`,
    ...validity,
    keys: caKeys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      caKeyId,
    ],
  });
  let signingKey: CryptoKey | undefined = caKeys.privateKey;
  let server: Promise<Credentials> | undefined;
  return {
    caCert: ca.toString('pem'),
    server: () =>
      (server ??= (async () => {
        const issued = await issueServer(hosts, ca.subject, caKeyId.keyId, signingKey!, validity);
        signingKey = undefined;
        return issued;
      })()),
  };
}

async function issueServer(
  hosts: readonly string[],
  issuer: string,
  issuerKeyId: string,
  signingKey: CryptoKey,
  validity: { notBefore: Date; notAfter: Date },
): Promise<Credentials> {
  const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts[0] ?? 'localhost'}`,
    issuer,
    ...validity,
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: 'dns' as const, value }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      // Strict verifiers (OpenSSL's X509_STRICT, Python ≥ 3.13) want the issuer's key id on the leaf.
      new x509.AuthorityKeyIdentifierExtension(issuerKeyId),
    ],
  });
  const key = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return {
    cert: cert.toString('pem'),
    key: `-----BEGIN PRIVATE KEY-----\n${key.replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`,
  };
}

/** A positive random serial number (the leading byte keeps the DER integer positive). */
function serial(): string {
  return `01${randomBytes(15).toString('hex')}`;
}
