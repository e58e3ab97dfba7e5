export const id = 254;
export const ids = [254];
export const modules = {

/***/ 46865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ installApp),
/* harmony export */   Wb: () => (/* binding */ installationRepos),
/* harmony export */   l6: () => (/* binding */ issueInstallationToken),
/* harmony export */   wL: () => (/* binding */ appInstallation)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);
/* harmony import */ var _seed_time_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86883);
/* harmony import */ var _webhooks_emit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3424);
/* harmony import */ var _render_apps_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4481);
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(91052);
/* harmony import */ var _render_users_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71273);
/* harmony import */ var _webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(90681);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(28478);









const RANK = { read: 1, write: 2, admin: 3 };
function installationRepos(ctx, installation) {
    return [...ctx.store.all('repo')].filter((repo) => (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_8__/* .installationCovers */ .HJ)(installation, repo));
}
function appInstallation(ctx, app, id) {
    const installation = ctx.store.get('installation', id);
    if (!installation || installation.appId !== app.id)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    return installation;
}
/** `ghs_` tokens valid one hour, narrowed to the requested repositories and permissions. */
function issueInstallationToken(ctx, installation, request) {
    const available = installationRepos(ctx, installation);
    let repoIds = null;
    if (request.repositories || request.repository_ids) {
        repoIds = [];
        for (const name of request.repositories ?? []) {
            const repo = available.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
            if (!repo)
                throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unprocessable */ .Pq)('Installation', `There is at least one repository that does not exist or is not accessible to the parent installation.`, 'repositories');
            repoIds.push(repo.id);
        }
        for (const id of request.repository_ids ?? []) {
            if (!available.some((repo) => repo.id === id))
                throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unprocessable */ .Pq)('Installation', `There is at least one repository that does not exist or is not accessible to the parent installation.`, 'repository_ids');
            repoIds.push(id);
        }
    }
    let permissions = installation.permissions;
    if (request.permissions) {
        for (const [name, level] of Object.entries(request.permissions)) {
            const granted = installation.permissions[name];
            if (!granted || RANK[granted] < RANK[level])
                throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unprocessable */ .Pq)('Installation', 'The permissions requested are not granted to this installation.', 'permissions');
        }
        permissions = { ...request.permissions, metadata: 'read' };
    }
    const token = `ghs_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
    const expiresAt = (0,_seed_time_js__WEBPACK_IMPORTED_MODULE_2__/* .isoSeconds */ .nE)(new Date(ctx.core.now().getTime() + 3_600_000));
    ctx.core.redactor.add(token);
    ctx.store.insert(ctx.journal, 'token', {
        id: ctx.store.nextId('token'),
        kind: 'installation',
        token,
        installationId: installation.id,
        expiresAt,
        repoIds,
        permissions,
    });
    const repos = repoIds ? available.filter((repo) => repoIds.includes(repo.id)) : undefined;
    return { token, expiresAt, permissions, repos };
}
/** Installs an app (a person clicking "Install"): the `installation.created` webhook. */
function installApp(ctx, input) {
    if ([...ctx.store.all('installation')].some((i) => i.appId === input.app.id && i.accountId === input.accountId))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(422, 'The app is already installed on this account.');
    const installation = ctx.store.insert(ctx.journal, 'installation', {
        id: ctx.store.nextId('installation'),
        appId: input.app.id,
        accountId: input.accountId,
        repositorySelection: input.repoIds ? 'selected' : 'all',
        repoIds: input.repoIds ?? [],
        permissions: input.permissions ?? input.app.permissions,
        events: input.app.events,
        createdAt: ctx.now,
        updatedAt: ctx.now,
    });
    const sender = ctx.store.get('user', input.senderId);
    (0,_webhooks_emit_js__WEBPACK_IMPORTED_MODULE_3__/* .emit */ .I)(ctx, 'installation', undefined, (view) => ({
        action: 'created',
        installation: (0,_webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_7__/* .hookInstallation */ .G5)((0,_render_apps_js__WEBPACK_IMPORTED_MODULE_4__/* .renderInstallation */ .Td)(view, installation)),
        repositories: installationRepos(ctx, installation).map((repo) => {
            const full = (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_5__/* .renderRepo */ .ZY)(view, repo);
            return {
                id: full.id,
                node_id: full.node_id,
                name: full.name,
                full_name: full.full_name,
                private: full.private,
            };
        }),
        requester: (0,_webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_7__/* .hookUser */ .n3)((0,_render_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUser */ .U5)(view, sender)),
        sender: (0,_webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_7__/* .hookUser */ .n3)((0,_render_users_js__WEBPACK_IMPORTED_MODULE_6__/* .simpleUser */ .U5)(view, sender)),
    }), sender);
    return installation;
}


/***/ }),

/***/ 54288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lj: () => (/* binding */ updateCheckRun),
/* harmony export */   TU: () => (/* binding */ findCheckRun),
/* harmony export */   _U: () => (/* binding */ createCheckRun),
/* harmony export */   pZ: () => (/* binding */ emitCheckRun),
/* harmony export */   uQ: () => (/* binding */ requestAction)
/* harmony export */ });
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _render_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26208);
/* harmony import */ var _state_check_suites_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24614);
/* harmony import */ var _webhooks_emit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3424);
/* harmony import */ var _webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(90681);





function toAnnotation(input) {
    return {
        path: input.path,
        startLine: input.start_line,
        endLine: input.end_line,
        startColumn: input.start_column ?? null,
        endColumn: input.end_column ?? null,
        annotationLevel: input.annotation_level,
        message: input.message,
        title: input.title ?? null,
        rawDetails: input.raw_details ?? null,
    };
}
/** Only GitHub Apps create check runs; a personal token gets GitHub's 403. */
function requireApp(ctx) {
    if (ctx.actor.kind !== 'installation')
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'You must authenticate via a GitHub App.');
    return ctx.actor.app;
}
function validateRun(input, status, conclusion) {
    if (status === 'completed' && !conclusion)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .unprocessable */ .Pq)('CheckRun', 'Conclusion required if status is completed', 'conclusion');
    if ((input.actions?.length ?? 0) > 3)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .unprocessable */ .Pq)('CheckRun', 'Only 3 actions are allowed', 'actions');
    for (const action of input.actions ?? []) {
        if (action.label.length > 20 || action.description.length > 40 || action.identifier.length > 20)
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .unprocessable */ .Pq)('CheckRun', 'An action label is at most 20 characters, a description 40, an identifier 20', 'actions');
    }
    if ((input.output?.annotations?.length ?? 0) > 50)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .unprocessable */ .Pq)('CheckRun', 'At most 50 annotations can be sent per request', 'output');
}
async function createCheckRun(ctx, repo, input) {
    const app = requireApp(ctx);
    const sha = repo.git.resolveCommit(input.head_sha);
    if (!sha || sha !== input.head_sha)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, `No commit found for SHA: ${input.head_sha}`);
    const conclusion = input.conclusion ?? null;
    const status = conclusion ? 'completed' : (input.status ?? 'queued');
    validateRun(input, status, conclusion);
    const suite = (0,_state_check_suites_js__WEBPACK_IMPORTED_MODULE_4__/* .suiteFor */ .s)(ctx.store, ctx.journal, repo, app.id, sha, ctx.now);
    const run = ctx.store.insert(ctx.journal, 'checkRun', {
        id: ctx.store.nextId('checkRun'),
        repoId: repo.id,
        suiteId: suite.id,
        appId: app.id,
        name: input.name,
        headSha: sha,
        externalId: input.external_id ?? null,
        detailsUrl: input.details_url ?? null,
        status,
        conclusion,
        startedAt: input.started_at ?? ctx.now,
        completedAt: status === 'completed' ? (input.completed_at ?? ctx.now) : null,
        output: {
            title: input.output?.title ?? null,
            summary: input.output?.summary ?? null,
            text: input.output?.text ?? null,
            annotations: (input.output?.annotations ?? []).map(toAnnotation),
        },
        actions: input.actions ?? [],
    });
    emitCheckRun(ctx, repo, run, 'created');
    refreshSuite(ctx, repo, suite);
    return run;
}
async function updateCheckRun(ctx, repo, run, input) {
    const app = requireApp(ctx);
    if (app.id !== run.appId)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(403, 'Invalid app_id `' + app.id + '` - check run can only be modified by its own app.');
    const conclusion = input.conclusion ?? (input.status && input.status !== 'completed' ? null : run.conclusion);
    const status = input.conclusion ? 'completed' : (input.status ?? run.status);
    validateRun(input, status, conclusion);
    const wasCompleted = run.status === 'completed';
    ctx.store.update(ctx.journal, 'checkRun', run, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.details_url !== undefined ? { detailsUrl: input.details_url } : {}),
        ...(input.external_id !== undefined ? { externalId: input.external_id } : {}),
        ...(input.started_at !== undefined ? { startedAt: input.started_at } : {}),
        status,
        conclusion: status === 'completed' ? conclusion : null,
        completedAt: status === 'completed' ? (input.completed_at ?? run.completedAt ?? ctx.now) : null,
        ...(input.output
            ? {
                output: {
                    title: input.output.title ?? run.output.title,
                    summary: input.output.summary ?? run.output.summary,
                    text: input.output.text ?? run.output.text,
                    // GitHub appends annotations across updates (so they can be sent 50 at a time).
                    annotations: [...run.output.annotations, ...(input.output.annotations ?? []).map(toAnnotation)],
                },
            }
            : {}),
        ...(input.actions ? { actions: input.actions } : {}),
    });
    if (!wasCompleted && status === 'completed')
        emitCheckRun(ctx, repo, run, 'completed');
    const suite = ctx.store.get('checkSuite', run.suiteId);
    if (suite)
        refreshSuite(ctx, repo, suite);
}
function emitCheckRun(ctx, repo, run, action, extra = {}) {
    (0,_webhooks_emit_js__WEBPACK_IMPORTED_MODULE_2__/* .emit */ .I)(ctx, 'check_run', repo, (view) => {
        const suite = view.store.get('checkSuite', run.suiteId);
        return {
            action,
            check_run: (0,_webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_3__/* .hookCheckRun */ .Zn)((0,_render_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .renderCheckRun */ .kL)(view, repo, run), (0,_render_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .renderCheckSuite */ .TH)(view, repo, suite)),
            ...(extra.requestedAction !== undefined ? { requested_action: { identifier: extra.requestedAction } } : {}),
        };
    }, extra.sender);
}
/** Recomputes a suite from its runs; `check_suite.completed` fires when the last run completes. */
function refreshSuite(ctx, repo, suite) {
    const next = (0,_state_check_suites_js__WEBPACK_IMPORTED_MODULE_4__/* .suiteState */ .y)(ctx.store, suite);
    const wasCompleted = suite.status === 'completed';
    if (next.status === suite.status && next.conclusion === suite.conclusion)
        return;
    ctx.store.update(ctx.journal, 'checkSuite', suite, { ...next, updatedAt: ctx.now });
    if (!wasCompleted && next.status === 'completed')
        (0,_webhooks_emit_js__WEBPACK_IMPORTED_MODULE_2__/* .emit */ .I)(ctx, 'check_suite', repo, (view) => ({
            action: 'completed',
            check_suite: (0,_webhooks_shapes_js__WEBPACK_IMPORTED_MODULE_3__/* .hookCheckSuite */ .Ew)((0,_render_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .renderCheckSuite */ .TH)(view, repo, suite)),
        }));
}
/** A person clicking one of a check run's buttons: `check_run.requested_action` to the app. */
function requestAction(ctx, repo, run, identifier, user) {
    if (!run.actions.some((action) => action.identifier === identifier))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .unprocessable */ .Pq)('CheckRun', `No action with identifier "${identifier}" on check run ${run.id}`, 'identifier');
    emitCheckRun(ctx, repo, run, 'requested_action', { requestedAction: identifier, sender: user });
}
function findCheckRun(ctx, repo, id) {
    const run = ctx.store.get('checkRun', id);
    if (!run || run.repoId !== repo.id)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)();
    return run;
}


/***/ }),

/***/ 93115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ withRepoLock),
/* harmony export */   Bl: () => (/* binding */ pusherOf),
/* harmony export */   LH: () => (/* binding */ moveRef)
/* harmony export */ });
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39991);
/* harmony import */ var _protection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17658);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15105);




/** Runs `work` holding the repository's write lock (shared with pushes). */
function withRepoLock(ctx, repo, work) {
    return ctx.core.locks.run(repo.git.gitDir, work);
}
function pusherOf(ctx, repo) {
    return (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_3__/* .actingUser */ .e)(ctx.actor) ?? ctx.store.get('user', repo.ownerId);
}
/**
 * Moves (or deletes, with null) a ref if it still points at `expected`, then runs what follows a
 * push. Call it while holding the repository lock.
 */
async function moveRef(ctx, repo, ref, sha, expected) {
    (0,_protection_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRefProtection */ .P)(ctx, repo, ref, sha, repo.git.refs.get(ref) ?? expected);
    const result = repo.git.refs.update(ref, sha, expected);
    switch (result.kind) {
        case 'ok':
            await (0,_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .afterRefsChanged */ .j)(ctx, repo, [{ ref, before: result.old ?? null, after: sha }], pusherOf(ctx, repo));
            return;
        case 'stale':
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .conflict */ .hj)(`${ref} was updated by someone else; try again`);
        case 'locked':
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .conflict */ .hj)(`${ref} is being updated; try again`);
        case 'conflict':
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, `Reference cannot be written: ${ref}`);
    }
}


/***/ }),

/***/ 17658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ checkRefProtection),
/* harmony export */   y: () => (/* binding */ checkMergeProtection)
/* harmony export */ });
/* harmony import */ var _git_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47523);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28478);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74048);
/* harmony import */ var _merge_protection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(97709);





/**
 * What classic branch protection refuses, with GitHub's messages: merging without the required
 * approvals, code owner reviews or passing status checks, or from a head that is behind when checks
 * are strict; pushing to a branch that takes changes through pull requests only; force pushes and
 * deletions. Admins bypass it unless `enforce_admins` is on.
 */
function bypasses(ctx, repo, protection) {
    return !protection.enforceAdmins && (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .atLeast */ .jZ)((0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .actorRole */ .k_)(ctx.store, ctx.actor, repo), 'admin');
}
/** Throws GitHub's 405 when the base branch's protection does not allow this merge yet. */
async function checkMergeProtection(ctx, repo, pull) {
    const protection = (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_3__/* .protectionOf */ .fA)(ctx.store, repo, pull.baseRef);
    if (!protection || bypasses(ctx, repo, protection))
        return;
    const failure = await (0,_merge_protection_js__WEBPACK_IMPORTED_MODULE_4__/* .mergeProtectionFailure */ .u)(ctx.store, repo, pull);
    if (failure)
        throw failure.error;
}
/**
 * Throws when a direct change of `ref` (a push through the API, a ref update or deletion) is not
 * allowed by its branch's protection. Merges of pull requests do not come through here.
 */
function checkRefProtection(ctx, repo, ref, sha, current) {
    if (!ref.startsWith('refs/heads/'))
        return;
    const protection = (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_3__/* .protectionOf */ .fA)(ctx.store, repo, ref.slice('refs/heads/'.length));
    if (!protection || bypasses(ctx, repo, protection))
        return;
    if (sha === null) {
        if (!protection.allowDeletions)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(422, 'Cannot delete this protected branch');
        return;
    }
    if (protection.lockBranch)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(409, `Cannot push to ${ref}: the branch is locked.`);
    if (current && !protection.allowForcePushes && !(0,_git_history_js__WEBPACK_IMPORTED_MODULE_0__/* .isAncestor */ .QX)(repo.git, current, sha))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(422, 'Cannot force-push to this branch');
    if (protection.requiredReviews)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(409, `Protected branch update failed for ${ref}: changes must be made through a pull request.`);
    if (protection.requiredStatusChecks?.contexts.length)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(409, `Protected branch update failed for ${ref}: ${protection.requiredStatusChecks.contexts.length} of ${protection.requiredStatusChecks.contexts.length} required status checks are expected.`);
}


/***/ }),

/***/ 44205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G7: () => (/* binding */ createPull),
/* harmony export */   iR: () => (/* binding */ setDraft),
/* harmony export */   kv: () => (/* binding */ mergePull),
/* harmony export */   pZ: () => (/* binding */ updatePull),
/* harmony export */   zG: () => (/* binding */ updatePullBranch)
/* harmony export */ });
/* harmony import */ var _git_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47523);
/* harmony import */ var _git_format_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(34576);
/* harmony import */ var _git_merge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93195);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3435);
/* harmony import */ var _state_identity_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(42614);
/* harmony import */ var _webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76588);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(39991);
/* harmony import */ var _git_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93115);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15105);
/* harmony import */ var _issue_events_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(96502);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43953);
/* harmony import */ var _pull_merged_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25991);
/* harmony import */ var _protection_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17658);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(74048);














/** `owner:branch` or `branch`; only branches of the same repository exist here (no forks). */
function headBranch(ctx, repo, head) {
    const colon = head.indexOf(':');
    if (colon === -1)
        return head;
    const owner = ctx.store.get('user', repo.ownerId);
    return head.slice(0, colon).toLowerCase() === owner.login.toLowerCase() ? head.slice(colon + 1) : undefined;
}
/** Opens a pull request with GitHub's checks: both branches exist, they differ, no duplicate is open. */
async function createPull(ctx, repo, input) {
    const user = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_10__/* .actingUser */ .e)(ctx.actor);
    const head = headBranch(ctx, repo, input.head);
    const headSha = head ? repo.git.branch(head) : undefined;
    const baseSha = repo.git.branch(input.base);
    const errors = [];
    if (!baseSha)
        errors.push({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    if (!headSha)
        errors.push({ resource: 'PullRequest', field: 'head', code: 'invalid' });
    if (errors.length > 0)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .validationFailed */ .$Y)(errors);
    const owner = ctx.store.get('user', repo.ownerId);
    for (const other of ctx.store.where('pull', `repo:${repo.id}`)) {
        const otherIssue = ctx.store.get('issue', other.issueId);
        if (otherIssue?.state === 'open' && other.headRef === head && other.baseRef === input.base)
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unprocessable */ .Pq)('PullRequest', `A pull request already exists for ${owner.login}:${head}.`);
    }
    if ((0,_git_history_js__WEBPACK_IMPORTED_MODULE_0__/* .commitsBetween */ .$q)(repo.git, baseSha, headSha).length === 0)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unprocessable */ .Pq)('PullRequest', `No commits between ${input.base} and ${head}`);
    if (!input.title)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .validationFailed */ .$Y)([{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
    const issue = (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .insertIssue */ .FV)(ctx, repo, user, { title: input.title, body: input.body });
    const number = issue.number;
    const pull = ctx.store.insert(ctx.journal, 'pull', {
        id: ctx.store.nextId('pull'),
        issueId: issue.id,
        repoId: repo.id,
        number,
        headRef: head,
        headSha: headSha,
        baseRef: input.base,
        baseSha: baseSha,
        draft: input.draft ?? false,
        merged: false,
        mergedAt: null,
        mergedById: null,
        mergeCommitSha: null,
        requestedReviewerIds: [],
        requestedTeamIds: [],
        maintainerCanModify: input.maintainer_can_modify ?? false,
    });
    issue.pullId = pull.id;
    await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'opened');
    return { issue, pull };
}
async function updatePull(ctx, repo, issue, pull, input) {
    if (input.base !== undefined && input.base !== pull.baseRef) {
        if (!repo.git.branch(input.base))
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .validationFailed */ .$Y)([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
        if (issue.state !== 'open')
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unprocessable */ .Pq)('PullRequest', 'Cannot change the base branch of a closed pull request.');
        const from = pull.baseRef;
        ctx.store.update(ctx.journal, 'pull', pull, { baseRef: input.base, baseSha: repo.git.branch(input.base) });
        ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_11__/* .addIssueEvent */ .r)(ctx, repo, issue, 'base_ref_changed');
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'edited', {
            changes: { base: { ref: { from }, sha: { from: pull.baseSha } } },
        });
    }
    if (input.maintainer_can_modify !== undefined)
        ctx.store.update(ctx.journal, 'pull', pull, { maintainerCanModify: input.maintainer_can_modify });
    await (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .editIssueText */ .Bv)(ctx, repo, issue, { title: input.title, body: input.body });
    if (input.state !== undefined)
        await (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .setIssueState */ .zE)(ctx, repo, issue, input.state);
}
/** Draft ↔ ready for review (GitHub does this through its web UI or GraphQL, not REST). */
async function setDraft(ctx, repo, issue, pull, draft) {
    if (pull.draft === draft)
        return;
    if (issue.state !== 'open')
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .unprocessable */ .Pq)('PullRequest', 'The pull request is closed.');
    ctx.store.update(ctx.journal, 'pull', pull, { draft });
    ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
    (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_11__/* .addIssueEvent */ .r)(ctx, repo, issue, draft ? 'convert_to_draft' : 'ready_for_review');
    await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, draft ? 'converted_to_draft' : 'ready_for_review');
}
const NOT_ALLOWED = {
    merge: 'Merge commits are not allowed on this repository.',
    squash: 'Squash merges are not allowed on this repository.',
    rebase: 'Rebase merges are not allowed on this repository.',
};
/** A real merge into the base branch (merge commit, squash or rebase), with GitHub's refusals. */
async function mergePull(ctx, repo, issue, pull, input) {
    return (0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .withRepoLock */ .Aq)(ctx, repo, async () => {
        const method = input.merge_method ?? 'merge';
        if (pull.merged || issue.state !== 'open')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(405, 'Pull Request is not mergeable');
        if (pull.draft)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(405, 'Pull Request is still a draft');
        await (0,_protection_js__WEBPACK_IMPORTED_MODULE_8__/* .checkMergeProtection */ .y)(ctx, repo, pull);
        const allowed = { merge: repo.allowMergeCommit, squash: repo.allowSquashMerge, rebase: repo.allowRebaseMerge }[method];
        if (!allowed)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(405, NOT_ALLOWED[method]);
        if (input.sha && input.sha !== pull.headSha)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(409, 'Head branch was modified. Review and try the merge again.');
        const baseSha = repo.git.branch(pull.baseRef);
        if (!baseSha)
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .notFound */ .mX)('Base branch not found');
        const merger = (0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .pusherOf */ .Bl)(ctx, repo);
        const who = (0,_state_identity_js__WEBPACK_IMPORTED_MODULE_12__/* .identity */ .D)(merger);
        const owner = ctx.store.get('user', repo.ownerId);
        const commits = (0,_git_history_js__WEBPACK_IMPORTED_MODULE_0__/* .commitsBetween */ .$q)(repo.git, baseSha, pull.headSha);
        const title = input.commit_title ??
            (method === 'squash'
                ? `${issue.title} (#${pull.number})`
                : `Merge pull request #${pull.number} from ${owner.login}/${pull.headRef}`);
        const message = input.commit_message ??
            (method === 'squash' ? commits.map(({ commit }) => `* ${commit.message.trim()}`).join('\n\n') : issue.title);
        const result = await (0,_git_merge_js__WEBPACK_IMPORTED_MODULE_1__/* .createMergeCommit */ .E)(repo.git, {
            base: baseSha,
            head: pull.headSha,
            method,
            title,
            message,
            committer: (0,_git_format_js__WEBPACK_IMPORTED_MODULE_13__/* .personAt */ .Td)(who.name, who.email, new Date(ctx.now)),
        });
        if (result.kind === 'conflict' || !result.sha)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(405, 'Pull Request is not mergeable');
        // The base moves first: the pull request is only marked merged once git says the merge landed.
        const baseRef = `refs/heads/${pull.baseRef}`;
        const moved = repo.git.refs.update(baseRef, result.sha, baseSha);
        if (moved.kind !== 'ok')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(409, 'Base branch was modified. Review and try the merge again.');
        await (0,_pull_merged_js__WEBPACK_IMPORTED_MODULE_7__/* .markMerged */ .a)(ctx, repo, issue, pull, { by: merger, sha: result.sha, baseSha, closedCommitId: result.sha });
        await (0,_refs_js__WEBPACK_IMPORTED_MODULE_5__/* .afterRefsChanged */ .j)(ctx, repo, [{ ref: baseRef, before: baseSha, after: result.sha }], merger);
        if (repo.deleteBranchOnMerge && repo.git.branch(pull.headRef) && !(0,_state_teams_js__WEBPACK_IMPORTED_MODULE_9__/* .protectionOf */ .fA)(ctx.store, repo, pull.headRef))
            await (0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .moveRef */ .LH)(ctx, repo, `refs/heads/${pull.headRef}`, null, pull.headSha);
        return { sha: result.sha, merged: true, message: 'Pull Request successfully merged' };
    });
}
/**
 * `update-branch`: merges the base branch into the head branch (a merge commit on the head, as
 * GitHub's "Update branch" button makes), which moves the pull request (`synchronize`).
 */
async function updatePullBranch(ctx, repo, issue, pull, expectedHeadSha) {
    return (0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .withRepoLock */ .Aq)(ctx, repo, async () => {
        if (issue.state !== 'open')
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, 'Pull request is not open.');
        if (expectedHeadSha !== undefined && expectedHeadSha !== pull.headSha)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, "expected head sha didn't match current head ref.");
        const baseSha = repo.git.branch(pull.baseRef);
        if (!baseSha)
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .notFound */ .mX)('Base branch not found');
        if ((0,_git_history_js__WEBPACK_IMPORTED_MODULE_0__/* .isAncestor */ .QX)(repo.git, baseSha, pull.headSha))
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, 'There are no new commits on the base branch.');
        const who = (0,_state_identity_js__WEBPACK_IMPORTED_MODULE_12__/* .identity */ .D)((0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .pusherOf */ .Bl)(ctx, repo));
        const result = await (0,_git_merge_js__WEBPACK_IMPORTED_MODULE_1__/* .createMergeCommit */ .E)(repo.git, {
            base: pull.headSha,
            head: baseSha,
            method: 'merge',
            title: `Merge branch '${pull.baseRef}' into ${pull.headRef}`,
            message: '',
            committer: (0,_git_format_js__WEBPACK_IMPORTED_MODULE_13__/* .personAt */ .Td)(who.name, who.email, new Date(ctx.now)),
        });
        if (result.kind === 'conflict' || !result.sha)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD(422, 'merge conflict between base and head');
        await (0,_git_write_js__WEBPACK_IMPORTED_MODULE_4__/* .moveRef */ .LH)(ctx, repo, `refs/heads/${pull.headRef}`, result.sha, pull.headSha);
    });
}


/***/ }),

/***/ 5701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O7: () => (/* binding */ findRepo),
/* harmony export */   _L: () => (/* binding */ may),
/* harmony export */   kC: () => (/* binding */ orgParam),
/* harmony export */   oq: () => (/* binding */ repoParam),
/* harmony export */   pL: () => (/* binding */ intParam),
/* harmony export */   rI: () => (/* binding */ pullParam),
/* harmony export */   rJ: () => (/* binding */ issueParam),
/* harmony export */   zO: () => (/* binding */ userParam)
/* harmony export */ });
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28478);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);


function findRepo(ctx, owner, name) {
    return ctx.store.repoByFullName(owner, name);
}
/** The `{owner}/{repo}` of the path, if the actor may do `need` there (404 when it cannot see it). */
function repoParam(ctx, need = _state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .NEED */ .$B.metadata) {
    const repo = findRepo(ctx, ctx.params.owner, ctx.params.repo);
    if (!repo)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorize */ .Gq)(ctx.store, ctx.actor, repo, need);
    return repo;
}
/** Whether the actor may do `need` on `repo` (for what a response shows, not whether it is allowed). */
function may(ctx, repo, need) {
    try {
        (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .authorize */ .Gq)(ctx.store, ctx.actor, repo, need);
        return true;
    }
    catch {
        return false;
    }
}
function intParam(ctx, name) {
    const raw = ctx.params[name] ?? '';
    if (!/^\d{1,15}$/.test(raw))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    return Number(raw);
}
function issueParam(ctx, repo, name = 'issue_number') {
    const number = intParam(ctx, name);
    const issue = ctx.store.issueByNumber(repo.id, number);
    if (issue)
        return issue;
    if (ctx.store.countWhere('deletedIssue', `repo:${repo.id}:${number}`) > 0)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(410, 'This issue was deleted');
    throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
}
function pullParam(ctx, repo) {
    const issue = ctx.store.issueByNumber(repo.id, intParam(ctx, 'pull_number'));
    const pull = issue?.pullId ? ctx.store.get('pull', issue.pullId) : undefined;
    if (!issue || !pull)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    return { issue, pull };
}
function userParam(ctx, name = 'username') {
    const user = ctx.store.userByLogin(ctx.params[name] ?? '');
    if (!user)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    return user;
}
/** The organization `{org}` of the path (404 when it is a user or nobody). */
function orgParam(ctx) {
    const account = userParam(ctx, 'org');
    const org = account.type === 'Organization' ? ctx.store.get('org', account.id) : undefined;
    if (!org)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    return { account, org };
}


/***/ })

};
