import type { CloneCore } from '../core.js';
import {
  artifactDownloadUrl,
  createArtifact,
  finalizeArtifact,
  removeArtifact,
  runArtifactNamed,
  runArtifacts,
} from '../domain/artifacts.js';
import { findJobByBackendId, findRunByBackendId } from '../domain/actions.js';
import { requestContext, type DomainContext } from '../domain/context.js';
import { ApiError } from '../state/errors.js';
import type { ArtifactRecord, WorkflowRunRecord } from '../state/model.js';
import { resultsScope } from '../state/runtime-token.js';
import { Journal } from '../state/store.js';
import { BodyTooLargeError, readBody } from './body.js';
import { nextRequestId } from './request-id.js';
import type { Exchange } from './server.js';

/** The twirp service @actions/artifact (v2+) speaks to at `ACTIONS_RESULTS_URL`. */
export const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
export const TWIRP_PATH = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/;

/** The methods served, for the operations list. */
export const RESULTS_METHODS = [
  'CreateArtifact',
  'FinalizeArtifact',
  'ListArtifacts',
  'GetSignedArtifactURL',
  'DeleteArtifact',
] as const;
type ResultsMethod = (typeof RESULTS_METHODS)[number];

/** Twirp error codes by HTTP status (https://twitchtv.github.io/twirp/docs/spec_v7.html). */
const TWIRP_CODE: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  410: 'not_found',
  412: 'failed_precondition',
  413: 'resource_exhausted',
  422: 'invalid_argument',
  501: 'unimplemented',
};

type Json = Record<string, unknown>;

interface Call {
  ctx: DomainContext;
  run: WorkflowRunRecord;
  jobBackendId: string;
  body: Json;
}

const str = (body: Json, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new ApiError(400, `${field} is required`);
  return value;
};

/** Protobuf's JSON form of wrapper types: `{"value": x}` from some clients, a bare `x` from others. */
const wrapped = (value: unknown): unknown =>
  value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;

function monolith(call: Call, artifact: ArtifactRecord) {
  const job = call.ctx.store.get('workflowJob', artifact.jobId);
  return {
    workflow_run_backend_id: call.run.backendId,
    workflow_job_run_backend_id: job?.backendId ?? call.jobBackendId,
    database_id: String(artifact.id),
    name: artifact.name,
    size: String(artifact.sizeInBytes),
    created_at: artifact.createdAt,
    ...(artifact.digest ? { digest: artifact.digest } : {}),
  };
}

const METHODS: Record<ResultsMethod, (call: Call) => Json> = {
  CreateArtifact: (call) => {
    const job = findJobByBackendId(call.ctx, call.run, str(call.body, 'workflow_job_run_backend_id'));
    if (!job) throw new ApiError(404, 'unknown workflow_job_run_backend_id: register the job with its workflow run');
    const mimeType = wrapped(call.body.mime_type);
    const expiresAt = call.body.expires_at;
    const { uploadUrl } = createArtifact(call.ctx, call.run, job, {
      name: str(call.body, 'name'),
      mimeType: typeof mimeType === 'string' ? mimeType : undefined,
      expiresAt: typeof expiresAt === 'string' ? expiresAt : undefined,
    });
    return { ok: true, signed_upload_url: uploadUrl };
  },
  FinalizeArtifact: (call) => {
    const size = Number(call.body.size ?? 0);
    if (!Number.isSafeInteger(size) || size < 0) throw new ApiError(400, 'size must be a non-negative integer');
    const hash = wrapped(call.body.hash);
    const artifact = finalizeArtifact(call.ctx, call.run, {
      name: str(call.body, 'name'),
      size,
      hash: typeof hash === 'string' ? hash : undefined,
    });
    return { ok: true, artifact_id: String(artifact.id) };
  },
  ListArtifacts: (call) => {
    const name = wrapped(call.body.name_filter);
    const id = wrapped(call.body.id_filter);
    const artifacts = runArtifacts(call.ctx, call.run).filter(
      (artifact) =>
        (typeof name !== 'string' || artifact.name === name) &&
        (id === undefined || id === null || String(artifact.id) === String(id)),
    );
    return { artifacts: artifacts.map((artifact) => monolith(call, artifact)) };
  },
  GetSignedArtifactURL: (call) => {
    const artifact = runArtifactNamed(call.ctx, call.run, str(call.body, 'name'));
    return { signed_url: artifactDownloadUrl(call.ctx, artifact) };
  },
  DeleteArtifact: (call) => {
    const artifact = runArtifactNamed(call.ctx, call.run, str(call.body, 'name'));
    removeArtifact(call.ctx, artifact);
    return { ok: true, artifact_id: String(artifact.id) };
  },
};

/**
 * Serves the Actions results service's artifact calls (twirp, JSON). The caller is a job: its
 * `ACTIONS_RUNTIME_TOKEN` (a JWT whose `scp` holds `Actions.Results:<run>:<job>`) must name the run
 * the request is about, and that run must be registered (control API or seed): its repository is
 * the artifacts' repository.
 */
export async function handleResults(core: CloneCore, exchange: Exchange, method: string): Promise<void> {
  const { req, res, path } = exchange;
  const started = performance.now();
  const requestId = nextRequestId();
  const journal = new Journal();
  let status = 200;
  let requestText: string | undefined;
  let responseText: string;
  try {
    if (req.method !== 'POST') throw new ApiError(404, 'twirp calls are POST requests');
    const raw = await readBody(req, core.config.maxBodyBytes).catch((error: unknown) => {
      throw error instanceof BodyTooLargeError ? new ApiError(413, 'request body too large') : error;
    });
    requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
    if (!(RESULTS_METHODS as readonly string[]).includes(method))
      throw new ApiError(
        501,
        `not served: ${exchange.path} (the clone serves ${ARTIFACT_SERVICE}'s ${RESULTS_METHODS.join(', ')})`,
      );
    const contentType = String(req.headers['content-type'] ?? '');
    if (!contentType.startsWith('application/json'))
      throw new ApiError(400, `unsupported Content-Type "${contentType}": the clone speaks twirp's JSON encoding`);
    const body = parseJsonObject(requestText);
    const ctx = requestContext(core, { actor: { kind: 'anonymous' }, journal, requestId });
    const run = authorizedRun(core, ctx, req.headers.authorization, body);
    const reply = METHODS[method as ResultsMethod]({
      ctx,
      run,
      body,
      jobBackendId: str(body, 'workflow_job_run_backend_id'),
    });
    responseText = JSON.stringify(reply);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      core.config.warn(`${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      status = 500;
      responseText = JSON.stringify({ code: 'internal', msg: 'internal error' });
    } else {
      status = error.status === 410 ? 404 : error.status;
      responseText = JSON.stringify({ code: TWIRP_CODE[error.status] ?? 'unknown', msg: error.message });
    }
  }
  if (!res.headersSent)
    res
      .writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(responseText)),
      })
      .end(responseText);
  core.log.add(
    {
      requestId,
      kind: 'results',
      method: req.method ?? 'POST',
      path,
      query: '',
      operationId: `results/${method}`,
      notImplemented: status === 501,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      actor: null,
      changes: journal.changes,
      deliveries: [],
    },
    { request: requestText, response: responseText },
  );
}

function parseJsonObject(text: string | undefined): Json {
  try {
    const body = JSON.parse(text ?? '{}') as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Json;
  } catch {
    // answered below
  }
  throw new ApiError(400, 'the body must be a JSON object');
}

/** The run the runtime token's scope names, which must be the run of the request. */
function authorizedRun(core: CloneCore, ctx: DomainContext, authorization: string | undefined, body: Json) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new ApiError(401, 'missing ACTIONS_RUNTIME_TOKEN (Authorization: Bearer <token>)');
  const check = resultsScope(match[1]!, Math.floor(core.now().getTime() / 1000));
  if (check.kind === 'invalid') throw new ApiError(401, check.message);
  const runBackendId = str(body, 'workflow_run_backend_id');
  if (runBackendId !== check.scope.runBackendId)
    throw new ApiError(
      403,
      `the runtime token is scoped to workflow run ${check.scope.runBackendId}, not ${runBackendId}`,
    );
  const run = findRunByBackendId(ctx, runBackendId);
  if (!run)
    throw new ApiError(
      404,
      `unknown workflow run backend id ${runBackendId}: register the run first (POST /_archal/actions/runs, or a seed's repos[].workflowRuns)`,
    );
  return run;
}
