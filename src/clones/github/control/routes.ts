import { installApp } from '../domain/apps.js';
import { findCheckRun, requestAction } from '../domain/checks.js';
import { actorRole } from '../state/permissions.js';
import { setDraft } from '../domain/pulls.js';
import { isTreeMode } from '../git/format.js';
import { credential, resolveActor } from '../http/auth.js';
import { ApiError, notFound } from '../state/errors.js';
import { operationList } from '../operation-list.js';
import { findRepo } from '../routes/lookup.js';
import type { Seed } from '../seed/schema.js';
import { snapshot } from '../state/snapshot.js';
import { actingAs, requiredString, type ControlRoute } from './context.js';
import { createWorkflowRun } from './runs.js';

const ok = (body: unknown) => ({ status: 200, body });

/** The control API, under `/_archal/` (no GitHub path starts so). */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  { method: 'GET', path: /^\/_archal\/health$/, handle: ({ core }) => ok({ ok: true, seed: core.seedSource }) },
  {
    method: 'GET',
    path: /^\/_archal\/state$/,
    handle: ({ core }) => ok(snapshot(core.store, { seed: core.seedSource })),
  },
  {
    method: 'POST',
    path: /^\/_archal\/reset$/,
    handle: ({ core }) => {
      core.reset();
      return ok({ reset: true, seed: core.seedSource });
    },
  },
  {
    method: 'POST',
    path: /^\/_archal\/seed$/,
    handle: ({ core, body }) => {
      if (!('seed' in body)) throw new ApiError(422, 'Expected {"seed": "<name>"} or {"seed": {...seed object}}');
      // Named seeds and seed objects only: the control API never reads a file of the machine.
      return ok({ seeded: true, seed: core.reseed(body.seed as string | Seed, undefined, { files: false }) });
    },
  },
  {
    method: 'GET',
    path: /^\/_archal\/requests$/,
    handle: ({ core, query }) => {
      const since = query.get('since') ?? '0';
      if (!/^\d{1,15}$/.test(since))
        throw new ApiError(422, `since must be a request id (a whole number, 0 or more), not ${JSON.stringify(since)}`);
      const flag = query.get('not_implemented');
      if (flag !== null && flag !== 'true' && flag !== 'false')
        throw new ApiError(422, `not_implemented must be true or false, not ${JSON.stringify(flag)}`);
      return ok({
        requests: core.log.list({ since: Number(since), notImplemented: flag === null ? undefined : flag === 'true' }),
      });
    },
  },
  {
    method: 'DELETE',
    path: /^\/_archal\/requests$/,
    handle: ({ core }) => {
      core.log.clear();
      return ok({ cleared: true });
    },
  },
  {
    method: 'GET',
    path: /^\/_archal\/deliveries$/,
    handle: async ({ core, query }) => {
      if (query.get('wait') === 'true') await core.webhooks.idle();
      return ok({ deliveries: core.webhooks.list() });
    },
  },
  {
    method: 'GET',
    path: /^\/_archal\/operations$/,
    // The route table is loaded with the first request that needs it (see clone.ts).
    handle: async () => ok({ operations: operationList((await import('../routes/index.js')).ROUTES) }),
  },
  {
    method: 'POST',
    path: /^\/_archal\/check-runs\/(\d+)\/requested-action$/,
    handle: ({ core, body, groups }) => {
      const run = core.store.get('checkRun', Number(groups[0]));
      if (!run) throw notFound();
      const { ctx, user } = actingAs(core, body.user);
      const repo = core.store.get('repo', run.repoId)!;
      requestAction(ctx, repo, findCheckRun(ctx, repo, run.id), requiredString(body.identifier, 'identifier'), user);
      return ok({ deliveries: ctx.deliveries });
    },
  },
  {
    method: 'POST',
    path: /^\/_archal\/pulls\/([^/]+)\/([^/]+)\/(\d+)\/(ready-for-review|convert-to-draft)$/,
    handle: async ({ core, body, groups }) => {
      const { ctx } = actingAs(core, body.user);
      const repo = findRepo(ctx, groups[0]!, groups[1]!);
      const issue = repo ? core.store.issueByNumber(repo.id, Number(groups[2])) : undefined;
      const pull = issue?.pullId ? core.store.get('pull', issue.pullId) : undefined;
      if (!repo || !issue || !pull) throw notFound();
      await setDraft(ctx, repo, issue, pull, groups[3] === 'convert-to-draft');
      return ok({ draft: pull.draft, deliveries: ctx.deliveries });
    },
  },
  {
    method: 'POST',
    path: /^\/_archal\/installations$/,
    handle: ({ core, body }) => {
      const { ctx, user } = actingAs(core, body.user);
      const slug = requiredString(body.app, 'app');
      const app = [...core.store.all('app')].find((candidate) => candidate.slug === slug);
      if (!app) throw new ApiError(404, `unknown app "${slug}"`);
      const account = core.store.userByLogin(requiredString(body.account, 'account'));
      if (!account) throw new ApiError(404, `unknown account "${String(body.account)}"`);
      const { repositories } = body;
      // Absent or "all": every repository of the account, as the seed's `installations` say it.
      if (
        repositories !== undefined &&
        repositories !== 'all' &&
        !(Array.isArray(repositories) && repositories.every((name) => typeof name === 'string' && name !== ''))
      )
        throw new ApiError(
          422,
          `"repositories" must be "all" or a list of repository names of ${account.login}, not ${JSON.stringify(repositories)}`,
        );
      const repoIds = Array.isArray(repositories)
        ? repositories.map((name: string) => {
            const repo = findRepo(ctx, account.login, name);
            if (!repo) throw new ApiError(404, `unknown repository ${account.login}/${name}`);
            return repo.id;
          })
        : null;
      const installation = installApp(ctx, { app, accountId: account.id, repoIds, senderId: user.id });
      return { status: 201, body: { id: installation.id, deliveries: ctx.deliveries } };
    },
  },
  {
    method: 'POST',
    path: /^\/_archal\/faults$/,
    handle: ({ core, body }) => ({ status: 201, body: { fault: core.faults.add(body) } }),
  },
  {
    method: 'DELETE',
    path: /^\/_archal\/faults$/,
    handle: ({ core }) => {
      core.faults.clear();
      return ok({ cleared: true });
    },
  },
  {
    method: 'POST',
    path: /^\/_archal\/actions\/runs$/,
    handle: ({ core, body }) => ({ status: 201, body: createWorkflowRun(core, body) }),
  },
  {
    // The contents API's `download_url`: a raw file (a token is needed for private repositories).
    method: 'GET',
    path: /^\/_archal\/raw\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/,
    handle: ({ core, groups, headers }) => {
      const [owner, name, ref, path] = groups.map((part) => decodeURIComponent(part)) as [
        string,
        string,
        string,
        string,
      ];
      const { ctx } = actingAs(core, undefined);
      const repo = findRepo(ctx, owner, name);
      const token = credential(typeof headers.authorization === 'string' ? headers.authorization : undefined);
      const actor = resolveActor(core.store, token, core.unknownTokenUserId, core.now());
      if (!repo || !actorRole(core.store, actor, repo)) throw notFound();
      const sha = repo.git.resolveCommit(ref);
      const entry = sha ? repo.git.entryAt(repo.git.readCommit(sha)!.tree, path) : undefined;
      if (!entry || isTreeMode(entry.mode)) throw notFound();
      return { status: 200, raw: repo.git.readBlob(entry.sha) ?? Buffer.alloc(0) };
    },
  },
];
