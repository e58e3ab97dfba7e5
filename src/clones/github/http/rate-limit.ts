/**
 * GitHub's rate limits, per credential: `core` 5,000 requests an hour, `search` 30 a minute,
 * `graphql` 5,000 points an hour (one a query here). A
 * clone started with `rateLimit` injects a tighter limit so agents can be tested on how they handle
 * 403 (primary limit) or 429 (secondary limit) answers.
 */
export type RateLimitOption = number | { limit: number; windowSeconds?: number; kind?: 'primary' | 'secondary' };

export type Resource = 'core' | 'search' | 'graphql';

export interface RateState {
  resource: Resource;
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds. */
  reset: number;
  exceeded: boolean;
}

interface Bucket {
  used: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  readonly kind: 'primary' | 'secondary';
  private readonly injected: { limit: number; windowMs: number } | undefined;

  constructor(option: RateLimitOption | undefined) {
    if (option === undefined) {
      this.kind = 'primary';
      return;
    }
    const spec = typeof option === 'number' ? { limit: option } : option;
    this.kind = spec.kind ?? 'primary';
    this.injected = { limit: spec.limit, windowMs: (spec.windowSeconds ?? 3600) * 1000 };
  }

  private spec(resource: Resource): { limit: number; windowMs: number } {
    if (this.injected) return this.injected;
    return resource === 'search' ? { limit: 30, windowMs: 60_000 } : { limit: 5000, windowMs: 3_600_000 };
  }

  /** Counts one request against `key`'s bucket. */
  take(key: string, resource: Resource, now: number): RateState {
    return this.state(key, resource, now, 1);
  }

  /** Gives back one request (a `304 Not Modified`, which GitHub does not count). */
  refund(key: string, resource: Resource, now: number): RateState {
    const bucket = this.buckets.get(`${resource}:${key}`);
    if (bucket && bucket.used > 0) bucket.used--;
    return this.state(key, resource, now, 0);
  }

  peek(key: string, resource: Resource, now: number): RateState {
    return this.state(key, resource, now, 0);
  }

  reset(): void {
    this.buckets.clear();
  }

  private state(key: string, resource: Resource, now: number, cost: number): RateState {
    const { limit, windowMs } = this.spec(resource);
    const id = `${resource}:${key}`;
    let bucket = this.buckets.get(id);
    if (!bucket || bucket.resetAt <= now) {
      bucket = { used: 0, resetAt: now + windowMs };
      this.buckets.set(id, bucket);
    }
    const exceeded = bucket.used + cost > limit;
    if (!exceeded) bucket.used += cost;
    return {
      resource,
      limit,
      remaining: Math.max(0, limit - bucket.used),
      used: bucket.used,
      reset: Math.ceil(bucket.resetAt / 1000),
      exceeded,
    };
  }
}

/** The `X-RateLimit-*` headers, as a flat [name, value, …] list. */
export function rateHeaders(state: RateState): string[] {
  return [
    'x-ratelimit-limit',
    String(state.limit),
    'x-ratelimit-remaining',
    String(state.remaining),
    'x-ratelimit-reset',
    String(state.reset),
    'x-ratelimit-used',
    String(state.used),
    'x-ratelimit-resource',
    state.resource,
  ];
}
