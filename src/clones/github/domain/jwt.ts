import { verify } from 'node:crypto';

export type JwtCheck = { kind: 'valid'; issuer: string } | { kind: 'invalid'; message: string };

interface Decoded {
  header: { alg?: unknown };
  payload: { iss?: unknown; iat?: unknown; exp?: unknown };
  signingInput: string;
  signature: Buffer;
}

export const looksLikeJwt = (token: string): boolean => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);

function decodeJwt(token: string): Decoded | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Decoded['header'],
      payload: JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Decoded['payload'],
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2]!, 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** The issuer (`iss`: app id or client id) of a JWT, before its signature is checked. */
export function jwtIssuer(token: string): string | undefined {
  const iss = decodeJwt(token)?.payload.iss;
  return typeof iss === 'number' || typeof iss === 'string' ? String(iss) : undefined;
}

/**
 * Verifies an app JWT the way GitHub does: RS256 signed by the app's key, `iat` not in the future
 * (60 s of clock drift allowed), `exp` in the future and at most 10 minutes after `iat`.
 */
export function verifyAppJwt(token: string, publicKey: string, nowSeconds: number): JwtCheck {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header.alg !== 'RS256') return invalid('A JSON web token could not be decoded');
  let ok: boolean;
  try {
    ok = verify('RSA-SHA256', Buffer.from(decoded.signingInput), publicKey, decoded.signature);
  } catch {
    ok = false;
  }
  if (!ok) return invalid('A JSON web token could not be decoded');
  const { iat, exp, iss } = decoded.payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds + 60)
    return invalid("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  if (typeof exp !== 'number' || exp <= nowSeconds)
    return invalid(
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  if (exp - iat > 600) return invalid("'Expiration time' claim ('exp') is too far in the future");
  return { kind: 'valid', issuer: String(iss) };
}

const invalid = (message: string): JwtCheck => ({ kind: 'invalid', message });
