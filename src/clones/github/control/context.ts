import type { CloneCore } from '../core.js';
import { requestContext, type DomainContext } from '../domain/context.js';
import { ApiError } from '../state/errors.js';
import { nextRequestId } from '../http/request-id.js';
import type { UserRecord } from '../state/model.js';
import { Journal } from '../state/store.js';

export type Json = Record<string, unknown>;

/** A control request: the body, query and the path's captured groups. */
export interface ControlRequest {
  core: CloneCore;
  body: Json;
  query: URLSearchParams;
  groups: string[];
  headers: Record<string, string | string[] | undefined>;
}

export type ControlReply = { status: number; body: unknown } | { status: number; raw: Buffer };

export interface ControlRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Matched against the path without its trailing slash. */
  path: RegExp;
  handle: (request: ControlRequest) => ControlReply | Promise<ControlReply>;
}

/** A context for what the control API does on someone's behalf (a person clicking in the web UI). */
export function actingAs(core: CloneCore, login: unknown): { ctx: DomainContext; user: UserRecord } {
  const user = typeof login === 'string' ? core.store.userByLogin(login) : core.store.get('user', core.defaultUserId);
  if (!user) throw new ApiError(422, `unknown user "${String(login)}"`);
  const ctx = requestContext(core, {
    actor: { kind: 'user', user },
    journal: new Journal(),
    requestId: nextRequestId(),
  });
  return { ctx, user };
}

export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new ApiError(422, `"${name}" must be a non-empty string`);
  return value;
}
