import { parseBody } from '../http/input.js';
import { okCountedPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type {
  EnvironmentRecord,
  EnvironmentSecretRecord,
  EnvironmentVariableRecord,
  RepoRecord,
} from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { actionsName, freeVariableName, namedParam } from './actions-names.js';
import {
  applyProtection,
  environmentParam,
  findEnvironment,
  protectionInput,
  removeBranchPolicies,
  renderProtection,
} from './environment-rules.js';
import { repoParam } from './lookup.js';
import { publicKeyOf, putSchema, renderSecret, sealedInput } from './secrets.js';
import { createSchema, renderVariable, updateSchema } from './variables.js';

/** An environment as GitHub shows it. */
function renderEnvironment(ctx: RequestContext, repo: RepoRecord, environment: EnvironmentRecord) {
  const name = fullName(ctx, repo);
  const path = encodeURIComponent(environment.name);
  return {
    id: environment.id,
    node_id: nodeId('Environment', environment.id),
    name: environment.name,
    url: `${ctx.urls.repo(name)}/environments/${path}`,
    html_url: `${ctx.urls.repoHtml(name)}/settings/environments/${environment.id}/edit`,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
    ...renderProtection(ctx, environment),
  };
}

const environmentKey = (environment: EnvironmentRecord) => publicKeyOf(`environment:${environment.id}`);

const secretParam = (ctx: RequestContext, environment: EnvironmentRecord): EnvironmentSecretRecord =>
  namedParam(ctx.store.where('environmentSecret', `environment:${environment.id}`), ctx.params.secret_name);

const variablesOf = (ctx: RequestContext, environment: EnvironmentRecord) =>
  ctx.store.where('environmentVariable', `environment:${environment.id}`);

const variableParam = (ctx: RequestContext, environment: EnvironmentRecord): EnvironmentVariableRecord =>
  namedParam(variablesOf(ctx, environment), ctx.params.name);

export const environmentRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments',
    operationId: 'repos/get-all-environments',
    docs: 'deployments/environments#list-environments',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.metadata);
      const environments = ctx.store
        .where('environment', `repo:${repo.id}`)
        .sort((a, b) => a.name.localeCompare(b.name));
      return okCountedPage(ctx, environments, 'environments', (env) => renderEnvironment(ctx, repo, env));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    operationId: 'repos/get-environment',
    docs: 'deployments/environments#get-an-environment',
    handler: (ctx) => {
      const { repo, environment } = environmentParam(ctx, NEED.metadata);
      return ok(renderEnvironment(ctx, repo, environment));
    },
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    operationId: 'repos/create-or-update-environment',
    docs: 'deployments/environments#create-or-update-an-environment',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.admin);
      const existing = findEnvironment(ctx, repo);
      const protection = protectionInput(ctx, repo, existing);
      const environment =
        existing ??
        ctx.store.insert(ctx.journal, 'environment', {
          id: ctx.store.nextId('environment'),
          repoId: repo.id,
          name: ctx.params.environment_name ?? '',
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      applyProtection(ctx, environment, protection);
      return ok(renderEnvironment(ctx, repo, environment));
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    operationId: 'repos/delete-an-environment',
    docs: 'deployments/environments#delete-an-environment',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.admin);
      for (const secret of ctx.store.where('environmentSecret', `environment:${environment.id}`))
        ctx.store.remove(ctx.journal, 'environmentSecret', secret);
      for (const variable of ctx.store.where('environmentVariable', `environment:${environment.id}`))
        ctx.store.remove(ctx.journal, 'environmentVariable', variable);
      removeBranchPolicies(ctx, environment);
      ctx.store.remove(ctx.journal, 'environment', environment);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
    operationId: 'actions/list-environment-secrets',
    docs: 'actions/secrets#list-environment-secrets',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.secretsRead);
      const secrets = ctx.store
        .where('environmentSecret', `environment:${environment.id}`)
        .sort((a, b) => a.name.localeCompare(b.name));
      return okCountedPage(ctx, secrets, 'secrets', renderSecret);
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key',
    operationId: 'actions/get-environment-public-key',
    docs: 'actions/secrets#get-an-environment-public-key',
    handler: (ctx) => ok(environmentKey(environmentParam(ctx, NEED.secretsRead).environment)),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
    operationId: 'actions/get-environment-secret',
    docs: 'actions/secrets#get-an-environment-secret',
    handler: (ctx) => ok(renderSecret(secretParam(ctx, environmentParam(ctx, NEED.secretsRead).environment))),
  },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
    operationId: 'actions/create-or-update-environment-secret',
    docs: 'actions/secrets#create-or-update-an-environment-secret',
    handler: (ctx) => {
      const { repo, environment } = environmentParam(ctx, NEED.secretsWrite);
      const name = actionsName(ctx.params.secret_name ?? '', 'Secret');
      const input = sealedInput(parseBody(ctx, putSchema), environmentKey(environment), 'environment');
      const patch = { encryptedValue: input.encrypted_value, keyId: input.key_id, updatedAt: ctx.now };
      const existing = ctx.store
        .where('environmentSecret', `environment:${environment.id}`)
        .find((candidate) => candidate.name === name);
      if (existing) {
        ctx.store.update(ctx.journal, 'environmentSecret', existing, patch);
        return noContent();
      }
      ctx.store.insert(ctx.journal, 'environmentSecret', {
        id: ctx.store.nextId('environmentSecret'),
        repoId: repo.id,
        environmentId: environment.id,
        name,
        createdAt: ctx.now,
        ...patch,
      });
      return created({});
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
    operationId: 'actions/delete-environment-secret',
    docs: 'actions/secrets#delete-an-environment-secret',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.secretsWrite);
      ctx.store.remove(ctx.journal, 'environmentSecret', secretParam(ctx, environment));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables',
    operationId: 'actions/list-environment-variables',
    docs: 'actions/variables#list-environment-variables',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.variablesRead);
      const variables = variablesOf(ctx, environment).sort((a, b) => a.name.localeCompare(b.name));
      return okCountedPage(ctx, variables, 'variables', renderVariable);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables',
    operationId: 'actions/create-environment-variable',
    docs: 'actions/variables#create-an-environment-variable',
    handler: (ctx) => {
      const { repo, environment } = environmentParam(ctx, NEED.variablesWrite);
      const input = parseBody(ctx, createSchema);
      ctx.store.insert(ctx.journal, 'environmentVariable', {
        id: ctx.store.nextId('environmentVariable'),
        repoId: repo.id,
        environmentId: environment.id,
        name: freeVariableName(variablesOf(ctx, environment), input.name),
        value: input.value,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      return created({});
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
    operationId: 'actions/get-environment-variable',
    docs: 'actions/variables#get-an-environment-variable',
    handler: (ctx) => ok(renderVariable(variableParam(ctx, environmentParam(ctx, NEED.variablesRead).environment))),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
    operationId: 'actions/update-environment-variable',
    docs: 'actions/variables#update-an-environment-variable',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.variablesWrite);
      const variable = variableParam(ctx, environment);
      const input = parseBody(ctx, updateSchema);
      ctx.store.update(ctx.journal, 'environmentVariable', variable, {
        name:
          input.name === undefined
            ? variable.name
            : freeVariableName(variablesOf(ctx, environment), input.name, variable),
        value: input.value ?? variable.value,
        updatedAt: ctx.now,
      });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
    operationId: 'actions/delete-environment-variable',
    docs: 'actions/variables#delete-an-environment-variable',
    handler: (ctx) => {
      const { environment } = environmentParam(ctx, NEED.variablesWrite);
      ctx.store.remove(ctx.journal, 'environmentVariable', variableParam(ctx, environment));
      return noContent();
    },
  },
];
