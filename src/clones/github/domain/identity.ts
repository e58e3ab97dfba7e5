import { noreplyEmail } from '../seed/defaults.js';
import type { UserRecord } from '../state/model.js';

/** Git identity of a user, as GitHub would write it for a web commit. */
export function identity(user: UserRecord): { name: string; email: string } {
  return { name: user.name ?? user.login, email: user.email ?? noreplyEmail(user.id, user.login) };
}
