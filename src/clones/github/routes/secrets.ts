import { createHash } from 'node:crypto';
import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okCountedPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { ApiError } from '../state/errors.js';
import type { RepoRecord, SecretRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { actionsName, named, namedParam } from './actions-names.js';
import { repoParam } from './lookup.js';

/** A sealed box is the sender's 32-byte ephemeral public key and a 16-byte MAC ahead of the ciphertext. */
const SEALED_BOX_OVERHEAD = 48;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const putSchema = z.object({ encrypted_value: z.string(), key_id: z.string() });

/**
 * The public key for sealing the secrets of `scope` (a repository's or an organization's): 32 bytes,
 * fixed per scope, so a client may fetch it once. Any 32 bytes are a valid X25519 public key; nobody
 * here ever opens the boxes.
 */
export function publicKeyOf(scope: string): { key_id: string; key: string } {
  const key = createHash('sha256').update(`actions-secrets:${scope}`).digest();
  const keyId = BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 15)}`).toString();
  return { key_id: keyId, key: key.toString('base64') };
}

export const repoPublicKey = (repo: RepoRecord) => publicKeyOf(String(repo.id));

/** A sealed value as `PUT …/secrets/{name}` sends it: refused (422) unless sealed with `key`, the owner's current key. */
export function sealedInput<T extends z.infer<typeof putSchema>>(input: T, key: { key_id: string }, owner: string): T {
  if (input.key_id !== key.key_id)
    throw new ApiError(
      422,
      `key_id '${input.key_id}' is not the ${owner}'s current public key; fetch it again from actions/secrets/public-key.`,
    );
  const sealed = BASE64.test(input.encrypted_value) ? Buffer.from(input.encrypted_value, 'base64') : undefined;
  if (!sealed || sealed.length < SEALED_BOX_OVERHEAD)
    throw new ApiError(
      422,
      `encrypted_value must be a base64 libsodium sealed box made with the ${owner}'s public key.`,
    );
  return input;
}

const secretName = (ctx: RequestContext): string => actionsName(ctx.params.secret_name ?? '', 'Secret');

const secretsOf = (ctx: RequestContext, repo: RepoRecord): SecretRecord[] =>
  ctx.store.where('secret', `repo:${repo.id}`);

/** What GitHub shows of a secret: its name and dates, never its value. */
export const renderSecret = (secret: Pick<SecretRecord, 'name' | 'createdAt' | 'updatedAt'>) => ({
  name: secret.name,
  created_at: secret.createdAt,
  updated_at: secret.updatedAt,
});

export const secretRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/secrets',
    operationId: 'actions/list-repo-secrets',
    docs: 'actions/secrets#list-repository-secrets',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.secretsRead);
      const secrets = ctx.store.where('secret', `repo:${repo.id}`).sort((a, b) => a.name.localeCompare(b.name));
      return okCountedPage(ctx, secrets, 'secrets', renderSecret);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/secrets/public-key',
    operationId: 'actions/get-repo-public-key',
    docs: 'actions/secrets#get-a-repository-public-key',
    handler: (ctx) => ok(repoPublicKey(repoParam(ctx, NEED.secretsRead))),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
    operationId: 'actions/get-repo-secret',
    docs: 'actions/secrets#get-a-repository-secret',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.secretsRead);
      const secret = namedParam(secretsOf(ctx, repo), ctx.params.secret_name);
      return ok(renderSecret(secret));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
    operationId: 'actions/create-or-update-repo-secret',
    docs: 'actions/secrets#create-or-update-a-repository-secret',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.secretsWrite);
      const name = secretName(ctx);
      const input = sealedInput(parseBody(ctx, putSchema), repoPublicKey(repo), 'repository');
      const existing = named(secretsOf(ctx, repo), name);
      const patch = { encryptedValue: input.encrypted_value, keyId: input.key_id, updatedAt: ctx.now };
      if (existing) {
        ctx.store.update(ctx.journal, 'secret', existing, patch);
        return noContent();
      }
      ctx.store.insert(ctx.journal, 'secret', {
        id: ctx.store.nextId('secret'),
        repoId: repo.id,
        name,
        createdAt: ctx.now,
        ...patch,
      });
      return created({});
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
    operationId: 'actions/delete-repo-secret',
    docs: 'actions/secrets#delete-a-repository-secret',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.secretsWrite);
      const secret = namedParam(secretsOf(ctx, repo), ctx.params.secret_name);
      ctx.store.remove(ctx.journal, 'secret', secret);
      return noContent();
    },
  },
];
