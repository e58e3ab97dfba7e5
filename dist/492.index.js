export const id = 492;
export const ids = [492,798];
export const modules = {

/***/ 97545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ requiredString),
/* harmony export */   J: () => (/* binding */ actingAs)
/* harmony export */ });
/* harmony import */ var _domain_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7666);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _http_request_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28964);
/* harmony import */ var _state_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74803);




/** A context for what the control API does on someone's behalf (a person clicking in the web UI). */
function actingAs(core, login) {
    const user = typeof login === 'string' ? core.store.userByLogin(login) : core.store.get('user', core.defaultUserId);
    if (!user)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, `unknown user "${String(login)}"`);
    const ctx = (0,_domain_context_js__WEBPACK_IMPORTED_MODULE_3__/* .requestContext */ .V)(core, {
        actor: { kind: 'user', user },
        journal: new _state_store_js__WEBPACK_IMPORTED_MODULE_2__/* .Journal */ .CQ(),
        requestId: (0,_http_request_id_js__WEBPACK_IMPORTED_MODULE_1__/* .nextRequestId */ .w)(),
    });
    return { ctx, user };
}
function requiredString(value, name) {
    if (typeof value !== 'string' || value === '')
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, `"${name}" must be a non-empty string`);
    return value;
}


/***/ }),

/***/ 62492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  handleControl: () => (/* binding */ handleControl),
  isLoopbackHost: () => (/* binding */ isLoopbackHost)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/lib/loopback.ts

/**
 * Whether an address or name is this machine's loopback (127.0.0.0/8, ::1, localhost). Only an
 * address is taken for 127.x: a DNS name such as `127.attacker.example` (what a rebound page sends
 * in Host) is no loopback.
 */
function isLoopback(host) {
    const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
    return host === '::1' || host === 'localhost' || ((0,external_node_net_.isIPv4)(v4) && v4.startsWith('127.'));
}
/**
 * The name a request's `Host` header gives, without its port or the brackets of an IPv6 address,
 * lowercased; '' when there is none.
 */
function hostHeaderName(header) {
    const host = (header ?? '').trim().toLowerCase();
    if (host.startsWith('['))
        return host.slice(1, host.indexOf(']') === -1 ? undefined : host.indexOf(']'));
    const colon = host.indexOf(':');
    return colon === -1 ? host : host.slice(0, colon);
}
/**
 * Whether a request's `Host` header names this machine's loopback, with any port: what a server on
 * loopback checks against DNS rebinding (a web page whose name was rebound to 127.0.0.1 reaches it
 * as same-origin, with its own name in Host). `*.localhost` counts, as browsers resolve it to
 * loopback themselves (RFC 6761), so no page can rebind it.
 */
function namesLoopback(header) {
    const name = hostHeaderName(header);
    return isLoopback(name) || name.endsWith('.localhost') || name === '0:0:0:0:0:0:0:1';
}

// EXTERNAL MODULE: ./src/clones/github/http/body.ts
var http_body = __webpack_require__(80561);
// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var errors = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/clones/github/seed/errors.ts
var seed_errors = __webpack_require__(83273);
// EXTERNAL MODULE: ./src/clones/github/domain/apps.ts
var apps = __webpack_require__(46865);
// EXTERNAL MODULE: ./src/clones/github/domain/checks.ts
var checks = __webpack_require__(54288);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/domain/pulls.ts
var pulls = __webpack_require__(44205);
// EXTERNAL MODULE: ./src/clones/github/git/format.ts
var format = __webpack_require__(34576);
// EXTERNAL MODULE: ./src/clones/github/http/auth.ts + 1 modules
var auth = __webpack_require__(88747);
// EXTERNAL MODULE: ./src/clones/github/http/route.ts
var http_route = __webpack_require__(4944);
;// CONCATENATED MODULE: ./src/clones/github/operation-list.ts

/** The implemented operations, in GitHub's notation, sorted by operation id. */
function operationList(routes) {
    return routes
        .map((route) => ({
        operationId: route.operationId,
        method: route.method,
        path: route.path.replace(/\{(\w+)[+*]\}/g, '{$1}'),
        documentation: (0,http_route/* docsUrl */.fs)(route.docs),
    }))
        .sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
}

// EXTERNAL MODULE: ./src/clones/github/routes/lookup.ts
var lookup = __webpack_require__(5701);
// EXTERNAL MODULE: ./src/clones/github/state/snapshot.ts + 3 modules
var snapshot = __webpack_require__(87297);
// EXTERNAL MODULE: ./src/clones/github/control/context.ts
var context = __webpack_require__(97545);
// EXTERNAL MODULE: ./src/clones/github/control/runs.ts
var runs = __webpack_require__(90798);
;// CONCATENATED MODULE: ./src/clones/github/control/routes.ts












const ok = (body) => ({ status: 200, body });
/** The control API, under `/_archal/` (no GitHub path starts so). */
const CONTROL_ROUTES = [
    { method: 'GET', path: /^\/_archal\/health$/, handle: ({ core }) => ok({ ok: true, seed: core.seedSource }) },
    {
        method: 'GET',
        path: /^\/_archal\/state$/,
        handle: ({ core }) => ok((0,snapshot/* snapshot */.P)(core.store, { seed: core.seedSource })),
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
            if (!('seed' in body))
                throw new errors/* ApiError */.hD(422, 'Expected {"seed": "<name>"} or {"seed": {...seed object}}');
            // Named seeds and seed objects only: the control API never reads a file of the machine.
            return ok({ seeded: true, seed: core.reseed(body.seed, undefined, { files: false }) });
        },
    },
    {
        method: 'GET',
        path: /^\/_archal\/requests$/,
        handle: ({ core, query }) => {
            const since = query.get('since') ?? '0';
            if (!/^\d{1,15}$/.test(since))
                throw new errors/* ApiError */.hD(422, `since must be a request id (a whole number, 0 or more), not ${JSON.stringify(since)}`);
            const flag = query.get('not_implemented');
            if (flag !== null && flag !== 'true' && flag !== 'false')
                throw new errors/* ApiError */.hD(422, `not_implemented must be true or false, not ${JSON.stringify(flag)}`);
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
            if (query.get('wait') === 'true')
                await core.webhooks.idle();
            return ok({ deliveries: core.webhooks.list() });
        },
    },
    {
        method: 'GET',
        path: /^\/_archal\/operations$/,
        // The route table is loaded with the first request that needs it (see clone.ts).
        handle: async () => ok({ operations: operationList((await __webpack_require__.e(/* import() */ 375).then(__webpack_require__.bind(__webpack_require__, 90375))).ROUTES) }),
    },
    {
        method: 'POST',
        path: /^\/_archal\/check-runs\/(\d+)\/requested-action$/,
        handle: ({ core, body, groups }) => {
            const run = core.store.get('checkRun', Number(groups[0]));
            if (!run)
                throw (0,errors/* notFound */.mX)();
            const { ctx, user } = (0,context/* actingAs */.J)(core, body.user);
            const repo = core.store.get('repo', run.repoId);
            (0,checks/* requestAction */.uQ)(ctx, repo, (0,checks/* findCheckRun */.TU)(ctx, repo, run.id), (0,context/* requiredString */.F)(body.identifier, 'identifier'), user);
            return ok({ deliveries: ctx.deliveries });
        },
    },
    {
        method: 'POST',
        path: /^\/_archal\/pulls\/([^/]+)\/([^/]+)\/(\d+)\/(ready-for-review|convert-to-draft)$/,
        handle: async ({ core, body, groups }) => {
            const { ctx } = (0,context/* actingAs */.J)(core, body.user);
            const repo = (0,lookup/* findRepo */.O7)(ctx, groups[0], groups[1]);
            const issue = repo ? core.store.issueByNumber(repo.id, Number(groups[2])) : undefined;
            const pull = issue?.pullId ? core.store.get('pull', issue.pullId) : undefined;
            if (!repo || !issue || !pull)
                throw (0,errors/* notFound */.mX)();
            await (0,pulls/* setDraft */.iR)(ctx, repo, issue, pull, groups[3] === 'convert-to-draft');
            return ok({ draft: pull.draft, deliveries: ctx.deliveries });
        },
    },
    {
        method: 'POST',
        path: /^\/_archal\/installations$/,
        handle: ({ core, body }) => {
            const { ctx, user } = (0,context/* actingAs */.J)(core, body.user);
            const slug = (0,context/* requiredString */.F)(body.app, 'app');
            const app = [...core.store.all('app')].find((candidate) => candidate.slug === slug);
            if (!app)
                throw new errors/* ApiError */.hD(404, `unknown app "${slug}"`);
            const account = core.store.userByLogin((0,context/* requiredString */.F)(body.account, 'account'));
            if (!account)
                throw new errors/* ApiError */.hD(404, `unknown account "${String(body.account)}"`);
            const { repositories } = body;
            // Absent or "all": every repository of the account, as the seed's `installations` say it.
            if (repositories !== undefined &&
                repositories !== 'all' &&
                !(Array.isArray(repositories) && repositories.every((name) => typeof name === 'string' && name !== '')))
                throw new errors/* ApiError */.hD(422, `"repositories" must be "all" or a list of repository names of ${account.login}, not ${JSON.stringify(repositories)}`);
            const repoIds = Array.isArray(repositories)
                ? repositories.map((name) => {
                    const repo = (0,lookup/* findRepo */.O7)(ctx, account.login, name);
                    if (!repo)
                        throw new errors/* ApiError */.hD(404, `unknown repository ${account.login}/${name}`);
                    return repo.id;
                })
                : null;
            const installation = (0,apps/* installApp */.Pe)(ctx, { app, accountId: account.id, repoIds, senderId: user.id });
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
        handle: ({ core, body }) => ({ status: 201, body: (0,runs.createWorkflowRun)(core, body) }),
    },
    {
        // The contents API's `download_url`: a raw file (a token is needed for private repositories).
        method: 'GET',
        path: /^\/_archal\/raw\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/,
        handle: ({ core, groups, headers }) => {
            const [owner, name, ref, path] = groups.map((part) => decodeURIComponent(part));
            const { ctx } = (0,context/* actingAs */.J)(core, undefined);
            const repo = (0,lookup/* findRepo */.O7)(ctx, owner, name);
            const token = (0,auth/* credential */.e)(typeof headers.authorization === 'string' ? headers.authorization : undefined);
            const actor = (0,auth/* resolveActor */.i)(core.store, token, core.unknownTokenUserId, core.now());
            if (!repo || !(0,permissions/* actorRole */.k_)(core.store, actor, repo))
                throw (0,errors/* notFound */.mX)();
            const sha = repo.git.resolveCommit(ref);
            const entry = sha ? repo.git.entryAt(repo.git.readCommit(sha).tree, path) : undefined;
            if (!entry || (0,format/* isTreeMode */.AY)(entry.mode))
                throw (0,errors/* notFound */.mX)();
            return { status: 200, raw: repo.git.readBlob(entry.sha) ?? Buffer.alloc(0) };
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/control/handler.ts






function send(res, reply) {
    if ('raw' in reply) {
        res.writeHead(reply.status, {
            'content-type': 'text/plain; charset=utf-8',
            'content-length': String(reply.raw.length),
        });
        res.end(reply.raw);
        return;
    }
    const text = JSON.stringify(reply.body, null, 2);
    res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
}
/**
 * Whether a Host header names this machine's loopback (a request without one, as from a raw
 * socket, is no browser's): an open control API refuses rebound web pages.
 */
function isLoopbackHost(header) {
    return header === undefined || namesLoopback(header);
}
/** Every control endpoint that takes a body takes a JSON object (an empty body stands for `{}`). */
function parseBody(raw) {
    if (raw.length === 0)
        return {};
    let parsed;
    try {
        parsed = JSON.parse(raw.toString('utf8'));
    }
    catch {
        throw new errors/* ApiError */.hD(400, 'Problems parsing JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        const given = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
        throw new errors/* ApiError */.hD(422, `The body must be a JSON object, not ${given}`);
    }
    return parsed;
}
function sameSecret(given, expected) {
    if (typeof given !== 'string')
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
/**
 * Serves the control API: state snapshots, reset and reseed, the request log, webhook deliveries
 * and simulations of what people do in GitHub's web UI. Its requests are not in the request log
 * (they are the harness's, not the agent's). Without a control token it answers only requests
 * addressed to a loopback host.
 */
async function handleControl(core, exchange, controlToken) {
    const { req, res, search } = exchange;
    const path = exchange.path.replace(/\/+$/, '');
    try {
        if (controlToken !== null &&
            path !== '/_archal/health' &&
            !sameSecret(req.headers['x-archal-control-token'], controlToken))
            throw new errors/* ApiError */.hD(401, "The control API needs the clone's control token in X-Archal-Control-Token");
        if (controlToken === null && path !== '/_archal/health' && !isLoopbackHost(req.headers.host))
            throw new errors/* ApiError */.hD(403, `The control API answers only requests addressed to a loopback host (127.0.0.1, localhost, [::1]), not to ${JSON.stringify(req.headers.host)}; to reach it under another name, start the clone with a control token.`);
        const raw = await (0,http_body/* readBody */.x)(req, core.config.maxBodyBytes);
        const body = parseBody(raw);
        for (const route of CONTROL_ROUTES) {
            if (route.method !== req.method)
                continue;
            const match = route.path.exec(path);
            if (!match)
                continue;
            return send(res, await route.handle({
                core,
                body,
                query: new URLSearchParams(search),
                groups: match.slice(1),
                headers: req.headers,
            }));
        }
        throw new errors/* ApiError */.hD(404, `Unknown control endpoint: ${req.method} ${path}`);
    }
    catch (error) {
        if (error instanceof http_body/* BodyTooLargeError */.A)
            return send(res, { status: 413, body: { message: 'Request body too large' } });
        if (error instanceof seed_errors/* SeedError */.uV)
            return send(res, { status: 422, body: { message: error.message, problems: error.problems } });
        if (error instanceof errors/* ApiError */.hD)
            return send(res, {
                status: error.status,
                body: { message: error.message, ...(error.extra.errors ? { errors: error.extra.errors } : {}) },
            });
        return send(res, { status: 500, body: { message: error instanceof Error ? error.message : String(error) } });
    }
}


/***/ }),

/***/ 90798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createWorkflowRun: () => (/* binding */ createWorkflowRun),
/* harmony export */   registeredRunBody: () => (/* binding */ registeredRunBody)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41514);
/* harmony import */ var _domain_actions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87834);
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91052);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3435);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97545);





const status = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['queued', 'in_progress', 'completed']);
const conclusion = zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['success', 'failure', 'cancelled', 'skipped', 'neutral', 'timed_out', 'action_required']);
/** `POST /_archal/actions/runs`: a workflow run as GitHub starts one (snake_case, like GitHub's JSON). */
const runRequest = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    repo: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(/^[^/]+\/[^/]+$/, 'expected "owner/name"'),
    workflow: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
    event: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
    head_branch: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
    head_sha: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()
        .regex(/^[0-9a-f]{40}$/, 'expected a full commit SHA')
        .optional(),
    status: status.optional(),
    conclusion: conclusion.optional(),
    backend_id: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
    actor: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
    permissions: zod__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_4__/* ["enum"] */ .k5n(['read', 'write', 'none'])).optional(),
    jobs: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1),
        backend_id: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1).optional(),
        status: status.optional(),
        conclusion: conclusion.optional(),
        steps: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1), status: status.optional(), conclusion: conclusion.optional() })
            .strict())
            .optional(),
        log: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
    })
        .strict())
        .optional(),
})
    .strict();
/** Registers a run from the control API's request body (also `handle.workflowRun()`). */
function createWorkflowRun(core, body) {
    const request = parseRunRequest(body);
    const { ctx } = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .actingAs */ .J)(core, request.actor);
    const [owner = '', name = ''] = request.repo.split('/');
    const repo = ctx.store.repoByFullName(owner, name);
    if (!repo)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(404, `unknown repository "${request.repo}"`);
    return registeredRunBody(ctx, (0,_domain_actions_js__WEBPACK_IMPORTED_MODULE_0__/* .registerWorkflowRun */ .aX)(ctx, repo, request.run));
}
function parseRunRequest(body) {
    const parsed = runRequest.safeParse(body);
    if (!parsed.success)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    const input = parsed.data;
    return {
        repo: input.repo,
        actor: input.actor,
        run: {
            workflow: input.workflow,
            name: input.name,
            event: input.event,
            headBranch: input.head_branch,
            headSha: input.head_sha,
            status: input.status,
            conclusion: input.conclusion,
            backendId: input.backend_id,
            permissions: input.permissions
                ? Object.fromEntries(Object.entries(input.permissions).filter((entry) => entry[1] !== 'none'))
                : undefined,
            jobs: input.jobs?.map((job) => ({
                name: job.name,
                backendId: job.backend_id,
                status: job.status,
                conclusion: job.conclusion,
                steps: job.steps,
                log: job.log,
            })),
        },
    };
}
/** What the control API answers: ids, tokens and the runner environment of the first job. */
function registeredRunBody(ctx, registered) {
    const { run } = registered;
    const repo = ctx.store.get('repo', run.repoId);
    const name = (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_1__/* .fullName */ .fq)(ctx, repo);
    return {
        id: run.id,
        run_number: run.runNumber,
        run_attempt: run.runAttempt,
        backend_id: run.backendId,
        url: `${ctx.urls.repo(name)}/actions/runs/${run.id}`,
        html_url: `${ctx.urls.repoHtml(name)}/actions/runs/${run.id}`,
        github_token: registered.githubToken,
        jobs: registered.jobs.map(({ job, runtimeToken }) => ({
            id: job.id,
            name: job.name,
            backend_id: job.backendId,
            runtime_token: runtimeToken,
        })),
        env: registered.env,
    };
}


/***/ })

};
