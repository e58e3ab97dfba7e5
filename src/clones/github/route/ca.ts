import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const rsaKeyPair = promisify(generateKeyPair);

/** A certificate and its private key, PEM encoded. */
export interface Credentials {
  cert: string;
  key: string;
}

/** A run's certificate authority and the one server certificate it signed for the routed hosts. */
export interface RouteCertificates {
  /** The CA's certificate: what clients are told to trust. Its key is dropped once the leaf is signed. */
  caCert: string;
  /** The server certificate (every routed host in its subjectAltName) with its key. */
  server: Credentials;
}

/**
 * Makes a fresh certificate authority and signs one server certificate for `hosts` with it. The
 * CA's private key exists only in this function's memory: nothing can sign another certificate
 * after it returns. Keys come from Node's crypto (fast, native); node-forge builds and signs the
 * X.509 certificates, which Node cannot do on its own.
 */
export async function makeRouteCertificates(hosts: readonly string[], now = new Date()): Promise<RouteCertificates> {
  // The server's key pair is made once per process (each run's CA still certifies it anew); the
  // CA's is made for each run, so no CA outlives its run.
  serverKeys ??= newRsaKeyPair();
  const [caPair, serverPair] = await Promise.all([newRsaKeyPair(), serverKeys]);
  const { pki, md } = forge;
  const caKey = pki.privateKeyFromPem(caPair.privateKey);
  const ca = pki.createCertificate();
  ca.publicKey = pki.publicKeyFromPem(caPair.publicKey);
  ca.serialNumber = serial();
  ca.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  ca.validity.notAfter = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
  const caName = [
    { name: 'commonName', value: `Archal run CA ${randomBytes(4).toString('hex')}` },
    { name: 'organizationName', value: 'Archal (local test run)' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKey, md.sha256.create());

  const server = pki.createCertificate();
  server.publicKey = pki.publicKeyFromPem(serverPair.publicKey);
  server.serialNumber = serial();
  server.validity.notBefore = ca.validity.notBefore;
  server.validity.notAfter = ca.validity.notAfter;
  server.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) },
    { name: 'subjectKeyIdentifier' },
    // Strict verifiers (OpenSSL's X509_STRICT, Python ≥ 3.13) want the issuer's key id on the leaf.
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.sign(caKey, md.sha256.create());
  return {
    caCert: pki.certificateToPem(ca),
    server: { cert: pki.certificateToPem(server), key: serverPair.privateKey },
  };
}

let serverKeys: ReturnType<typeof newRsaKeyPair> | undefined;

function newRsaKeyPair() {
  return rsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}

/** A positive random serial number (the leading byte keeps the DER integer positive). */
function serial(): string {
  return `01${randomBytes(15).toString('hex')}`;
}
