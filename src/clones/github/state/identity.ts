import type { UserRecord } from './model.js';

/** A noreply address like GitHub's, for commits of users without a public email. */
export const noreplyEmail = (id: number, login: string) => `${id}+${login}@users.noreply.github.com`;

/** Git identity of a user, as GitHub would write it for a web commit. */
export function identity(user: UserRecord): { name: string; email: string } {
  return { name: user.name ?? user.login, email: user.email ?? noreplyEmail(user.id, user.login) };
}
