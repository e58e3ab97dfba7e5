import { deliveryGuid, signature1, signature256 } from './sign.js';

export interface WebhookConfig {
  url: string;
  secret?: string;
  /** Deliver only these events (default: all). */
  events?: string[];
  /** Attempts after the first one (default 3). */
  retries?: number;
  /** Delay before the first retry; doubles each time (default 500 ms). */
  retryDelayMs?: number;
  /** Per-attempt timeout (GitHub's is 10 s). */
  timeoutMs?: number;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  id: string;
  event: string;
  action: string | null;
  requestId: string | null;
  url: string | null;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  payload: unknown;
  createdAt: string;
}

const MAX_KEPT = 2_000;

/**
 * Sends deliveries one at a time, in the order the changes happened, with retries; every delivery
 * is kept (the newest 2,000) with its attempts, so a failure is visible, never silent.
 */
export class WebhookDispatcher {
  private readonly deliveries: Delivery[] = [];
  private queue: Array<{ delivery: Delivery; body: string }> = [];
  private running: Promise<void> | undefined;
  private readonly controller = new AbortController();
  private readonly waiters: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly config: WebhookConfig | undefined,
    private readonly onFailure: (delivery: Delivery) => void = () => {},
  ) {}

  /** Whether payloads are worth building at all (a URL is configured and listens for `event`). */
  wants(event: string): boolean {
    if (!this.config || this.stopped) return false;
    return !this.config.events || this.config.events.includes(event) || this.config.events.includes('*');
  }

  enqueue(event: string, payload: Record<string, unknown>, requestId: string | null): Delivery | undefined {
    if (!this.wants(event)) return undefined;
    const delivery: Delivery = {
      id: deliveryGuid(),
      event,
      action: typeof payload.action === 'string' ? payload.action : null,
      requestId,
      url: this.config!.url,
      status: 'pending',
      attempts: [],
      payload,
      createdAt: new Date().toISOString(),
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT) this.deliveries.splice(0, this.deliveries.length - MAX_KEPT);
    this.queue.push({ delivery, body: JSON.stringify(payload) });
    this.running ??= this.drain();
    return delivery;
  }

  list(): Delivery[] {
    return [...this.deliveries];
  }

  /** Resolves when every queued delivery has been delivered or has failed for good. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
    for (const { delivery } of this.queue) if (delivery.status === 'pending') delivery.status = 'failed';
    this.queue = [];
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const next = this.queue.shift()!;
      await this.deliver(next.delivery, next.body);
    }
    this.running = undefined;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async deliver(delivery: Delivery, body: string): Promise<void> {
    const config = this.config!;
    const retries = config.retries ?? 3;
    let delay = config.retryDelayMs ?? 500;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/archal',
      'x-github-event': delivery.event,
      'x-github-delivery': delivery.id,
      'x-github-hook-id': '1',
      'x-github-hook-installation-target-type': 'integration',
    };
    if (config.secret) {
      headers['x-hub-signature-256'] = signature256(config.secret, body);
      headers['x-hub-signature'] = signature1(config.secret, body);
    }
    for (let attempt = 0; attempt <= retries && !this.stopped; attempt++) {
      if (attempt > 0) {
        await sleep(delay, this.controller.signal);
        delay *= 2;
      }
      const started = performance.now();
      const record: DeliveryAttempt = { at: new Date().toISOString(), status: null, error: null, durationMs: 0 };
      try {
        const response = await fetch(config.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.any([this.controller.signal, AbortSignal.timeout(config.timeoutMs ?? 10_000)]),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.status = response.status;
        if (!response.ok) record.error = `HTTP ${response.status}`;
      } catch (error) {
        record.error =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      }
      record.durationMs = Math.round(performance.now() - started);
      delivery.attempts.push(record);
      if (record.error === null) {
        delivery.status = 'delivered';
        return;
      }
    }
    delivery.status = 'failed';
    if (!this.stopped) this.onFailure(delivery);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
