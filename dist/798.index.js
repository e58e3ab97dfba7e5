export const id = 798;
export const ids = [798];
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
