export const id = 508;
export const ids = [508];
export const modules = {

/***/ 41508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildGitHubClone: () => (/* binding */ buildGitHubClone)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 4 modules
var schemas = __webpack_require__(41514);
// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var state_errors = __webpack_require__(3435);
;// CONCATENATED MODULE: ./src/clones/github/http/faults.ts


/**
 * Injected failures: the next `times` REST requests matching a method and a path answer `status`
 * instead of being served, so a client's handling of GitHub's 5xx (retries, fallbacks) can be tested
 * against the clone. `delayMs` holds each matching request that long first (a slow GitHub); with
 * `after`, the request is served (its changes are made) and only its answer is replaced by `status`,
 * as when GitHub did the write and then failed to say so. Set through the control API
 * (`POST /_archal/faults`), cleared by `DELETE`.
 */
const buildFaultSchema = () => schemas/* object */.Ikc({
    method: schemas/* string */.YjP().regex(/^[A-Z]+$/, 'an HTTP method in capitals, e.g. "POST"'),
    /** A regular expression the request's path (without the query) must match, e.g. "/issues/\\d+/comments$". */
    path: schemas/* string */.YjP().min(1),
    status: schemas/* number */.aig().int().min(400).max(599).optional(),
    delayMs: schemas/* number */.aig().int().min(0).max(60_000).optional(),
    after: schemas/* boolean */.zMY().default(false),
    times: schemas/* number */.aig().int().min(1).max(1000).default(1),
})
    .strict()
    .refine((fault) => fault.status !== undefined || fault.delayMs !== undefined, {
    message: 'give "status" (the answer), "delayMs" (a wait), or both',
})
    .refine((fault) => !fault.after || fault.status !== undefined, {
    message: '"after" replaces the answer with "status": give "status" too',
    path: ['after'],
});
/** Built on the first fault set: most clones never get one, and building it costs each clone's start. */
let schema;
const faultSchema = () => (schema ??= buildFaultSchema());
const SHAPE = '{"method": "POST", "path": "<regular expression>", "status": 400..599, "delayMs": 0..60000, "after": false, "times": 1}';
class Faults {
    faults = [];
    add(input) {
        const parsed = faultSchema().safeParse(input);
        if (!parsed.success)
            throw new state_errors/* ApiError */.hD(422, `A fault is ${SHAPE}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`);
        let path;
        try {
            path = new RegExp(parsed.data.path);
        }
        catch (error) {
            throw new state_errors/* ApiError */.hD(422, `"path" is not a regular expression: ${String(error)}`);
        }
        const { method, status, delayMs, after, times } = parsed.data;
        this.faults.push({ method, path, status, delayMs, after, left: times });
        return parsed.data;
    }
    clear() {
        this.faults.length = 0;
    }
    /** The fault that matches this request, if any, using up one of its times. */
    take(method, path) {
        const index = this.faults.findIndex((fault) => fault.method === method && fault.path.test(path));
        if (index < 0)
            return undefined;
        const fault = this.faults[index];
        fault.left -= 1;
        if (fault.left === 0)
            this.faults.splice(index, 1);
        return {
            ...(fault.status !== undefined ? { status: fault.status } : {}),
            ...(fault.delayMs !== undefined ? { delayMs: fault.delayMs } : {}),
            after: fault.after,
            message: `Injected fault: ${method} ${path} answers ${fault.status}${fault.after ? ' after it was served' : ''}`,
        };
    }
}
/** Holds a request for the fault's delay, then fails it unless the fault answers after serving it. */
async function strikeBefore(strike) {
    if (!strike)
        return;
    if (strike.delayMs)
        await new Promise((resolve) => setTimeout(resolve, strike.delayMs));
    if (strike.status !== undefined && !strike.after)
        throw new state_errors/* ApiError */.hD(strike.status, strike.message);
}
/** Replaces a served request's answer with the fault's status. */
function strikeAfter(strike) {
    if (strike?.after && strike.status !== undefined)
        throw new state_errors/* ApiError */.hD(strike.status, strike.message);
}

// EXTERNAL MODULE: ./src/clones/github/domain/merge-protection.ts
var merge_protection = __webpack_require__(97709);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/clones/github/state/locks.ts
/**
 * One writer at a time per repository: API writes that read a ref, build commits and move the ref
 * (contents, merges, ref updates) and pushes are serialised, so none is lost or half-applied.
 */
class KeyedMutex {
    tails = new Map();
    async run(key, work) {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release;
        const current = new Promise((resolve) => (release = resolve));
        const tail = previous.then(() => current);
        this.tails.set(key, tail);
        await previous;
        try {
            return await work();
        }
        finally {
            release();
            if (this.tails.get(key) === tail)
                this.tails.delete(key);
        }
    }
}

// EXTERNAL MODULE: ./src/clones/github/http/rate-limit.ts
var rate_limit = __webpack_require__(4529);
;// CONCATENATED MODULE: ./src/clones/github/http/response-cache.ts

/** Renders a JSON body once: text, weak `ETag` of the text, `Last-Modified` from a resource's `updated_at`. */
function render(body, replyHeaders) {
    const text = JSON.stringify(body);
    const headers = [];
    if (replyHeaders)
        for (const name in replyHeaders)
            headers.push(name, replyHeaders[name]);
    const updated = body && typeof body === 'object' && !Array.isArray(body)
        ? body.updated_at
        : undefined;
    const modified = typeof updated === 'string' ? Date.parse(updated) : NaN;
    return {
        text,
        bytes: text,
        etag: `W/"${(0,external_node_crypto_.hash)('sha1', text)}"`,
        lastModified: Number.isNaN(modified) ? undefined : new Date(modified).toUTCString(),
        headers,
    };
}
/**
 * Rendered answers of read routes whose answer depends only on the state, who asks, the URL and
 * the `Accept` header, kept while the state stays at the version they were rendered at. Agents
 * poll the same lists again and again; a hit sends the same bytes without rendering, serialising
 * or hashing them, and the request log keeps a reference to the same text instead of a copy.
 */
class ResponseCache {
    capacity;
    entries = new Map();
    store;
    version = -1;
    constructor(capacity = 256) {
        this.capacity = capacity;
    }
    get(store, key) {
        this.sync(store);
        const entry = this.entries.get(key);
        // Encoded once, when first served again: most answers are never asked for twice.
        if (entry && typeof entry.bytes === 'string')
            entry.bytes = Buffer.from(entry.bytes);
        return entry;
    }
    /** Keeps `rendered` if the state is still at `version`, the version it was rendered at. */
    set(store, version, key, rendered) {
        this.sync(store);
        if (this.version !== version)
            return;
        if (this.entries.size >= this.capacity)
            this.entries.delete(this.entries.keys().next().value);
        this.entries.set(key, rendered);
    }
    sync(store) {
        if (store === this.store && store.version === this.version)
            return;
        this.entries.clear();
        this.store = store;
        this.version = store.version;
    }
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
;// CONCATENATED MODULE: ./src/clones/github/redact.ts

/**
 * Removes credentials from what the request log keeps: every token the clone knows (seeded,
 * handed out, issued to installations), then the token formats and secret query parameters
 * (`access_token`, `sig` of a signed blob URL…) that Archal's own redactor removes everywhere.
 */
class Redactor {
    known = new Set();
    pattern;
    add(token) {
        // Short seeded tokens ("test") would redact ordinary words; the shape patterns still apply.
        if (token.length < 8 || this.known.has(token))
            return;
        this.known.add(token);
        this.pattern = undefined;
    }
    redact(text) {
        for (const token of this.known)
            if (text.includes(token)) {
                this.pattern ??= new RegExp([...this.known]
                    .sort((a, b) => b.length - a.length)
                    .map((known) => known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                    .join('|'), 'g');
                text = text.replace(this.pattern, redact/* REDACTED */.XF);
                break;
            }
        return (0,redact/* redactTokenFormats */.rq)(text);
    }
    /**
     * A parsed body, changed in place: the string values of keys that name a secret (a webhook's
     * `config.secret`, `client_secret`, `password`…) are replaced, whatever their format.
     */
    redactSecretKeys(value) {
        // Strings were redacted as text before they were parsed.
        return (0,redact/* redactInPlace */.OF)(value, (text) => text);
    }
    /**
     * A query string as logged (`access_token=…&page=2`, without its `?`): secret parameters are
     * recognised by the `?` or `&` before their name, so the first one needs its `?` back to be seen.
     */
    redactQuery(query) {
        return this.redact(`?${query}`).slice(1);
    }
}

// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/request-log.ts
var request_log = __webpack_require__(42954);
// EXTERNAL MODULE: ./src/clones/github/seed/apply.ts + 5 modules
var apply = __webpack_require__(68150);
// EXTERNAL MODULE: ./src/clones/github/seed/named.ts + 1 modules
var named = __webpack_require__(80470);
// EXTERNAL MODULE: ./src/clones/github/state/blobs.ts
var blobs = __webpack_require__(94742);
// EXTERNAL MODULE: ./src/clones/github/seed/time.ts
var time = __webpack_require__(86883);
;// CONCATENATED MODULE: ./src/clones/github/webhooks/sign.ts

/** `X-Hub-Signature-256`: `sha256=` + HMAC-SHA256 of the exact body bytes with the webhook secret. */
function signature256(secret, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/** The legacy `X-Hub-Signature` (SHA-1), still sent by GitHub. */
function signature1(secret, body) {
    return `sha1=${(0,external_node_crypto_.createHmac)('sha1', secret).update(body).digest('hex')}`;
}
const deliveryGuid = () => (0,external_node_crypto_.randomUUID)();

;// CONCATENATED MODULE: ./src/clones/github/webhooks/dispatcher.ts

const MAX_KEPT = 2_000;
/**
 * Sends deliveries one at a time, in the order the changes happened, with retries; every delivery
 * is kept (the newest 2,000) with its attempts, so a failure is visible, never silent.
 */
class WebhookDispatcher {
    config;
    onFailure;
    deliveries = [];
    queue = [];
    running;
    controller = new AbortController();
    waiters = [];
    stopped = false;
    constructor(config, onFailure = () => { }) {
        this.config = config;
        this.onFailure = onFailure;
    }
    /** Whether payloads are worth building at all (a URL is configured and listens for `event`). */
    wants(event) {
        if (!this.config || this.stopped)
            return false;
        return !this.config.events || this.config.events.includes(event) || this.config.events.includes('*');
    }
    enqueue(event, payload, requestId) {
        if (!this.wants(event))
            return undefined;
        const delivery = {
            id: deliveryGuid(),
            event,
            action: typeof payload.action === 'string' ? payload.action : null,
            requestId,
            url: this.config.url,
            status: 'pending',
            attempts: [],
            payload,
            createdAt: new Date().toISOString(),
        };
        this.deliveries.push(delivery);
        if (this.deliveries.length > MAX_KEPT)
            this.deliveries.splice(0, this.deliveries.length - MAX_KEPT);
        this.queue.push({ delivery, body: JSON.stringify(payload) });
        this.running ??= this.drain();
        return delivery;
    }
    list() {
        return [...this.deliveries];
    }
    /** Resolves when every queued delivery has been delivered or has failed for good. */
    idle() {
        if (!this.running)
            return Promise.resolve();
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    stop() {
        this.stopped = true;
        this.controller.abort();
        for (const { delivery } of this.queue)
            if (delivery.status === 'pending')
                delivery.status = 'failed';
        this.queue = [];
    }
    async drain() {
        while (this.queue.length > 0 && !this.stopped) {
            const next = this.queue.shift();
            await this.deliver(next.delivery, next.body);
        }
        this.running = undefined;
        for (const resolve of this.waiters.splice(0))
            resolve();
    }
    async deliver(delivery, body) {
        const config = this.config;
        const retries = config.retries ?? 3;
        let delay = config.retryDelayMs ?? 500;
        const headers = {
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
            const record = { at: new Date().toISOString(), status: null, error: null, durationMs: 0 };
            try {
                const response = await fetch(config.url, {
                    method: 'POST',
                    headers,
                    body,
                    signal: AbortSignal.any([this.controller.signal, AbortSignal.timeout(config.timeoutMs ?? 10_000)]),
                });
                await response.arrayBuffer().catch(() => undefined);
                record.status = response.status;
                if (!response.ok)
                    record.error = `HTTP ${response.status}`;
            }
            catch (error) {
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
        if (!this.stopped)
            this.onFailure(delivery);
    }
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/clones/github/core.ts
















/** A small bounded cache (insertion order eviction) for values derived from immutable git objects. */
class BoundedCache {
    capacity;
    map = new Map();
    constructor(capacity = 500) {
        this.capacity = capacity;
    }
    get(key) {
        return this.map.get(key);
    }
    set(key, value) {
        this.map.set(key, value);
        if (this.map.size > this.capacity)
            this.map.delete(this.map.keys().next().value);
    }
}
/**
 * The state of one clone instance: the current store (replaced wholesale on reset/seed), the
 * request log, webhooks, locks and limits. Each seed application gets a fresh directory of bare
 * repositories, so a reset never races with git processes still reading the previous one.
 */
class CloneCore {
    dir;
    token;
    config;
    store;
    defaultUserId;
    seed;
    seedSource = 'seed';
    redactor = new Redactor();
    log;
    webhooks;
    locks = new KeyedMutex();
    /** Failures injected through the control API, struck before a REST request is served. */
    faults = new Faults();
    limiter;
    cache = new BoundedCache();
    /** How pullStats learns what branch protection has against a merge (`mergeable_state`). */
    mergeBlocker = merge_protection/* protectionMergeState */.L;
    /** Rendered answers of cacheable read routes, valid while the store stays at one version. */
    responses = new ResponseCache();
    /** Signs blob URLs and runtime tokens; never leaves the process. */
    signingKey = (0,external_node_crypto_.randomBytes)(32);
    /** Artifact bytes, beside the repositories of the current seed application. */
    blobs;
    /** `http://127.0.0.1:PORT` once listening. */
    base = '';
    urls = new urls/* Urls */.f('', '');
    urlsV3 = new urls/* Urls */.f('', '');
    /** The URLs of requests that came through route mode's proxy, addressed to api.github.com. */
    urlsGitHub = new urls/* Urls */.f('https://api.github.com', 'https://github.com');
    generation = 0;
    reposDir = '';
    constructor(dir, token, config) {
        this.dir = dir;
        this.token = token;
        this.config = config;
        this.redactor.add(token);
        this.log = new request_log/* RequestLog */.w(this.redactor, config.logCapacity);
        this.webhooks = new WebhookDispatcher(config.webhook, (delivery) => config.warn(`webhook ${delivery.event} ${delivery.id} failed after ${delivery.attempts.length} attempts: ${delivery.attempts.at(-1)?.error ?? 'unknown error'}`));
        this.limiter = new rate_limit/* RateLimiter */.v(config.rateLimit);
    }
    /** Who unknown tokens act as: the default user, or nobody with strict tokens (option or seed). */
    get unknownTokenUserId() {
        return this.config.strictTokens || this.seed.strictTokens ? null : this.defaultUserId;
    }
    setBase(base) {
        this.base = base;
        this.urls = new urls/* Urls */.f(base, base);
        this.urlsV3 = new urls/* Urls */.f(`${base}/api/v3`, base);
    }
    now() {
        return this.config.clock();
    }
    nowIso() {
        const now = this.config.clock();
        const second = Math.floor(now.getTime() / 1000);
        if (second !== this.isoSecond) {
            this.isoSecond = second;
            this.isoText = (0,time/* isoSeconds */.nE)(now);
        }
        return this.isoText;
    }
    isoSecond = -1;
    isoText = '';
    get repositoriesDir() {
        return this.reposDir;
    }
    /** Replaces the whole state with `seed` (throws SeedError and keeps the current state if it is invalid). */
    applySeed(seed, source) {
        const generation = this.generation + 1;
        const reposDir = (0,external_node_path_.join)(this.dir, `gen-${generation}`);
        (0,external_node_fs_.mkdirSync)(reposDir, { recursive: true });
        let applied;
        try {
            applied = (0,apply/* applySeed */.k)(seed, {
                reposDir,
                now: this.now(),
                defaultToken: this.token,
                source: source === 'custom' ? 'seed' : `seed ${source}`,
            });
        }
        catch (error) {
            (0,external_node_fs_.rmSync)(reposDir, { recursive: true, force: true });
            throw error;
        }
        const previous = this.reposDir;
        this.generation = generation;
        this.reposDir = reposDir;
        this.store = applied.store;
        this.blobs = new blobs/* BlobStore */.lb((0,external_node_path_.join)(reposDir, 'blobs'));
        this.defaultUserId = applied.defaultUserId;
        this.seed = seed;
        this.seedSource = source;
        this.limiter.reset();
        for (const record of this.store.all('token'))
            this.redactor.add(record.token);
        // node:fs/promises only here (a reseed): loading it cost every clone's start.
        if (previous)
            void process
                .getBuiltinModule('node:fs/promises')
                .rm(previous, { recursive: true, force: true })
                .catch(() => undefined);
    }
    /** Back to the seed last applied; the request log starts over. */
    reset() {
        this.faults.clear();
        this.applySeed(this.seed, this.seedSource);
        this.log.clear();
    }
    /** Replaces the state with another seed (a name, a file relative to `cwd`, or an object); the request log starts over. */
    reseed(input, cwd, rules) {
        const loaded = (0,named/* loadSeed */.Gm)(input, cwd, rules);
        this.applySeed(loaded.seed, loaded.source);
        this.log.clear();
        return loaded.source;
    }
}

// EXTERNAL MODULE: ./src/clones/github/domain/artifacts.ts
var domain_artifacts = __webpack_require__(90962);
// EXTERNAL MODULE: ./src/clones/github/domain/actions.ts
var actions = __webpack_require__(87834);
// EXTERNAL MODULE: ./src/clones/github/domain/context.ts
var context = __webpack_require__(7666);
// EXTERNAL MODULE: ./src/clones/github/state/runtime-token.ts
var runtime_token = __webpack_require__(20482);
// EXTERNAL MODULE: ./src/clones/github/state/store.ts
var state_store = __webpack_require__(74803);
// EXTERNAL MODULE: ./src/clones/github/http/body.ts
var http_body = __webpack_require__(80561);
// EXTERNAL MODULE: ./src/clones/github/http/request-id.ts
var request_id = __webpack_require__(28964);
;// CONCATENATED MODULE: ./src/clones/github/http/actions-results.ts








/** The twirp service @actions/artifact (v2+) speaks to at `ACTIONS_RESULTS_URL`. */
const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService';
const TWIRP_PATH = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/;
/** The methods served, for the operations list. */
const RESULTS_METHODS = [
    'CreateArtifact',
    'FinalizeArtifact',
    'ListArtifacts',
    'GetSignedArtifactURL',
    'DeleteArtifact',
];
/** Twirp error codes by HTTP status (https://twitchtv.github.io/twirp/docs/spec_v7.html). */
const TWIRP_CODE = {
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
const str = (body, field) => {
    const value = body[field];
    if (typeof value !== 'string' || value === '')
        throw new state_errors/* ApiError */.hD(400, `${field} is required`);
    return value;
};
/** Protobuf's JSON form of wrapper types: `{"value": x}` from some clients, a bare `x` from others. */
const wrapped = (value) => value && typeof value === 'object' && 'value' in value ? value.value : value;
function monolith(call, artifact) {
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
const METHODS = {
    CreateArtifact: (call) => {
        const job = (0,actions/* findJobByBackendId */.t8)(call.ctx, call.run, str(call.body, 'workflow_job_run_backend_id'));
        if (!job)
            throw new state_errors/* ApiError */.hD(404, 'unknown workflow_job_run_backend_id: register the job with its workflow run');
        const mimeType = wrapped(call.body.mime_type);
        const expiresAt = call.body.expires_at;
        const { uploadUrl } = (0,domain_artifacts/* createArtifact */.Dg)(call.ctx, call.run, job, {
            name: str(call.body, 'name'),
            mimeType: typeof mimeType === 'string' ? mimeType : undefined,
            expiresAt: typeof expiresAt === 'string' ? expiresAt : undefined,
        });
        return { ok: true, signed_upload_url: uploadUrl };
    },
    FinalizeArtifact: (call) => {
        const size = Number(call.body.size ?? 0);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new state_errors/* ApiError */.hD(400, 'size must be a non-negative integer');
        const hash = wrapped(call.body.hash);
        const artifact = (0,domain_artifacts/* finalizeArtifact */.XZ)(call.ctx, call.run, {
            name: str(call.body, 'name'),
            size,
            hash: typeof hash === 'string' ? hash : undefined,
        });
        return { ok: true, artifact_id: String(artifact.id) };
    },
    ListArtifacts: (call) => {
        const name = wrapped(call.body.name_filter);
        const id = wrapped(call.body.id_filter);
        const artifacts = (0,domain_artifacts/* runArtifacts */.rh)(call.ctx, call.run).filter((artifact) => (typeof name !== 'string' || artifact.name === name) &&
            (id === undefined || id === null || String(artifact.id) === String(id)));
        return { artifacts: artifacts.map((artifact) => monolith(call, artifact)) };
    },
    GetSignedArtifactURL: (call) => {
        const artifact = (0,domain_artifacts/* runArtifactNamed */.FG)(call.ctx, call.run, str(call.body, 'name'));
        return { signed_url: (0,domain_artifacts/* artifactDownloadUrl */.sv)(call.ctx, artifact) };
    },
    DeleteArtifact: (call) => {
        const artifact = (0,domain_artifacts/* runArtifactNamed */.FG)(call.ctx, call.run, str(call.body, 'name'));
        (0,domain_artifacts/* removeArtifact */.bG)(call.ctx, artifact);
        return { ok: true, artifact_id: String(artifact.id) };
    },
};
/**
 * Serves the Actions results service's artifact calls (twirp, JSON). The caller is a job: its
 * `ACTIONS_RUNTIME_TOKEN` (a JWT whose `scp` holds `Actions.Results:<run>:<job>`) must name the run
 * the request is about, and that run must be registered (control API or seed): its repository is
 * the artifacts' repository.
 */
async function handleResults(core, exchange, method) {
    const { req, res, path } = exchange;
    const started = performance.now();
    const requestId = (0,request_id/* nextRequestId */.w)();
    const journal = new state_store/* Journal */.CQ();
    let status = 200;
    let requestText;
    let responseText;
    try {
        if (req.method !== 'POST')
            throw new state_errors/* ApiError */.hD(404, 'twirp calls are POST requests');
        const raw = await (0,http_body/* readBody */.x)(req, core.config.maxBodyBytes).catch((error) => {
            throw error instanceof http_body/* BodyTooLargeError */.A ? new state_errors/* ApiError */.hD(413, 'request body too large') : error;
        });
        requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
        if (!RESULTS_METHODS.includes(method))
            throw new state_errors/* ApiError */.hD(501, `not served: ${exchange.path} (the clone serves ${ARTIFACT_SERVICE}'s ${RESULTS_METHODS.join(', ')})`);
        const contentType = String(req.headers['content-type'] ?? '');
        if (!contentType.startsWith('application/json'))
            throw new state_errors/* ApiError */.hD(400, `unsupported Content-Type "${contentType}": the clone speaks twirp's JSON encoding`);
        const body = parseJsonObject(requestText);
        const ctx = (0,context/* requestContext */.V)(core, { actor: { kind: 'anonymous' }, journal, requestId });
        const run = authorizedRun(core, ctx, req.headers.authorization, body);
        const reply = METHODS[method]({
            ctx,
            run,
            body,
            jobBackendId: str(body, 'workflow_job_run_backend_id'),
        });
        responseText = JSON.stringify(reply);
    }
    catch (error) {
        if (!(error instanceof state_errors/* ApiError */.hD)) {
            core.config.warn(`${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            status = 500;
            responseText = JSON.stringify({ code: 'internal', msg: 'internal error' });
        }
        else {
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
    core.log.add({
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
    }, { request: requestText, response: responseText });
}
function parseJsonObject(text) {
    try {
        const body = JSON.parse(text ?? '{}');
        if (body && typeof body === 'object' && !Array.isArray(body))
            return body;
    }
    catch {
        // answered below
    }
    throw new state_errors/* ApiError */.hD(400, 'the body must be a JSON object');
}
/** The run the runtime token's scope names, which must be the run of the request. */
function authorizedRun(core, ctx, authorization, body) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match)
        throw new state_errors/* ApiError */.hD(401, 'missing ACTIONS_RUNTIME_TOKEN (Authorization: Bearer <token>)');
    const check = (0,runtime_token/* resultsScope */.x)(match[1], Math.floor(core.now().getTime() / 1000));
    if (check.kind === 'invalid')
        throw new state_errors/* ApiError */.hD(401, check.message);
    const runBackendId = str(body, 'workflow_run_backend_id');
    if (runBackendId !== check.scope.runBackendId)
        throw new state_errors/* ApiError */.hD(403, `the runtime token is scoped to workflow run ${check.scope.runBackendId}, not ${runBackendId}`);
    const run = (0,actions/* findRunByBackendId */.v4)(ctx, runBackendId);
    if (!run)
        throw new state_errors/* ApiError */.hD(404, `unknown workflow run backend id ${runBackendId}: register the run first (POST /_archal/actions/runs, or a seed's repos[].workflowRuns)`);
    return run;
}

;// CONCATENATED MODULE: ./src/clones/github/render/zip.ts
/** node:zlib, loaded with the first archive: most clones serve none, and loading it cost each clone's start. */
const zlib = () => process.getBuiltinModule('node:zlib');
/** A zip archive (deflated entries, no directories): what GitHub serves for a run's logs. */
function zipArchive(entries, at) {
    const { time, date } = dosTime(at);
    const locals = [];
    const centrals = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const compressed = zlib().deflateRawSync(entry.data);
        const crc = zlib().crc32(entry.data);
        const common = (header, at) => {
            header.writeUInt16LE(20, at); // version needed
            header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
            header.writeUInt16LE(8, at + 4); // deflate
            header.writeUInt16LE(time, at + 6);
            header.writeUInt16LE(date, at + 8);
            header.writeUInt32LE(crc, at + 10);
            header.writeUInt32LE(compressed.length, at + 14);
            header.writeUInt32LE(entry.data.length, at + 18);
            header.writeUInt16LE(name.length, at + 22);
        };
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        common(local, 4);
        locals.push(local, name, compressed);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(20, 4); // version made by
        common(central, 6);
        central.writeUInt32LE(offset, 42);
        centrals.push(central, name);
        offset += local.length + name.length + compressed.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}
function dosTime(at) {
    return {
        time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
        date: ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
    };
}

// EXTERNAL MODULE: ./src/clones/github/state/signed-urls.ts
var signed_urls = __webpack_require__(34067);
;// CONCATENATED MODULE: ./src/clones/github/http/blobs.ts










/** Everything under `/_blobs/`: artifact bytes and logs, reached only through signed URLs. */
const BLOB_PREFIX = '/_blobs/';
const ARTIFACT = /^\/_blobs\/actions-results\/(\d+)\/([^/]+)$/;
const JOB_LOG = /^\/_blobs\/actions-logs\/jobs\/(\d+)$/;
const RUN_LOGS = /^\/_blobs\/actions-logs\/runs\/(\d+)\/logs\.zip$/;
const MAX_BLOCK_LIST_BYTES = 4 * 1024 * 1024;
/** The Azure error codes of the statuses the blob endpoint answers. */
const AZURE_CODE = {
    400: 'InvalidInput',
    404: 'BlobNotFound',
    405: 'UnsupportedHttpVerb',
    409: 'BlobImmutableDueToPolicy',
    410: 'BlobNotFound',
    413: 'RequestBodyTooLarge',
};
class BlobError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
const xmlEscape = (text) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
/**
 * A small Azure Blob Storage: the Put Block, Put Block List and Get Blob calls that
 * @azure/storage-blob makes for @actions/artifact's uploads and downloads, and log downloads.
 * Every request needs a signature the clone made for that path (`signQuery`), like a SAS URL.
 */
async function handleBlob(core, exchange) {
    const { req, res, path, search } = exchange;
    const started = performance.now();
    const requestId = (0,request_id/* nextRequestId */.w)();
    const journal = new state_store/* Journal */.CQ();
    const query = new URLSearchParams(search);
    const method = req.method ?? 'GET';
    const comp = query.get('comp');
    const operationId = method === 'PUT'
        ? comp === 'blocklist'
            ? 'blob/put-block-list'
            : 'blob/put-block'
        : `blob/${method.toLowerCase()}`;
    let status = 200;
    const headers = {
        'x-ms-request-id': (0,external_node_crypto_.randomUUID)(),
        'x-ms-version': query.get('sv') ?? '2024-11-04',
        date: new Date().toUTCString(),
    };
    const ctx = (0,context/* requestContext */.V)(core, { actor: { kind: 'anonymous' }, journal, requestId });
    try {
        const signed = (0,signed_urls/* checkSignature */.j)(core.signingKey, path, query, method === 'PUT' ? 'w' : 'r', core.now());
        if (signed.kind === 'invalid')
            throw new BlobError(signed.status, signed.code, signed.message);
        status = await serve(ctx, exchange, headers, comp, query);
    }
    catch (error) {
        req.resume();
        const failure = toBlobError(error);
        if (!failure) {
            core.config.warn(`${method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
        const { status: failed, code, message } = failure ?? new BlobError(500, 'InternalError', 'internal error');
        status = failed;
        const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`;
        if (!res.headersSent)
            res
                .writeHead(status, {
                ...headers,
                'x-ms-error-code': code,
                'content-type': 'application/xml',
                'content-length': String(Buffer.byteLength(body)),
            })
                .end(method === 'HEAD' ? undefined : body);
    }
    finally {
        core.log.add({
            requestId,
            kind: 'blob',
            method,
            path,
            query: search,
            operationId,
            notImplemented: false,
            status,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            actor: null,
            changes: journal.changes,
            deliveries: [],
        }, {});
    }
}
function toBlobError(error) {
    if (error instanceof BlobError)
        return error;
    if (error instanceof state_errors/* ApiError */.hD)
        return new BlobError(error.status, AZURE_CODE[error.status] ?? 'InvalidInput', error.message);
    if (error instanceof blobs/* BlockTooLargeError */.dR || error instanceof http_body/* BodyTooLargeError */.A)
        return new BlobError(413, 'RequestBodyTooLarge', 'The request body is too large and exceeds the maximum permissible limit.');
    return undefined;
}
async function serve(ctx, { req, res, path }, headers, comp, query) {
    const method = req.method ?? 'GET';
    const artifactMatch = ARTIFACT.exec(path);
    if (artifactMatch) {
        const artifact = ctx.store.get('artifact', Number(artifactMatch[1]));
        if (!artifact || encodeURIComponent(artifact.fileName) !== artifactMatch[2])
            throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
        if (method === 'PUT' && comp === 'block') {
            await (0,domain_artifacts/* stageArtifactBlock */._0)(ctx, artifact, query.get('blockid') ?? '', req);
            res.writeHead(201, { ...headers, 'content-length': '0' }).end();
            return 201;
        }
        if (method === 'PUT' && comp === 'blocklist') {
            const xml = (await (0,http_body/* readBody */.x)(req, MAX_BLOCK_LIST_BYTES)).toString('utf8');
            const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2].trim());
            await (0,domain_artifacts/* commitArtifactBlocks */.mg)(ctx, artifact, ids);
            res
                .writeHead(201, {
                ...headers,
                etag: `"0x${artifact.id.toString(16).toUpperCase()}"`,
                'last-modified': new Date(artifact.updatedAt).toUTCString(),
                'x-ms-request-server-encrypted': 'true',
                'content-length': '0',
            })
                .end();
            return 201;
        }
        if (method === 'GET' || method === 'HEAD')
            return sendArtifact(ctx, artifact, res, headers, method);
        throw new BlobError(405, 'UnsupportedHttpVerb', `The resource doesn't support the specified HTTP verb ${method}.`);
    }
    if (method !== 'GET')
        throw new BlobError(405, 'UnsupportedHttpVerb', `The resource doesn't support the specified HTTP verb ${method}.`);
    const jobMatch = JOB_LOG.exec(path);
    if (jobMatch) {
        const job = ctx.store.get('workflowJob', Number(jobMatch[1]));
        if (!job)
            throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
        return sendBuffer(res, headers, Buffer.from(job.log, 'utf8'), 'text/plain; charset=utf-8');
    }
    const runMatch = RUN_LOGS.exec(path);
    if (runMatch) {
        const run = ctx.store.get('workflowRun', Number(runMatch[1]));
        if (!run)
            throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
        const jobs = ctx.store.where('workflowJob', `run:${run.id}`).sort((a, b) => a.id - b.id);
        const zip = zipArchive(jobs.map((job, i) => ({
            name: `${i}_${job.name.replace(/[/\\]/g, '_')}.txt`,
            data: Buffer.from(job.log, 'utf8'),
        })), new Date(run.updatedAt));
        return sendBuffer(res, { ...headers, 'content-disposition': `attachment; filename=logs_${run.id}.zip` }, zip, 'application/zip');
    }
    throw new BlobError(404, 'ResourceNotFound', 'The specified resource does not exist.');
}
function sendArtifact(ctx, artifact, res, headers, method) {
    const size = ctx.core.blobs.size(artifact.blob);
    if (size === undefined || (0,domain_artifacts/* isExpired */._d)(artifact, ctx.core.now()))
        throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    res.writeHead(200, {
        ...headers,
        'content-type': artifact.mimeType,
        'content-length': String(size),
        'content-disposition': `attachment; filename="${artifact.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(artifact.fileName)}`,
        etag: `"0x${artifact.id.toString(16).toUpperCase()}"`,
        'last-modified': new Date(artifact.updatedAt).toUTCString(),
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
    });
    if (method === 'HEAD') {
        res.end();
        return 200;
    }
    const stream = ctx.core.blobs.read(artifact.blob);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return 200;
}
function sendBuffer(res, headers, data, contentType) {
    res.writeHead(200, { ...headers, 'content-type': contentType, 'content-length': String(data.length) });
    res.end(data);
    return 200;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/clones/github/state/actor.ts
var state_actor = __webpack_require__(39991);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/git/format.ts
var format = __webpack_require__(34576);
// EXTERNAL MODULE: ./src/clones/github/git/merge.ts
var merge = __webpack_require__(93195);
// EXTERNAL MODULE: ./src/clones/github/state/pull-stats.ts
var pull_stats = __webpack_require__(1221);
;// CONCATENATED MODULE: ./src/clones/github/domain/pull-refs.ts



const PREFIX = 'refs/pull/';
/**
 * The refs GitHub keeps for pull requests, brought up to date before git serves a fetch:
 * `refs/pull/N/head` (the head commit, kept after the pull request closes) and, while it is open
 * and mergeable, `refs/pull/N/merge` (a merge of the head into the base). The merge commits are
 * cached by base and head, so an unchanged pull request costs no git process.
 */
async function syncPullRefs(core, repo) {
    const wanted = new Map();
    for (const pull of core.store.where('pull', `repo:${repo.id}`)) {
        wanted.set(`${PREFIX}${pull.number}/head`, pull.headSha);
        const merge = await mergeRef(core, repo, pull);
        if (merge)
            wanted.set(`${PREFIX}${pull.number}/merge`, merge);
    }
    const current = repo.git.refs.list(PREFIX);
    // Concurrent fetches may race here: compare-and-swap makes the loser's update a no-op.
    for (const [ref, sha] of wanted)
        if (current.get(ref) !== sha)
            repo.git.refs.update(ref, sha, current.get(ref) ?? null);
    for (const [ref, sha] of current)
        if (!wanted.has(ref))
            repo.git.refs.update(ref, null, sha);
}
async function mergeRef(core, repo, pull) {
    const issue = core.store.get('issue', pull.issueId);
    if (issue?.state !== 'open')
        return undefined;
    const base = (0,pull_stats/* effectiveBase */.B)(repo, pull, true);
    const key = `pull-merge:${repo.git.gitDir}:${base}:${pull.headSha}`;
    const cached = core.cache.get(key);
    if (cached)
        return cached.sha ?? undefined;
    const merged = await (0,merge/* mergeTrees */.M)(repo.git, base, pull.headSha);
    let sha = null;
    if (merged.kind === 'clean') {
        // Dated by the head commit, so the same base and head always make the same merge commit.
        const head = repo.git.readCommit(pull.headSha);
        const when = new Date((head?.committer.seconds ?? 0) * 1000);
        const github = (0,format/* personAt */.Td)('GitHub', 'noreply@github.com', when);
        sha = repo.git.writeCommit({
            tree: merged.tree,
            parents: [base, pull.headSha],
            author: github,
            committer: github,
            message: `Merge ${pull.headSha} into ${base}\n`,
        });
    }
    core.cache.set(key, { sha });
    return sha ?? undefined;
}

// EXTERNAL MODULE: ./src/clones/github/domain/refs.ts + 1 modules
var refs = __webpack_require__(15105);
// EXTERNAL MODULE: ./src/clones/github/http/auth.ts + 1 modules
var auth = __webpack_require__(88747);
// EXTERNAL MODULE: ./src/clones/github/git/env.ts
var env = __webpack_require__(31140);
// EXTERNAL MODULE: ./src/lib/elapsed.ts
var elapsed = __webpack_require__(78987);
;// CONCATENATED MODULE: ./src/clones/github/http/git-http.ts













/** `/<owner>/<repo>(.git)/<service>` — the only git paths served (smart HTTP, no dumb protocol). */
const GIT_PATH = /^\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9_.-]{1,100}?)(?:\.git)?\/(info\/refs|git-upload-pack|git-receive-pack)$/;
const MAX_PUSH_BYTES = 512 * 1024 * 1024;
function plain(res, status, text, headers = {}) {
    if (res.headersSent)
        return;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(`${text}\n`);
}
/**
 * Git clone, fetch and push through `git http-backend`, after the clone's own auth: anonymous reads
 * of public repositories, a token (`x-access-token:<token>` basic auth or bearer) for everything
 * else, write permission for pushes. A push holds the repository lock, and the refs it moved go
 * through the same path as API writes (push webhook, pull requests following their branches).
 */
async function handleGit(core, serving, exchange, match) {
    const { req, res, search } = exchange;
    const started = (0,elapsed/* monotonicMs */.d)();
    const requestId = (0,request_id/* nextRequestId */.w)();
    const [, owner, name, servicePath] = match;
    const query = new URLSearchParams(search);
    const service = servicePath === 'info/refs' ? (query.get('service') ?? 'git-upload-pack') : servicePath;
    const write = service === 'git-receive-pack';
    const operationId = servicePath === 'info/refs' ? 'git/info-refs' : `git/${servicePath.slice(4)}`;
    const journal = new state_store/* Journal */.CQ();
    const deliveries = [];
    let actor = { kind: 'anonymous' };
    let status = 200;
    const store = core.store;
    const log = () => core.log.add({
        requestId,
        kind: 'git',
        method: req.method ?? 'GET',
        path: req.url?.split('?')[0] ?? '',
        query: search,
        operationId,
        notImplemented: false,
        status,
        durationMs: Math.round(((0,elapsed/* monotonicMs */.d)() - started) * 100) / 100,
        actor: (0,state_actor/* actingUser */.e)(actor)?.login ?? null,
        changes: journal.changes,
        deliveries,
    }, {});
    const ctx = () => (0,context/* requestContext */.V)(core, { actor, journal, requestId, deliveries });
    const repo = store.repoByFullName(owner, name);
    try {
        if (service !== 'git-upload-pack' && service !== 'git-receive-pack')
            throw new state_errors/* ApiError */.hD(403, 'Service not available');
        const token = (0,auth/* credential */.e)(req.headers.authorization);
        if (token)
            actor = (0,auth/* resolveActor */.i)(store, token, core.unknownTokenUserId, core.now());
        if (actor.kind === 'app')
            throw new state_errors/* ApiError */.hD(401, 'Invalid username or password.');
        if (actor.kind === 'anonymous' && (write || !repo || repo.private))
            throw new state_errors/* ApiError */.hD(401, 'Authentication required');
        if (!repo)
            throw new state_errors/* ApiError */.hD(404, 'Repository not found.');
        (0,permissions/* authorize */.Gq)(store, actor, repo, write ? permissions/* NEED */.$B.contentsWrite : permissions/* NEED */.$B.contentsRead);
    }
    catch (error) {
        req.resume();
        status = error instanceof state_errors/* ApiError */.hD ? error.status : 500;
        const message = error instanceof state_errors/* ApiError */.hD ? error.message : 'Server Error';
        if (status === 401)
            plain(res, 401, message, { 'www-authenticate': 'Basic realm="GitHub"' });
        else if (status === 404)
            plain(res, 404, 'Repository not found.');
        else
            plain(res, status, `Permission to ${owner}/${name}.git denied to ${(0,state_actor/* actingUser */.e)(actor)?.login ?? 'anonymous'}.`);
        log();
        return;
    }
    const pushing = write && req.method === 'POST';
    const run = async () => {
        if (!write)
            await syncPullRefs(core, repo).catch((error) => core.config.warn(`pull request refs of ${owner}/${name} not updated: ${error instanceof Error ? error.message : String(error)}`));
        const before = pushing ? repo.git.refs.list('refs/') : undefined;
        // A push is answered only once pull requests and webhooks have caught up with it, so an agent
        // that pushes and then reads its pull request sees the new head (GitHub is eventually there).
        const afterPush = async () => {
            if (!before)
                return;
            const after = repo.git.refs.list('refs/');
            const updates = [];
            // refs/pull/* are the clone's own (kept in step by fetches, never pushed to).
            const own = (ref) => ref.startsWith('refs/pull/');
            for (const [ref, sha] of after)
                if (!own(ref) && before.get(ref) !== sha)
                    updates.push({ ref, before: before.get(ref) ?? null, after: sha });
            for (const [ref, sha] of before)
                if (!own(ref) && !after.has(ref))
                    updates.push({ ref, before: sha, after: null });
            const pusher = (0,state_actor/* actingUser */.e)(actor) ?? store.get('user', repo.ownerId);
            await (0,refs/* afterRefsChanged */.j)(ctx(), repo, updates, pusher);
        };
        status = await runBackend(serving, req, res, {
            projectRoot: (0,external_node_path_.dirname)(repo.git.gitDir),
            pathInfo: `/${(0,external_node_path_.basename)(repo.git.gitDir)}/${servicePath}`,
            search,
            user: (0,state_actor/* actingUser */.e)(actor)?.login ?? '',
        }, afterPush);
    };
    try {
        await (write ? core.locks.run(repo.git.gitDir, run) : run());
    }
    catch (error) {
        status = 500;
        core.config.warn(`git ${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
        plain(res, 500, 'git failed');
    }
    finally {
        log();
    }
}
/** Runs git http-backend as a CGI program and streams its answer; resolves with the HTTP status. */
function runBackend(serving, req, res, request, beforeEnd) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['http-backend'], {
            env: (0,env/* gitEnv */.g)({
                GIT_PROJECT_ROOT: request.projectRoot,
                GIT_HTTP_EXPORT_ALL: '1',
                PATH_INFO: request.pathInfo,
                REQUEST_METHOD: req.method ?? 'GET',
                QUERY_STRING: request.search,
                CONTENT_TYPE: req.headers['content-type'] ?? '',
                REMOTE_USER: request.user,
                REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
                HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
                HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
                // Pull request refs are GitHub's: pushes to them are refused as git refuses hidden refs.
                GIT_CONFIG_COUNT: '1',
                GIT_CONFIG_KEY_0: 'receive.hideRefs',
                GIT_CONFIG_VALUE_0: 'refs/pull/',
                GIT_HTTP_MAX_REQUEST_BUFFER: String(MAX_PUSH_BYTES),
            }),
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        serving.children.add(child);
        let status = 200;
        let headerBuffer = Buffer.alloc(0);
        let received = 0;
        let stderr = '';
        req.on('data', (chunk) => {
            received += chunk.length;
            if (received > MAX_PUSH_BYTES) {
                child.kill('SIGKILL');
                req.destroy();
            }
        });
        req.pipe(child.stdin);
        child.stdin.on('error', () => { });
        child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4096)));
        child.stdout.on('data', (chunk) => {
            if (!headerBuffer) {
                res.write(chunk);
                return;
            }
            headerBuffer = Buffer.concat([headerBuffer, chunk]);
            const end = headerEnd(headerBuffer);
            if (end === undefined)
                return;
            const headers = {};
            for (const line of headerBuffer.subarray(0, end.at).toString('latin1').split(/\r?\n/)) {
                const colon = line.indexOf(':');
                if (colon === -1)
                    continue;
                const key = line.slice(0, colon).trim().toLowerCase();
                const value = line.slice(colon + 1).trim();
                if (key === 'status')
                    status = Number.parseInt(value, 10) || 200;
                else
                    headers[key] = value;
            }
            res.writeHead(status, headers);
            const rest = headerBuffer.subarray(end.at + end.length);
            headerBuffer = undefined;
            if (rest.length > 0)
                res.write(rest);
        });
        child.on('close', (code) => {
            serving.children.delete(child);
            if (headerBuffer !== undefined) {
                status = 500;
                plain(res, 500, `git http-backend failed (${code}): ${stderr.trim()}`);
                resolve(status);
                return;
            }
            beforeEnd().then(() => {
                res.end();
                resolve(status);
            }, (error) => {
                res.end();
                reject(error);
            });
        });
        child.on('error', () => {
            serving.children.delete(child);
            status = 500;
            plain(res, 500, 'git http-backend could not be started');
            resolve(status);
        });
    });
}
function headerEnd(buffer) {
    const crlf = buffer.indexOf('\r\n\r\n');
    const lf = buffer.indexOf('\n\n');
    if (crlf !== -1 && (lf === -1 || crlf < lf))
        return { at: crlf, length: 4 };
    if (lf !== -1)
        return { at: lf, length: 2 };
    return undefined;
}

// EXTERNAL MODULE: ./src/clones/github/http/route.ts
var http_route = __webpack_require__(4944);
// EXTERNAL MODULE: ./src/clones/github/http/admission.ts
var http_admission = __webpack_require__(95452);
// EXTERNAL MODULE: ./src/clones/github/http/router.ts
var http_router = __webpack_require__(19064);
;// CONCATENATED MODULE: ./src/clones/github/http/server.ts












// GitHub's own headers (what API clients read); its CORS headers are left out, they only matter to
// browsers. Headers travel as a flat [name, value, …] list, which Node writes without an object.
const BASE_HEADERS = ['server', 'GitHub.com', 'x-github-media-type', 'github.v3; format=json'];
/**
 * The REST API versions GitHub serves, newest first; without `X-GitHub-Api-Version` it selects
 * 2022-11-28. The clone answers both with the bodies of 2022-11-28.
 */
const API_VERSIONS = ['2026-03-10', '2022-11-28'];
const DEFAULT_API_VERSION = '2022-11-28';
/** The version a request selects; GitHub's 400 for one it does not serve. */
function apiVersion(req) {
    const asked = req.headers['x-github-api-version'];
    if (asked === undefined)
        return DEFAULT_API_VERSION;
    const version = Array.isArray(asked) ? asked.join(', ') : asked.trim();
    if (API_VERSIONS.includes(version))
        return version;
    const supported = API_VERSIONS.map((name, i) => `"${name}"${i === 0 ? ' (most recent)' : ''}`).join(', ');
    throw new state_errors/* ApiError */.hD(400, `The version you specified in the "X-GitHub-Api-Version" request header, "${version}", is not a supported version. The following versions are currently supported: ${supported}.`);
}
const JSON_TYPE = 'application/json; charset=utf-8';
const VARY = 'Accept, Authorization, Cookie, X-GitHub-OTP';
/** Shared by requests without a query string; handlers only read it. */
const NO_QUERY = new URLSearchParams();
/** Serves one REST request and records it (operation id, bodies, changes) in the request log. */
async function handleRest(core, router, exchange, mount) {
    const started = performance.now();
    const { req, res, path, search } = exchange;
    const method = req.method ?? 'GET';
    const requestId = (0,request_id/* nextRequestId */.w)();
    const headers = [...BASE_HEADERS, 'x-github-request-id', requestId];
    const journal = new state_store/* Journal */.CQ();
    const deliveries = [];
    const outcome = {
        operationId: null,
        notImplemented: false,
        actor: { kind: 'anonymous' },
        status: 500,
        docs: state_errors/* DOCS_ROOT */.Br,
    };
    try {
        const raw = await (0,http_body/* readBody */.x)(req, core.config.maxBodyBytes).catch((error) => {
            if (!(error instanceof http_body/* BodyTooLargeError */.A))
                throw error;
            headers.push('connection', 'close');
            throw new state_errors/* ApiError */.hD(413, `Request body too large (the limit is ${core.config.maxBodyBytes} bytes)`);
        });
        outcome.requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
        headers.push('x-github-api-version-selected', apiVersion(req));
        const fault = core.faults.take(method, path);
        await strikeBefore(fault);
        const match = findRoute(router, method, path);
        const route = match?.route.value;
        if (!match || !route) {
            outcome.notImplemented = true;
            throw new state_errors/* ApiError */.hD(404, 'Not Found');
        }
        outcome.operationId = route.operationId;
        outcome.docs = (0,http_route/* docsUrl */.fs)(route.docs);
        const admission = (0,http_admission/* admit */.w4)(core, route, req.headers.authorization, headers, requestId);
        outcome.actor = admission.actor;
        const cacheKey = method === 'GET' && route.cache ? responseKey(outcome.actor, mount, exchange) : undefined;
        const hit = cacheKey === undefined ? undefined : core.responses.get(core.store, cacheKey);
        if (hit) {
            strikeAfter(fault);
            outcome.status = 200;
            sendRendered(core, req, res, headers, hit, admission, outcome);
            return;
        }
        const ctx = {
            ...(0,context/* requestContext */.V)(core, { urls: mount.urls, actor: outcome.actor, journal, requestId, deliveries }),
            method,
            path,
            params: match.params,
            query: search ? new URLSearchParams(search) : NO_QUERY,
            body: method === 'GET' ? undefined : parseJson(outcome.requestText),
            headers: req.headers,
            // On the API base the bodies use, so `Link` leads a client back the way it came (api.github.com in route mode).
            selfUrl: `${mount.urls.api}${path}`,
        };
        const version = core.store.version;
        const store = core.store;
        const reply = await route.handler(ctx);
        strikeAfter(fault);
        outcome.status = reply.status;
        if (reply.kind === 'raw') {
            addHeaders(headers, reply.headers);
            headers.push('content-type', reply.contentType);
            outcome.responseText = typeof reply.data === 'string' ? reply.data : `<${reply.data.length} bytes>`;
            send(res, reply.status, headers, reply.data);
        }
        else if (reply.body === undefined) {
            addHeaders(headers, reply.headers);
            send(res, reply.status, headers, undefined);
        }
        else if (method === 'GET' && reply.status === 200) {
            const rendered = render(reply.body, reply.headers);
            if (cacheKey !== undefined)
                core.responses.set(store, version, cacheKey, rendered);
            sendRendered(core, req, res, headers, rendered, admission, outcome);
        }
        else {
            addHeaders(headers, reply.headers);
            outcome.responseText = JSON.stringify(reply.body);
            headers.push('content-type', JSON_TYPE);
            send(res, reply.status, headers, outcome.responseText);
        }
    }
    catch (error) {
        sendError(core, exchange, error, headers, outcome);
    }
    finally {
        // A handler may also have changed records in place: answers rendered before are stale.
        if (journal.changes.length > 0)
            core.store.touch();
        core.log.add({
            requestId,
            kind: 'rest',
            method,
            path: `${mount.prefix}${path}`,
            query: search,
            operationId: outcome.operationId,
            notImplemented: outcome.notImplemented,
            status: outcome.status,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            actor: outcome.actor.kind === 'app' ? `app:${outcome.actor.app.slug}` : ((0,state_actor/* actingUser */.e)(outcome.actor)?.login ?? null),
            changes: journal.changes,
            deliveries,
        }, { request: outcome.requestText, response: outcome.responseText });
    }
}
/**
 * A 200 GET with GitHub's cache validators (`ETag`, and `Last-Modified` for a single resource), or
 * `304 Not Modified` when the request's `If-None-Match` / `If-Modified-Since` match them: no body,
 * and (as on GitHub) not counted against the rate limit.
 */
function sendRendered(core, req, res, headers, rendered, admission, outcome) {
    headers.push(...rendered.headers, 'etag', rendered.etag, 'vary', VARY);
    if (rendered.lastModified !== undefined)
        headers.push('last-modified', rendered.lastModified);
    if (notModified(req, rendered)) {
        outcome.status = 304;
        if (admission.counted) {
            const rate = core.limiter.refund(admission.counted.key, admission.counted.resource, Date.now());
            replaceRateHeaders(headers, (0,rate_limit/* rateHeaders */.h)(rate));
        }
        send(res, 304, headers, undefined);
        return;
    }
    outcome.responseText = rendered.text;
    headers.push('content-type', JSON_TYPE);
    send(res, 200, headers, rendered.bytes);
}
function notModified(req, rendered) {
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch !== undefined)
        return ifNoneMatch
            .split(',')
            .map((tag) => tag.trim())
            .some((tag) => tag === '*' || tag === rendered.etag || tag === rendered.etag.slice(2));
    const ifModifiedSince = req.headers['if-modified-since'];
    if (ifModifiedSince === undefined || rendered.lastModified === undefined)
        return false;
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Date.parse(rendered.lastModified) <= since;
}
/**
 * What a cacheable route's answer depends on besides the state: who asks (an installation token
 * by token, since each token has its own permissions), where the API is mounted and under which
 * host (the URLs in the body), the path and query, and the media type asked for.
 */
function responseKey(actor, mount, exchange) {
    const who = actor.kind === 'user'
        ? `u${actor.user.id}`
        : actor.kind === 'installation'
            ? `t${actor.token.id}`
            : actor.kind === 'app'
                ? `a${actor.app.id}`
                : '-';
    const accept = exchange.req.headers.accept ?? '';
    return `${who} ${mount.urls.api} ${mount.prefix}${exchange.path}?${exchange.search} ${accept}`;
}
function replaceRateHeaders(headers, replacement) {
    for (let i = 0; i < replacement.length; i += 2) {
        const at = headers.indexOf(replacement[i]);
        if (at !== -1 && at % 2 === 0)
            headers[at + 1] = replacement[i + 1];
    }
}
function findRoute(router, method, path) {
    try {
        return router.match(method, path);
    }
    catch (error) {
        if (error instanceof http_router/* BadPathError */.f)
            throw new state_errors/* ApiError */.hD(400, error.message);
        throw error;
    }
}
function parseJson(text) {
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new state_errors/* ApiError */.hD(400, 'Problems parsing JSON');
    }
}
/** GitHub's error body for an ApiError; anything else is a 500 (and a bug, reported). */
function sendError(core, exchange, error, headers, outcome) {
    let message = 'Server Error';
    let errors;
    if (error instanceof state_errors/* ApiError */.hD) {
        outcome.status = error.status;
        message = error.message;
        errors = error.extra.errors;
        if (error.extra.documentationUrl)
            outcome.docs = error.extra.documentationUrl;
        addHeaders(headers, error.extra.headers);
        if (error.status === 401 && !error.extra.headers?.['www-authenticate'])
            headers.push('www-authenticate', 'Bearer realm="GitHub"');
    }
    else {
        outcome.status = 500;
        core.config.warn(`${exchange.req.method} ${exchange.path} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    outcome.responseText = JSON.stringify((0,state_errors/* errorBody */.t4)(outcome.status, message, outcome.docs, errors));
    headers.push('content-type', JSON_TYPE);
    send(exchange.res, outcome.status, headers, outcome.responseText);
}
function addHeaders(list, headers) {
    if (headers)
        for (const name in headers)
            list.push(name, headers[name]);
}
function send(res, status, headers, body) {
    if (res.headersSent)
        return;
    if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
    }
    headers.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
    res.writeHead(status, headers);
    res.end(body);
}

// EXTERNAL MODULE: ./src/clones/github/state/snapshot.ts + 3 modules
var snapshot = __webpack_require__(87297);
;// CONCATENATED MODULE: ./src/clones/github/clone.ts







/** A request sent to api.github.com and routed here by route mode's proxy: it gets GitHub's own URLs. */
function viaGitHubHost(req) {
    const host = req.headers.host;
    return host === 'api.github.com' || host === 'api.github.com:443';
}
/**
 * Seeds a clone whose port `openGitHubClone` bound and makes its request handler; the held requests
 * reach it when `serve()` is called.
 */
function buildGitHubClone(listening, options) {
    const seedRules = options.seedRoot === undefined ? {} : { root: options.seedRoot };
    const { seed, source } = (0,named/* loadSeed */.Gm)(options.seed ?? 'small-project', options.cwd, seedRules);
    const { dir, token, controlToken, base, port } = listening;
    const core = new CloneCore(dir, token, {
        webhook: options.webhook,
        rateLimit: options.rateLimit,
        strictTokens: options.strictTokens,
        maxBodyBytes: options.maxBodyBytes ?? 25 * 1024 * 1024,
        clock: options.clock ?? (() => new Date()),
        logCapacity: options.logCapacity,
        warn: options.logger ?? ((line) => process.stderr.write(`archal github clone: ${line}\n`)),
    });
    const children = new Set();
    core.applySeed(seed, source);
    // The REST route table is built on the first REST request: importing its ~200 operations (their
    // body schemas) cost every run that never calls the REST API (most scenarios' agents start after
    // the clone, and many only read) a few milliseconds of page faults.
    let router;
    const restRoutes = () => (router ??= Promise.all(/* import() */[__webpack_require__.e(375), __webpack_require__.e(254)]).then(__webpack_require__.bind(__webpack_require__, 90375)).then(({ restRouter }) => restRouter()));
    const handler = (req, res) => {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const path = q === -1 ? url : url.slice(0, q);
        const search = q === -1 ? '' : url.slice(q + 1);
        let work;
        const exchange = { req, res, path, search };
        if (path === '/_archal' || path.startsWith('/_archal/'))
            // Loaded on first use, as the routes below: its schemas cost every clone's start, and a
            // scenario run's agent never calls it.
            work = Promise.all(/* import() */[__webpack_require__.e(254), __webpack_require__.e(492)]).then(__webpack_require__.bind(__webpack_require__, 62492)).then(({ handleControl }) => handleControl(core, exchange, controlToken));
        else if (path === '/mcp')
            work = Promise.all(/* import() */[__webpack_require__.e(463), __webpack_require__.e(344), __webpack_require__.e(375), __webpack_require__.e(254), __webpack_require__.e(676)]).then(__webpack_require__.bind(__webpack_require__, 75676)).then(({ handleMcp }) => handleMcp(core, exchange, viaGitHubHost(req) ? core.urlsGitHub : core.urls));
        else if (path === '/graphql' || path === '/api/graphql')
            // Loaded on first use: GitHub's schema takes a second to build.
            work = Promise.all(/* import() */[__webpack_require__.e(645), __webpack_require__.e(375), __webpack_require__.e(254), __webpack_require__.e(188), __webpack_require__.e(999)]).then(__webpack_require__.bind(__webpack_require__, 27236)).then(({ handleGraphql }) => handleGraphql(core, exchange, viaGitHubHost(req) ? core.urlsGitHub : core.urls));
        else if (path.startsWith(BLOB_PREFIX))
            work = handleBlob(core, exchange);
        else if (path.startsWith('/twirp/'))
            work = handleResults(core, exchange, TWIRP_PATH.exec(path)?.[1] ?? '');
        else {
            const git = GIT_PATH.exec(path);
            if (git)
                work = handleGit(core, { children }, exchange, git);
            else if (path === '/api/v3' || path.startsWith('/api/v3/'))
                work = restRoutes().then((router) => handleRest(core, router, { ...exchange, path: path.slice(7) || '/' }, { prefix: '/api/v3', urls: core.urlsV3 }));
            else
                work = restRoutes().then((router) => handleRest(core, router, exchange, {
                    prefix: '',
                    urls: viaGitHubHost(req) ? core.urlsGitHub : core.urls,
                }));
        }
        work.catch((error) => {
            core.config.warn(error instanceof Error ? (error.stack ?? error.message) : String(error));
            if (!res.headersSent)
                res.writeHead(500).end();
        });
    };
    core.setBase(base);
    let stopped;
    const running = listening.server;
    const handle = {
        state: () => (0,snapshot/* snapshot */.P)(core.store, { seed: core.seedSource }),
        reset: async () => core.reset(),
        seed: async (input) => {
            core.reseed(input, options.cwd, seedRules);
        },
        requests: (filter) => core.log.list(filter),
        clearRequests: () => core.log.clear(),
        deliveries: () => core.webhooks.list(),
        idle: () => core.webhooks.idle(),
        workflowRun: async (request) => (await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 90798))).createWorkflowRun(core, request),
        repositoryPath: (fullName) => {
            const [owner = '', name = ''] = fullName.split('/');
            return core.store.repoByFullName(owner, name)?.git.gitDir;
        },
        stop: () => (stopped ??= (async () => {
            core.webhooks.stop();
            await new Promise((resolve) => {
                running.close(() => resolve());
                running.closeAllConnections();
            });
            for (const child of children)
                child.kill('SIGKILL');
            await Promise.all([...children].map((child) => new Promise((resolve) => child.exitCode !== null ? resolve() : child.once('close', () => resolve()))));
            listening.removeDir();
        })()),
    };
    return {
        clone: { apiUrl: base, gitUrl: base, token, controlToken, dir, port, handle },
        serve: () => listening.serve(handler),
    };
}


/***/ }),

/***/ 87834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aX: () => (/* binding */ registerWorkflowRun),
/* harmony export */   t8: () => (/* binding */ findJobByBackendId),
/* harmony export */   v4: () => (/* binding */ findRunByBackendId)
/* harmony export */ });
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91052);
/* harmony import */ var _seed_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86883);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3435);
/* harmony import */ var _state_runtime_token_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20482);
/* harmony import */ var _state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40548);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(39991);






/** How long a minted `GITHUB_TOKEN` and runtime token live (GitHub's job limit is 6 hours). */
const JOB_LIFETIME_MS = 6 * 3_600_000;
/**
 * Registers a workflow run of `repo` as GitHub starts one: the run and its jobs (each with results
 * backend ids), a `GITHUB_TOKEN`, and each job's `ACTIONS_RUNTIME_TOKEN`. The run's backend id is
 * what ties artifact uploads to this repository.
 */
function registerWorkflowRun(ctx, repo, input) {
    const actor = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_5__/* .actingUser */ .e)(ctx.actor) ?? ctx.store.get('user', repo.ownerId);
    const headBranch = input.headBranch ?? repo.defaultBranch;
    const headSha = input.headSha ?? repo.git.branch(headBranch);
    if (!headSha || !repo.git.readCommit(headSha))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, `No commit found for ${input.headSha ? `SHA: ${input.headSha}` : `branch ${headBranch}`}`);
    if (input.backendId && ctx.store.where('workflowRun', `backend:${input.backendId}`).length > 0)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, `a workflow run with backend id ${input.backendId} already exists`);
    for (const job of input.jobs ?? [])
        if (job.backendId && ctx.store.where('workflowJob', `backend:${job.backendId}`).length > 0)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, `a job with backend id ${job.backendId} already exists`);
    const path = input.workflow ?? '.github/workflows/archal.yml';
    const { run, jobs } = (0,_state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_4__/* .insertWorkflowRun */ .qn)(ctx.store, ctx.journal, {
        repo,
        actor,
        path,
        name: input.name ??
            path
                .split('/')
                .pop()
                .replace(/\.ya?ml$/, ''),
        event: input.event ?? 'push',
        headBranch,
        headSha,
        status: input.status ?? 'in_progress',
        conclusion: input.conclusion ?? null,
        backendId: input.backendId,
        createdAt: ctx.now,
        jobs: input.jobs?.length ? input.jobs : [{ name: 'build' }],
    });
    const now = ctx.core.now();
    const token = (0,_state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_4__/* .issueActionsToken */ .Yb)(ctx.store, ctx.journal, repo, {
        permissions: input.permissions ?? _state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_ACTIONS_PERMISSIONS */ .F0,
        at: ctx.now,
        expiresAt: (0,_seed_time_js__WEBPACK_IMPORTED_MODULE_1__/* .isoSeconds */ .nE)(new Date(now.getTime() + JOB_LIFETIME_MS)),
    });
    ctx.core.redactor.add(token.token);
    const seconds = Math.floor(now.getTime() / 1000);
    const registered = jobs.map((job) => ({
        job,
        runtimeToken: (0,_state_runtime_token_js__WEBPACK_IMPORTED_MODULE_3__/* .runtimeToken */ .C)({ runBackendId: run.backendId, jobBackendId: job.backendId }, ctx.core.signingKey, seconds, JOB_LIFETIME_MS / 1000),
    }));
    return {
        run,
        jobs: registered,
        githubToken: token.token,
        env: runnerEnv(ctx, repo, run, registered[0], token.token),
    };
}
function runnerEnv(ctx, repo, run, first, githubToken) {
    const name = (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(ctx, repo);
    const ref = run.headBranch ? `refs/heads/${run.headBranch}` : '';
    return {
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_REPOSITORY: name,
        GITHUB_REPOSITORY_OWNER: name.split('/')[0],
        GITHUB_REPOSITORY_ID: String(repo.id),
        GITHUB_RUN_ID: String(run.id),
        GITHUB_RUN_NUMBER: String(run.runNumber),
        GITHUB_RUN_ATTEMPT: String(run.runAttempt),
        GITHUB_WORKFLOW: run.name,
        GITHUB_JOB: first.job.name,
        GITHUB_EVENT_NAME: run.event,
        GITHUB_SHA: run.headSha,
        GITHUB_REF: ref,
        GITHUB_REF_NAME: run.headBranch ?? '',
        GITHUB_SERVER_URL: ctx.core.base,
        GITHUB_API_URL: ctx.core.base,
        GITHUB_GRAPHQL_URL: `${ctx.core.base}/graphql`,
        GITHUB_TOKEN: githubToken,
        ACTIONS_RUNTIME_TOKEN: first.runtimeToken,
        ACTIONS_RESULTS_URL: `${ctx.core.base}/`,
    };
}
function findRunByBackendId(ctx, backendId) {
    return ctx.store.where('workflowRun', `backend:${backendId}`)[0];
}
function findJobByBackendId(ctx, run, backendId) {
    return ctx.store.where('workflowJob', `backend:${backendId}`).find((job) => job.runId === run.id);
}


/***/ }),

/***/ 90962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ createArtifact),
/* harmony export */   E8: () => (/* binding */ runLogsPath),
/* harmony export */   EE: () => (/* binding */ logDownloadUrl),
/* harmony export */   FG: () => (/* binding */ runArtifactNamed),
/* harmony export */   FW: () => (/* binding */ jobLogPath),
/* harmony export */   XZ: () => (/* binding */ finalizeArtifact),
/* harmony export */   _0: () => (/* binding */ stageArtifactBlock),
/* harmony export */   _d: () => (/* binding */ isExpired),
/* harmony export */   bG: () => (/* binding */ removeArtifact),
/* harmony export */   mg: () => (/* binding */ commitArtifactBlocks),
/* harmony export */   rh: () => (/* binding */ runArtifacts),
/* harmony export */   sv: () => (/* binding */ artifactDownloadUrl)
/* harmony export */ });
/* unused harmony exports MAX_BLOCK_BYTES, signedBlobUrl, artifactBlobPath */
/* harmony import */ var _seed_time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86883);
/* harmony import */ var _state_blobs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94742);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3435);
/* harmony import */ var _state_signed_urls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34067);




const DAY = 86_400_000;
/** What upload-artifact keeps by default (a repository's maximum retention). */
const DEFAULT_RETENTION_DAYS = 90;
const UPLOAD_URL_LIFETIME = 6 * 3_600_000;
const DOWNLOAD_URL_LIFETIME = 3_600_000;
/** Azure's largest block (4000 MiB) is far beyond what a clone should hold: one block ≤ 256 MiB. */
const MAX_BLOCK_BYTES = 256 * 1024 * 1024;
/** Characters upload-artifact refuses in artifact names (the server checks too). */
const FORBIDDEN_NAME = /["':<>|*?\r\n\\/]/;
const isExpired = (artifact, now) => Date.parse(artifact.expiresAt) <= now.getTime();
/** A URL of the clone's blob endpoint, signed for `permission` on that path only. */
function signedBlobUrl(ctx, path, permission, lifetimeMs) {
    const expiry = new Date(ctx.core.now().getTime() + lifetimeMs);
    return `${ctx.core.base}${path}?${(0,_state_signed_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .signQuery */ .i)(ctx.core.signingKey, path, permission, expiry)}`;
}
const artifactBlobPath = (artifact) => `/_blobs/actions-results/${artifact.id}/${encodeURIComponent(artifact.fileName)}`;
/**
 * CreateArtifact: a pending artifact of the job's run and a URL its bytes are uploaded to. A
 * finalized artifact of the same name makes it a conflict (upload-artifact deletes first to
 * overwrite); a pending one is replaced.
 */
function createArtifact(ctx, run, job, input) {
    if (input.name.trim() === '' || FORBIDDEN_NAME.test(input.name))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, `invalid artifact name "${input.name}": it must not be empty nor contain " : < > | * ? \\ / or line breaks`);
    const existing = ctx.store.where('artifact', `run:${run.id}`).filter((artifact) => artifact.name === input.name);
    if (existing.some((artifact) => artifact.finalized))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(409, `an artifact with this name already exists on the workflow run: ${input.name}`);
    for (const pending of existing)
        removeArtifact(ctx, pending);
    const mimeType = input.mimeType || 'application/zip';
    const now = ctx.core.now();
    const expiresAt = input.expiresAt
        ? (0,_seed_time_js__WEBPACK_IMPORTED_MODULE_0__/* .isoSeconds */ .nE)(new Date(input.expiresAt))
        : (0,_seed_time_js__WEBPACK_IMPORTED_MODULE_0__/* .isoSeconds */ .nE)(new Date(now.getTime() + DEFAULT_RETENTION_DAYS * DAY));
    const id = ctx.store.nextId('artifact');
    const artifact = ctx.store.insert(ctx.journal, 'artifact', {
        id,
        repoId: run.repoId,
        runId: run.id,
        jobId: job.id,
        name: input.name,
        fileName: mimeType === 'application/zip' ? `${input.name}.zip` : input.name,
        mimeType,
        blob: `artifact-${id}`,
        finalized: false,
        sizeInBytes: 0,
        digest: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        expiresAt,
    });
    return { artifact, uploadUrl: signedBlobUrl(ctx, artifactBlobPath(artifact), 'cw', UPLOAD_URL_LIFETIME) };
}
/** Put Block: one staged block of a pending artifact's upload. */
async function stageArtifactBlock(ctx, artifact, blockId, data) {
    if (artifact.finalized)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(409, 'The artifact is finalized: its blob cannot change.');
    if (!blockId)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, 'The value for one of the HTTP headers is not in the correct format: blockid');
    await ctx.core.blobs.stageBlock(artifact.blob, blockId, data, MAX_BLOCK_BYTES);
}
/** Put Block List: the staged blocks, in order, become the artifact's bytes (size and digest recorded). */
async function commitArtifactBlocks(ctx, artifact, blockIds) {
    if (artifact.finalized)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(409, 'The artifact is finalized: its blob cannot change.');
    try {
        const blob = await ctx.core.blobs.commit(artifact.blob, blockIds);
        ctx.store.update(ctx.journal, 'artifact', artifact, {
            sizeInBytes: blob.size,
            digest: `sha256:${blob.sha256}`,
            updatedAt: ctx.now,
        });
    }
    catch (error) {
        if (error instanceof _state_blobs_js__WEBPACK_IMPORTED_MODULE_1__/* .MissingBlockError */ .ap)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, error.message);
        throw error;
    }
}
/**
 * FinalizeArtifact: the upload is complete. The size (and hash, when given) the client computed
 * must be those of the bytes the clone received, so a truncated upload never becomes an artifact.
 */
function finalizeArtifact(ctx, run, input) {
    const artifact = ctx.store
        .where('artifact', `run:${run.id}`)
        .find((candidate) => candidate.name === input.name && !candidate.finalized);
    if (!artifact)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(404, `no pending artifact named "${input.name}" on this workflow run: call CreateArtifact first`);
    const stored = ctx.core.blobs.size(artifact.blob);
    if (stored === undefined)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, `artifact "${input.name}" has no uploaded content: commit its blocks first`);
    if (stored !== input.size)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, `artifact "${input.name}": the finalized size ${input.size} is not the ${stored} bytes uploaded`);
    if (input.hash && input.hash !== artifact.digest)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(400, `artifact "${input.name}": the hash ${input.hash} is not that of the uploaded bytes (${artifact.digest})`);
    ctx.store.update(ctx.journal, 'artifact', artifact, { finalized: true, updatedAt: ctx.now });
    return artifact;
}
/** The finalized, unexpired artifacts of a run, oldest first. */
function runArtifacts(ctx, run) {
    const now = ctx.core.now();
    return ctx.store
        .where('artifact', `run:${run.id}`)
        .filter((artifact) => artifact.finalized && !isExpired(artifact, now))
        .sort((a, b) => a.id - b.id);
}
function runArtifactNamed(ctx, run, name) {
    const artifact = runArtifacts(ctx, run)
        .filter((candidate) => candidate.name === name)
        .at(-1);
    if (!artifact)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(404, `no artifact named "${name}" on this workflow run`);
    return artifact;
}
/** A short-lived signed URL the artifact's bytes are downloaded from; 410 once it has expired. */
function artifactDownloadUrl(ctx, artifact) {
    if (isExpired(artifact, ctx.core.now()))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(410, 'Artifact has expired');
    if (!artifact.finalized)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .notFound */ .mX)();
    return signedBlobUrl(ctx, artifactBlobPath(artifact), 'r', DOWNLOAD_URL_LIFETIME);
}
function removeArtifact(ctx, artifact) {
    ctx.store.remove(ctx.journal, 'artifact', artifact);
    ctx.core.blobs.remove(artifact.blob);
}
/** Logs are served from the blob endpoint too, as GitHub redirects log downloads to storage. */
const jobLogPath = (job) => `/_blobs/actions-logs/jobs/${job.id}`;
const runLogsPath = (run) => `/_blobs/actions-logs/runs/${run.id}/logs.zip`;
const logDownloadUrl = (ctx, path) => signedBlobUrl(ctx, path, 'r', 60_000);


/***/ }),

/***/ 67713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ closingReferences),
/* harmony export */   Y: () => (/* binding */ closeReferencedIssues)
/* harmony export */ });
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91052);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28478);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43953);



/** GitHub's closing keywords, with an optional colon: `Closes #2`, `fixes: acme/widgets#3`. */
const KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const REFERENCE = new RegExp(`(?<![\\w-])(?:${KEYWORDS})\\s*:?\\s+(?:#(\\d+)|([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+)#(\\d+)|https?://\\S+?/([A-Za-z0-9-]+)/([A-Za-z0-9_.-]+)/issues/(\\d+))(?![\\w#/])`, 'gi');
/** The issues a text closes with GitHub's keywords (`#N`, `owner/repo#N`, or an issue URL), in order, once each. */
function closingReferences(text, repoFullName) {
    const seen = new Set();
    const references = [];
    for (const match of text.matchAll(REFERENCE)) {
        const [, local, owner, name, number, urlOwner, urlName, urlNumber] = match;
        const reference = local
            ? { repo: repoFullName.toLowerCase(), number: Number(local) }
            : owner
                ? { repo: `${owner}/${name}`.toLowerCase(), number: Number(number) }
                : { repo: `${urlOwner}/${urlName}`.toLowerCase(), number: Number(urlNumber) };
        const key = `${reference.repo}#${reference.number}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        references.push(reference);
    }
    return references;
}
/**
 * What GitHub does when a pull request whose body references issues with closing keywords is
 * merged into the default branch: each open issue it may triage is closed as completed, by the
 * merger, with a `closed` event naming the merge commit and the `issues.closed` webhook.
 */
async function closeReferencedIssues(ctx, repo, pull, body, merge) {
    if (!body || pull.baseRef !== repo.defaultBranch)
        return;
    for (const reference of closingReferences(body, (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(ctx, repo))) {
        const [owner = '', name = ''] = reference.repo.split('/');
        const target = ctx.store.repoByFullName(owner, name);
        const issue = target ? ctx.store.issueByNumber(target.id, reference.number) : undefined;
        if (!target || !issue || issue.pullId !== null || issue.state !== 'open')
            continue;
        if (target.id !== repo.id && !(0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .userRole */ .KZ)(ctx.store, merge.closer.id, target), 'triage'))
            continue;
        await (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .setIssueState */ .zE)(ctx, target, issue, 'closed', 'completed', { commitId: merge.sha, by: merge.closer });
    }
}


/***/ }),

/***/ 74196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ ownersOf),
/* harmony export */   oZ: () => (/* binding */ readCodeowners),
/* harmony export */   u8: () => (/* binding */ isOwner),
/* harmony export */   v0: () => (/* binding */ codeownersErrors)
/* harmony export */ });
/* unused harmony exports CODEOWNERS_PATHS, parseCodeowners */
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74048);

/**
 * CODEOWNERS, as GitHub reads it: the first of `.github/CODEOWNERS`, `CODEOWNERS`,
 * `docs/CODEOWNERS` on a branch; lines `<pattern> <owner>…` where the last matching line wins and an
 * owner is `@user`, `@org/team` or an e-mail address.
 */
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
function readCodeowners(git, ref) {
    const sha = git.resolveCommit(ref);
    const commit = sha ? git.readCommit(sha) : undefined;
    if (!commit)
        return undefined;
    for (const path of CODEOWNERS_PATHS) {
        const entry = git.entryAt(commit.tree, path);
        const blob = entry ? git.readBlob(entry.sha) : undefined;
        if (blob)
            return { path, rules: parseCodeowners(blob.toString('utf8')) };
    }
    return undefined;
}
function parseCodeowners(text) {
    const rules = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const source = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!source)
            return;
        const [pattern, ...owners] = source.split(/\s+/);
        rules.push({ line: index + 1, pattern: pattern, owners, source: raw });
    });
    return rules;
}
/** A gitignore-style pattern as a regular expression over repository paths. */
function patternRegex(pattern) {
    const anchored = pattern.startsWith('/') || pattern.replace(/\/$/, '').includes('/');
    const directory = pattern.endsWith('/');
    const body = pattern
        .replace(/^\//, '')
        .replace(/\/$/, '')
        .split(/(\*\*\/?|\*|\?)/)
        .map((part) => {
        if (part === '**/' || part === '**')
            return '(?:.*/)?';
        if (part === '*')
            return '[^/]*';
        if (part === '?')
            return '[^/]';
        return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
        .join('')
        .replace(/\(\?:\.\*\/\)\?$/, '.*');
    // `docs/*` owns the files directly in docs/, not those further down.
    const tail = directory ? '/.*' : pattern.endsWith('/*') ? '' : '(?:/.*)?';
    return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${tail}$`);
}
/** The owners of a path: those of the last rule that matches it (none when that rule lists none). */
function ownersOf(file, path) {
    let owners = [];
    for (const rule of file.rules)
        if (patternRegex(rule.pattern).test(path))
            owners = rule.owners;
    return owners;
}
/** Whether a user is one of `owners` (directly, by e-mail, or as a member of an owning team). */
function isOwner(store, repo, owners, userId) {
    const user = store.get('user', userId);
    if (!user)
        return false;
    return owners.some((owner) => {
        if (owner.includes('@') && !owner.startsWith('@'))
            return user.email?.toLowerCase() === owner.toLowerCase();
        const name = owner.replace(/^@/, '');
        const slash = name.indexOf('/');
        if (slash === -1)
            return name.toLowerCase() === user.login.toLowerCase();
        const org = store.userByLogin(name.slice(0, slash));
        const team = org && org.id === repo.ownerId ? (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .teamBySlug */ .Uq)(store, org.id, name.slice(slash + 1)) : undefined;
        return team ? (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .teamMemberIds */ ._s)(store, team).has(userId) : false;
    });
}
/** The problems GitHub reports for a CODEOWNERS file: owners that do not exist or cannot own. */
function codeownersErrors(store, repo, file) {
    const errors = [];
    for (const rule of file.rules) {
        for (const owner of rule.owners) {
            if (owner.includes('@') && !owner.startsWith('@'))
                continue;
            const name = owner.replace(/^@/, '');
            const slash = name.indexOf('/');
            const org = slash === -1 ? undefined : store.userByLogin(name.slice(0, slash));
            const valid = !owner.startsWith('@')
                ? false
                : slash === -1
                    ? store.userByLogin(name) !== undefined
                    : org !== undefined &&
                        org.id === repo.ownerId &&
                        (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .teamBySlug */ .Uq)(store, org.id, name.slice(slash + 1)) !== undefined;
            if (valid)
                continue;
            const column = rule.source.indexOf(owner) + 1;
            errors.push({
                line: rule.line,
                column,
                source: rule.source,
                kind: owner.startsWith('@') ? 'Unknown owner' : 'Invalid owner',
                suggestion: owner.startsWith('@') ? `make sure ${owner} exists and has write access to the repository` : null,
                message: `${owner.startsWith('@') ? 'Unknown owner' : 'Invalid owner'} on line ${rule.line}: ${owner.startsWith('@') ? `make sure ${owner} exists and has write access to the repository` : 'owners are @user, @org/team or an e-mail address'}\n\n  ${rule.source}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
                path: file.path,
            });
        }
    }
    return errors;
}


/***/ }),

/***/ 7666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ requestContext)
/* harmony export */ });
/**
 * The context of one request on `core`: its store and the request's time; the core's URLs unless the
 * request came through another mount, no webhook deliveries yet unless the caller collects them.
 */
function requestContext(core, request) {
    return {
        core,
        store: core.store,
        urls: request.urls ?? core.urls,
        actor: request.actor,
        journal: request.journal,
        requestId: request.requestId,
        deliveries: request.deliveries ?? [],
        now: core.nowIso(),
    };
}


/***/ }),

/***/ 96502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ touch),
/* harmony export */   r: () => (/* binding */ addIssueEvent)
/* harmony export */ });
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39991);

/** Records an issue event (`closed`, `labeled`…) on the issue's timeline. */
function addIssueEvent(ctx, repo, issue, event, extra = {}) {
    return ctx.store.insert(ctx.journal, 'event', {
        id: ctx.store.nextId('event'),
        repoId: repo.id,
        issueId: issue.id,
        actorId: extra.actorId ?? (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_0__/* .actingUser */ .e)(ctx.actor)?.id ?? repo.ownerId,
        event,
        createdAt: ctx.now,
        commitId: null,
        ...extra,
    });
}
/** Any change to an issue or its comments moves its `updated_at`. */
function touch(ctx, issue) {
    ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
}


/***/ }),

/***/ 43953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ resolveMilestone),
/* harmony export */   Bv: () => (/* binding */ editIssueText),
/* harmony export */   Dj: () => (/* binding */ resolveAssignees),
/* harmony export */   FV: () => (/* binding */ insertIssue),
/* harmony export */   Iz: () => (/* binding */ requireEditable),
/* harmony export */   TH: () => (/* binding */ canTriage),
/* harmony export */   Yp: () => (/* binding */ isAssignable),
/* harmony export */   ZC: () => (/* binding */ setIssueLabels),
/* harmony export */   iW: () => (/* binding */ resolveLabels),
/* harmony export */   kD: () => (/* binding */ labelOn),
/* harmony export */   wv: () => (/* binding */ setIssueMilestone),
/* harmony export */   yL: () => (/* binding */ setIssueAssignees),
/* harmony export */   zE: () => (/* binding */ setIssueState)
/* harmony export */ });
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76588);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39991);
/* harmony import */ var _issue_events_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96502);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28478);





/** A new open issue (or the issue half of a pull request), numbered next in its repository. */
function insertIssue(ctx, repo, user, fields) {
    const number = repo.nextNumber;
    ctx.store.update(ctx.journal, 'repo', repo, { nextNumber: number + 1 });
    return ctx.store.insert(ctx.journal, 'issue', {
        id: ctx.store.nextId('issue'),
        repoId: repo.id,
        number,
        title: fields.title,
        body: fields.body ?? null,
        userId: user.id,
        state: 'open',
        stateReason: null,
        labelIds: [],
        assigneeIds: [],
        milestoneId: null,
        locked: false,
        activeLockReason: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        closedAt: null,
        closedById: null,
        pullId: null,
        viaAppId: ctx.actor.kind === 'installation' ? ctx.actor.app.id : null,
    });
}
/** Users and apps that may set labels, assignees and milestones (GitHub drops them silently for others). */
function canTriage(ctx, repo, isPull = false) {
    const actor = ctx.actor;
    if (actor.kind === 'installation') {
        const level = actor.token.permissions[isPull ? 'pull_requests' : 'issues'];
        return (level === 'write' || level === 'admin') && (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .actorRole */ .k_)(ctx.store, actor, repo), 'read');
    }
    return (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .actorRole */ .k_)(ctx.store, actor, repo), 'triage');
}
/** Whether the actor may edit this issue's title, body and state: its author, or a triager. */
function canEdit(ctx, repo, issue) {
    return (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_3__/* .actingUser */ .e)(ctx.actor)?.id === issue.userId || canTriage(ctx, repo, issue.pullId !== null);
}
function isAssignable(ctx, repo, user) {
    return user.type !== 'Organization' && (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .userRole */ .KZ)(ctx.store, user.id, repo), 'triage');
}
/** Labels by name (case-insensitive); missing ones are created, as GitHub does when labels are applied. */
function resolveLabels(ctx, repo, names) {
    const existing = ctx.store.where('label', `repo:${repo.id}`);
    const result = [];
    for (const input of names) {
        const name = (typeof input === 'string' ? input : input.name).trim();
        if (!name)
            continue;
        let label = existing.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        if (!label) {
            label = ctx.store.insert(ctx.journal, 'label', {
                id: ctx.store.nextId('label'),
                repoId: repo.id,
                name,
                color: 'ededed',
                description: null,
                isDefault: false,
            });
            existing.push(label);
        }
        if (!result.includes(label))
            result.push(label);
    }
    return result;
}
/** Assignees by login; anyone who cannot be assigned makes the request a 422. */
function resolveAssignees(ctx, repo, logins) {
    const errors = [];
    const users = [];
    for (const login of logins) {
        const user = ctx.store.userByLogin(login);
        if (!user || !isAssignable(ctx, repo, user))
            errors.push({ resource: 'Issue', field: 'assignees', code: 'invalid', value: login });
        else if (!users.includes(user))
            users.push(user);
    }
    if (errors.length > 0)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)(errors);
    return users.slice(0, 10);
}
function resolveMilestone(ctx, repo, value) {
    if (value === null)
        return null;
    const number = Number(value);
    const milestone = ctx.store.where('milestone', `repo:${repo.id}`).find((candidate) => candidate.number === number);
    if (!milestone)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)([{ resource: 'Issue', field: 'milestone', code: 'invalid', value }]);
    return milestone.id;
}
/** Replaces an issue's labels, recording labeled/unlabeled events and webhooks. */
async function setIssueLabels(ctx, repo, issue, labels) {
    const before = issue.labelIds;
    const after = labels.map((label) => label.id);
    const added = after.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !after.includes(id));
    if (added.length === 0 && removed.length === 0)
        return;
    ctx.store.update(ctx.journal, 'issue', issue, { labelIds: after });
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .touch */ ._)(ctx, issue);
    for (const id of removed) {
        const label = ctx.store.get('label', id);
        if (!label)
            continue;
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'unlabeled', { label: { name: label.name, color: label.color } });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'unlabeled', { label });
    }
    for (const id of added) {
        const label = ctx.store.get('label', id);
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'labeled', { label: { name: label.name, color: label.color } });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'labeled', { label });
    }
}
async function setIssueAssignees(ctx, repo, issue, users) {
    const before = issue.assigneeIds;
    const after = users.map((user) => user.id);
    const added = after.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !after.includes(id));
    if (added.length === 0 && removed.length === 0)
        return;
    ctx.store.update(ctx.journal, 'issue', issue, { assigneeIds: after });
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .touch */ ._)(ctx, issue);
    const assigner = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_3__/* .actingUser */ .e)(ctx.actor)?.id;
    for (const id of removed) {
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'unassigned', { assigneeId: id, assignerId: assigner });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'unassigned', { assignee: ctx.store.get('user', id) });
    }
    for (const id of added) {
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'assigned', { assigneeId: id, assignerId: assigner });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'assigned', { assignee: ctx.store.get('user', id) });
    }
}
async function setIssueMilestone(ctx, repo, issue, milestoneId) {
    const before = issue.milestoneId;
    if (before === milestoneId)
        return;
    ctx.store.update(ctx.journal, 'issue', issue, { milestoneId });
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .touch */ ._)(ctx, issue);
    if (before !== null) {
        const old = ctx.store.get('milestone', before);
        if (old)
            (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'demilestoned', { milestone: { title: old.title } });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'demilestoned', { milestoneId: before });
    }
    if (milestoneId !== null) {
        const milestone = ctx.store.get('milestone', milestoneId);
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'milestoned', { milestone: { title: milestone.title } });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'milestoned', { milestoneId });
    }
}
/**
 * Closes or reopens; `reason` follows GitHub's rules (`completed` by default, `reopened` on reopen).
 * `cause`: the commit that closed it (a merged pull request's) and who is credited with it.
 */
async function setIssueState(ctx, repo, issue, state, reason, cause = {}) {
    if (issue.state === state) {
        if (state === 'closed' && reason && reason !== issue.stateReason)
            ctx.store.update(ctx.journal, 'issue', issue, { stateReason: reason });
        return;
    }
    const pull = issue.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
    if (pull?.merged && state === 'open')
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)([
            {
                resource: 'Issue',
                code: 'custom',
                field: 'state',
                message: 'state cannot be changed. The pull request cannot be reopened.',
            },
        ]);
    if (pull && state === 'open' && !repo.git.branch(pull.headRef))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)([
            {
                resource: 'PullRequest',
                code: 'custom',
                field: 'state',
                message: 'state cannot be changed. The head branch was deleted.',
            },
        ]);
    const actor = cause.by ?? (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_3__/* .actingUser */ .e)(ctx.actor);
    if (state === 'closed') {
        const stateReason = pull ? null : (reason ?? 'completed');
        ctx.store.update(ctx.journal, 'issue', issue, {
            state,
            stateReason: stateReason === 'reopened' ? 'completed' : stateReason,
            closedAt: ctx.now,
            closedById: actor?.id ?? null,
            updatedAt: ctx.now,
        });
        if (pull)
            ctx.store.update(ctx.journal, 'pull', pull, { baseSha: repo.git.branch(pull.baseRef) ?? pull.baseSha });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'closed', {
            stateReason: issue.stateReason,
            ...(cause.commitId ? { commitId: cause.commitId } : {}),
            ...(cause.by ? { actorId: cause.by.id } : {}),
        });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'closed', {}, cause.by);
    }
    else {
        ctx.store.update(ctx.journal, 'issue', issue, {
            state,
            stateReason: pull ? null : 'reopened',
            closedAt: null,
            closedById: null,
            updatedAt: ctx.now,
        });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'reopened', { stateReason: issue.stateReason });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'reopened');
    }
}
/** Title and body edits: a `renamed` event for titles, one `edited` webhook with the old values. */
async function editIssueText(ctx, repo, issue, fields) {
    const changes = {};
    const patch = {};
    if (fields.title !== undefined && fields.title !== issue.title) {
        changes.title = { from: issue.title };
        patch.title = fields.title;
    }
    if (fields.body !== undefined && fields.body !== issue.body) {
        changes.body = { from: issue.body ?? '' };
        patch.body = fields.body;
    }
    if (Object.keys(patch).length === 0)
        return;
    const oldTitle = issue.title;
    ctx.store.update(ctx.journal, 'issue', issue, { ...patch, updatedAt: ctx.now });
    if (patch.title !== undefined)
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_4__/* .addIssueEvent */ .r)(ctx, repo, issue, 'renamed', { rename: { from: oldTitle, to: patch.title } });
    await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, 'edited', { changes });
}
function requireEditable(ctx, repo, issue) {
    if (canEdit(ctx, repo, issue))
        return;
    if (ctx.actor.kind === 'installation')
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'Resource not accessible by integration');
    throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'You do not have permission to edit this issue.');
}
function labelOn(ctx, repo, issue, name) {
    const label = ctx.store
        .where('label', `repo:${repo.id}`)
        .find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!label || !issue.labelIds.includes(label.id))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)('Label does not exist');
    return label;
}


/***/ }),

/***/ 97709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ protectionMergeState),
/* harmony export */   u: () => (/* binding */ mergeProtectionFailure)
/* harmony export */ });
/* harmony import */ var _git_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84648);
/* harmony import */ var _git_history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47523);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3435);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28478);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74048);
/* harmony import */ var _codeowners_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74196);






/*
 * What classic branch protection has against merging a pull request, whoever merges: the
 * evaluation merges (domain/protection.ts, with the admin bypass) and `mergeable_state` share.
 * It needs the state alone (no request context), so the clone's core can hand it to pullStats.
 */
/** The approvals that count: each reviewer's latest decisive review, by someone who can write. */
function approvers(store, repo, pull, protection) {
    const latest = new Map();
    const reviews = store.where('review', `pull:${pull.id}`).sort((a, b) => a.id - b.id);
    for (const review of reviews)
        if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED')
            latest.set(review.userId, { state: review.state, commitId: review.commitId });
    const issue = store.get('issue', pull.issueId);
    return [...latest]
        .filter(([userId, review]) => {
        if (review.state !== 'APPROVED' || userId === issue?.userId)
            return false;
        if (protection.requiredReviews?.dismissStale && review.commitId !== pull.headSha)
            return false;
        return (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .userRole */ .KZ)(store, userId, repo), 'write');
    })
        .map(([userId]) => userId);
}
function passing(store, repo, sha, context) {
    const statuses = store
        .where('status', `sha:${repo.id}:${sha}`)
        .filter((status) => status.context === context)
        .sort((a, b) => b.id - a.id);
    if (statuses[0]?.state === 'success')
        return true;
    const runs = store
        .where('checkRun', `sha:${repo.id}:${sha}`)
        .filter((run) => run.name === context)
        .sort((a, b) => b.id - a.id);
    return runs[0] !== undefined && ['success', 'neutral', 'skipped'].includes(runs[0].conclusion ?? '');
}
/**
 * What the base branch's protection has against merging this pull request now, whoever merges
 * (GitHub's 405, with its message; `behind` for a head not up to date when checks are strict), or
 * nothing. `mergeable_state` reports it as `blocked` or `behind`.
 */
async function mergeProtectionFailure(store, repo, pull) {
    const protection = (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_4__/* .protectionOf */ .fA)(store, repo, pull.baseRef);
    if (!protection)
        return undefined;
    const refuse = (message, behind = false) => ({ error: new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(405, message), behind });
    if (protection.lockBranch)
        return refuse(`Cannot merge into a locked branch: ${pull.baseRef}.`);
    const reviews = protection.requiredReviews;
    if (reviews) {
        const approved = approvers(store, repo, pull, protection);
        if (approved.length < reviews.count)
            return refuse(`At least ${reviews.count} approving review${reviews.count === 1 ? ' is' : 's are'} required by reviewers with write access.`);
        if (reviews.requireCodeOwners) {
            const file = (0,_codeowners_js__WEBPACK_IMPORTED_MODULE_5__/* .readCodeowners */ .oZ)(repo.git, pull.baseRef);
            const base = (0,_git_history_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeBase */ .wu)(repo.git, pull.baseSha, pull.headSha) ?? pull.baseSha;
            if (file) {
                const changed = await (0,_git_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffCommits */ .i)(repo.git, base, pull.headSha);
                for (const entry of changed) {
                    const owners = (0,_codeowners_js__WEBPACK_IMPORTED_MODULE_5__/* .ownersOf */ .K2)(file, entry.filename);
                    if (owners.length === 0)
                        continue;
                    if (!approved.some((userId) => (0,_codeowners_js__WEBPACK_IMPORTED_MODULE_5__/* .isOwner */ .u8)(store, repo, owners, userId)))
                        return refuse(`Waiting on code owner review from ${owners.join(', ')}.`);
                }
            }
        }
    }
    const checks = protection.requiredStatusChecks;
    if (checks) {
        for (const context of checks.contexts)
            if (!passing(store, repo, pull.headSha, context))
                return refuse(`Required status check "${context}" is expected.`);
        const baseTip = repo.git.branch(pull.baseRef);
        if (checks.strict && baseTip && !(0,_git_history_js__WEBPACK_IMPORTED_MODULE_1__/* .isAncestor */ .QX)(repo.git, baseTip, pull.headSha))
            return refuse('Head branch is not up to date with the base branch.', true);
    }
    return undefined;
}
/** `mergeable_state`'s view of protection: `blocked`, `behind` (strict checks, head behind), or nothing. */
async function protectionMergeState(store, repo, pull) {
    const failure = await mergeProtectionFailure(store, repo, pull);
    return failure ? (failure.behind ? 'behind' : 'blocked') : undefined;
}


/***/ }),

/***/ 25991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ markMerged)
/* harmony export */ });
/* harmony import */ var _webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76588);
/* harmony import */ var _closing_references_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67713);
/* harmony import */ var _issue_events_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96502);



/**
 * Records that a pull request was merged (as `sha`, on top of `baseSha`) and closes it, with the
 * `merged` and `closed` events and the `pull_request.closed` webhook. `eventActor`: who the events
 * name when that is not the acting user (a push that merged it).
 */
async function markMerged(ctx, repo, issue, pull, merge) {
    ctx.store.update(ctx.journal, 'pull', pull, {
        merged: true,
        mergedAt: ctx.now,
        mergedById: merge.by.id,
        mergeCommitSha: merge.sha,
        baseSha: merge.baseSha,
    });
    ctx.store.update(ctx.journal, 'issue', issue, {
        state: 'closed',
        closedAt: ctx.now,
        closedById: merge.by.id,
        updatedAt: ctx.now,
    });
    const actor = merge.eventActor ? { actorId: merge.eventActor.id } : {};
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_2__/* .addIssueEvent */ .r)(ctx, repo, issue, 'merged', { ...actor, commitId: merge.sha });
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_2__/* .addIssueEvent */ .r)(ctx, repo, issue, 'closed', {
        ...actor,
        ...(merge.closedCommitId ? { commitId: merge.closedCommitId } : {}),
    });
    await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_0__/* .emitPullEvent */ .X)(ctx, repo, pull, 'closed');
    await (0,_closing_references_js__WEBPACK_IMPORTED_MODULE_1__/* .closeReferencedIssues */ .Y)(ctx, repo, pull, issue.body, { sha: merge.sha, closer: merge.eventActor ?? merge.by });
}


/***/ }),

/***/ 15105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ afterRefsChanged)
});

// EXTERNAL MODULE: ./src/clones/github/git/history.ts
var git_history = __webpack_require__(47523);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/webhooks/payloads.ts
var payloads = __webpack_require__(76588);
// EXTERNAL MODULE: ./src/clones/github/git/diff.ts
var diff = __webpack_require__(84648);
// EXTERNAL MODULE: ./src/clones/github/git/format.ts
var format = __webpack_require__(34576);
// EXTERNAL MODULE: ./src/clones/github/webhooks/emit.ts
var emit = __webpack_require__(3424);
;// CONCATENATED MODULE: ./src/clones/github/webhooks/push.ts





const ZERO = '0000000000000000000000000000000000000000';
/** The `push` event of one ref update, with up to 20 commits and their added/removed/modified files. */
async function emitPush(ctx, repo, update, pusher, forced) {
    if (!ctx.core.webhooks.wants('push'))
        return;
    const git = repo.git;
    const name = (0,repos/* fullName */.fq)({ store: ctx.store, urls: ctx.core.urls }, repo);
    const web = ctx.core.urls.repoHtml(name);
    // A new branch lists the commits the default branch does not have, as GitHub does.
    const defaultTip = git.branch(repo.defaultBranch);
    const exclude = update.before ?? (update.ref === `refs/heads/${repo.defaultBranch}` ? ZERO : (defaultTip ?? ZERO));
    const shas = update.after ? (0,git_history/* commitsBetween */.$q)(git, exclude, update.after) : [];
    const commits = [];
    for (const { sha, commit } of shas.slice(-20)) {
        const parent = commit.parents[0];
        const files = parent ? await (0,diff/* diffCommits */.i)(git, parent, sha) : [];
        const gitUser = (person) => ({
            name: person.name,
            email: person.email,
            ...(userLogin(ctx, person.email) ? { username: userLogin(ctx, person.email) } : {}),
        });
        commits.push({
            id: sha,
            tree_id: commit.tree,
            distinct: true,
            message: commit.message.replace(/\n$/, ''),
            timestamp: (0,format/* personDate */.IV)(commit.author),
            url: `${web}/commit/${sha}`,
            author: gitUser(commit.author),
            committer: gitUser(commit.committer),
            added: files.filter((f) => f.status === 'added').map((f) => f.filename),
            removed: files.filter((f) => f.status === 'removed').map((f) => f.filename),
            modified: files.filter((f) => f.status !== 'added' && f.status !== 'removed').map((f) => f.filename),
        });
    }
    const before = update.before ?? ZERO;
    const after = update.after ?? ZERO;
    (0,emit/* emit */.I)(ctx, 'push', repo, () => ({
        ref: update.ref,
        before,
        after,
        created: update.before === null,
        deleted: update.after === null,
        forced,
        base_ref: null,
        compare: `${web}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
        commits,
        head_commit: commits.at(-1) ?? null,
        pusher: { name: pusher.login, email: pusher.email ?? `${pusher.id}+${pusher.login}@users.noreply.github.com` },
    }), pusher);
}
function userLogin(ctx, email) {
    const noreply = /^\d+\+([^@]+)@users\.noreply\.github\.com$/.exec(email);
    if (noreply)
        return noreply[1];
    for (const user of ctx.store.all('user'))
        if (user.email && user.email.toLowerCase() === email.toLowerCase())
            return user.login;
    return undefined;
}

// EXTERNAL MODULE: ./src/clones/github/webhooks/repo-events.ts
var repo_events = __webpack_require__(4333);
// EXTERNAL MODULE: ./src/clones/github/domain/issue-events.ts
var issue_events = __webpack_require__(96502);
// EXTERNAL MODULE: ./src/clones/github/domain/issues.ts
var issues = __webpack_require__(43953);
// EXTERNAL MODULE: ./src/clones/github/domain/pull-merged.ts
var pull_merged = __webpack_require__(25991);
;// CONCATENATED MODULE: ./src/clones/github/domain/refs.ts








/**
 * Everything GitHub does after refs move, whether through a push or the API: the push webhook,
 * pull requests following their head branch (`synchronize`), closing those whose branch was
 * deleted, and marking as merged those whose head landed in their base.
 */
async function afterRefsChanged(ctx, repo, updates, pusher) {
    if (updates.length === 0)
        return;
    const name = (0,repos/* fullName */.fq)(ctx, repo);
    ctx.store.update(ctx.journal, 'repo', repo, { pushedAt: ctx.now, updatedAt: ctx.now });
    for (const update of updates) {
        ctx.journal.record(update.before === null
            ? { op: 'created', kind: 'ref', id: `${name}:${update.ref}`, key: update.after ?? undefined }
            : update.after === null
                ? { op: 'deleted', kind: 'ref', id: `${name}:${update.ref}`, key: update.before }
                : {
                    op: 'updated',
                    kind: 'ref',
                    id: `${name}:${update.ref}`,
                    fields: { sha: { from: update.before, to: update.after } },
                });
        const forced = update.before !== null && update.after !== null && !(0,git_history/* isAncestor */.QX)(repo.git, update.before, update.after);
        (0,repo_events/* emitRefLifecycle */.lM)(ctx, repo, update, pusher);
        await emitPush(ctx, repo, update, pusher, forced);
        if (update.ref.startsWith('refs/heads/'))
            await followBranch(ctx, repo, update.ref.slice(11), update, pusher);
    }
}
async function followBranch(ctx, repo, branch, update, pusher) {
    for (const pull of ctx.store.where('pull', `repo:${repo.id}`)) {
        const issue = ctx.store.get('issue', pull.issueId);
        if (!issue || issue.state !== 'open')
            continue;
        if (pull.headRef === branch) {
            if (update.after === null) {
                (0,issue_events/* addIssueEvent */.r)(ctx, repo, issue, 'head_ref_deleted', { actorId: pusher.id });
                await (0,issues/* setIssueState */.zE)(ctx, repo, issue, 'closed');
            }
            else if (pull.headSha !== update.after) {
                const before = pull.headSha;
                ctx.store.update(ctx.journal, 'pull', pull, { headSha: update.after });
                ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
                await (0,payloads/* emitPullEvent */.X)(ctx, repo, pull, 'synchronize', { before, after: update.after });
            }
        }
        else if (pull.baseRef === branch) {
            if (update.after === null) {
                await (0,issues/* setIssueState */.zE)(ctx, repo, issue, 'closed');
            }
            else if ((0,git_history/* isAncestor */.QX)(repo.git, pull.headSha, update.after)) {
                // The head landed in the base outside the API (a local merge pushed): GitHub marks it merged.
                await (0,pull_merged/* markMerged */.a)(ctx, repo, issue, pull, {
                    by: pusher,
                    sha: update.after,
                    baseSha: update.before ?? pull.baseSha,
                    eventActor: pusher,
                });
            }
        }
    }
}


/***/ }),

/***/ 54581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ runGit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31140);


/** Runs `git --git-dir <dir> <args>` with the clone's isolated environment; never rejects. */
function runGit(gitDir, args, env = {}) {
    return new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['--git-dir', gitDir, '-c', 'core.quotePath=false', ...args], { env: (0,_env_js__WEBPACK_IMPORTED_MODULE_1__/* .gitEnv */ .g)(env), encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : 128) : 0;
            resolve({ code, stdout, stderr: stderr.toString('utf8') });
        });
    });
}


/***/ }),

/***/ 84648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ unifiedDiff),
/* harmony export */   i: () => (/* binding */ diffCommits)
/* harmony export */ });
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54581);

const STATUS = {
    A: 'added',
    D: 'removed',
    M: 'modified',
    R: 'renamed',
    C: 'copied',
    T: 'changed',
};
const ZERO = '0000000000000000000000000000000000000000';
/** The files that differ between two commits, with line counts and patches, as `git diff -M` sees them. */
async function diffCommits(repo, from, to) {
    const [summary, patches] = await Promise.all([
        (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runGit */ .E)(repo.gitDir, ['diff', '--raw', '--numstat', '-z', '-M', '--no-abbrev', from, to]),
        (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runGit */ .E)(repo.gitDir, ['diff', '-M', '--no-color', '--no-ext-diff', from, to]),
    ]);
    if (summary.code !== 0)
        throw new Error(`git diff failed: ${summary.stderr.trim()}`);
    const files = parseSummary(summary.stdout.toString('utf8'));
    const chunks = patches.stdout
        .toString('utf8')
        .split(/^diff --git /m)
        .slice(1);
    files.forEach((file, index) => {
        const chunk = chunks[index];
        const hunk = chunk?.search(/^@@ /m) ?? -1;
        if (chunk && hunk !== -1)
            file.patch = chunk.slice(hunk).replace(/\n$/, '');
    });
    return files;
}
/** The unified diff of two commits (`application/vnd.github.diff`). */
async function unifiedDiff(repo, from, to) {
    const result = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runGit */ .E)(repo.gitDir, ['diff', '-M', '--no-color', '--no-ext-diff', from, to]);
    return result.stdout.toString('utf8');
}
function parseSummary(text) {
    const tokens = text.split('\0');
    const files = [];
    const counts = [];
    let i = 0;
    while (i < tokens.length) {
        const token = tokens[i];
        if (token === '') {
            i++;
            continue;
        }
        if (token.startsWith(':')) {
            const [, , oldSha, newSha, statusField] = token.slice(1).split(' ');
            const letter = statusField?.[0] ?? 'M';
            const status = STATUS[letter] ?? 'modified';
            if (letter === 'R' || letter === 'C') {
                files.push({
                    previousFilename: tokens[i + 1],
                    filename: tokens[i + 2],
                    status,
                    sha: newSha,
                    additions: 0,
                    deletions: 0,
                });
                i += 3;
            }
            else {
                const sha = newSha === ZERO ? oldSha : newSha;
                files.push({ filename: tokens[i + 1], status, sha, additions: 0, deletions: 0 });
                i += 2;
            }
            continue;
        }
        const [added, deleted, path] = token.split('\t');
        counts.push({ additions: Number(added) || 0, deletions: Number(deleted) || 0 });
        i += path === '' ? 3 : 1;
    }
    files.forEach((file, index) => Object.assign(file, counts[index] ?? {}));
    return files;
}


/***/ }),

/***/ 47523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ commitsBetween),
/* harmony export */   QX: () => (/* binding */ isAncestor),
/* harmony export */   Rz: () => (/* binding */ touchesPath),
/* harmony export */   Vg: () => (/* binding */ logCommits),
/* harmony export */   kC: () => (/* binding */ compareCommits),
/* harmony export */   wu: () => (/* binding */ mergeBase)
/* harmony export */ });
/* unused harmony export ancestors */
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(95287);

function ancestors(repo, tip) {
    return new Set((0,_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .walkCommits */ .AM)(repo, [tip]));
}
function isAncestor(repo, ancestor, descendant) {
    if (ancestor === descendant)
        return true;
    for (const sha of (0,_repo_js__WEBPACK_IMPORTED_MODULE_0__/* .walkCommits */ .AM)(repo, [descendant]))
        if (sha === ancestor)
            return true;
    return false;
}
/**
 * Commits reachable from `tip` newest first by committer date (git log's default order), each
 * with its parsed commit.
 */
function* logCommits(repo, tips) {
    const seen = new Set();
    const pending = [];
    const push = (sha) => {
        if (seen.has(sha))
            return;
        seen.add(sha);
        const commit = repo.readCommit(sha);
        if (!commit)
            return;
        // Keep `pending` sorted by committer time, newest last, so pop() yields the newest.
        const item = { sha, commit };
        let index = pending.length;
        while (index > 0 && pending[index - 1].commit.committer.seconds > commit.committer.seconds)
            index--;
        pending.splice(index, 0, item);
    };
    for (const tip of tips)
        push(tip);
    while (pending.length > 0) {
        const next = pending.pop();
        yield next;
        for (const parent of next.commit.parents)
            push(parent);
    }
}
/** The best common ancestor: the newest commit of `b`'s history that `a` also reaches. */
function mergeBase(repo, a, b) {
    const fromA = ancestors(repo, a);
    for (const { sha } of logCommits(repo, [b]))
        if (fromA.has(sha))
            return sha;
    return undefined;
}
/** Commits in `head` that `base` does not reach, oldest first (a pull request's commits). */
function commitsBetween(repo, base, head) {
    const excluded = ancestors(repo, base);
    const result = [];
    for (const item of logCommits(repo, [head]))
        if (!excluded.has(item.sha))
            result.push(item);
    return result.reverse();
}
function compareCommits(repo, base, head) {
    const ahead = commitsBetween(repo, base, head);
    const behindBy = commitsBetween(repo, head, base).length;
    const status = ahead.length === 0 && behindBy === 0
        ? 'identical'
        : behindBy === 0
            ? 'ahead'
            : ahead.length === 0
                ? 'behind'
                : 'diverged';
    return { mergeBase: mergeBase(repo, base, head), ahead, behindBy, status };
}
/** Whether `path` differs between a commit and its first parent. */
function touchesPath(repo, commit, path) {
    const here = repo.entryAt(commit.tree, path)?.sha;
    const parent = commit.parents[0] ? repo.readCommit(commit.parents[0]) : undefined;
    const before = parent ? repo.entryAt(parent.tree, path)?.sha : undefined;
    return here !== before;
}


/***/ }),

/***/ 93195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ createMergeCommit),
/* harmony export */   M: () => (/* binding */ mergeTrees)
/* harmony export */ });
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54581);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47523);


/** A real three-way merge of two commits (`git merge-tree --write-tree`), without a worktree. */
async function mergeTrees(repo, ours, theirs) {
    const result = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runGit */ .E)(repo.gitDir, ['merge-tree', '--write-tree', '--name-only', ours, theirs]);
    const lines = result.stdout.toString('utf8').split('\n');
    if (result.code === 0)
        return { kind: 'clean', tree: lines[0].trim() };
    if (result.code === 1) {
        const files = [];
        for (const line of lines.slice(1)) {
            if (line === '')
                break;
            files.push(line);
        }
        return { kind: 'conflict', files };
    }
    throw new Error(`git merge-tree failed: ${result.stderr.trim()}`);
}
/** Creates the commit(s) a pull request merge produces and returns the new base tip (nothing is moved). */
async function createMergeCommit(repo, request) {
    const { base, head, method, committer } = request;
    const message = request.message ? `${request.title}\n\n${request.message}` : request.title;
    if (method === 'rebase')
        return rebase(repo, request);
    const merged = await mergeTrees(repo, base, head);
    if (merged.kind === 'conflict')
        return merged;
    const author = method === 'squash' ? (repo.readCommit(head)?.author ?? committer) : committer;
    const sha = repo.writeCommit({
        tree: merged.tree,
        parents: method === 'merge' ? [base, head] : [base],
        author,
        committer,
        message: `${message}\n`,
    });
    return { ...merged, sha };
}
/**
 * Replays each commit of the pull request onto the base. A cherry-pick of C (parent P) onto X is
 * a merge of C with a throwaway commit that has X's tree and parent P: their merge base is then P.
 */
async function rebase(repo, request) {
    let tip = request.base;
    let tree = repo.readCommit(tip).tree;
    for (const { sha, commit } of (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .commitsBetween */ .$q)(repo, request.base, request.head)) {
        const parent = commit.parents[0];
        const onto = repo.writeCommit({
            tree,
            parents: parent ? [parent] : [],
            author: request.committer,
            committer: request.committer,
            message: 'archal rebase step\n',
        });
        const picked = await mergeTrees(repo, onto, sha);
        if (picked.kind === 'conflict')
            return picked;
        tree = picked.tree;
        tip = repo.writeCommit({
            tree,
            parents: [tip],
            author: commit.author,
            committer: request.committer,
            message: commit.message,
        });
    }
    return { kind: 'clean', tree, sha: tip };
}


/***/ }),

/***/ 95452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P9: () => (/* binding */ retryAfter),
/* harmony export */   bE: () => (/* binding */ secondaryLimitMessage),
/* harmony export */   w4: () => (/* binding */ admit)
/* harmony export */ });
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39991);
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88747);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);
/* harmony import */ var _rate_limit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4529);




const RATE_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
/**
 * Who the request acts as, if it may call `route` at all (credentials the route accepts, within
 * the rate limit). Adds the `X-OAuth-Scopes` and `X-RateLimit-*` headers to `headers`.
 */
function admit(core, route, authorization, headers, requestId) {
    const actor = (0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveActor */ .i)(core.store, (0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .credential */ .e)(authorization), core.unknownTokenUserId, core.now());
    const auth = route.auth ?? 'token';
    if (auth !== 'public') {
        if (actor.kind === 'anonymous')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(401, 'Requires authentication');
        if (auth === 'jwt' && actor.kind !== 'app')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(401, 'A JSON web token could not be decoded');
        if (auth === 'token' && actor.kind === 'app')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(403, 'Resource not accessible by integration');
    }
    if (actor.kind === 'user')
        headers.push('x-oauth-scopes', 'repo, read:org, workflow, gist');
    // GitHub does not count calls to /rate_limit.
    if (route.operationId === 'rate-limit/get')
        return { actor, counted: null };
    const { key, label } = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_2__/* .actorKey */ .B)(actor);
    const resource = route.resource ?? 'core';
    const rate = core.limiter.take(key, resource, Date.now());
    headers.push(...(0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_3__/* .rateHeaders */ .h)(rate));
    if (!rate.exceeded)
        return { actor, counted: { key, resource } };
    if (core.limiter.kind === 'secondary') {
        headers.push('retry-after', retryAfter(rate));
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(429, secondaryLimitMessage(requestId), {
            documentationUrl: `${RATE_DOCS}#about-secondary-rate-limits`,
        });
    }
    throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(403, `API rate limit exceeded for ${label}. ${supportNote(requestId)}`, {
        documentationUrl: RATE_DOCS,
    });
}
const supportNote = (requestId) => `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
/** GitHub's message for a secondary rate limit (REST and GraphQL). */
const secondaryLimitMessage = (requestId) => `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ${supportNote(requestId)}`;
/** Seconds until the bucket resets, at least 1: the `Retry-After` of a secondary limit. */
const retryAfter = (rate) => String(Math.max(1, rate.reset - Math.floor(Date.now() / 1000)));


/***/ }),

/***/ 88747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ credential),
  i: () => (/* binding */ resolveActor)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/clones/github/domain/jwt.ts

const looksLikeJwt = (token) => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token);
function decodeJwt(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        return {
            header: JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')),
            payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')),
            signingInput: `${parts[0]}.${parts[1]}`,
            signature: Buffer.from(parts[2], 'base64url'),
        };
    }
    catch {
        return undefined;
    }
}
/** The issuer (`iss`: app id or client id) of a JWT, before its signature is checked. */
function jwtIssuer(token) {
    const iss = decodeJwt(token)?.payload.iss;
    return typeof iss === 'number' || typeof iss === 'string' ? String(iss) : undefined;
}
/**
 * Verifies an app JWT the way GitHub does: RS256 signed by the app's key, `iat` not in the future
 * (60 s of clock drift allowed), `exp` in the future and at most 10 minutes after `iat`.
 */
function verifyAppJwt(token, publicKey, nowSeconds) {
    const decoded = decodeJwt(token);
    if (!decoded || decoded.header.alg !== 'RS256')
        return invalid('A JSON web token could not be decoded');
    let ok;
    try {
        ok = (0,external_node_crypto_.verify)('RSA-SHA256', Buffer.from(decoded.signingInput), publicKey, decoded.signature);
    }
    catch {
        ok = false;
    }
    if (!ok)
        return invalid('A JSON web token could not be decoded');
    const { iat, exp, iss } = decoded.payload;
    if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > nowSeconds + 60)
        return invalid("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
    if (typeof exp !== 'number' || exp <= nowSeconds)
        return invalid("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
    if (exp - iat > 600)
        return invalid("'Expiration time' claim ('exp') is too far in the future");
    return { kind: 'valid', issuer: String(iss) };
}
const invalid = (message) => ({ kind: 'invalid', message });

// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var errors = __webpack_require__(3435);
;// CONCATENATED MODULE: ./src/clones/github/http/auth.ts


/** The credential of a request: `token X`, `Bearer X`, or basic auth whose password (or user) is the token. */
function credential(header) {
    if (!header)
        return undefined;
    const space = header.indexOf(' ');
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const value = space === -1 ? '' : header.slice(space + 1).trim();
    if (scheme === 'token' || scheme === 'bearer')
        return value || undefined;
    if (scheme === 'basic') {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        const user = colon === -1 ? decoded : decoded.slice(0, colon);
        const password = colon === -1 ? '' : decoded.slice(colon + 1);
        // `x-access-token:<token>` (apps), `<user>:<token>` (PATs), `<token>:x-oauth-basic` (legacy).
        if (password && password !== 'x-oauth-basic')
            return password;
        return user || undefined;
    }
    return undefined;
}
/**
 * Who a credential acts as. Known tokens map to their user or installation; an app JWT to its app;
 * any other non-empty token to the seed's default user (agents under test get a fake token), or,
 * with strict tokens (`unknownTokenUserId` null), to GitHub's `401 Bad credentials`.
 */
function resolveActor(store, token, unknownTokenUserId, now) {
    if (!token)
        return { kind: 'anonymous' };
    const record = store.tokenRecord(token);
    if (record?.kind === 'user') {
        const user = store.get('user', record.userId);
        if (user)
            return { kind: 'user', user };
    }
    if (record?.kind === 'installation') {
        if (Date.parse(record.expiresAt) <= now.getTime())
            throw new errors/* ApiError */.hD(401, 'Bad credentials');
        const installation = store.get('installation', record.installationId);
        const app = installation ? store.get('app', installation.appId) : undefined;
        const bot = app ? store.get('user', app.botUserId) : undefined;
        if (!installation || !app || !bot)
            throw new errors/* ApiError */.hD(401, 'Bad credentials');
        return { kind: 'installation', user: bot, app, installation, token: record };
    }
    if (looksLikeJwt(token))
        return { kind: 'app', app: verifiedApp(store, token, now) };
    const user = store.get('user', unknownTokenUserId);
    if (!user)
        throw new errors/* ApiError */.hD(401, 'Bad credentials');
    return { kind: 'user', user };
}
function verifiedApp(store, token, now) {
    const issuer = jwtIssuer(token);
    let app;
    for (const candidate of store.all('app'))
        if (String(candidate.id) === issuer || candidate.clientId === issuer)
            app = candidate;
    if (!app?.publicKey)
        throw new errors/* ApiError */.hD(401, 'A JSON web token could not be decoded');
    const check = verifyAppJwt(token, app.publicKey, Math.floor(now.getTime() / 1000));
    if (check.kind === 'invalid')
        throw new errors/* ApiError */.hD(401, check.message);
    return app;
}


/***/ }),

/***/ 80561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ BodyTooLargeError),
/* harmony export */   x: () => (/* binding */ readBody)
/* harmony export */ });
class BodyTooLargeError extends Error {
}
const EMPTY = Buffer.alloc(0);
/** Reads the request body, refusing more than `limit` bytes (413) without buffering the excess. */
function readBody(req, limit) {
    const length = req.headers['content-length'];
    // No length and no chunked encoding: there is no body (Node discards the empty stream itself).
    if ((length === undefined || length === '0') && req.headers['transfer-encoding'] === undefined)
        return Promise.resolve(EMPTY);
    const declared = Number(length);
    if (Number.isFinite(declared) && declared > limit)
        return Promise.reject(new BodyTooLargeError());
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                req.removeAllListeners('data');
                req.resume();
                reject(new BodyTooLargeError());
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
        req.on('error', reject);
    });
}


/***/ }),

/***/ 4529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ rateHeaders),
/* harmony export */   v: () => (/* binding */ RateLimiter)
/* harmony export */ });
class RateLimiter {
    buckets = new Map();
    kind;
    injected;
    constructor(option) {
        if (option === undefined) {
            this.kind = 'primary';
            return;
        }
        const spec = typeof option === 'number' ? { limit: option } : option;
        this.kind = spec.kind ?? 'primary';
        this.injected = { limit: spec.limit, windowMs: (spec.windowSeconds ?? 3600) * 1000 };
    }
    spec(resource) {
        if (this.injected)
            return this.injected;
        return resource === 'search' ? { limit: 30, windowMs: 60_000 } : { limit: 5000, windowMs: 3_600_000 };
    }
    /** Counts one request against `key`'s bucket. */
    take(key, resource, now) {
        return this.state(key, resource, now, 1);
    }
    /** Gives back one request (a `304 Not Modified`, which GitHub does not count). */
    refund(key, resource, now) {
        const bucket = this.buckets.get(`${resource}:${key}`);
        if (bucket && bucket.used > 0)
            bucket.used--;
        return this.state(key, resource, now, 0);
    }
    peek(key, resource, now) {
        return this.state(key, resource, now, 0);
    }
    reset() {
        this.buckets.clear();
    }
    state(key, resource, now, cost) {
        const { limit, windowMs } = this.spec(resource);
        const id = `${resource}:${key}`;
        let bucket = this.buckets.get(id);
        if (!bucket || bucket.resetAt <= now) {
            bucket = { used: 0, resetAt: now + windowMs };
            this.buckets.set(id, bucket);
        }
        const exceeded = bucket.used + cost > limit;
        if (!exceeded)
            bucket.used += cost;
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
function rateHeaders(state) {
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


/***/ }),

/***/ 28964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ nextRequestId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

let counter = 0;
const prefix = `${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(2).toString('hex').toUpperCase()}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(2).toString('hex').toUpperCase()}:`;
const suffix = `:${process.pid.toString(16).toUpperCase()}`;
/** `X-GitHub-Request-Id`, shaped like GitHub's (`C0DE:1A2B:3F:…`), unique in the process. */
function nextRequestId() {
    counter++;
    return `${prefix}${counter.toString(16).toUpperCase()}${suffix}`;
}


/***/ }),

/***/ 4944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pq: () => (/* binding */ json),
/* harmony export */   V$: () => (/* binding */ noContent),
/* harmony export */   fs: () => (/* binding */ docsUrl),
/* harmony export */   ok: () => (/* binding */ ok),
/* harmony export */   zu: () => (/* binding */ created)
/* harmony export */ });
const json = (status, body, headers) => ({
    kind: 'json',
    status,
    body,
    headers,
});
const ok = (body, headers) => json(200, body, headers);
const created = (body, headers) => json(201, body, headers);
const noContent = () => json(204);
const docsUrl = (docs) => docs.startsWith('http') ? docs : `https://docs.github.com/rest/${docs}`;


/***/ }),

/***/ 19064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ Router),
/* harmony export */   f: () => (/* binding */ BadPathError)
/* harmony export */ });
class BadPathError extends Error {
}
class Router {
    /**
     * `METHOD first-segment fourth-segment` → routes, in registration order. Nearly every route is
     * `/repos/{owner}/{repo}/<literal>/…`: bucketing on the literals spares trying ~100 templates.
     */
    buckets = new Map();
    add(method, template, value) {
        const segments = template
            .split('/')
            .slice(1)
            .map((part) => {
            const range = /^\{(\w+)\}\.\.\.\{(\w+)\}$/.exec(part);
            if (range)
                return { kind: 'range', base: range[1], head: range[2] };
            const greedy = /^\{(\w+)([+*])\}$/.exec(part);
            if (greedy)
                return { kind: 'greedy', name: greedy[1], min: greedy[2] === '+' ? 1 : 0 };
            const param = /^\{(\w+)\}$/.exec(part);
            if (param)
                return { kind: 'param', name: param[1] };
            return { kind: 'literal', value: part };
        });
        const compiled = {
            method,
            template,
            segments,
            greedyAt: segments.findIndex(spansSegments),
            value,
        };
        const key = bucketKey(method, segments);
        let bucket = this.buckets.get(key);
        if (!bucket)
            this.buckets.set(key, (bucket = []));
        bucket.push(compiled);
        return compiled;
    }
    /** Routes in registration order; the first match wins, so register specific templates first. */
    match(method, path) {
        const parts = path.split('/').slice(1);
        for (const key of [`${method} ${parts[0]} ${parts[3] ?? ''}`, `${method} ${parts[0]} *`]) {
            for (const route of this.buckets.get(key) ?? []) {
                const params = matchRoute(route, parts);
                if (params)
                    return { route, params };
            }
        }
        return undefined;
    }
}
/**
 * The bucket of a template: its first literal and, when segments 0–3 are fixed (no greedy
 * parameter before them) and segment 3 is a literal, that literal; otherwise `*`.
 */
function bucketKey(method, segments) {
    const first = segments[0]?.kind === 'literal' ? segments[0].value : '';
    const greedyBefore = segments.slice(0, 4).some(spansSegments);
    const fourth = segments[3];
    const literal = !greedyBefore && fourth?.kind === 'literal' ? fourth.value : '*';
    return `${method} ${first} ${literal}`;
}
/** Segments that may take several parts of a path: greedy parameters and ranges. */
function spansSegments(segment) {
    return segment.kind === 'greedy' || segment.kind === 'range';
}
function decode(part) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        throw new BadPathError(`malformed percent-encoding in "${part}"`);
    }
}
function matchRoute(route, parts) {
    const { segments, greedyAt } = route;
    const after = greedyAt === -1 ? 0 : segments.length - greedyAt - 1;
    const greedyCount = greedyAt === -1 ? 0 : parts.length - greedyAt - after;
    if (greedyAt === -1 ? parts.length !== segments.length : greedyCount < minParts(segments[greedyAt]))
        return undefined;
    // Literal segments first: most routes fail there, before any parameter is decoded.
    const partAt = (i) => (greedyAt === -1 || i < greedyAt ? i : i - 1 + greedyCount);
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (segment.kind === 'literal' && segment.value !== parts[partAt(i)])
            return undefined;
    }
    const params = {};
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (i === greedyAt && segment.kind === 'range') {
            if (!matchSegment(segment, parts.slice(greedyAt, greedyAt + greedyCount).join('/'), params))
                return undefined;
        }
        else if (segment.kind === 'greedy') {
            const value = parts
                .slice(greedyAt, greedyAt + greedyCount)
                .map(decode)
                .join('/');
            if (segment.min > 0 && value === '')
                return undefined;
            params[segment.name] = value;
        }
        else if (!matchSegment(segment, parts[partAt(i)], params))
            return undefined;
    }
    return params;
}
function minParts(segment) {
    return segment.kind === 'greedy' ? segment.min : 1;
}
function matchSegment(segment, part, params) {
    switch (segment.kind) {
        case 'literal':
            return segment.value === part;
        case 'param':
            if (part === '')
                return false;
            params[segment.name] = decode(part);
            return true;
        case 'range': {
            const text = decode(part);
            const at = text.indexOf('...');
            if (at <= 0 || at + 3 >= text.length)
                return false;
            params[segment.base] = text.slice(0, at);
            params[segment.head] = text.slice(at + 3);
            return true;
        }
        case 'greedy':
            return false;
    }
}


/***/ }),

/***/ 4481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ renderAppById),
/* harmony export */   Td: () => (/* binding */ renderInstallation),
/* harmony export */   j5: () => (/* binding */ renderApp)
/* harmony export */ });
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71273);


/** `integration`: a GitHub App. */
function renderApp(view, app) {
    const owner = view.store.get('user', app.ownerId);
    return {
        id: app.id,
        slug: app.slug,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeId */ .s5)('App', app.id),
        client_id: app.clientId,
        owner: (0,_users_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleUser */ .U5)(view, owner),
        name: app.name,
        description: app.description,
        external_url: `${view.urls.web}/apps/${app.slug}`,
        html_url: `${view.urls.web}/apps/${app.slug}`,
        created_at: app.createdAt,
        updated_at: app.updatedAt,
        permissions: { ...app.permissions },
        events: [...app.events],
        installations_count: view.store.countWhere('installation', `app:${app.id}`),
    };
}
function renderAppById(view, id) {
    const app = view.store.get('app', id);
    return app ? renderApp(view, app) : null;
}
/** `installation`. */
function renderInstallation(view, installation) {
    const app = view.store.get('app', installation.appId);
    const account = view.store.get('user', installation.accountId);
    return {
        id: installation.id,
        // GitHub's description of the installation list types `account` as user *and* enterprise;
        // the enterprise fields keep such responses valid and are ignored by clients.
        account: {
            ...(0,_users_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleUser */ .U5)(view, account),
            name: account.name ?? account.login,
            slug: account.login.toLowerCase(),
            created_at: account.createdAt,
            updated_at: account.updatedAt,
        },
        repository_selection: installation.repositorySelection,
        access_tokens_url: `${view.urls.api}/app/installations/${installation.id}/access_tokens`,
        repositories_url: `${view.urls.api}/installation/repositories`,
        html_url: `${view.urls.web}/settings/installations/${installation.id}`,
        app_id: app.id,
        app_slug: app.slug,
        client_id: app.clientId,
        target_id: account.id,
        target_type: account.type,
        permissions: { ...installation.permissions },
        events: [...installation.events],
        created_at: installation.createdAt,
        updated_at: installation.updatedAt,
        single_file_name: null,
        has_multiple_single_files: false,
        single_file_paths: [],
        suspended_by: null,
        suspended_at: null,
    };
}


/***/ }),

/***/ 26208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ renderAnnotations),
/* harmony export */   LG: () => (/* binding */ renderStatus),
/* harmony export */   TH: () => (/* binding */ renderCheckSuite),
/* harmony export */   kL: () => (/* binding */ renderCheckRun)
/* harmony export */ });
/* harmony import */ var _git_format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34576);
/* harmony import */ var _apps_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4481);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71273);





/** Open pull requests whose head is this commit, in the minimal form checks embed. */
function pullRefs(view, repo, sha) {
    const repoUrl = view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .fullName */ .fq)(view, repo));
    const mini = { id: repo.id, url: repoUrl, name: repo.name };
    const refs = [];
    for (const pull of view.store.where('pull', `repo:${repo.id}`)) {
        if (pull.headSha !== sha || view.store.get('issue', pull.issueId)?.state !== 'open')
            continue;
        refs.push({
            url: `${repoUrl}/pulls/${pull.number}`,
            id: pull.id,
            number: pull.number,
            head: { ref: pull.headRef, sha: pull.headSha, repo: mini },
            base: { ref: pull.baseRef, sha: repo.git.branch(pull.baseRef) ?? pull.baseSha, repo: mini },
        });
    }
    return refs;
}
function renderCheckRun(view, repo, run) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .fullName */ .fq)(view, repo);
    const url = `${view.urls.repo(name)}/check-runs/${run.id}`;
    const html = `${view.urls.repoHtml(name)}/runs/${run.id}`;
    return {
        id: run.id,
        head_sha: run.headSha,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeId */ .s5)('CheckRun', run.id),
        external_id: run.externalId,
        url,
        html_url: html,
        details_url: run.detailsUrl ?? html,
        status: run.status,
        conclusion: run.conclusion,
        started_at: run.startedAt,
        completed_at: run.completedAt,
        output: {
            title: run.output.title,
            summary: run.output.summary,
            text: run.output.text,
            annotations_count: run.output.annotations.length,
            annotations_url: `${url}/annotations`,
        },
        name: run.name,
        check_suite: { id: run.suiteId },
        app: (0,_apps_js__WEBPACK_IMPORTED_MODULE_0__/* .renderAppById */ .Cq)(view, run.appId),
        pull_requests: pullRefs(view, repo, run.headSha),
        actions: run.actions.map((action) => ({ ...action })),
    };
}
function renderAnnotations(run, blobBase) {
    return run.output.annotations.map((annotation) => ({
        path: annotation.path,
        start_line: annotation.startLine,
        end_line: annotation.endLine,
        start_column: annotation.startColumn,
        end_column: annotation.endColumn,
        annotation_level: annotation.annotationLevel,
        title: annotation.title,
        message: annotation.message,
        raw_details: annotation.rawDetails,
        blob_href: `${blobBase}/blob/${run.headSha}/${annotation.path}`,
    }));
}
function renderCheckSuite(view, repo, suite) {
    const repoUrl = view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .fullName */ .fq)(view, repo));
    const commit = repo.git.readCommit(suite.headSha);
    const runs = view.store.where('checkRun', `suite:${suite.id}`);
    return {
        id: suite.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeId */ .s5)('CheckSuite', suite.id),
        head_branch: suite.headBranch,
        head_sha: suite.headSha,
        status: suite.status,
        conclusion: suite.conclusion,
        url: `${repoUrl}/check-suites/${suite.id}`,
        before: commit?.parents[0] ?? null,
        after: suite.headSha,
        pull_requests: pullRefs(view, repo, suite.headSha),
        app: (0,_apps_js__WEBPACK_IMPORTED_MODULE_0__/* .renderAppById */ .Cq)(view, suite.appId),
        repository: (0,_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .renderRepo */ .ZY)(view, repo),
        created_at: suite.createdAt,
        updated_at: suite.updatedAt,
        head_commit: {
            id: suite.headSha,
            tree_id: commit?.tree ?? '',
            message: commit?.message.replace(/\n$/, '') ?? '',
            timestamp: commit ? (0,_git_format_js__WEBPACK_IMPORTED_MODULE_4__/* .personDate */ .IV)(commit.committer) : suite.createdAt,
            author: commit ? { name: commit.author.name, email: commit.author.email } : null,
            committer: commit ? { name: commit.committer.name, email: commit.committer.email } : null,
        },
        latest_check_runs_count: runs.length,
        check_runs_url: `${repoUrl}/check-suites/${suite.id}/check-runs`,
        rerequestable: true,
        runs_rerequestable: true,
    };
}
function renderStatus(view, repo, status) {
    const creator = (0,_users_js__WEBPACK_IMPORTED_MODULE_3__/* .simpleUserById */ .kF)(view, status.creatorId);
    return {
        url: `${view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .fullName */ .fq)(view, repo))}/statuses/${status.sha}`,
        avatar_url: creator?.avatar_url ?? null,
        id: status.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeId */ .s5)('StatusContext', status.id),
        state: status.state,
        description: status.description,
        target_url: status.targetUrl,
        context: status.context,
        created_at: status.createdAt,
        updated_at: status.updatedAt,
        creator,
    };
}


/***/ }),

/***/ 24409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ userForEmail),
/* harmony export */   G9: () => (/* binding */ renderDiffEntry),
/* harmony export */   Jg: () => (/* binding */ renderBranch),
/* harmony export */   Sd: () => (/* binding */ renderGitCommit),
/* harmony export */   ak: () => (/* binding */ renderCommit),
/* harmony export */   ke: () => (/* binding */ UNSIGNED),
/* harmony export */   m7: () => (/* binding */ renderRef),
/* harmony export */   vR: () => (/* binding */ renderShortBranch)
/* harmony export */ });
/* harmony import */ var _git_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(34576);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71273);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74048);
/* harmony import */ var _teams_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80847);






const NOREPLY = /^(\d+)\+([^@]+)@users\.noreply\.github\.com$/;
/** The GitHub account of a commit author, matched by email as GitHub does. */
function userForEmail(view, email) {
    const noreply = NOREPLY.exec(email);
    if (noreply)
        return view.store.get('user', Number(noreply[1]));
    const wanted = email.toLowerCase();
    for (const user of view.store.all('user'))
        if (user.email?.toLowerCase() === wanted)
            return user;
    return undefined;
}
const gitUser = (person) => ({ name: person.name, email: person.email, date: (0,_git_format_js__WEBPACK_IMPORTED_MODULE_5__/* .personDate */ .IV)(person) });
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
/** `git-commit` (the git data API). */
function renderGitCommit(view, repo, sha, commit) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo);
    const repoUrl = view.urls.repo(name);
    return {
        sha,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .shaNodeId */ .g3)('Commit', sha),
        url: `${repoUrl}/git/commits/${sha}`,
        html_url: `${view.urls.repoHtml(name)}/commit/${sha}`,
        author: gitUser(commit.author),
        committer: gitUser(commit.committer),
        tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
        message: commit.message.replace(/\n$/, ''),
        parents: commit.parents.map((parent) => ({
            sha: parent,
            url: `${repoUrl}/git/commits/${parent}`,
            html_url: `${view.urls.repoHtml(name)}/commit/${parent}`,
        })),
        verification: UNSIGNED,
    };
}
/** `commit` (the repository commits API), with files and stats when a diff is given. */
function renderCommit(view, repo, sha, commit, diff) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo);
    const repoUrl = view.urls.repo(name);
    const author = userForEmail(view, commit.author.email);
    const committer = userForEmail(view, commit.committer.email);
    const additions = diff?.reduce((sum, file) => sum + file.additions, 0) ?? 0;
    const deletions = diff?.reduce((sum, file) => sum + file.deletions, 0) ?? 0;
    return {
        url: `${repoUrl}/commits/${sha}`,
        sha,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .shaNodeId */ .g3)('Commit', sha),
        html_url: `${view.urls.repoHtml(name)}/commit/${sha}`,
        comments_url: `${repoUrl}/commits/${sha}/comments`,
        commit: {
            url: `${repoUrl}/git/commits/${sha}`,
            author: gitUser(commit.author),
            committer: gitUser(commit.committer),
            message: commit.message.replace(/\n$/, ''),
            tree: { sha: commit.tree, url: `${repoUrl}/git/trees/${commit.tree}` },
            comment_count: 0,
            verification: UNSIGNED,
        },
        author: author ? (0,_users_js__WEBPACK_IMPORTED_MODULE_2__/* .simpleUser */ .U5)(view, author) : null,
        committer: committer ? (0,_users_js__WEBPACK_IMPORTED_MODULE_2__/* .simpleUser */ .U5)(view, committer) : null,
        parents: commit.parents.map((parent) => ({
            sha: parent,
            url: `${repoUrl}/commits/${parent}`,
            html_url: `${view.urls.repoHtml(name)}/commit/${parent}`,
        })),
        ...(diff
            ? {
                stats: { total: additions + deletions, additions, deletions },
                files: diff.map((file) => renderDiffEntry(view, repo, sha, file)),
            }
            : {}),
    };
}
/** `diff-entry`. */
function renderDiffEntry(view, repo, ref, file) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo);
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
        sha: file.sha,
        filename: file.filename,
        status: file.status,
        additions: file.additions,
        deletions: file.deletions,
        changes: file.additions + file.deletions,
        blob_url: `${view.urls.repoHtml(name)}/blob/${ref}/${path}`,
        raw_url: `${view.urls.repoHtml(name)}/raw/${ref}/${path}`,
        contents_url: `${view.urls.repo(name)}/contents/${path}?ref=${ref}`,
        ...(file.patch !== undefined ? { patch: file.patch } : {}),
        ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
    };
}
/** `git-ref`. */
function renderRef(view, repo, ref, sha, type = 'commit') {
    const repoUrl = view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo));
    return {
        ref,
        node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
        url: `${repoUrl}/git/${ref}`,
        object: { sha, type, url: `${repoUrl}/git/${type}s/${sha}` },
    };
}
/** `short-branch`. */
function renderShortBranch(view, repo, branch, sha) {
    return {
        name: branch,
        commit: { sha, url: `${view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo))}/commits/${sha}` },
        protected: (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_3__/* .protectionOf */ .fA)(view.store, repo, branch) !== undefined,
    };
}
/** `branch-with-protection`. */
function renderBranch(view, repo, branch, sha, commit) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo);
    const url = `${view.urls.repo(name)}/branches/${branch}`;
    return {
        name: branch,
        commit: renderCommit(view, repo, sha, commit),
        _links: { self: url, html: `${view.urls.repoHtml(name)}/tree/${branch}` },
        protected: (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_3__/* .protectionOf */ .fA)(view.store, repo, branch) !== undefined,
        protection: (0,_teams_js__WEBPACK_IMPORTED_MODULE_4__/* .branchProtectionSummary */ .MA)((0,_state_teams_js__WEBPACK_IMPORTED_MODULE_3__/* .protectionOf */ .fA)(view.store, repo, branch)),
        protection_url: `${url}/protection`,
    };
}


/***/ }),

/***/ 95297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IU: () => (/* binding */ renderReaction),
/* harmony export */   Lx: () => (/* binding */ renderLabel),
/* harmony export */   TZ: () => (/* binding */ renderMilestone),
/* harmony export */   wQ: () => (/* binding */ renderComment),
/* harmony export */   yi: () => (/* binding */ renderIssue),
/* harmony export */   yu: () => (/* binding */ reactionRollup)
/* harmony export */ });
/* unused harmony export issueUrl */
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _apps_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4481);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71273);





function renderLabel(view, repo, label) {
    return {
        id: label.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('Label', label.id),
        url: `${view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo))}/labels/${encodeURIComponent(label.name)}`,
        name: label.name,
        color: label.color,
        default: label.isDefault,
        description: label.description,
    };
}
function renderMilestone(view, repo, milestone) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo);
    const url = `${view.urls.repo(name)}/milestones/${milestone.number}`;
    let open = 0;
    let closed = 0;
    for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
        if (issue.milestoneId !== milestone.id)
            continue;
        if (issue.state === 'open')
            open++;
        else
            closed++;
    }
    return {
        url,
        html_url: `${view.urls.repoHtml(name)}/milestone/${milestone.number}`,
        labels_url: `${url}/labels`,
        id: milestone.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('Milestone', milestone.id),
        number: milestone.number,
        title: milestone.title,
        description: milestone.description,
        creator: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, milestone.creatorId),
        open_issues: open,
        closed_issues: closed,
        state: milestone.state,
        created_at: milestone.createdAt,
        updated_at: milestone.updatedAt,
        due_on: milestone.dueOn,
        closed_at: milestone.closedAt,
    };
}
function reactionRollup(view, url, reactions) {
    const counts = { '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
    for (const reaction of reactions)
        counts[reaction.content]++;
    return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}
function renderReaction(view, reaction) {
    return {
        id: reaction.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('Reaction', reaction.id),
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, reaction.userId),
        content: reaction.content,
        created_at: reaction.createdAt,
    };
}
function issueUrl(view, repo, number) {
    return `${view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo))}/issues/${number}`;
}
/** `issue` (pull requests included, with their `pull_request` object, as the issues API returns them). */
function renderIssue(view, repo, issue, options = {}) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo);
    const repoUrl = view.urls.repo(name);
    const url = `${repoUrl}/issues/${issue.number}`;
    const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
    const htmlUrl = `${view.urls.repoHtml(name)}/${pull ? 'pull' : 'issues'}/${issue.number}`;
    const labels = issue.labelIds
        .map((id) => view.store.get('label', id))
        .filter((label) => label !== undefined)
        .map((label) => renderLabel(view, repo, label));
    const assignees = issue.assigneeIds.map((id) => (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, id)).filter((user) => user !== null);
    const milestone = view.store.get('milestone', issue.milestoneId);
    const user = view.store.get('user', issue.userId);
    return {
        url,
        repository_url: repoUrl,
        labels_url: `${url}/labels{/name}`,
        comments_url: `${url}/comments`,
        events_url: `${url}/events`,
        html_url: htmlUrl,
        id: issue.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('Issue', issue.id),
        number: issue.number,
        title: issue.title,
        user: user ? (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUser */ .U5)(view, user) : null,
        labels,
        state: issue.state,
        locked: issue.locked,
        assignee: assignees[0] ?? null,
        assignees,
        milestone: milestone ? renderMilestone(view, repo, milestone) : null,
        comments: view.store.countWhere('comment', `issue:${issue.id}`),
        created_at: issue.createdAt,
        updated_at: issue.updatedAt,
        closed_at: issue.closedAt,
        author_association: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorAssociation */ .X7)(view.store, issue.userId, repo),
        active_lock_reason: issue.activeLockReason,
        ...(pull
            ? {
                draft: pull.draft,
                pull_request: {
                    url: `${repoUrl}/pulls/${issue.number}`,
                    html_url: htmlUrl,
                    diff_url: `${htmlUrl}.diff`,
                    patch_url: `${htmlUrl}.patch`,
                    merged_at: pull.mergedAt,
                },
            }
            : {}),
        body: issue.body,
        ...(options.closedBy ? { closed_by: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, issue.closedById) } : {}),
        reactions: reactionRollup(view, url, view.store.where('reaction', `issue:${issue.id}`)),
        timeline_url: `${url}/timeline`,
        performed_via_github_app: (0,_apps_js__WEBPACK_IMPORTED_MODULE_1__/* .renderAppById */ .Cq)(view, issue.viaAppId),
        state_reason: issue.stateReason,
    };
}
function renderComment(view, repo, comment) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo);
    const issue = view.store.get('issue', comment.issueId);
    const url = `${view.urls.repo(name)}/issues/comments/${comment.id}`;
    return {
        url,
        html_url: `${view.urls.repoHtml(name)}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`,
        issue_url: issueUrl(view, repo, issue.number),
        id: comment.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('IssueComment', comment.id),
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, comment.userId),
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
        author_association: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorAssociation */ .X7)(view.store, comment.userId, repo),
        body: comment.body,
        reactions: reactionRollup(view, url, view.store.where('reaction', `comment:${comment.id}`)),
        performed_via_github_app: (0,_apps_js__WEBPACK_IMPORTED_MODULE_1__/* .renderAppById */ .Cq)(view, comment.viaAppId),
    };
}


/***/ }),

/***/ 84381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ renderPull)
/* harmony export */ });
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _state_pull_stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1221);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95297);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22903);
/* harmony import */ var _teams_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80847);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71273);







/**
 * `pull-request-simple` (lists) or, with `stats`, `pull-request` (single pull requests, webhooks),
 * which adds the diff size and mergeability.
 */
function renderPull(view, repo, issue, pull, stats) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_3__/* .fullName */ .fq)(view, repo);
    const repoUrl = view.urls.repo(name);
    const url = `${repoUrl}/pulls/${pull.number}`;
    const html = `${view.urls.repoHtml(name)}/pull/${pull.number}`;
    const issueUrl = `${repoUrl}/issues/${pull.number}`;
    const owner = view.store.get('user', repo.ownerId);
    const renderedRepo = (0,_repos_js__WEBPACK_IMPORTED_MODULE_3__/* .renderRepo */ .ZY)(view, repo);
    const open = issue.state === 'open';
    const milestone = view.store.get('milestone', issue.milestoneId);
    const assignees = issue.assigneeIds.map((id) => (0,_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUserById */ .kF)(view, id)).filter((user) => user !== null);
    const branchRef = (ref, sha) => ({
        label: `${owner.login}:${ref}`,
        ref,
        sha,
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUser */ .U5)(view, owner),
        repo: renderedRepo,
    });
    const simple = {
        url,
        id: pull.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_4__/* .nodeId */ .s5)('PullRequest', pull.id),
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        issue_url: issueUrl,
        commits_url: `${url}/commits`,
        review_comments_url: `${url}/comments`,
        review_comment_url: `${repoUrl}/pulls/comments{/number}`,
        comments_url: `${issueUrl}/comments`,
        statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
        number: pull.number,
        state: issue.state,
        locked: issue.locked,
        title: issue.title,
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUserById */ .kF)(view, issue.userId),
        body: issue.body,
        labels: issue.labelIds
            .map((id) => view.store.get('label', id))
            .filter((label) => label !== undefined)
            .map((label) => (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .renderLabel */ .Lx)(view, repo, label)),
        milestone: milestone ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .renderMilestone */ .TZ)(view, repo, milestone) : null,
        active_lock_reason: issue.activeLockReason,
        created_at: issue.createdAt,
        updated_at: issue.updatedAt,
        closed_at: issue.closedAt,
        merged_at: pull.mergedAt,
        merge_commit_sha: pull.mergeCommitSha,
        assignee: assignees[0] ?? null,
        assignees,
        requested_reviewers: pull.requestedReviewerIds.map((id) => (0,_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUserById */ .kF)(view, id)).filter((u) => u !== null),
        requested_teams: pull.requestedTeamIds
            .map((id) => view.store.get('team', id))
            .filter((team) => team !== undefined)
            .map((team) => (0,_teams_js__WEBPACK_IMPORTED_MODULE_5__/* .renderTeam */ .CW)(view, team)),
        head: branchRef(pull.headRef, pull.headSha),
        base: branchRef(pull.baseRef, stats?.baseSha ?? (0,_state_pull_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .effectiveBase */ .B)(repo, pull, open)),
        _links: {
            self: { href: url },
            html: { href: html },
            issue: { href: issueUrl },
            comments: { href: `${issueUrl}/comments` },
            review_comments: { href: `${url}/comments` },
            review_comment: { href: `${repoUrl}/pulls/comments{/number}` },
            commits: { href: `${url}/commits` },
            statuses: { href: `${repoUrl}/statuses/${pull.headSha}` },
        },
        author_association: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorAssociation */ .X7)(view.store, issue.userId, repo),
        auto_merge: null,
        draft: pull.draft,
    };
    if (!stats)
        return simple;
    return {
        ...simple,
        merged: pull.merged,
        mergeable: stats.mergeable,
        rebaseable: stats.mergeable,
        mergeable_state: stats.mergeableState,
        merged_by: (0,_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUserById */ .kF)(view, pull.mergedById),
        comments: view.store.countWhere('comment', `issue:${issue.id}`),
        review_comments: view.store.countWhere('reviewComment', `pull:${pull.id}`),
        maintainer_can_modify: pull.maintainerCanModify,
        commits: stats.commits,
        additions: stats.additions,
        deletions: stats.deletions,
        changed_files: stats.changedFiles,
    };
}


/***/ }),

/***/ 91052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ forkCount),
/* harmony export */   ZY: () => (/* binding */ renderRepo),
/* harmony export */   fq: () => (/* binding */ fullName)
/* harmony export */ });
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71273);



function fullName(view, repo) {
    const owner = view.store.get('user', repo.ownerId);
    return `${owner?.login ?? 'unknown'}/${repo.name}`;
}
/** How many forks a repository has. */
function forkCount(view, repo) {
    let count = 0;
    for (const candidate of view.store.all('repo'))
        if (candidate.forkOf === repo.id)
            count++;
    return count;
}
function openIssueCount(view, repo) {
    let open = 0;
    for (const issue of view.store.where('issue', `repo:${repo.id}`))
        if (issue.state === 'open')
            open++;
    return open;
}
/**
 * `full-repository` (a superset of `repository` and `minimal-repository`); a fork names its
 * `parent` and `source` (rendered without their own lineage).
 */
function renderRepo(view, repo, lineage = true) {
    const owner = view.store.get('user', repo.ownerId);
    const name = `${owner.login}/${repo.name}`;
    const url = view.urls.repo(name);
    const html = view.urls.repoHtml(name);
    const openIssues = openIssueCount(view, repo);
    const role = view.actor ? (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .actorRole */ .k_)(view.store, view.actor, repo) : undefined;
    return {
        id: repo.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeId */ .s5)('Repository', repo.id),
        name: repo.name,
        full_name: name,
        private: repo.private,
        owner: (0,_users_js__WEBPACK_IMPORTED_MODULE_2__/* .simpleUser */ .U5)(view, owner),
        html_url: html,
        description: repo.description,
        fork: repo.forkOf !== null,
        url,
        forks_url: `${url}/forks`,
        keys_url: `${url}/keys{/key_id}`,
        collaborators_url: `${url}/collaborators{/collaborator}`,
        teams_url: `${url}/teams`,
        hooks_url: `${url}/hooks`,
        issue_events_url: `${url}/issues/events{/number}`,
        events_url: `${url}/events`,
        assignees_url: `${url}/assignees{/user}`,
        branches_url: `${url}/branches{/branch}`,
        tags_url: `${url}/tags`,
        blobs_url: `${url}/git/blobs{/sha}`,
        git_tags_url: `${url}/git/tags{/sha}`,
        git_refs_url: `${url}/git/refs{/sha}`,
        trees_url: `${url}/git/trees{/sha}`,
        statuses_url: `${url}/statuses/{sha}`,
        languages_url: `${url}/languages`,
        stargazers_url: `${url}/stargazers`,
        contributors_url: `${url}/contributors`,
        subscribers_url: `${url}/subscribers`,
        subscription_url: `${url}/subscription`,
        commits_url: `${url}/commits{/sha}`,
        git_commits_url: `${url}/git/commits{/sha}`,
        comments_url: `${url}/comments{/number}`,
        issue_comment_url: `${url}/issues/comments{/number}`,
        contents_url: `${url}/contents/{+path}`,
        compare_url: `${url}/compare/{base}...{head}`,
        merges_url: `${url}/merges`,
        archive_url: `${url}/{archive_format}{/ref}`,
        downloads_url: `${url}/downloads`,
        issues_url: `${url}/issues{/number}`,
        pulls_url: `${url}/pulls{/number}`,
        milestones_url: `${url}/milestones{/number}`,
        notifications_url: `${url}/notifications{?since,all,participating}`,
        labels_url: `${url}/labels{/name}`,
        releases_url: `${url}/releases{/id}`,
        deployments_url: `${url}/deployments`,
        created_at: repo.createdAt,
        updated_at: repo.updatedAt,
        pushed_at: repo.pushedAt,
        git_url: view.urls.cloneUrl(name).replace(/^https?:/, 'git:'),
        ssh_url: `git@${view.urls.host}:${name}.git`,
        clone_url: view.urls.cloneUrl(name),
        svn_url: html,
        homepage: repo.homepage,
        size: 0,
        stargazers_count: 0,
        watchers_count: 0,
        language: repo.language,
        has_issues: repo.hasIssues,
        has_projects: repo.hasProjects,
        has_downloads: true,
        has_wiki: repo.hasWiki,
        has_pages: false,
        has_discussions: false,
        forks_count: forkCount(view, repo),
        mirror_url: null,
        archived: repo.archived,
        disabled: false,
        open_issues_count: openIssues,
        license: null,
        allow_forking: true,
        is_template: false,
        web_commit_signoff_required: false,
        topics: repo.topics,
        visibility: repo.private ? 'private' : 'public',
        forks: forkCount(view, repo),
        open_issues: openIssues,
        watchers: 0,
        default_branch: repo.defaultBranch,
        ...(role ? { permissions: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .permissionFlags */ .j1)(role) } : {}),
        allow_squash_merge: repo.allowSquashMerge,
        allow_merge_commit: repo.allowMergeCommit,
        allow_rebase_merge: repo.allowRebaseMerge,
        allow_auto_merge: false,
        delete_branch_on_merge: repo.deleteBranchOnMerge,
        allow_update_branch: false,
        use_squash_pr_title_as_default: false,
        squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
        squash_merge_commit_message: 'COMMIT_MESSAGES',
        merge_commit_title: 'MERGE_MESSAGE',
        merge_commit_message: 'PR_TITLE',
        ...(owner.type === 'Organization' ? { organization: (0,_users_js__WEBPACK_IMPORTED_MODULE_2__/* .simpleUser */ .U5)(view, owner) } : {}),
        network_count: 0,
        subscribers_count: 0,
        ...(lineage && repo.forkOf !== null ? forkLineage(view, repo) : {}),
    };
}
function forkLineage(view, repo) {
    const parent = view.store.get('repo', repo.forkOf);
    if (!parent)
        return {};
    let source = parent;
    for (let next = parent; next.forkOf !== null;) {
        const up = view.store.get('repo', next.forkOf);
        if (!up)
            break;
        source = next = up;
    }
    return { parent: renderRepo(view, parent, false), source: renderRepo(view, source, false) };
}


/***/ }),

/***/ 65828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ renderReview),
/* harmony export */   s: () => (/* binding */ renderReviewComment)
/* harmony export */ });
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95297);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71273);





/** `pull-request-review`. */
function renderReview(view, repo, review) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo);
    const pull = view.store.get('pull', review.pullId);
    const html = `${view.urls.repoHtml(name)}/pull/${pull.number}#pullrequestreview-${review.id}`;
    const pullUrl = `${view.urls.repo(name)}/pulls/${pull.number}`;
    return {
        id: review.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('PullRequestReview', review.id),
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, review.userId),
        body: review.body,
        state: review.state,
        html_url: html,
        pull_request_url: pullUrl,
        author_association: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorAssociation */ .X7)(view.store, review.userId, repo),
        _links: { html: { href: html }, pull_request: { href: pullUrl } },
        ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
        commit_id: review.commitId,
    };
}
/** `pull-request-review-comment`. */
function renderReviewComment(view, repo, comment) {
    const name = (0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo);
    const pull = view.store.get('pull', comment.pullId);
    const url = `${view.urls.repo(name)}/pulls/comments/${comment.id}`;
    const html = `${view.urls.repoHtml(name)}/pull/${pull.number}#discussion_r${comment.id}`;
    const pullUrl = `${view.urls.repo(name)}/pulls/${pull.number}`;
    return {
        url,
        pull_request_review_id: comment.reviewId,
        id: comment.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('PullRequestReviewComment', comment.id),
        diff_hunk: comment.diffHunk,
        path: comment.path,
        // A comment on a whole file is at no position of the diff.
        position: comment.subjectType === 'file' ? null : comment.position,
        original_position: comment.subjectType === 'file' ? null : comment.position,
        commit_id: comment.commitId,
        original_commit_id: comment.commitId,
        user: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUserById */ .kF)(view, comment.userId),
        body: comment.body,
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
        html_url: html,
        pull_request_url: pullUrl,
        author_association: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorAssociation */ .X7)(view.store, comment.userId, repo),
        _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
        start_line: comment.startLine,
        original_start_line: comment.startLine,
        start_side: comment.startLine ? comment.side : null,
        line: comment.line,
        original_line: comment.line,
        side: comment.side,
        subject_type: comment.subjectType ?? 'line',
        reactions: (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .reactionRollup */ .yu)(view, url, view.store.where('reaction', `review-comment:${comment.id}`)),
        ...(comment.inReplyToId ? { in_reply_to_id: comment.inReplyToId } : {}),
    };
}


/***/ }),

/***/ 80847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderTeamFull),
/* harmony export */   CW: () => (/* binding */ renderTeam),
/* harmony export */   EF: () => (/* binding */ renderTeamRepository),
/* harmony export */   MA: () => (/* binding */ branchProtectionSummary),
/* harmony export */   SS: () => (/* binding */ renderTeamMembership),
/* harmony export */   YK: () => (/* binding */ renderStatusChecks),
/* harmony export */   g4: () => (/* binding */ renderProtection),
/* harmony export */   iH: () => (/* binding */ renderAdminEnforced),
/* harmony export */   mL: () => (/* binding */ renderReviewProtection),
/* harmony export */   mP: () => (/* binding */ renderTeamMember)
/* harmony export */ });
/* unused harmony exports permissionWord, renderTeamSimple */
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74048);
/* harmony import */ var _repos_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91052);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22903);
/* harmony import */ var _users_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(71273);





/** Teams, team memberships and branch protection, in GitHub's shapes. */
/** The legacy `permission` word of a role (`pull`, `push`, `admin`, …). */
function permissionWord(role) {
    switch (role) {
        case 'read':
            return 'pull';
        case 'write':
            return 'push';
        default:
            return role;
    }
}
/** `team-simple` (a team's parent, or null). */
function renderTeamSimple(view, team) {
    const org = view.store.get('user', team.orgId);
    const url = `${view.urls.api}/organizations/${team.orgId}/team/${team.id}`;
    return {
        id: team.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_3__/* .nodeId */ .s5)('Team', team.id),
        url,
        members_url: `${url}/members{/member}`,
        name: team.name,
        description: team.description,
        permission: 'pull',
        privacy: team.privacy,
        notification_setting: team.notificationSetting,
        html_url: `${view.urls.web}/orgs/${org.login}/teams/${team.slug}`,
        repositories_url: `${url}/repos`,
        slug: team.slug,
        type: 'organization',
        organization_id: team.orgId,
    };
}
/** `team`: with its parent and, when listed for a repository, the role it has there. */
function renderTeam(view, team, role) {
    const parent = view.store.get('team', team.parentId);
    return {
        ...renderTeamSimple(view, team),
        permission: role ? permissionWord(role) : 'pull',
        ...(role ? { permissions: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .permissionFlags */ .j1)(role) } : {}),
        parent: parent ? renderTeamSimple(view, parent) : null,
    };
}
/** `team-full`. */
function renderTeamFull(view, team) {
    const org = view.store.get('user', team.orgId);
    return {
        ...renderTeam(view, team),
        members_count: (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_1__/* .teamMemberIds */ ._s)(view.store, team).size,
        repos_count: team.repos.size,
        created_at: team.createdAt,
        updated_at: team.updatedAt,
        organization: (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .fullOrg */ .qr)(view, org),
    };
}
/** `team-member`. */
function renderTeamMember(view, userId) {
    return (0,_users_js__WEBPACK_IMPORTED_MODULE_4__/* .simpleUser */ .U5)(view, view.store.get('user', userId));
}
/** `team-membership`. */
function renderTeamMembership(view, team, userId, role) {
    const user = view.store.get('user', userId);
    return {
        url: `${view.urls.api}/organizations/${team.orgId}/team/${team.id}/memberships/${user.login}`,
        role,
        state: 'active',
    };
}
/** `team-repository`: the repository with the team's role on it. */
function renderTeamRepository(view, repo, role) {
    return { ...(0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRepo */ .ZY)(view, repo, false), permissions: (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .permissionFlags */ .j1)(role), role_name: role };
}
function protectionUrl(view, repo, branch) {
    return `${view.urls.repo((0,_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .fullName */ .fq)(view, repo))}/branches/${branch}/protection`;
}
/** `status-check-policy`. */
function renderStatusChecks(view, repo, protection) {
    const url = `${protectionUrl(view, repo, protection.branch)}/required_status_checks`;
    const checks = protection.requiredStatusChecks ?? { strict: false, contexts: [] };
    return {
        url,
        strict: checks.strict,
        contexts: checks.contexts,
        checks: checks.contexts.map((context) => ({ context, app_id: null })),
        contexts_url: `${url}/contexts`,
    };
}
/** `protected-branch-pull-request-review`. */
function renderReviewProtection(view, repo, protection) {
    const reviews = protection.requiredReviews;
    return {
        url: `${protectionUrl(view, repo, protection.branch)}/required_pull_request_reviews`,
        dismiss_stale_reviews: reviews.dismissStale,
        require_code_owner_reviews: reviews.requireCodeOwners,
        required_approving_review_count: reviews.count,
        require_last_push_approval: reviews.requireLastPush,
    };
}
/** `protected-branch-admin-enforced`. */
function renderAdminEnforced(view, repo, protection) {
    return { url: `${protectionUrl(view, repo, protection.branch)}/enforce_admins`, enabled: protection.enforceAdmins };
}
/** `branch-protection` (GET) and `protected-branch` (PUT answers): the same document. */
function renderProtection(view, repo, protection) {
    const url = protectionUrl(view, repo, protection.branch);
    return {
        url,
        ...(protection.requiredStatusChecks ? { required_status_checks: renderStatusChecks(view, repo, protection) } : {}),
        ...(protection.requiredReviews
            ? { required_pull_request_reviews: renderReviewProtection(view, repo, protection) }
            : {}),
        required_signatures: { url: `${url}/required_signatures`, enabled: false },
        enforce_admins: renderAdminEnforced(view, repo, protection),
        required_linear_history: { enabled: protection.requiredLinearHistory },
        allow_force_pushes: { enabled: protection.allowForcePushes },
        allow_deletions: { enabled: protection.allowDeletions },
        block_creations: { enabled: protection.blockCreations },
        required_conversation_resolution: { enabled: protection.requiredConversationResolution },
        lock_branch: { enabled: protection.lockBranch },
        allow_fork_syncing: { enabled: false },
    };
}
/** The `protection` summary inside a branch (`branch-with-protection`, `short-branch`). */
function branchProtectionSummary(protection) {
    return {
        enabled: protection !== undefined,
        required_status_checks: {
            enforcement_level: protection?.requiredStatusChecks
                ? protection.enforceAdmins
                    ? 'everyone'
                    : 'non_admins'
                : 'off',
            contexts: protection?.requiredStatusChecks?.contexts ?? [],
            checks: (protection?.requiredStatusChecks?.contexts ?? []).map((context) => ({ context, app_id: null })),
        },
    };
}


/***/ }),

/***/ 22903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ Urls),
/* harmony export */   g3: () => (/* binding */ shaNodeId),
/* harmony export */   s5: () => (/* binding */ nodeId)
/* harmony export */ });
/** The URLs GitHub puts in its JSON, built on this clone's API and web bases. */
class Urls {
    api;
    web;
    /**
     * @param api the REST base, `http://127.0.0.1:PORT` or `…/api/v3` (responses use the form the
     *   request came in through, as GitHub Enterprise does)
     * @param web the base of html_url and git URLs
     */
    /** `host:port` of the web base (ssh URLs). */
    host;
    constructor(api, web) {
        this.api = api;
        this.web = web;
        this.host = web ? new URL(web).host : '';
    }
    user(login) {
        return `${this.api}/users/${encodeURIComponent(login)}`;
    }
    repo(fullName) {
        return `${this.api}/repos/${fullName}`;
    }
    repoHtml(fullName) {
        return `${this.web}/${fullName}`;
    }
    cloneUrl(fullName) {
        return `${this.web}/${fullName}.git`;
    }
}
/** GitHub's legacy global node ids: base64 of `0<len>:<Type><id>` (`MDU6SXNzdWUx` is Issue 1). */
function nodeId(type, id) {
    const key = `${type}${id}`;
    let value = nodeIds.get(key);
    if (value === undefined) {
        if (nodeIds.size > 100_000)
            nodeIds.clear();
        value = Buffer.from(`0${type.length}:${key}`).toString('base64');
        nodeIds.set(key, value);
    }
    return value;
}
const nodeIds = new Map();
/** Node ids of things named by a string rather than a number (commits by SHA, refs by name). */
function shaNodeId(type, key) {
    return Buffer.from(`0${type.length}:${type}${key}`).toString('base64');
}


/***/ }),

/***/ 71273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ fullUser),
/* harmony export */   EL: () => (/* binding */ webhookOrg),
/* harmony export */   U5: () => (/* binding */ simpleUser),
/* harmony export */   kF: () => (/* binding */ simpleUserById),
/* harmony export */   qr: () => (/* binding */ fullOrg)
/* harmony export */ });
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22903);

// Users never change within a store (a reseed makes new records), so their rendering is cached.
const rendered = new WeakMap();
/** `simple-user`: the shape of every user or organization embedded in another object. Do not mutate. */
function simpleUser(view, user) {
    const cached = rendered.get(user);
    if (cached?.api === view.urls.api)
        return cached.value;
    const value = renderSimpleUser(view, user);
    rendered.set(user, { api: view.urls.api, value });
    return value;
}
function renderSimpleUser(view, user) {
    const { web } = view.urls;
    const isBot = user.type === 'Bot';
    const url = view.urls.user(user.login);
    const html = isBot ? `${web}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${web}/${user.login}`;
    return {
        login: user.login,
        id: user.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeId */ .s5)(user.type === 'Organization' ? 'Organization' : isBot ? 'Bot' : 'User', user.id),
        avatar_url: `${web}/avatars/u/${user.id}?v=4`,
        gravatar_id: '',
        url,
        html_url: html,
        followers_url: `${url}/followers`,
        following_url: `${url}/following{/other_user}`,
        gists_url: `${url}/gists{/gist_id}`,
        starred_url: `${url}/starred{/owner}{/repo}`,
        subscriptions_url: `${url}/subscriptions`,
        organizations_url: `${url}/orgs`,
        repos_url: `${url}/repos`,
        events_url: `${url}/events{/privacy}`,
        received_events_url: `${url}/received_events`,
        type: user.type,
        site_admin: user.siteAdmin,
        user_view_type: 'public',
    };
}
function simpleUserById(view, id) {
    const user = view.store.get('user', id);
    return user ? simpleUser(view, user) : null;
}
/** `public-user` (and, for the authenticated user, `private-user`). */
function fullUser(view, user, isSelf) {
    const repos = view.store.where('repo', `owner:${user.id}`);
    const publicRepos = repos.filter((repo) => !repo.private).length;
    const base = {
        ...simpleUser(view, user),
        name: user.name,
        company: user.company,
        blog: user.blog,
        location: user.location,
        email: user.email,
        hireable: null,
        bio: user.bio,
        twitter_username: null,
        public_repos: publicRepos,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: user.createdAt,
        updated_at: user.updatedAt,
    };
    if (!isSelf)
        return base;
    const privateRepos = repos.length - publicRepos;
    return {
        ...base,
        private_gists: 0,
        total_private_repos: privateRepos,
        owned_private_repos: privateRepos,
        disk_usage: 0,
        collaborators: 0,
        two_factor_authentication: true,
        plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
    };
}
/** `organization-full`. */
function fullOrg(view, account) {
    const org = view.store.get('org', account.id);
    const url = `${view.urls.api}/orgs/${account.login}`;
    const repos = view.store.where('repo', `owner:${account.id}`);
    return {
        login: account.login,
        id: account.id,
        node_id: (0,_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeId */ .s5)('Organization', account.id),
        url,
        repos_url: `${url}/repos`,
        events_url: `${url}/events`,
        hooks_url: `${url}/hooks`,
        issues_url: `${url}/issues`,
        members_url: `${url}/members{/member}`,
        public_members_url: `${url}/public_members{/member}`,
        avatar_url: `${view.urls.web}/avatars/u/${account.id}?v=4`,
        description: org?.description ?? null,
        // The description types these as non-null strings, so absent values are left out.
        ...(account.name ? { name: account.name } : {}),
        ...(account.blog ? { blog: account.blog } : {}),
        ...(account.location ? { location: account.location } : {}),
        ...(account.email ? { email: account.email } : {}),
        twitter_username: null,
        is_verified: false,
        has_organization_projects: true,
        has_repository_projects: true,
        public_repos: repos.filter((repo) => !repo.private).length,
        public_gists: 0,
        followers: 0,
        following: 0,
        html_url: `${view.urls.web}/${account.login}`,
        created_at: account.createdAt,
        updated_at: account.updatedAt,
        archived_at: null,
        type: 'Organization',
    };
}
/** The `organization` object of webhook payloads. */
function webhookOrg(view, account) {
    const full = fullOrg(view, account);
    return {
        login: full.login,
        id: full.id,
        node_id: full.node_id,
        url: full.url,
        repos_url: full.repos_url,
        events_url: full.events_url,
        hooks_url: full.hooks_url,
        issues_url: full.issues_url,
        members_url: full.members_url,
        public_members_url: full.public_members_url,
        avatar_url: full.avatar_url,
        description: full.description,
    };
}


/***/ }),

/***/ 42954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ MAX_BODY_CHARS),
/* harmony export */   w: () => (/* binding */ RequestLog)
/* harmony export */ });
/** The characters of a body the log keeps (more are cut and marked `…[truncated]`). */
const MAX_BODY_CHARS = 64 * 1024;
/**
 * A bounded log: the newest `capacity` requests, bodies capped at 64 KiB each. Credentials are
 * redacted whenever entries are read, so tokens issued after a request are redacted from it too.
 */
class RequestLog {
    redactor;
    capacity;
    entries = [];
    nextId = 1;
    constructor(redactor, capacity = 10_000) {
        this.redactor = redactor;
        this.capacity = capacity;
    }
    add(entry, bodies) {
        const id = this.nextId++;
        this.entries.push({
            id,
            requestId: entry.requestId,
            atMs: Date.now(),
            kind: entry.kind,
            method: entry.method,
            path: entry.path,
            query: entry.query,
            operationId: entry.operationId,
            notImplemented: entry.notImplemented,
            status: entry.status,
            durationMs: entry.durationMs,
            actor: entry.actor,
            changes: entry.changes,
            deliveries: entry.deliveries,
            requestText: cap(bodies.request),
            responseText: cap(bodies.response),
        });
        // Trimmed in batches: splicing one entry off a full log on every request would be O(capacity).
        if (this.entries.length > this.capacity + Math.ceil(this.capacity / 10))
            this.entries.splice(0, this.entries.length - this.capacity);
        return id;
    }
    /** Entries after `since` (an entry id), oldest first. */
    list(options = {}) {
        return this.entries
            .slice(-this.capacity)
            .filter((entry) => entry.id > (options.since ?? 0))
            .filter((entry) => options.notImplemented === undefined || entry.notImplemented === options.notImplemented)
            .map(({ requestText, responseText, atMs, ...rest }) => ({
            ...rest,
            at: new Date(atMs).toISOString(),
            query: rest.query ? this.redactor.redactQuery(rest.query) : '',
            requestBody: this.redactor.redactSecretKeys(parse(requestText === undefined ? undefined : this.redactor.redact(requestText))),
            responseBody: this.redactor.redactSecretKeys(parse(responseText === undefined ? undefined : this.redactor.redact(responseText))),
        }));
    }
    clear() {
        this.entries = [];
    }
}
function cap(text) {
    if (text === undefined || text === '')
        return undefined;
    return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…[truncated]` : text;
}
function parse(text) {
    if (text === undefined)
        return null;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}


/***/ }),

/***/ 39991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ actorKey),
/* harmony export */   e: () => (/* binding */ actingUser)
/* harmony export */ });
/** The account an action is attributed to (the bot for installations); undefined for app JWTs. */
function actingUser(actor) {
    switch (actor.kind) {
        case 'user':
        case 'installation':
            return actor.user;
        case 'app':
        case 'anonymous':
            return undefined;
    }
}
/** The rate-limit bucket and the name used in messages. */
function actorKey(actor) {
    switch (actor.kind) {
        case 'user':
            return { key: `user:${actor.user.id}`, label: `user ID ${actor.user.id}` };
        case 'installation':
            return { key: `installation:${actor.installation.id}`, label: `installation ID ${actor.installation.id}` };
        case 'app':
            return { key: `app:${actor.app.id}`, label: `app ID ${actor.app.id}` };
        case 'anonymous':
            return { key: 'anonymous', label: '127.0.0.1' };
    }
}


/***/ }),

/***/ 94742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ap: () => (/* binding */ MissingBlockError),
/* harmony export */   dR: () => (/* binding */ BlockTooLargeError),
/* harmony export */   lb: () => (/* binding */ BlobStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * node:fs/promises and node:stream/promises, loaded with the first blob: most clones store none, and
 * loading them cost each clone's start.
 */
const fsp = () => process.getBuiltinModule('node:fs/promises');
/**
 * Blob storage on disk, as Azure block blobs work: blocks are staged under an id, then a block
 * list commits them, in its order, as the blob's content. Names are chosen by the clone (never by
 * a client), so they are safe file names.
 */
class BlobStore {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    path(name) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, name);
    }
    blockPath(name, blockId) {
        // Block ids are client-chosen base64: hashed, so that any id is a safe file name.
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${name}.blocks`, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(blockId).digest('hex'));
    }
    async stageBlock(name, blockId, data, limit) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${name}.blocks`), { recursive: true });
        const target = this.blockPath(name, blockId);
        let size = 0;
        data.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit)
                data.destroy(new BlockTooLargeError());
        });
        await process.getBuiltinModule('node:stream/promises').pipeline(data, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(target));
        return size;
    }
    /** Concatenates the staged blocks in `blockIds` order; fails when one was never staged. */
    async commit(name, blockIds) {
        const paths = blockIds.map((id) => this.blockPath(name, id));
        for (const [i, path] of paths.entries())
            if (!(await exists(path)))
                throw new MissingBlockError(blockIds[i]);
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        const out = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(this.path(name));
        let size = 0;
        for (const path of paths) {
            const data = await fsp().readFile(path);
            hash.update(data);
            size += data.length;
            if (!out.write(data))
                await new Promise((resolve) => out.once('drain', () => resolve()));
        }
        await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
        await fsp().rm((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${name}.blocks`), { recursive: true, force: true });
        return { size, sha256: hash.digest('hex') };
    }
    size(name) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(this.path(name)).size;
        }
        catch {
            return undefined;
        }
    }
    read(name) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(this.path(name));
    }
    remove(name) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.path(name), { force: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.dir, `${name}.blocks`), { recursive: true, force: true });
    }
}
class MissingBlockError extends Error {
    blockId;
    constructor(blockId) {
        super(`The specified block list is invalid: block ${blockId} was never staged.`);
        this.blockId = blockId;
    }
}
class BlockTooLargeError extends Error {
    constructor() {
        super('The request body is too large and exceeds the maximum permissible limit.');
    }
}
async function exists(path) {
    try {
        await fsp().stat(path);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 36321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ rollupState),
/* harmony export */   w: () => (/* binding */ latestStatuses)
/* harmony export */ });
const CHECK_STATE = {
    success: 'SUCCESS',
    neutral: 'SUCCESS',
    skipped: 'SUCCESS',
    failure: 'FAILURE',
    timed_out: 'FAILURE',
    cancelled: 'FAILURE',
    action_required: 'FAILURE',
    stale: 'FAILURE',
};
/** The newest commit status of each context on a commit. */
function latestStatuses(store, repoId, sha) {
    const byContext = new Map();
    for (const status of store.where('status', `sha:${repoId}:${sha}`)) {
        const seen = byContext.get(status.context);
        if (!seen || seen.id < status.id)
            byContext.set(status.context, status);
    }
    return [...byContext.values()];
}
/**
 * The combined state of a commit's check runs and latest statuses (GraphQL's `StatusCheckRollup`,
 * search's `status:`): an error, else a failure, else anything pending, else success; null with
 * neither.
 */
function rollupState(store, repoId, sha) {
    const runs = store.where('checkRun', `sha:${repoId}:${sha}`);
    const statuses = latestStatuses(store, repoId, sha);
    if (runs.length === 0 && statuses.length === 0)
        return null;
    const states = [
        ...runs.map((run) => (run.status !== 'completed' ? 'PENDING' : (CHECK_STATE[run.conclusion ?? ''] ?? 'PENDING'))),
        ...statuses.map((status) => status.state.toUpperCase()),
    ];
    for (const state of ['ERROR', 'FAILURE', 'PENDING'])
        if (states.includes(state))
            return state;
    return 'SUCCESS';
}


/***/ }),

/***/ 3435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ validationFailed),
/* harmony export */   Br: () => (/* binding */ DOCS_ROOT),
/* harmony export */   Pq: () => (/* binding */ unprocessable),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   hj: () => (/* binding */ conflict),
/* harmony export */   jb: () => (/* binding */ simpleValidationFailed),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   t4: () => (/* binding */ errorBody)
/* harmony export */ });
/* unused harmony export forbidden */
/** GitHub's error bodies: `{message, documentation_url, status}` and, for 422, `errors[]`. */
const DOCS_ROOT = 'https://docs.github.com/rest';
/** An HTTP error with GitHub's body; the server turns it into the response. */
class ApiError extends Error {
    status;
    extra;
    constructor(status, message, extra = {}) {
        super(message);
        this.status = status;
        this.extra = extra;
        this.name = 'ApiError';
    }
}
const notFound = (message = 'Not Found') => new ApiError(404, message);
const forbidden = (message) => new ApiError(403, message);
const conflict = (message) => new ApiError(409, message);
function validationFailed(errors, message = 'Validation Failed') {
    return new ApiError(422, message, { errors });
}
/** `Validation Failed` with one `custom` error, as GitHub reports rule violations. */
function unprocessable(resource, message, field) {
    return validationFailed([{ resource, code: 'custom', ...(field ? { field } : {}), message }]);
}
/**
 * GitHub's 422 of the operations whose description is `validation-error-simple` (reviews):
 * `Unprocessable Entity` with the problems as strings.
 */
function simpleValidationFailed(...messages) {
    return new ApiError(422, 'Unprocessable Entity', { errors: messages });
}
function errorBody(status, message, documentationUrl, errors) {
    return { message, ...(errors ? { errors } : {}), documentation_url: documentationUrl, status: String(status) };
}


/***/ }),

/***/ 28478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ NEED),
/* harmony export */   Gq: () => (/* binding */ authorize),
/* harmony export */   HJ: () => (/* binding */ installationCovers),
/* harmony export */   KZ: () => (/* binding */ userRole),
/* harmony export */   X7: () => (/* binding */ authorAssociation),
/* harmony export */   j1: () => (/* binding */ permissionFlags),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   k_: () => (/* binding */ actorRole)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _teams_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74048);


const RANK = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };
const LEVEL_RANK = { read: 1, write: 2, admin: 3 };
const atLeast = (role, needed) => role !== undefined && RANK[role] >= RANK[needed];
function installationCovers(installation, repo) {
    return installation.repositorySelection === 'all'
        ? repo.ownerId === installation.accountId
        : installation.repoIds.includes(repo.id);
}
/**
 * What a user can do on a repository, as GitHub decides it: owner and org admins are admins,
 * collaborators have their role, org members the org's base role, anyone can read a public repo.
 * Undefined means the repository is invisible (404).
 */
function userRole(store, userId, repo) {
    const user = store.get('user', userId);
    if (!user)
        return repo.private ? undefined : 'read';
    if (user.siteAdmin || repo.ownerId === userId)
        return 'admin';
    let best = repo.private ? undefined : 'read';
    const raise = (role) => {
        if (role && (!best || RANK[role] > RANK[best]))
            best = role;
    };
    raise(repo.collaborators.get(userId));
    const org = store.get('org', repo.ownerId);
    const membership = org?.members.get(userId);
    if (membership === 'admin')
        raise('admin');
    else if (membership === 'member' && org && org.memberRole !== 'none')
        raise(org.memberRole);
    if (org)
        raise((0,_teams_js__WEBPACK_IMPORTED_MODULE_1__/* .teamRole */ .Gc)(store, userId, repo));
    return best;
}
function actorRole(store, actor, repo) {
    switch (actor.kind) {
        case 'user':
            return userRole(store, actor.user.id, repo);
        case 'installation': {
            if (!tokenCovers(actor, repo))
                return repo.private ? undefined : 'read';
            const levels = Object.values(actor.token.permissions);
            if (actor.token.permissions.administration === 'write')
                return 'admin';
            return levels.includes('write') ? 'write' : 'read';
        }
        case 'app':
        case 'anonymous':
            return repo.private ? undefined : 'read';
    }
}
function tokenCovers(actor, repo) {
    if (!installationCovers(actor.installation, repo))
        return false;
    return actor.token.repoIds === null || actor.token.repoIds.includes(repo.id);
}
/** Permission needs of the operations, by what they touch (users need a role, apps a permission). */
const NEED = {
    metadata: { role: 'read', permission: 'metadata', level: 'read' },
    issuesRead: { role: 'read', permission: 'issues', level: 'read' },
    /** Opening issues and commenting: anyone who can read the repository. */
    issuesParticipate: { role: 'read', permission: 'issues', level: 'write' },
    issuesTriage: { role: 'triage', permission: 'issues', level: 'write' },
    issuesAdmin: { role: 'write', permission: 'issues', level: 'write' },
    pullsRead: { role: 'read', permission: 'pull_requests', level: 'read' },
    pullsParticipate: { role: 'read', permission: 'pull_requests', level: 'write' },
    pullsTriage: { role: 'triage', permission: 'pull_requests', level: 'write' },
    /** Dismissing reviews: writers. */
    pullsWrite: { role: 'write', permission: 'pull_requests', level: 'write' },
    contentsRead: { role: 'read', permission: 'contents', level: 'read' },
    contentsWrite: { role: 'write', permission: 'contents', level: 'write' },
    checksRead: { role: 'read', permission: 'checks', level: 'read' },
    checksWrite: { role: 'write', permission: 'checks', level: 'write' },
    statusesRead: { role: 'read', permission: 'statuses', level: 'read' },
    statusesWrite: { role: 'write', permission: 'statuses', level: 'write' },
    actionsRead: { role: 'read', permission: 'actions', level: 'read' },
    actionsWrite: { role: 'write', permission: 'actions', level: 'write' },
    admin: { role: 'admin', permission: 'administration', level: 'write' },
    /** Actions secrets: repository admins, or apps with the `secrets` permission. */
    secretsRead: { role: 'admin', permission: 'secrets', level: 'read' },
    secretsWrite: { role: 'admin', permission: 'secrets', level: 'write' },
    /** Actions variables: repository admins, or apps with the `actions_variables` permission. */
    variablesRead: { role: 'admin', permission: 'actions_variables', level: 'read' },
    variablesWrite: { role: 'admin', permission: 'actions_variables', level: 'write' },
    /** Administering the repository itself, which an archived repository still allows (delete, unarchive). */
    adminEvenArchived: { role: 'admin', permission: 'administration', level: 'write', evenArchived: true },
};
/** Throws GitHub's error when the actor may not do `need` on `repo` (404 when it cannot even see it). */
function authorize(store, actor, repo, need) {
    const role = actorRole(store, actor, repo);
    if (!role)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)();
    if (actor.kind === 'installation') {
        const covered = tokenCovers(actor, repo);
        const granted = actor.token.permissions[need.permission];
        const metadataRead = need.permission === 'metadata' && need.level === 'read';
        if (!covered && need.level === 'read' && !repo.private)
            return;
        if (!covered || (!metadataRead && (!granted || LEVEL_RANK[granted] < LEVEL_RANK[need.level])))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'Resource not accessible by integration');
    }
    else if (!atLeast(role, need.role)) {
        if (need.role === 'admin')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'Must have admin rights to Repository.');
        // GitHub hides write endpoints from users who can only read: they get a 404 or this 403.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, `Must have ${need.role === 'read' ? 'read' : 'push'} access to repository`);
    }
    if (need.level === 'write' && !need.evenArchived && repo.archived)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'Repository was archived so is read-only.');
}
/** The `permissions` object GitHub puts in repositories for the authenticated actor. */
function permissionFlags(role) {
    return {
        admin: atLeast(role, 'admin'),
        maintain: atLeast(role, 'maintain'),
        push: atLeast(role, 'write'),
        triage: atLeast(role, 'triage'),
        pull: atLeast(role, 'read'),
    };
}
/** `author_association` of a user on a repository. */
function authorAssociation(store, userId, repo) {
    if (repo.ownerId === userId)
        return 'OWNER';
    const org = store.get('org', repo.ownerId);
    if (org?.members.has(userId))
        return 'MEMBER';
    if (repo.collaborators.has(userId))
        return 'COLLABORATOR';
    return 'NONE';
}


/***/ }),

/***/ 1221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ effectiveBase),
/* harmony export */   p: () => (/* binding */ pullStats)
/* harmony export */ });
/* harmony import */ var _git_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84648);
/* harmony import */ var _git_history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47523);
/* harmony import */ var _git_merge_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93195);
/* harmony import */ var _check_rollup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36321);




/** The base a pull request is compared with: the live branch while open, the recorded tip once closed. */
function effectiveBase(repo, pull, open) {
    return open && !pull.merged ? (repo.git.branch(pull.baseRef) ?? pull.baseSha) : pull.baseSha;
}
/** Computed with real git (merge-tree, diff) and cached by SHAs, which never change meaning. */
async function pullStats(env, repo, pull) {
    const issue = env.store.get('issue', pull.issueId);
    const open = issue?.state === 'open';
    const baseSha = effectiveBase(repo, pull, open);
    const key = `stats:${repo.git.gitDir}:${baseSha}:${pull.headSha}:${open}`;
    const cached = env.cache.get(key);
    const base = cached ?? (await compute(repo, baseSha, pull.headSha, open));
    if (!cached)
        env.cache.set(key, base);
    return {
        ...base,
        mergeableState: open ? await openMergeableState(env, repo, pull, base.mergeable) : 'unknown',
    };
}
/**
 * GitHub's `mergeable_state` of an open pull request: `dirty` (conflicts), `draft`, `blocked` or
 * `behind` (its base's protection refuses the merge for now), `unstable` (checks or statuses of
 * its head not passing), else `clean`.
 */
async function openMergeableState(env, repo, pull, mergeable) {
    if (mergeable === false)
        return 'dirty';
    if (pull.draft)
        return 'draft';
    const blocked = await env.mergeBlocker?.(env.store, repo, pull);
    if (blocked)
        return blocked;
    const rollup = (0,_check_rollup_js__WEBPACK_IMPORTED_MODULE_3__/* .rollupState */ .c)(env.store, repo.id, pull.headSha);
    return rollup !== null && rollup !== 'SUCCESS' ? 'unstable' : 'clean';
}
async function compute(repo, baseSha, headSha, open) {
    const git = repo.git;
    const mergeBaseSha = (0,_git_history_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeBase */ .wu)(git, baseSha, headSha) ?? null;
    const commits = (0,_git_history_js__WEBPACK_IMPORTED_MODULE_1__/* .commitsBetween */ .$q)(git, baseSha, headSha).length;
    const files = mergeBaseSha ? await (0,_git_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffCommits */ .i)(git, mergeBaseSha, headSha) : [];
    const mergeable = open ? (await (0,_git_merge_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeTrees */ .M)(git, baseSha, headSha)).kind === 'clean' : null;
    return {
        baseSha,
        mergeBaseSha,
        commits,
        additions: files.reduce((sum, file) => sum + file.additions, 0),
        deletions: files.reduce((sum, file) => sum + file.deletions, 0),
        changedFiles: files.length,
        mergeable,
    };
}


/***/ }),

/***/ 20482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runtimeToken),
/* harmony export */   x: () => (/* binding */ resultsScope)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * An `ACTIONS_RUNTIME_TOKEN` shaped as the runner's: a JWT whose `scp` claim holds the results
 * scope of one job. Signed HS256 with the clone's key (the clone itself does not require it).
 */
function runtimeToken(scope, key, nowSeconds, lifetimeSeconds = 6 * 3600) {
    const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({
        scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.UploadArtifacts:${scope.runBackendId}:${scope.jobBackendId} Actions.Results:${scope.runBackendId}:${scope.jobBackendId}`,
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vso:00000000-0000-0000-0000-000000000000',
        nbf: nowSeconds - 60,
        iat: nowSeconds,
        exp: nowSeconds + lifetimeSeconds,
    })).toString('base64url');
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
}
/**
 * The results scope of a runtime token, as the results service reads it. The signature is not
 * checked (tests sign with any key, or not at all); the expiry is, when the token has one.
 */
function resultsScope(token, nowSeconds) {
    const parts = token.split('.');
    if (parts.length < 2)
        return invalid('the runtime token is not a JWT');
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return invalid('the runtime token is not a JWT (its payload is not JSON)');
    }
    if (typeof payload.exp === 'number' && payload.exp <= nowSeconds)
        return invalid('the runtime token has expired');
    if (typeof payload.scp !== 'string')
        return invalid('the runtime token has no "scp" claim');
    for (const scope of payload.scp.split(' ')) {
        const [name, run, job, ...rest] = scope.split(':');
        if (name !== 'Actions.Results')
            continue;
        if (!run || !job || rest.length > 0)
            return invalid(`malformed scope "${scope}": expected Actions.Results:<runBackendId>:<jobBackendId>`);
        return { kind: 'valid', scope: { runBackendId: run, jobBackendId: job } };
    }
    return invalid('the runtime token has no Actions.Results:<runBackendId>:<jobBackendId> scope');
}
const invalid = (message) => ({ kind: 'invalid', message });


/***/ }),

/***/ 34067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ signQuery),
/* harmony export */   j: () => (/* binding */ checkSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const VERSION = '2024-11-04';
function signature(key, permission, expiry, path) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key)
        .update(`${permission}\n${expiry}\n${decodeURIComponent(path)}`)
        .digest('base64');
}
/**
 * A shared-access-signature query for `path`, shaped as Azure Blob Storage's (`sv`, `se`, `sr`,
 * `sp`, `sig`): whoever holds the URL may do `permission` on that one path until `expiry`.
 */
function signQuery(key, path, permission, expiry) {
    const se = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const query = new URLSearchParams({
        sv: VERSION,
        se,
        sr: 'b',
        sp: permission,
        sig: signature(key, permission, se, path),
    });
    return query.toString();
}
/** Whether `query` signs `path` for `needed`, unexpired (Azure's 403 codes otherwise). */
function checkSignature(key, path, query, needed, now) {
    const sig = query.get('sig');
    const se = query.get('se');
    const sp = query.get('sp');
    const fail = (code, message) => ({ kind: 'invalid', status: 403, code, message });
    if (!sig || !se || (sp !== 'r' && sp !== 'cw'))
        return fail('AuthenticationFailed', 'Server failed to authenticate the request: the URL is not signed.');
    const expected = Buffer.from(signature(key, sp, se, path));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(expected, given))
        return fail('AuthenticationFailed', 'Signature did not match.');
    if (Date.parse(se) <= now.getTime())
        return fail('AuthenticationFailed', 'Signed expiry time has passed.');
    if (!sp.includes(needed))
        return fail('AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.');
    return { kind: 'valid' };
}


/***/ }),

/***/ 3424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ emit)
/* harmony export */ });
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(39991);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40548);
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91052);
/* harmony import */ var _render_users_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71273);
/* harmony import */ var _render_urls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22903);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90681);







/**
 * The installation a repository's events are delivered for (the first app installed on it;
 * GitHub Actions' implicit installation receives no webhooks).
 */
function installationFor(view, repo) {
    for (const installation of view.store.all('installation'))
        if ((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .installationCovers */ .HJ)(installation, repo) && !(0,_state_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .isActionsInstallation */ .SG)(view.store, installation))
            return installation;
    return undefined;
}
/** `repository`, `sender`, `installation` and `organization`, as every repository event carries them. */
function envelope(view, repo, sender) {
    const owner = view.store.get('user', repo.ownerId);
    const installation = installationFor(view, repo);
    return {
        repository: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_5__/* .hookRepo */ .CL)((0,_render_repos_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRepo */ .ZY)(view, repo)),
        sender: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_5__/* .hookUser */ .n3)((0,_render_users_js__WEBPACK_IMPORTED_MODULE_3__/* .simpleUser */ .U5)(view, sender ?? owner)),
        ...(installation
            ? { installation: { id: installation.id, node_id: (0,_render_urls_js__WEBPACK_IMPORTED_MODULE_4__/* .nodeId */ .s5)('Installation', installation.id) } }
            : {}),
        ...(owner?.type === 'Organization' ? { organization: (0,_render_users_js__WEBPACK_IMPORTED_MODULE_3__/* .webhookOrg */ .EL)(view, owner) } : {}),
    };
}
/**
 * Queues a webhook delivery for a state change. The payload is only built when a webhook URL
 * listens for the event, so an instance without webhooks pays nothing.
 */
function emit(ctx, event, repo, build, sender = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_6__/* .actingUser */ .e)(ctx.actor)) {
    if (!ctx.core.webhooks.wants(event))
        return;
    const view = { store: ctx.store, urls: ctx.core.urls };
    const payload = { ...build(view), ...(repo ? envelope(view, repo, sender) : {}) };
    const delivery = ctx.core.webhooks.enqueue(event, payload, ctx.requestId);
    if (delivery)
        ctx.deliveries.push(delivery.id);
}


/***/ }),

/***/ 76588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ emitPullEvent),
/* harmony export */   nl: () => (/* binding */ emitCommentEvent),
/* harmony export */   xZ: () => (/* binding */ emitIssueEvent)
/* harmony export */ });
/* harmony import */ var _state_pull_stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1221);
/* harmony import */ var _render_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95297);
/* harmony import */ var _render_pulls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84381);
/* harmony import */ var _render_users_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71273);
/* harmony import */ var _render_teams_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80847);
/* harmony import */ var _emit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3424);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90681);







function extraFields(ctx, repo, extra, view = { store: ctx.store, urls: ctx.core.urls }) {
    const out = {};
    if (extra.changes)
        out.changes = extra.changes;
    if (extra.label)
        out.label = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookLabel */ .UR)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderLabel */ .Lx)(view, repo, extra.label));
    if (extra.assignee)
        out.assignee = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookUser */ .n3)((0,_render_users_js__WEBPACK_IMPORTED_MODULE_3__/* .simpleUser */ .U5)(view, extra.assignee));
    if (extra.requestedReviewer)
        out.requested_reviewer = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookUser */ .n3)((0,_render_users_js__WEBPACK_IMPORTED_MODULE_3__/* .simpleUser */ .U5)(view, extra.requestedReviewer));
    if (extra.requestedTeam)
        out.requested_team = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookTeam */ .$s)((0,_render_teams_js__WEBPACK_IMPORTED_MODULE_4__/* .renderTeam */ .CW)(view, extra.requestedTeam));
    if (extra.milestoneId !== undefined) {
        const milestone = ctx.store.get('milestone', extra.milestoneId);
        if (milestone)
            out.milestone = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookMilestone */ .Uj)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderMilestone */ .TZ)(view, repo, milestone));
    }
    return out;
}
/**
 * `issues.<action>` for an issue, `pull_request.<action>` when the number is a pull request (GitHub
 * sends pull_request events for labels, assignees and state changes made through the issues API).
 */
async function emitIssueEvent(ctx, repo, issue, action, extra = {}, sender) {
    if (issue.pullId) {
        const pull = ctx.store.get('pull', issue.pullId);
        if (pull)
            return emitPullEvent(ctx, repo, pull, action, extra);
    }
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_5__/* .emit */ .I)(ctx, 'issues', repo, (view) => ({
        action,
        issue: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookIssue */ .RW)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderIssue */ .yi)(view, repo, issue)),
        ...extraFields(ctx, repo, extra),
    }), sender);
}
async function emitPullEvent(ctx, repo, pull, action, extra = {}) {
    if (!ctx.core.webhooks.wants('pull_request'))
        return;
    const stats = await (0,_state_pull_stats_js__WEBPACK_IMPORTED_MODULE_0__/* .pullStats */ .p)(ctx.core, repo, pull);
    const issue = ctx.store.get('issue', pull.issueId);
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_5__/* .emit */ .I)(ctx, 'pull_request', repo, (view) => ({
        action,
        number: pull.number,
        ...(extra.before ? { before: extra.before, after: extra.after } : {}),
        pull_request: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookPull */ .j3)((0,_render_pulls_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPull */ .S)(view, repo, issue, pull, stats)),
        ...extraFields(ctx, repo, extra),
    }));
}
async function emitCommentEvent(ctx, repo, issue, comment, action, changes) {
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_5__/* .emit */ .I)(ctx, 'issue_comment', repo, (view) => {
        const renderedIssue = (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookIssue */ .RW)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderIssue */ .yi)(view, repo, issue));
        return {
            action,
            ...(action === 'edited' ? { changes: changes ?? {} } : {}),
            issue: renderedIssue,
            comment: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_6__/* .hookComment */ .x1)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderComment */ .wQ)(view, repo, comment)),
        };
    });
}


/***/ }),

/***/ 4333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W2: () => (/* binding */ emitStatusEvent),
/* harmony export */   Yz: () => (/* binding */ emitLabelEvent),
/* harmony export */   ZU: () => (/* binding */ emitReviewCommentEvent),
/* harmony export */   _j: () => (/* binding */ emitReviewEvent),
/* harmony export */   lM: () => (/* binding */ emitRefLifecycle)
/* harmony export */ });
/* harmony import */ var _render_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24409);
/* harmony import */ var _render_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95297);
/* harmony import */ var _render_pulls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84381);
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91052);
/* harmony import */ var _render_reviews_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65828);
/* harmony import */ var _render_checks_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26208);
/* harmony import */ var _state_pull_stats_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1221);
/* harmony import */ var _emit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3424);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(90681);









/** `create` / `delete` for a branch or tag that appeared or went away (with or without a push). */
function emitRefLifecycle(ctx, repo, update, pusher) {
    const kind = update.ref.startsWith('refs/heads/')
        ? 'branch'
        : update.ref.startsWith('refs/tags/')
            ? 'tag'
            : undefined;
    if (!kind || (update.before !== null && update.after !== null))
        return;
    const ref = update.ref.slice(kind === 'branch' ? 11 : 10);
    if (update.before === null)
        (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'create', repo, () => ({
            ref,
            ref_type: kind,
            master_branch: repo.defaultBranch,
            description: repo.description,
            pusher_type: 'user',
        }), pusher);
    else
        (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'delete', repo, () => ({ ref, ref_type: kind, pusher_type: 'user' }), pusher);
}
function emitLabelEvent(ctx, repo, label, action, changes) {
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'label', repo, (view) => ({
        action,
        label: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_8__/* .hookLabel */ .UR)((0,_render_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .renderLabel */ .Lx)(view, repo, label)),
        ...(action === 'edited' ? { changes: changes ?? {} } : {}),
    }));
}
/** `status`: a commit status was created, with the commit and up to 10 branches containing it at their tip. */
function emitStatusEvent(ctx, repo, status) {
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'status', repo, (view) => {
        const commit = repo.git.readCommit(status.sha);
        const rendered = (0,_render_checks_js__WEBPACK_IMPORTED_MODULE_5__/* .renderStatus */ .LG)(view, repo, status);
        const repoUrl = view.urls.repo((0,_render_repos_js__WEBPACK_IMPORTED_MODULE_3__/* .fullName */ .fq)(view, repo));
        return {
            id: status.id,
            sha: status.sha,
            name: (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_3__/* .fullName */ .fq)(view, repo),
            target_url: status.targetUrl,
            context: status.context,
            description: status.description,
            state: status.state,
            commit: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_8__/* .hookCommit */ .zA)((0,_render_git_js__WEBPACK_IMPORTED_MODULE_0__/* .renderCommit */ .ak)(view, repo, status.sha, commit)),
            branches: [...repo.git.branches()]
                .filter(([, tip]) => tip === status.sha)
                .slice(0, 10)
                .map(([name]) => ({
                name,
                commit: { sha: status.sha, url: `${repoUrl}/commits/${status.sha}` },
                protected: false,
            })),
            created_at: rendered.created_at,
            updated_at: rendered.updated_at,
        };
    });
}
async function simplePull(ctx, repo, pullId) {
    const pull = ctx.store.get('pull', pullId);
    const issue = ctx.store.get('issue', pull.issueId);
    const stats = await (0,_state_pull_stats_js__WEBPACK_IMPORTED_MODULE_6__/* .pullStats */ .p)(ctx.core, repo, pull);
    return (view) => (0,_shapes_js__WEBPACK_IMPORTED_MODULE_8__/* .hookSimplePull */ .NL)((0,_render_pulls_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPull */ .S)(view, repo, issue, pull, stats));
}
/**
 * `pull_request_review`: submitted (created with an event, or a pending one submitted), edited (its
 * body, with `changes.body.from`) or dismissed.
 */
async function emitReviewEvent(ctx, repo, review, action, changes) {
    if (!ctx.core.webhooks.wants('pull_request_review'))
        return;
    const pull = await simplePull(ctx, repo, review.pullId);
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'pull_request_review', repo, (view) => ({
        action,
        review: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_8__/* .hookReview */ .m3)((0,_render_reviews_js__WEBPACK_IMPORTED_MODULE_4__/* .renderReview */ .F)(view, repo, review)),
        pull_request: pull(view),
        ...(action === 'edited' ? { changes: changes ?? {} } : {}),
    }));
}
/**
 * `pull_request_review_comment`: created (alone or in a submitted review), edited (with
 * `changes.body.from`) or deleted (the comment as it was).
 */
async function emitReviewCommentEvent(ctx, repo, comment, action, changes) {
    if (!ctx.core.webhooks.wants('pull_request_review_comment'))
        return;
    const pull = await simplePull(ctx, repo, comment.pullId);
    (0,_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .I)(ctx, 'pull_request_review_comment', repo, (view) => {
        const rendered = (0,_render_reviews_js__WEBPACK_IMPORTED_MODULE_4__/* .renderReviewComment */ .s)(view, repo, comment);
        return {
            action,
            comment: (0,_shapes_js__WEBPACK_IMPORTED_MODULE_8__/* .hookReviewComment */ .zU)(rendered, `${rendered.url}/reactions`),
            pull_request: pull(view),
            ...(action === 'edited' ? { changes: changes ?? {} } : {}),
        };
    });
}


/***/ }),

/***/ 90681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ hookTeam),
/* harmony export */   CL: () => (/* binding */ hookRepo),
/* harmony export */   Ew: () => (/* binding */ hookCheckSuite),
/* harmony export */   G5: () => (/* binding */ hookInstallation),
/* harmony export */   NL: () => (/* binding */ hookSimplePull),
/* harmony export */   RW: () => (/* binding */ hookIssue),
/* harmony export */   UR: () => (/* binding */ hookLabel),
/* harmony export */   Uj: () => (/* binding */ hookMilestone),
/* harmony export */   Zn: () => (/* binding */ hookCheckRun),
/* harmony export */   j3: () => (/* binding */ hookPull),
/* harmony export */   m3: () => (/* binding */ hookReview),
/* harmony export */   n3: () => (/* binding */ hookUser),
/* harmony export */   x1: () => (/* binding */ hookComment),
/* harmony export */   zA: () => (/* binding */ hookCommit),
/* harmony export */   zU: () => (/* binding */ hookReviewComment)
/* harmony export */ });
const USER = 'login id node_id name email avatar_url gravatar_id url html_url followers_url following_url gists_url starred_url subscriptions_url organizations_url repos_url events_url received_events_url type site_admin';
const REPOSITORY = 'id node_id name full_name private owner html_url description fork url forks_url keys_url collaborators_url teams_url hooks_url issue_events_url events_url assignees_url branches_url tags_url blobs_url git_tags_url git_refs_url trees_url statuses_url languages_url stargazers_url contributors_url subscribers_url subscription_url commits_url git_commits_url comments_url issue_comment_url contents_url compare_url merges_url archive_url downloads_url issues_url pulls_url milestones_url notifications_url labels_url releases_url deployments_url created_at updated_at pushed_at git_url ssh_url clone_url svn_url homepage size stargazers_count watchers_count language has_issues has_projects has_downloads has_wiki has_pages has_discussions forks_count mirror_url archived disabled open_issues_count license forks open_issues watchers default_branch allow_squash_merge allow_merge_commit allow_rebase_merge allow_auto_merge allow_forking allow_update_branch use_squash_pr_title_as_default squash_merge_commit_message squash_merge_commit_title merge_commit_message merge_commit_title is_template web_commit_signoff_required topics visibility delete_branch_on_merge';
const ISSUE = 'url repository_url labels_url comments_url events_url html_url id node_id number title user labels state locked assignee assignees milestone comments created_at updated_at closed_at author_association active_lock_reason draft performed_via_github_app pull_request body reactions timeline_url state_reason';
const LABEL = 'id node_id url name description color default';
const MILESTONE = 'url html_url labels_url id node_id number title description creator open_issues closed_issues state created_at updated_at due_on closed_at';
const COMMENT = 'url html_url issue_url id node_id user created_at updated_at author_association body reactions performed_via_github_app';
const PULL = 'url id node_id html_url diff_url patch_url issue_url number state locked title user body created_at updated_at closed_at merged_at merge_commit_sha assignee assignees requested_reviewers requested_teams labels milestone commits_url review_comments_url review_comment_url comments_url statuses_url head base _links author_association auto_merge active_lock_reason draft merged mergeable rebaseable mergeable_state merged_by comments review_comments maintainer_can_modify commits additions deletions changed_files';
const INSTALLATION = 'id account repository_selection access_tokens_url repositories_url html_url app_id app_slug target_id target_type permissions events created_at updated_at single_file_name has_multiple_single_files single_file_paths suspended_by suspended_at';
const APP = 'id slug node_id owner name description external_url html_url created_at updated_at permissions events';
const TEAM = 'name id node_id slug description privacy url html_url members_url repositories_url permission notification_setting';
const REACTIONS = 'url total_count +1 -1 laugh hooray confused heart rocket eyes';
const CHECK_RUN = 'id node_id head_sha external_id url html_url details_url status conclusion started_at completed_at output name check_suite app pull_requests';
const CHECK_RUN_SUITE = 'id node_id head_branch head_sha status conclusion url before after pull_requests app created_at updated_at';
const CHECK_SUITE = 'id node_id head_branch head_sha status conclusion url before after pull_requests app created_at updated_at runs_rerequestable rerequestable latest_check_runs_count check_runs_url head_commit';
const SIMPLE_PULL = 'url id node_id html_url diff_url patch_url issue_url number state locked title user body created_at updated_at closed_at merged_at merge_commit_sha assignee assignees requested_reviewers requested_teams labels milestone draft commits_url review_comments_url review_comment_url comments_url statuses_url head base _links author_association auto_merge active_lock_reason';
const REVIEW = 'id node_id user body commit_id submitted_at state html_url pull_request_url author_association _links';
const REVIEW_COMMENT = 'url pull_request_review_id id node_id diff_hunk path position original_position commit_id original_commit_id user body created_at updated_at html_url pull_request_url author_association _links reactions start_line original_start_line start_side line original_line side in_reply_to_id subject_type';
const COMMIT = 'sha node_id commit url html_url comments_url author committer parents';
const GIT_COMMIT = 'author committer message tree url comment_count verification';
const VERIFICATION = 'verified reason signature payload';
const lists = new Map();
function pick(value, keys) {
    let list = lists.get(keys);
    if (!list)
        lists.set(keys, (list = keys.split(' ')));
    const out = {};
    for (const key of list)
        if (key in value)
            out[key] = value[key];
    return out;
}
const maybe = (value, convert) => (value ? convert(value) : null);
const hookUser = (user) => pick(user, USER);
function hookRepo(repo) {
    return { ...pick(repo, REPOSITORY), owner: hookUser(repo.owner), custom_properties: {} };
}
const hookLabel = (label) => pick(label, LABEL);
const hookMilestone = (milestone) => ({
    ...pick(milestone, MILESTONE),
    creator: maybe(milestone.creator, hookUser),
});
function hookApp(app) {
    return { ...pick(app, APP), owner: hookUser(app.owner) };
}
function hookIssue(issue) {
    return {
        ...pick(issue, ISSUE),
        user: maybe(issue.user, hookUser),
        labels: (issue.labels ?? []).map(hookLabel),
        assignee: maybe(issue.assignee, hookUser),
        assignees: (issue.assignees ?? []).map(hookUser),
        milestone: maybe(issue.milestone, hookMilestone),
        reactions: pick(issue.reactions, REACTIONS),
        performed_via_github_app: maybe(issue.performed_via_github_app, hookApp),
    };
}
function hookComment(comment) {
    return {
        ...pick(comment, COMMENT),
        user: maybe(comment.user, hookUser),
        reactions: pick(comment.reactions, REACTIONS),
        performed_via_github_app: maybe(comment.performed_via_github_app, hookApp),
    };
}
function hookBranchRef(ref) {
    return {
        label: ref.label,
        ref: ref.ref,
        sha: ref.sha,
        user: hookUser(ref.user),
        repo: maybe(ref.repo, hookRepo),
    };
}
function hookPull(pull) {
    return {
        ...pick(pull, PULL),
        user: hookUser(pull.user),
        assignee: maybe(pull.assignee, hookUser),
        assignees: (pull.assignees ?? []).map(hookUser),
        requested_reviewers: (pull.requested_reviewers ?? []).map(hookUser),
        requested_teams: (pull.requested_teams ?? []).map(hookTeam),
        labels: (pull.labels ?? []).map(hookLabel),
        milestone: maybe(pull.milestone, hookMilestone),
        merged_by: maybe(pull.merged_by, hookUser),
        head: hookBranchRef(pull.head),
        base: hookBranchRef(pull.base),
    };
}
/** A team (webhooks carry fewer of its fields than REST), with its parent. */
function hookTeam(team) {
    return { ...pick(team, TEAM), parent: maybe(team.parent, (parent) => pick(parent, TEAM)) };
}
function hookInstallation(installation) {
    return { ...pick(installation, INSTALLATION), account: hookUser(installation.account) };
}
/** A check run; `suite` is the full REST check suite (webhooks embed more of it than REST does). */
function hookCheckRun(run, suite) {
    const output = run.output;
    return {
        ...pick(run, CHECK_RUN),
        external_id: run.external_id ?? '',
        details_url: run.details_url ?? run.html_url,
        output: {
            title: output.title ?? null,
            summary: output.summary ?? null,
            text: output.text ?? null,
            annotations_count: output.annotations_count,
            annotations_url: output.annotations_url,
        },
        check_suite: { ...pick(suite, CHECK_RUN_SUITE), app: hookApp(suite.app) },
        app: hookApp(run.app),
    };
}
function hookCheckSuite(suite) {
    return { ...pick(suite, CHECK_SUITE), app: hookApp(suite.app) };
}
/** The pull request as review events embed it (fewer fields than `pull_request` events). */
const hookSimplePull = (pull) => pick(hookPull(pull), SIMPLE_PULL);
/** A review; webhooks spell its state in lowercase (`approved`), REST in uppercase. */
function hookReview(review) {
    return {
        ...pick(review, REVIEW),
        user: maybe(review.user, hookUser),
        state: String(review.state).toLowerCase(),
        submitted_at: review.submitted_at ?? null,
    };
}
function hookReviewComment(comment, reactionsUrl) {
    return {
        ...pick(comment, REVIEW_COMMENT),
        user: maybe(comment.user, hookUser),
        pull_request_review_id: comment.pull_request_review_id ?? 0,
        position: comment.position ?? null,
        original_position: comment.original_position ?? comment.position ?? 1,
        original_line: comment.original_line ?? comment.line ?? 1,
        reactions: {
            url: reactionsUrl,
            total_count: 0,
            '+1': 0,
            '-1': 0,
            laugh: 0,
            hooray: 0,
            confused: 0,
            heart: 0,
            rocket: 0,
            eyes: 0,
        },
    };
}
/** A commit as the `status` event embeds it (REST's commit without stats and files). */
function hookCommit(commit) {
    return {
        ...pick(commit, COMMIT),
        commit: {
            ...pick(commit.commit, GIT_COMMIT),
            verification: pick(commit.commit.verification, VERIFICATION),
        },
        author: maybe(commit.author, hookUser),
        committer: maybe(commit.committer, hookUser),
    };
}


/***/ })

};
