import type { ApplicationFunction } from 'probot';
import { admit } from './admission.js';
import type { AppDb } from './db.js';
import type { JobQueue } from './queue/queue.js';
import { route, summarize } from './route.js';

export interface ArchalAppDeps {
  db: AppDb;
  queue: JobQueue;
  /** This App's id, to recognise its own check runs. */
  appId: number;
}

/**
 * The Probot app: every delivery is routed (from its payload alone) and admitted (stored, with its
 * job queued) before Probot acknowledges it. Nothing here calls GitHub or runs anything: workers do.
 */
export function archalApp(deps: ArchalAppDeps): ApplicationFunction {
  return (app) => {
    app.onAny(async (context) => {
      const payload = context.payload as unknown as Record<string, unknown>;
      const action = typeof payload.action === 'string' ? payload.action : null;
      const routed = route(context.name, payload, deps.appId);
      const admission = await admit(
        deps.db,
        deps.queue,
        { id: context.id, event: context.name, action, ...summarize(payload) },
        routed,
      );
      const what = `${context.name}${action ? `.${action}` : ''} ${context.id}`;
      switch (admission.outcome) {
        case 'queued':
          app.log.info(`${what}: queued job ${admission.jobId}`);
          break;
        case 'duplicate':
          app.log.info(`${what}: duplicate delivery, suppressed`);
          break;
        case 'suppressed':
          app.log.info(`${what}: suppressed (${admission.reason})`);
          break;
        case 'ignored':
          app.log.debug(`${what}: ignored (${admission.reason})`);
          break;
      }
    });
  };
}
