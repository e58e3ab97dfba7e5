import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed URL allows: `r` read, `cw` create and write (an upload). */
export type SignedPermission = 'r' | 'cw';

export type SignatureCheck = { kind: 'valid' } | { kind: 'invalid'; status: 403; code: string; message: string };

const VERSION = '2024-11-04';

function signature(key: Buffer, permission: SignedPermission, expiry: string, path: string): string {
  return createHmac('sha256', key)
    .update(`${permission}\n${expiry}\n${decodeURIComponent(path)}`)
    .digest('base64');
}

/**
 * A shared-access-signature query for `path`, shaped as Azure Blob Storage's (`sv`, `se`, `sr`,
 * `sp`, `sig`): whoever holds the URL may do `permission` on that one path until `expiry`.
 */
export function signQuery(key: Buffer, path: string, permission: SignedPermission, expiry: Date): string {
  const se = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const query = new URLSearchParams({
    sv: VERSION,
    se,
    sr: 'b',
    sp: permission,
    sig: signature(key, permission, se, path),
  });
  return query.toString();
}

/** Whether `query` signs `path` for `needed`, unexpired (Azure's 403 codes otherwise). */
export function checkSignature(
  key: Buffer,
  path: string,
  query: URLSearchParams,
  needed: 'r' | 'w',
  now: Date,
): SignatureCheck {
  const sig = query.get('sig');
  const se = query.get('se');
  const sp = query.get('sp');
  const fail = (code: string, message: string): SignatureCheck => ({ kind: 'invalid', status: 403, code, message });
  if (!sig || !se || (sp !== 'r' && sp !== 'cw'))
    return fail('AuthenticationFailed', 'Server failed to authenticate the request: the URL is not signed.');
  const expected = Buffer.from(signature(key, sp, se, path));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return fail('AuthenticationFailed', 'Signature did not match.');
  if (Date.parse(se) <= now.getTime()) return fail('AuthenticationFailed', 'Signed expiry time has passed.');
  if (!sp.includes(needed))
    return fail(
      'AuthorizationPermissionMismatch',
      'This request is not authorized to perform this operation using this permission.',
    );
  return { kind: 'valid' };
}
