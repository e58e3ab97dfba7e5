import { errorMessage } from '../../src/lib/errors.js';

/**
 * Edits one comment as a run progresses: at most one edit in flight, at most one every
 * `intervalMs`, always ending with the last state (intermediate states may be skipped).
 */
export class CommentUpdater {
  private pending: (() => string) | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastEdit = 0;
  private failed = false;

  constructor(
    private readonly edit: (body: string) => Promise<void>,
    private readonly log: (message: string) => void,
    private readonly intervalMs = 1_500,
  ) {}

  /** Asks for an edit with what `render` returns when the edit happens. */
  schedule(render: () => string): void {
    this.pending = render;
    if (this.timer || this.inFlight) return;
    const wait = Math.max(0, this.lastEdit + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
    this.timer.unref();
  }

  /** Writes `render()` now (after any edit in flight) and waits for it. */
  async flush(render: () => string): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = render;
    await this.inFlight;
    await this.run();
  }

  private async run(): Promise<void> {
    const render = this.pending;
    if (!render) return;
    this.pending = undefined;
    this.inFlight = this.edit(render())
      .catch((error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.log(`Cannot update the progress comment: ${errorMessage(error)}`);
      })
      .finally(() => {
        this.lastEdit = Date.now();
        this.inFlight = undefined;
        if (this.pending) this.schedule(this.pending);
      });
    await this.inFlight;
  }
}
