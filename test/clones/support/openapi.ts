import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Octokit } from '@octokit/rest';

const require = createRequire(import.meta.url);

interface Operation {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
}

const SPEC_ID = 'https://archal.test/api.github.com.json';

/**
 * GitHub's own OpenAPI description (api.github.com) and an ajv validator of response bodies
 * against it, by operationId and status.
 */
export class OpenApi {
  readonly spec: Spec;
  readonly byRoute = new Map<string, { operationId: string; operation: Operation }>();
  readonly byId = new Map<string, { method: string; path: string; operation: Operation }>();
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor() {
    this.spec = require('@octokit/openapi/generated/api.github.com.json') as Spec;
    for (const [path, methods] of Object.entries(this.spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation?.operationId) continue;
        this.byRoute.set(`${method.toUpperCase()} ${path}`, { operationId: operation.operationId, operation });
        this.byId.set(operation.operationId, { method: method.toUpperCase(), path, operation });
      }
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false, inlineRefs: false });
    this.ajv.addFormat(
      'date-time',
      (value: string) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value),
    );
    this.ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value));
    this.ajv.addFormat('uri-template', () => true);
    this.ajv.addFormat('email', (value: string) => value.includes('@'));
    this.ajv.addFormat('binary', () => true);
    this.ajv.addFormat('uuid', () => true);
    this.ajv.addFormat('date', () => true);
    this.ajv.addFormat('hostname', () => true);
    this.ajv.addFormat('ipv4', () => true);
    this.ajv.addFormat('repo.nwo', () => true);
    this.ajv.addFormat('ssh-key', () => true);
    this.ajv.addFormat('ssh-key fingerprint', () => true);
    this.ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) });
    this.ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
    this.ajv.addSchema({ $id: SPEC_ID, components: overlappingEventPayloads(normalizeNullable(this.spec.components)) });
  }

  private schemaFor(operationId: string, status: number): unknown {
    const entry = this.byId.get(operationId);
    if (!entry) throw new Error(`operation ${operationId} is not in GitHub's OpenAPI description`);
    let response = entry.operation.responses[String(status)];
    if (!response) return undefined;
    if (response.$ref) response = this.spec.components.responses[response.$ref.split('/').pop()!]!;
    return response.content?.['application/json']?.schema ?? null;
  }

  validateBasicError(body: unknown): string[] {
    this.basicError ??= this.ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/basic-error` });
    return this.basicError(body)
      ? []
      : (this.basicError.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  }

  private basicError: ValidateFunction | undefined;

  /** Whether the description declares `status` for the operation. */
  declares(operationId: string, status: number): boolean {
    return this.schemaFor(operationId, status) !== undefined;
  }

  /** Validation errors of `body` as the `status` response of `operationId` (empty when valid). */
  validate(operationId: string, status: number, body: unknown): string[] {
    const key = `${operationId} ${status}`;
    if (!this.validators.has(key)) {
      const schema = this.schemaFor(operationId, status);
      if (schema === undefined) throw new Error(`${operationId} does not declare a ${status} response`);
      this.validators.set(
        key,
        schema === null
          ? null
          : this.ajv.compile(rebase(errorAlternatives(normalizeNullable(schema), status)) as object),
      );
    }
    const validate = this.validators.get(key);
    if (validate === null) {
      if (body === undefined || body === '' || body === null) return [];
      // GitHub sends its error body even where the description declares none (a 404 of check-if-merged).
      return status >= 400 ? this.validateBasicError(body) : ['expected no body'];
    }
    if (validate!(body)) return [];
    return (validate!.errors ?? [])
      .slice(0, 40)
      .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

/**
 * OpenAPI 3.0's `nullable` as JSON Schema: ajv understands it only next to `type`, and an enum of
 * a nullable property must list null itself.
 */
function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = normalizeNullable(value);
  if (out.nullable === true) {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    if (out.type === undefined) {
      const { nullable: _nullable, ...rest } = out;
      return { anyOf: [rest, { type: 'null' }] };
    }
  }
  return out;
}

/**
 * An activity event's `payload` is declared as `oneOf` alternatives that overlap (`public-event`
 * requires nothing, and an `issue-comment-event` payload is also a valid `issues-event` one), so no
 * payload GitHub sends can match exactly one: accept a payload matching any of them.
 */
function overlappingEventPayloads(components: unknown): unknown {
  const event = (components as { schemas?: Record<string, { properties?: Record<string, unknown> }> }).schemas?.event;
  const payload = event?.properties?.payload as { oneOf?: unknown[] } | undefined;
  if (event?.properties && payload?.oneOf) {
    const { oneOf, ...rest } = payload;
    event.properties.payload = { ...rest, anyOf: oneOf };
  }
  return components;
}

/**
 * Error responses declared as `oneOf` alternatives that overlap (basic-error or a rule violation)
 * accept any of them.
 */
function errorAlternatives(schema: unknown, status: number): unknown {
  if (status < 400 || !schema || typeof schema !== 'object' || !('oneOf' in schema)) return schema;
  const { oneOf, ...rest } = schema as { oneOf: unknown[] };
  return { ...rest, anyOf: oneOf };
}

/** Inline schemas point at `#/components/...` of the spec document: make those refs absolute. */
function rebase(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`));
}

export interface Checked {
  operationId: string;
  status: number;
  problems: string[];
}

/**
 * Validates every response an Octokit client receives against the description of its operation
 * (found from the endpoint template Octokit sends), and records what was checked.
 */
export function validateResponses(octokit: Octokit, openapi: OpenApi, checked: Checked[]): void {
  octokit.hook.wrap('request', async (request, options) => {
    const template = `${String(options.method).toUpperCase()} ${String(options.url)}`;
    const route = openapi.byRoute.get(template);
    const record = (status: number, data: unknown) => {
      if (!route) return;
      const body = typeof data === 'string' && data === '' ? undefined : data;
      const problems = openapi.declares(route.operationId, status)
        ? openapi.validate(route.operationId, status, body)
        : status >= 400
          ? openapi.validate('repos/get', 404, body)
          : [`status ${status} is not declared`];
      checked.push({ operationId: route.operationId, status, problems });
    };
    try {
      const response = await request(options);
      const contentType = String(response.headers['content-type'] ?? '');
      // Redirects (downloads answered with a Location, fetched with `redirect: 'manual'`), 204 No Content
      // and 205 Reset Content (notifications marked read) have no body.
      if (
        contentType.includes('json') ||
        response.status === 204 ||
        response.status === 205 ||
        (response.status >= 300 && response.status < 400)
      )
        record(response.status, response.data);
      return response;
    } catch (error) {
      const failure = error as { status?: number; response?: { data?: unknown } };
      if (failure.status) record(failure.status, failure.response?.data);
      throw error;
    }
  });
}
