export const id = 96;
export const ids = [96];
export const modules = {

/***/ 67096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   makeRunAuthority: () => (/* binding */ makeRunAuthority)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var reflect_metadata__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80477);
/* harmony import */ var reflect_metadata__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(reflect_metadata__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8927);

// @peculiar/x509's dependency injection (tsyringe) needs the Reflect metadata API.


// ECDSA P-256: a key pair takes well under a millisecond (an RSA-2048 one, a tenth of a second or
// more), and every TLS stack agents use (OpenSSL, GnuTLS, Go, Node, rustls) accepts it.
const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const HOUR = 60 * 60 * 1000;
_peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .cryptoProvider */ .Ve.set(node_crypto__WEBPACK_IMPORTED_MODULE_0__.webcrypto);
/**
 * Makes a fresh certificate authority for `hosts`. Keys and signatures come from Node's WebCrypto;
 * @peculiar/x509 encodes the X.509 certificates.
 */
async function makeRunAuthority(hosts, now = new Date()) {
    const caKeys = await node_crypto__WEBPACK_IMPORTED_MODULE_0__.webcrypto.subtle.generateKey(EC, false, ['sign', 'verify']);
    const validity = { notBefore: new Date(now.getTime() - HOUR), notAfter: new Date(now.getTime() + 7 * 24 * HOUR) };
    const caKeyId = await _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .SubjectKeyIdentifierExtension */ .QE.create(caKeys.publicKey);
    const ca = await _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .X509CertificateGenerator */ .Jy.createSelfSigned({
        serialNumber: serial(),
        name: `CN=Archal run CA ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}, O=Archal (local test run)`,
        ...validity,
        keys: caKeys,
        signingAlgorithm: EC,
        extensions: [
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .BasicConstraintsExtension */ .WA(true, 0, true),
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .KeyUsagesExtension */ .hy(_peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .KeyUsageFlags */ .Ob.keyCertSign | _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .KeyUsageFlags */ .Ob.cRLSign, true),
            caKeyId,
        ],
    });
    let signingKey = caKeys.privateKey;
    let server;
    return {
        caCert: ca.toString('pem'),
        server: () => (server ??= (async () => {
            const issued = await issueServer(hosts, ca.subject, caKeyId.keyId, signingKey, validity);
            signingKey = undefined;
            return issued;
        })()),
    };
}
async function issueServer(hosts, issuer, issuerKeyId, signingKey, validity) {
    const keys = await node_crypto__WEBPACK_IMPORTED_MODULE_0__.webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
    const cert = await _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .X509CertificateGenerator */ .Jy.create({
        serialNumber: serial(),
        subject: `CN=${hosts[0] ?? 'localhost'}`,
        issuer,
        ...validity,
        publicKey: keys.publicKey,
        signingKey,
        signingAlgorithm: EC,
        extensions: [
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .BasicConstraintsExtension */ .WA(false, undefined, true),
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .KeyUsagesExtension */ .hy(_peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .KeyUsageFlags */ .Ob.digitalSignature, true),
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .ExtendedKeyUsageExtension */ .j6([_peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .ExtendedKeyUsage */ .CD.serverAuth]),
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .SubjectAlternativeNameExtension */ .Wx(hosts.map((value) => ({ type: 'dns', value }))),
            await _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .SubjectKeyIdentifierExtension */ .QE.create(keys.publicKey),
            // Strict verifiers (OpenSSL's X509_STRICT, Python ≥ 3.13) want the issuer's key id on the leaf.
            new _peculiar_x509__WEBPACK_IMPORTED_MODULE_2__/* .AuthorityKeyIdentifierExtension */ .Z$(issuerKeyId),
        ],
    });
    const key = Buffer.from(await node_crypto__WEBPACK_IMPORTED_MODULE_0__.webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    return {
        cert: cert.toString('pem'),
        key: `-----BEGIN PRIVATE KEY-----\n${key.replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`,
    };
}
/** A positive random serial number (the leading byte keeps the DER integer positive). */
function serial() {
    return `01${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(15).toString('hex')}`;
}


/***/ })

};
