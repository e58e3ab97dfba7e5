import type { AppRecord, InstallationRecord, TokenRecord, UserRecord } from './model.js';

/** Who a request acts as, from its credentials. */
export type Actor =
  | { kind: 'user'; user: UserRecord }
  | {
      kind: 'installation';
      /** The app's bot account (`<slug>[bot]`). */
      user: UserRecord;
      app: AppRecord;
      installation: InstallationRecord;
      token: Extract<TokenRecord, { kind: 'installation' }>;
    }
  | { kind: 'app'; app: AppRecord }
  | { kind: 'anonymous' };

/** The account an action is attributed to (the bot for installations); undefined for app JWTs. */
export function actingUser(actor: Actor): UserRecord | undefined {
  switch (actor.kind) {
    case 'user':
    case 'installation':
      return actor.user;
    case 'app':
    case 'anonymous':
      return undefined;
  }
}

/** The rate-limit bucket and the name used in messages. */
export function actorKey(actor: Actor): { key: string; label: string } {
  switch (actor.kind) {
    case 'user':
      return { key: `user:${actor.user.id}`, label: `user ID ${actor.user.id}` };
    case 'installation':
      return { key: `installation:${actor.installation.id}`, label: `installation ID ${actor.installation.id}` };
    case 'app':
      return { key: `app:${actor.app.id}`, label: `app ID ${actor.app.id}` };
    case 'anonymous':
      return { key: 'anonymous', label: '127.0.0.1' };
  }
}
