import * as z from 'zod';
import { parseBody } from '../http/input.js';
import { okCountedPage } from '../http/pagination.js';
import { created, noContent, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import type { RepoRecord, VariableRecord } from '../state/model.js';
import { NEED } from '../state/permissions.js';
import { freeVariableName, namedParam } from './actions-names.js';
import { repoParam } from './lookup.js';

export const createSchema = z.object({ name: z.string(), value: z.string() });
export const updateSchema = z.object({ name: z.string().optional(), value: z.string().optional() });

const variablesOf = (ctx: RequestContext, repo: RepoRecord): VariableRecord[] =>
  ctx.store.where('variable', `repo:${repo.id}`);

/** The `{name}` of the path: the repository's variable of that name, in any case (404 when there is none). */
const variableParam = (ctx: RequestContext, repo: RepoRecord): VariableRecord =>
  namedParam(variablesOf(ctx, repo), ctx.params.name);

/** Variables are not secrets: GitHub shows their values to whoever may read them. */
export const renderVariable = (variable: Pick<VariableRecord, 'name' | 'value' | 'createdAt' | 'updatedAt'>) => ({
  name: variable.name,
  value: variable.value,
  created_at: variable.createdAt,
  updated_at: variable.updatedAt,
});

export const variableRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/variables',
    operationId: 'actions/list-repo-variables',
    docs: 'actions/variables#list-repository-variables',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.variablesRead);
      const variables = variablesOf(ctx, repo).sort((a, b) => a.name.localeCompare(b.name));
      return okCountedPage(ctx, variables, 'variables', renderVariable);
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/actions/variables',
    operationId: 'actions/create-repo-variable',
    docs: 'actions/variables#create-a-repository-variable',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.variablesWrite);
      const input = parseBody(ctx, createSchema);
      const name = freeVariableName(variablesOf(ctx, repo), input.name);
      ctx.store.insert(ctx.journal, 'variable', {
        id: ctx.store.nextId('variable'),
        repoId: repo.id,
        name,
        value: input.value,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      return created({});
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/variables/{name}',
    operationId: 'actions/get-repo-variable',
    docs: 'actions/variables#get-a-repository-variable',
    handler: (ctx) => ok(renderVariable(variableParam(ctx, repoParam(ctx, NEED.variablesRead)))),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/actions/variables/{name}',
    operationId: 'actions/update-repo-variable',
    docs: 'actions/variables#update-a-repository-variable',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.variablesWrite);
      const variable = variableParam(ctx, repo);
      const input = parseBody(ctx, updateSchema);
      const name =
        input.name === undefined ? variable.name : freeVariableName(variablesOf(ctx, repo), input.name, variable);
      ctx.store.update(ctx.journal, 'variable', variable, {
        name,
        value: input.value ?? variable.value,
        updatedAt: ctx.now,
      });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/actions/variables/{name}',
    operationId: 'actions/delete-repo-variable',
    docs: 'actions/variables#delete-a-repository-variable',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.variablesWrite);
      ctx.store.remove(ctx.journal, 'variable', variableParam(ctx, repo));
      return noContent();
    },
  },
];
