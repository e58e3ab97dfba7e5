import type { UserRecord } from '../state/model.js';
import type { Store } from '../state/store.js';
import { unknown } from './errors.js';
import { isoSeconds, resolveTime } from './time.js';

/** Shared by the seed steps: the store being filled, the time anchor and the problems found so far. */
export class SeedBuilder {
  readonly problems: Array<{ path: string; message: string }> = [];
  /** Steps that need the organizations' teams, which are seeded after the repositories they name. */
  readonly afterTeams: Array<() => void> = [];

  constructor(
    readonly store: Store,
    readonly now: Date,
  ) {}

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  date(spec: string | null | undefined, fallback: Date): Date {
    return spec ? resolveTime(spec, this.now) : fallback;
  }

  time(spec: string | null | undefined, fallback: Date): string {
    return isoSeconds(this.date(spec, fallback));
  }

  /** A seeded user or organization, or a recorded problem. */
  account(login: string, path: string): UserRecord | undefined {
    const user = this.store.userByLogin(login);
    if (!user) {
      const logins = [...this.store.all('user')].map((u) => u.login);
      this.problem(path, unknown('user', login, logins));
    }
    return user;
  }

  /** A seeded user (not an organization), or a recorded problem. */
  user(login: string, path: string): UserRecord | undefined {
    const user = this.account(login, path);
    if (user && user.type === 'Organization') {
      this.problem(path, `"${login}" is an organization, not a user`);
      return undefined;
    }
    return user;
  }
}
