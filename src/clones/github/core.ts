import { randomBytes } from 'node:crypto';
import { Faults } from './http/faults.js';
import { protectionMergeState } from './domain/merge-protection.js';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KeyedMutex } from './state/locks.js';
import type { RateLimitOption } from './http/rate-limit.js';
import { RateLimiter } from './http/rate-limit.js';
import { ResponseCache } from './http/response-cache.js';
import { Redactor } from './redact.js';
import { Urls } from './render/urls.js';
import { RequestLog } from './request-log.js';
import { applySeed } from './seed/apply.js';
import { loadSeed, type SeedFileRules } from './seed/named.js';
import type { ParsedSeed, Seed } from './seed/schema.js';
import { BlobStore } from './state/blobs.js';
import type { Store } from './state/store.js';
import { isoSeconds } from './seed/time.js';
import { WebhookDispatcher, type Delivery, type WebhookConfig } from './webhooks/dispatcher.js';

export interface CoreConfig {
  /** Unknown tokens get `401 Bad credentials` instead of acting as the seed's default user. */
  strictTokens?: boolean;
  webhook?: WebhookConfig;
  rateLimit?: RateLimitOption;
  maxBodyBytes: number;
  clock: () => Date;
  logCapacity?: number;
  /** Where problems (failed webhook deliveries, internal errors) are reported. */
  warn: (line: string) => void;
}

/** A small bounded cache (insertion order eviction) for values derived from immutable git objects. */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity = 500) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * The state of one clone instance: the current store (replaced wholesale on reset/seed), the
 * request log, webhooks, locks and limits. Each seed application gets a fresh directory of bare
 * repositories, so a reset never races with git processes still reading the previous one.
 */
export class CloneCore {
  store!: Store;
  defaultUserId!: number;
  seed!: ParsedSeed;
  seedSource = 'seed';
  readonly redactor = new Redactor();
  readonly log: RequestLog;
  readonly webhooks: WebhookDispatcher;
  readonly locks = new KeyedMutex();
  /** Failures injected through the control API, struck before a REST request is served. */
  readonly faults = new Faults();
  readonly limiter: RateLimiter;
  readonly cache = new BoundedCache<unknown>();
  /** How pullStats learns what branch protection has against a merge (`mergeable_state`). */
  readonly mergeBlocker = protectionMergeState;
  /** Rendered answers of cacheable read routes, valid while the store stays at one version. */
  readonly responses = new ResponseCache();
  /** Signs blob URLs and runtime tokens; never leaves the process. */
  readonly signingKey = randomBytes(32);
  /** Artifact bytes, beside the repositories of the current seed application. */
  blobs!: BlobStore;
  /** `http://127.0.0.1:PORT` once listening. */
  base = '';
  urls = new Urls('', '');
  urlsV3 = new Urls('', '');
  /** The URLs of requests that came through route mode's proxy, addressed to api.github.com. */
  readonly urlsGitHub = new Urls('https://api.github.com', 'https://github.com');
  private generation = 0;
  private reposDir = '';

  constructor(
    readonly dir: string,
    readonly token: string,
    readonly config: CoreConfig,
  ) {
    this.redactor.add(token);
    this.log = new RequestLog(this.redactor, config.logCapacity);
    this.webhooks = new WebhookDispatcher(config.webhook, (delivery: Delivery) =>
      config.warn(
        `webhook ${delivery.event} ${delivery.id} failed after ${delivery.attempts.length} attempts: ${delivery.attempts.at(-1)?.error ?? 'unknown error'}`,
      ),
    );
    this.limiter = new RateLimiter(config.rateLimit);
  }

  /** Who unknown tokens act as: the default user, or nobody with strict tokens (option or seed). */
  get unknownTokenUserId(): number | null {
    return this.config.strictTokens || this.seed.strictTokens ? null : this.defaultUserId;
  }

  setBase(base: string): void {
    this.base = base;
    this.urls = new Urls(base, base);
    this.urlsV3 = new Urls(`${base}/api/v3`, base);
  }

  now(): Date {
    return this.config.clock();
  }

  nowIso(): string {
    const now = this.config.clock();
    const second = Math.floor(now.getTime() / 1000);
    if (second !== this.isoSecond) {
      this.isoSecond = second;
      this.isoText = isoSeconds(now);
    }
    return this.isoText;
  }

  private isoSecond = -1;
  private isoText = '';

  get repositoriesDir(): string {
    return this.reposDir;
  }

  /** Replaces the whole state with `seed` (throws SeedError and keeps the current state if it is invalid). */
  applySeed(seed: ParsedSeed, source: string): void {
    const generation = this.generation + 1;
    const reposDir = join(this.dir, `gen-${generation}`);
    mkdirSync(reposDir, { recursive: true });
    let applied;
    try {
      applied = applySeed(seed, {
        reposDir,
        now: this.now(),
        defaultToken: this.token,
        source: source === 'custom' ? 'seed' : `seed ${source}`,
      });
    } catch (error) {
      rmSync(reposDir, { recursive: true, force: true });
      throw error;
    }
    const previous = this.reposDir;
    this.generation = generation;
    this.reposDir = reposDir;
    this.store = applied.store;
    this.blobs = new BlobStore(join(reposDir, 'blobs'));
    this.defaultUserId = applied.defaultUserId;
    this.seed = seed;
    this.seedSource = source;
    this.limiter.reset();
    for (const record of this.store.all('token')) this.redactor.add(record.token);
    // node:fs/promises only here (a reseed): loading it cost every clone's start.
    if (previous)
      void process
        .getBuiltinModule('node:fs/promises')
        .rm(previous, { recursive: true, force: true })
        .catch(() => undefined);
  }

  /** Back to the seed last applied; the request log starts over. */
  reset(): void {
    this.faults.clear();
    this.applySeed(this.seed, this.seedSource);
    this.log.clear();
  }

  /** Replaces the state with another seed (a name, a file relative to `cwd`, or an object); the request log starts over. */
  reseed(input: string | Seed, cwd?: string, rules?: SeedFileRules): string {
    const loaded = loadSeed(input, cwd, rules);
    this.applySeed(loaded.seed, loaded.source);
    this.log.clear();
    return loaded.source;
  }
}
