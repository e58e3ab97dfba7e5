import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okCountedPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { renderRepo } from '../render/repos.js';
import { actingUser } from '../state/actor.js';
import { ApiError } from '../state/errors.js';
import { NEED } from '../state/permissions.js';
import {
  ORG_VISIBILITIES,
  type OrgRecord,
  type OrgSecretRecord,
  type OrgVariableRecord,
  type OrgVisibility,
  type RepoRecord,
} from '../state/model.js';
import { actionsName, freeVariableName, named, namedParam } from './actions-names.js';
import { intParam, orgParam, repoParam, type OrgContext } from './lookup.js';
import { publicKeyOf, putSchema, renderSecret, sealedInput } from './secrets.js';
import { renderVariable } from './variables.js';

const scopeSchema = {
  visibility: z.enum(ORG_VISIBILITIES),
  selected_repository_ids: z.array(z.number().int()).optional(),
};
const secretSchema = putSchema.extend(scopeSchema);
const createVariableSchema = z.object({ name: z.string(), value: z.string(), ...scopeSchema });
const updateVariableSchema = z.object({
  name: z.string().optional(),
  value: z.string().optional(),
  visibility: scopeSchema.visibility.optional(),
  selected_repository_ids: scopeSchema.selected_repository_ids,
});

type Org = OrgContext;

/**
 * The `{org}` of the path, if the actor may manage its Actions secrets or variables: its owners
 * (admins), or an app installed on it with `permission` (`organization_secrets`,
 * `organization_actions_variables`). 404 for a user account or an unknown name, as GitHub answers.
 */
function orgAdminParam(ctx: RequestContext, permission: string, level: 'read' | 'write'): Org {
  const { account, org } = orgParam(ctx);
  if (ctx.actor.kind === 'installation') {
    const granted = ctx.actor.token.permissions[permission];
    if (ctx.actor.installation.accountId === org.id && (granted === 'write' || granted === level))
      return { account, org };
    throw new ApiError(403, 'Resource not accessible by integration');
  }
  const user = actingUser(ctx.actor);
  if (user && (user.siteAdmin || org.members.get(user.id) === 'admin')) return { account, org };
  throw new ApiError(
    403,
    `You must be an owner of the ${account.login} organization to manage its Actions secrets and variables.`,
  );
}

const secretsNeed = (ctx: RequestContext, level: 'read' | 'write') => orgAdminParam(ctx, 'organization_secrets', level);
const variablesNeed = (ctx: RequestContext, level: 'read' | 'write') =>
  orgAdminParam(ctx, 'organization_actions_variables', level);

const orgPublicKey = (org: OrgRecord) => publicKeyOf(`org:${org.id}`);

/**
 * Where a secret or variable applies: `selected` takes `selected_repository_ids`, each a repository of
 * the organization (422 otherwise); the others apply to every (or every private) repository of it.
 */
function scopeOf(
  ctx: RequestContext,
  { account }: Org,
  visibility: OrgVisibility,
  ids: number[] | undefined,
): { visibility: OrgVisibility; selectedRepoIds: number[] } {
  if (visibility !== 'selected') return { visibility, selectedRepoIds: [] };
  for (const id of ids ?? [])
    if (ctx.store.get('repo', id)?.ownerId !== account.id)
      throw new ApiError(
        422,
        `selected_repository_ids: ${id} is not a repository of the ${account.login} organization.`,
      );
  return { visibility, selectedRepoIds: [...new Set(ids ?? [])] };
}

/** What GitHub adds to an organization's secret or variable: its visibility, and where its selection is listed. */
function orgScoped(ctx: RequestContext, { account }: Org, path: string, record: OrgSecretRecord | OrgVariableRecord) {
  return {
    visibility: record.visibility,
    ...(record.visibility === 'selected'
      ? {
          selected_repositories_url: `${ctx.urls.api}/orgs/${account.login}/actions/${path}/${record.name}/repositories`,
        }
      : {}),
  };
}

const secretsOf = (ctx: RequestContext, { org }: Org) => ctx.store.where('orgSecret', `org:${org.id}`);
const variablesOf = (ctx: RequestContext, { org }: Org) => ctx.store.where('orgVariable', `org:${org.id}`);

const secretParam = (ctx: RequestContext, org: Org): OrgSecretRecord =>
  namedParam(secretsOf(ctx, org), ctx.params.secret_name);
const variableParam = (ctx: RequestContext, org: Org): OrgVariableRecord =>
  namedParam(variablesOf(ctx, org), ctx.params.name);

/** `…/{name}/repositories`: the repositories a `selected` secret or variable applies to (none for the others). */
function selectedRepos(ctx: RequestContext, record: OrgSecretRecord | OrgVariableRecord) {
  const repos = record.selectedRepoIds.flatMap((id) => ctx.store.get('repo', id) ?? []);
  return okCountedPage(ctx, repos, 'repositories', (repo) => renderRepo(ctx, repo));
}

/** Whether an organization's secret or variable reaches `repo`, by its visibility. */
function reaches(record: OrgSecretRecord | OrgVariableRecord, repo: RepoRecord): boolean {
  switch (record.visibility) {
    case 'all':
      return true;
    case 'private':
      return repo.private;
    case 'selected':
      return record.selectedRepoIds.includes(repo.id);
  }
}

/** The organization's records of `kind` that reach the `{owner}/{repo}` of the path (none when a user owns it). */
function reachingRepo<K extends 'orgSecret' | 'orgVariable'>(ctx: RequestContext, repo: RepoRecord, kind: K) {
  return byName(ctx.store.where(kind, `org:${repo.ownerId}`).filter((record) => reaches(record, repo)));
}

const selectionSchema = z.object({ selected_repository_ids: scopeSchema.selected_repository_ids.unwrap() });

/** What tells organization secrets and variables apart in the operations on their selected repositories. */
interface Selectable {
  kind: 'orgSecret' | 'orgVariable';
  /** The path segment and the docs page: `secrets`, `variables`. */
  plural: 'secrets' | 'variables';
  /** The path parameter that names one. */
  param: 'secret_name' | 'name';
  need: (ctx: RequestContext, level: 'read' | 'write') => Org;
  find: (ctx: RequestContext, org: Org) => OrgSecretRecord | OrgVariableRecord;
}

/**
 * Set, add and remove the repositories a `selected` secret or variable reaches (each a repository of
 * the organization, 422 otherwise); one with another visibility has none to manage (409, as GitHub
 * answers).
 */
function selectionRoutes({ kind, plural, param, need, find }: Selectable): RouteSpec[] {
  const noun = plural.slice(0, -1);
  const base = `/orgs/{org}/actions/${plural}/{${param}}/repositories`;
  const reselect = (ctx: RequestContext, change: (current: number[]) => number[]) => {
    const org = need(ctx, 'write');
    const record = find(ctx, org);
    if (record.visibility !== 'selected')
      throw new ApiError(
        409,
        `The visibility of the ${noun} ${record.name} is "${record.visibility}": set it to "selected" to choose its repositories.`,
      );
    const { selectedRepoIds } = scopeOf(ctx, org, 'selected', change(record.selectedRepoIds));
    ctx.store.update(ctx.journal, kind, record as never, { selectedRepoIds });
    return noContent();
  };
  const repositoryId = (ctx: RequestContext) => intParam(ctx, 'repository_id');
  return [
    {
      method: 'PUT',
      path: base,
      operationId: `actions/set-selected-repos-for-org-${noun}`,
      docs: `actions/${plural}#set-selected-repositories-for-an-organization-${noun}`,
      handler: (ctx) => {
        const input = parseBody(ctx, selectionSchema);
        return reselect(ctx, () => input.selected_repository_ids);
      },
    },
    {
      method: 'PUT',
      path: `${base}/{repository_id}`,
      operationId: `actions/add-selected-repo-to-org-${noun}`,
      docs: `actions/${plural}#add-selected-repository-to-an-organization-${noun}`,
      handler: (ctx) => reselect(ctx, (current) => [...current, repositoryId(ctx)]),
    },
    {
      method: 'DELETE',
      path: `${base}/{repository_id}`,
      operationId: `actions/remove-selected-repo-from-org-${noun}`,
      docs: `actions/${plural}#remove-selected-repository-from-an-organization-${noun}`,
      handler: (ctx) => reselect(ctx, (current) => current.filter((id) => id !== repositoryId(ctx))),
    },
  ];
}

const byName = <T extends { name: string }>(items: T[]) => items.sort((a, b) => a.name.localeCompare(b.name));

export const orgActionsRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/orgs/{org}/actions/secrets',
    operationId: 'actions/list-org-secrets',
    docs: 'actions/secrets#list-organization-secrets',
    handler: (ctx) => {
      const org = secretsNeed(ctx, 'read');
      const secrets = byName(secretsOf(ctx, org));
      return okCountedPage(ctx, secrets, 'secrets', (secret) => ({
        ...renderSecret(secret),
        ...orgScoped(ctx, org, 'secrets', secret),
      }));
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/secrets/public-key',
    operationId: 'actions/get-org-public-key',
    docs: 'actions/secrets#get-an-organization-public-key',
    handler: (ctx) => ok(orgPublicKey(secretsNeed(ctx, 'read').org)),
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/secrets/{secret_name}',
    operationId: 'actions/get-org-secret',
    docs: 'actions/secrets#get-an-organization-secret',
    handler: (ctx) => {
      const org = secretsNeed(ctx, 'read');
      const secret = secretParam(ctx, org);
      return ok({ ...renderSecret(secret), ...orgScoped(ctx, org, 'secrets', secret) });
    },
  },
  {
    method: 'PUT',
    path: '/orgs/{org}/actions/secrets/{secret_name}',
    operationId: 'actions/create-or-update-org-secret',
    docs: 'actions/secrets#create-or-update-an-organization-secret',
    handler: (ctx) => {
      const org = secretsNeed(ctx, 'write');
      const name = actionsName(ctx.params.secret_name ?? '', 'Secret');
      const input = sealedInput(parseBody(ctx, secretSchema), orgPublicKey(org.org), 'organization');
      const patch = {
        encryptedValue: input.encrypted_value,
        keyId: input.key_id,
        ...scopeOf(ctx, org, input.visibility, input.selected_repository_ids),
        updatedAt: ctx.now,
      };
      const existing = named(secretsOf(ctx, org), name);
      if (existing) {
        ctx.store.update(ctx.journal, 'orgSecret', existing, patch);
        return noContent();
      }
      ctx.store.insert(ctx.journal, 'orgSecret', {
        id: ctx.store.nextId('orgSecret'),
        orgId: org.org.id,
        name,
        createdAt: ctx.now,
        ...patch,
      });
      return created({});
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/secrets/{secret_name}/repositories',
    operationId: 'actions/list-selected-repos-for-org-secret',
    docs: 'actions/secrets#list-selected-repositories-for-an-organization-secret',
    handler: (ctx) => selectedRepos(ctx, secretParam(ctx, secretsNeed(ctx, 'read'))),
  },
  {
    method: 'DELETE',
    path: '/orgs/{org}/actions/secrets/{secret_name}',
    operationId: 'actions/delete-org-secret',
    docs: 'actions/secrets#delete-an-organization-secret',
    handler: (ctx) => {
      const org = secretsNeed(ctx, 'write');
      ctx.store.remove(ctx.journal, 'orgSecret', secretParam(ctx, org));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/variables',
    operationId: 'actions/list-org-variables',
    docs: 'actions/variables#list-organization-variables',
    handler: (ctx) => {
      const org = variablesNeed(ctx, 'read');
      const variables = byName(variablesOf(ctx, org));
      return okCountedPage(ctx, variables, 'variables', (variable) => ({
        ...renderVariable(variable),
        ...orgScoped(ctx, org, 'variables', variable),
      }));
    },
  },
  {
    method: 'POST',
    path: '/orgs/{org}/actions/variables',
    operationId: 'actions/create-org-variable',
    docs: 'actions/variables#create-an-organization-variable',
    handler: (ctx) => {
      const org = variablesNeed(ctx, 'write');
      const input = parseBody(ctx, createVariableSchema);
      ctx.store.insert(ctx.journal, 'orgVariable', {
        id: ctx.store.nextId('orgVariable'),
        orgId: org.org.id,
        name: freeVariableName(variablesOf(ctx, org), input.name),
        value: input.value,
        ...scopeOf(ctx, org, input.visibility, input.selected_repository_ids),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      return created({});
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/variables/{name}',
    operationId: 'actions/get-org-variable',
    docs: 'actions/variables#get-an-organization-variable',
    handler: (ctx) => {
      const org = variablesNeed(ctx, 'read');
      const variable = variableParam(ctx, org);
      return ok({ ...renderVariable(variable), ...orgScoped(ctx, org, 'variables', variable) });
    },
  },
  {
    method: 'PATCH',
    path: '/orgs/{org}/actions/variables/{name}',
    operationId: 'actions/update-org-variable',
    docs: 'actions/variables#update-an-organization-variable',
    handler: (ctx) => {
      const org = variablesNeed(ctx, 'write');
      const variable = variableParam(ctx, org);
      const input = parseBody(ctx, updateVariableSchema);
      ctx.store.update(ctx.journal, 'orgVariable', variable, {
        name: input.name === undefined ? variable.name : freeVariableName(variablesOf(ctx, org), input.name, variable),
        value: input.value ?? variable.value,
        ...scopeOf(
          ctx,
          org,
          input.visibility ?? variable.visibility,
          input.selected_repository_ids ?? variable.selectedRepoIds,
        ),
        updatedAt: ctx.now,
      });
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/variables/{name}/repositories',
    operationId: 'actions/list-selected-repos-for-org-variable',
    docs: 'actions/variables#list-selected-repositories-for-an-organization-variable',
    handler: (ctx) => selectedRepos(ctx, variableParam(ctx, variablesNeed(ctx, 'read'))),
  },
  {
    method: 'DELETE',
    path: '/orgs/{org}/actions/variables/{name}',
    operationId: 'actions/delete-org-variable',
    docs: 'actions/variables#delete-an-organization-variable',
    handler: (ctx) => {
      const org = variablesNeed(ctx, 'write');
      ctx.store.remove(ctx.journal, 'orgVariable', variableParam(ctx, org));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/organization-secrets',
    operationId: 'actions/list-repo-organization-secrets',
    docs: 'actions/secrets#list-repository-organization-secrets',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.secretsRead);
      return okCountedPage(ctx, reachingRepo(ctx, repo, 'orgSecret'), 'secrets', renderSecret);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/organization-variables',
    operationId: 'actions/list-repo-organization-variables',
    docs: 'actions/variables#list-repository-organization-variables',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.variablesRead);
      return okCountedPage(ctx, reachingRepo(ctx, repo, 'orgVariable'), 'variables', renderVariable);
    },
  },
  ...selectionRoutes({
    kind: 'orgSecret',
    plural: 'secrets',
    param: 'secret_name',
    need: secretsNeed,
    find: secretParam,
  }),
  ...selectionRoutes({
    kind: 'orgVariable',
    plural: 'variables',
    param: 'name',
    need: variablesNeed,
    find: variableParam,
  }),
];
