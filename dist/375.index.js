export const id = 375;
export const ids = [375];
export const modules = {

/***/ 77692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ crossReferences)
/* harmony export */ });
/* harmony import */ var _render_repos_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91052);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28478);
/* harmony import */ var _closing_references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67713);



/** `#N`, `owner/repo#N` and issue or pull request URLs in a text, as GitHub links mentions. */
function mentions(text, sourceRepo, targetRepo, number) {
    const escaped = targetRepo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const patterns = [
        `(?<![\\w/#-])${escaped}#${number}(?!\\d)`,
        `/${escaped}/(?:issues|pull)/${number}(?!\\d)`,
        ...(sourceRepo.toLowerCase() === targetRepo.toLowerCase() ? [`(?<![\\w/#-])#${number}(?!\\d)`] : []),
    ];
    return patterns.some((pattern) => new RegExp(pattern, 'i').test(text));
}
/**
 * The issues and pull requests (of repositories the viewer can read issues of) whose body or
 * comments mention `issue`, each once, at its first mention: GitHub's cross-references, which
 * REST's timeline (`cross-referenced`) and GraphQL's `CrossReferencedEvent` show.
 */
function crossReferences(view, repo, issue) {
    const target = (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, repo);
    const found = [];
    for (const source of view.store.all('issue')) {
        if (source.id === issue.id)
            continue;
        const sourceRepo = view.store.get('repo', source.repoId);
        if (!sourceRepo || !readable(view, sourceRepo))
            continue;
        const sourceName = (0,_render_repos_js__WEBPACK_IMPORTED_MODULE_0__/* .fullName */ .fq)(view, sourceRepo);
        const texts = [
            { text: source.body ?? '', at: source.createdAt, by: source.userId, record: source },
            ...view.store
                .where('comment', `issue:${source.id}`)
                .map((comment) => ({ text: comment.body, at: comment.createdAt, by: comment.userId, record: comment })),
        ];
        const first = texts.find((entry) => mentions(entry.text, sourceName, target, issue.number));
        if (!first)
            continue;
        const pull = view.store.get('pull', source.pullId);
        const willClose = pull !== undefined &&
            pull.baseRef === sourceRepo.defaultBranch &&
            (0,_closing_references_js__WEBPACK_IMPORTED_MODULE_2__/* .closingReferences */ .K)(source.body ?? '', sourceName).some((reference) => reference.repo === target.toLowerCase() && reference.number === issue.number);
        found.push({ source, sourceRepo, at: first.at, by: first.by, record: first.record, willClose });
    }
    return found;
}
function readable(view, repo) {
    if (!view.actor)
        return !repo.private;
    try {
        (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .authorize */ .Gq)(view.store, view.actor, repo, _state_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .NEED */ .$B.issuesRead);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 13850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ repoLanguages),
/* harmony export */   e: () => (/* binding */ languageOf)
/* harmony export */ });
/* harmony import */ var _git_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34576);

/**
 * An approximation of GitHub's linguist: a file's language comes from its extension (or its whole
 * name, for `Dockerfile` and `Makefile`) alone, with no content heuristics, no `.gitattributes`
 * overrides and no shebang detection. As linguist does, only programming and markup languages
 * count (data such as JSON and YAML, and prose such as Markdown, do not), and vendored or
 * generated paths are skipped.
 */
const BY_EXTENSION = {
    js: 'JavaScript',
    mjs: 'JavaScript',
    cjs: 'JavaScript',
    jsx: 'JavaScript',
    ts: 'TypeScript',
    mts: 'TypeScript',
    cts: 'TypeScript',
    tsx: 'TypeScript',
    py: 'Python',
    rb: 'Ruby',
    go: 'Go',
    rs: 'Rust',
    java: 'Java',
    kt: 'Kotlin',
    kts: 'Kotlin',
    scala: 'Scala',
    swift: 'Swift',
    c: 'C',
    h: 'C',
    cc: 'C++',
    cpp: 'C++',
    cxx: 'C++',
    hpp: 'C++',
    hh: 'C++',
    cs: 'C#',
    fs: 'F#',
    php: 'PHP',
    pl: 'Perl',
    lua: 'Lua',
    r: 'R',
    dart: 'Dart',
    ex: 'Elixir',
    exs: 'Elixir',
    erl: 'Erlang',
    hs: 'Haskell',
    clj: 'Clojure',
    ml: 'OCaml',
    zig: 'Zig',
    sh: 'Shell',
    bash: 'Shell',
    zsh: 'Shell',
    ps1: 'PowerShell',
    html: 'HTML',
    htm: 'HTML',
    css: 'CSS',
    scss: 'SCSS',
    sass: 'Sass',
    less: 'Less',
    vue: 'Vue',
    svelte: 'Svelte',
    tex: 'TeX',
    nix: 'Nix',
    tf: 'HCL',
    hcl: 'HCL',
    groovy: 'Groovy',
    m: 'Objective-C',
    mm: 'Objective-C++',
    jl: 'Julia',
    elm: 'Elm',
    vim: 'Vim Script',
};
const BY_NAME = {
    Dockerfile: 'Dockerfile',
    Makefile: 'Makefile',
    makefile: 'Makefile',
    GNUmakefile: 'Makefile',
    Rakefile: 'Ruby',
    Gemfile: 'Ruby',
};
/** linguist's vendored and generated paths (a subset): dependencies, build output, minified files. */
const SKIPPED = /(^|\/)(node_modules|vendor|bower_components|third_party|dist|build)\/|\.min\.(js|css)$/;
function languageOf(path) {
    if (SKIPPED.test(path))
        return undefined;
    const name = path.slice(path.lastIndexOf('/') + 1);
    const byName = BY_NAME[name];
    if (byName)
        return byName;
    const dot = name.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}
/** Bytes of each language in the default branch's tree, largest first (GitHub's order). */
function repoLanguages(repo) {
    const tip = repo.git.branch(repo.defaultBranch);
    const commit = tip ? repo.git.readCommit(tip) : undefined;
    const bytes = new Map();
    if (commit)
        addTree(repo.git, commit.tree, '', bytes);
    return [...bytes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
function addTree(git, treeSha, prefix, bytes) {
    for (const entry of git.readTree(treeSha) ?? []) {
        const path = `${prefix}${entry.name}`;
        if ((0,_git_format_js__WEBPACK_IMPORTED_MODULE_0__/* .isTreeMode */ .AY)(entry.mode)) {
            addTree(git, entry.sha, `${path}/`, bytes);
            continue;
        }
        // Symlinks (120000) and submodules (160000) are not files of the repository.
        if (entry.mode !== '100644' && entry.mode !== '100755')
            continue;
        const language = languageOf(path);
        if (!language)
            continue;
        const size = git.readBlob(entry.sha)?.length ?? 0;
        bytes.set(language, (bytes.get(language) ?? 0) + size);
    }
}


/***/ }),

/***/ 41707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ updateRelease),
/* harmony export */   JF: () => (/* binding */ latestRelease),
/* harmony export */   YG: () => (/* binding */ createRelease),
/* harmony export */   dv: () => (/* binding */ findRelease)
/* harmony export */ });
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39991);
/* harmony import */ var _git_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93115);



function findRelease(ctx, repo, id) {
    const release = ctx.store.get('release', id);
    if (!release || release.repoId !== repo.id)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .notFound */ .mX)();
    return release;
}
/** The newest published, non-prerelease release (GitHub's "latest"). */
function latestRelease(ctx, repo) {
    return ctx.store
        .where('release', `repo:${repo.id}`)
        .filter((release) => !release.draft && !release.prerelease)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id))[0];
}
function checkTag(ctx, repo, tag, except) {
    if (ctx.store.where('release', `repo:${repo.id}`).some((release) => release !== except && release.tagName === tag))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
}
/**
 * A published release tags `target_commitish` (default: the default branch) when the tag does
 * not exist yet, as GitHub does (the tag's `create` and `push` webhooks included); a draft tags
 * nothing until it is published.
 */
async function ensureTag(ctx, repo, release) {
    if (release.draft)
        return;
    const ref = `refs/tags/${release.tagName}`;
    if (repo.git.refs.get(ref))
        return;
    const sha = repo.git.resolveCommit(release.targetCommitish);
    if (!sha)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .validationFailed */ .$Y)([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
    await (0,_git_write_js__WEBPACK_IMPORTED_MODULE_1__/* .moveRef */ .LH)(ctx, repo, ref, sha, null);
}
async function createRelease(ctx, repo, input) {
    return (0,_git_write_js__WEBPACK_IMPORTED_MODULE_1__/* .withRepoLock */ .Aq)(ctx, repo, async () => {
        checkTag(ctx, repo, input.tag_name);
        if (repo.git.branches().size === 0)
            throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, 'Repository is empty.');
        const draft = input.draft ?? false;
        const release = {
            id: ctx.store.nextId('release'),
            repoId: repo.id,
            tagName: input.tag_name,
            targetCommitish: input.target_commitish ?? repo.defaultBranch,
            name: input.name ?? null,
            body: input.body ?? null,
            draft,
            prerelease: input.prerelease ?? false,
            authorId: (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_2__/* .actingUser */ .e)(ctx.actor).id,
            createdAt: ctx.now,
            publishedAt: draft ? null : ctx.now,
        };
        await ensureTag(ctx, repo, release);
        return ctx.store.insert(ctx.journal, 'release', release);
    });
}
async function updateRelease(ctx, repo, release, input) {
    return (0,_git_write_js__WEBPACK_IMPORTED_MODULE_1__/* .withRepoLock */ .Aq)(ctx, repo, async () => {
        if (input.tag_name !== undefined)
            checkTag(ctx, repo, input.tag_name, release);
        const publishing = release.draft && input.draft === false;
        const next = {
            ...(input.tag_name !== undefined ? { tagName: input.tag_name } : {}),
            ...(input.target_commitish !== undefined ? { targetCommitish: input.target_commitish } : {}),
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.body !== undefined ? { body: input.body } : {}),
            ...(input.draft !== undefined ? { draft: input.draft } : {}),
            ...(input.prerelease !== undefined ? { prerelease: input.prerelease } : {}),
            ...(publishing ? { publishedAt: ctx.now } : {}),
        };
        await ensureTag(ctx, repo, { ...release, ...next });
        ctx.store.update(ctx.journal, 'release', release, next);
        return release;
    });
}


/***/ }),

/***/ 8084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bx: () => (/* binding */ createReview),
/* harmony export */   dU: () => (/* binding */ addReviewComment),
/* harmony export */   h6: () => (/* binding */ submitReview),
/* harmony export */   i5: () => (/* binding */ requestReviewers),
/* harmony export */   mu: () => (/* binding */ commentOnDiff),
/* harmony export */   px: () => (/* binding */ removeReviewers)
/* harmony export */ });
/* harmony import */ var _git_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84648);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74048);
/* harmony import */ var _webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76588);
/* harmony import */ var _webhooks_repo_events_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4333);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(39991);
/* harmony import */ var _issue_events_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(96502);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28478);
/* harmony import */ var _state_pull_stats_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1221);









const STATE = {
    APPROVE: 'APPROVED',
    REQUEST_CHANGES: 'CHANGES_REQUESTED',
    COMMENT: 'COMMENTED',
};
/** A COMMENT or REQUEST_CHANGES review must say something: a body, or inline comments (`hasComments`). */
function checkEvent(ctx, issue, event, body, hasComments) {
    const self = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor)?.id === issue.userId;
    if (self && event === 'APPROVE')
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)('Can not approve your own pull request');
    if (self && event === 'REQUEST_CHANGES')
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)('Can not request changes on your own pull request');
    if ((event === 'REQUEST_CHANGES' || event === 'COMMENT') && body.trim() === '' && !hasComments)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)(`Body is required when the event is ${event}`);
}
/** A review comment's path or line is not in the pull request's diff (a 422, shaped by the operation). */
class UnresolvedPosition extends _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD {
    part;
    constructor(part) {
        super(422, 'Validation Failed', part === 'path'
            ? {
                errors: [
                    {
                        resource: 'PullRequestReviewComment',
                        code: 'custom',
                        field: 'path',
                        message: 'pull_request_review_thread.path could not be resolved',
                    },
                ],
            }
            : {
                errors: [
                    {
                        resource: 'PullRequestReviewComment',
                        code: 'custom',
                        field: 'line',
                        message: 'pull_request_review_thread.line must be part of the diff',
                    },
                ],
            });
        this.part = part;
    }
}
/**
 * The diff hunk GitHub shows with a review comment (the hunk of `path` up to the commented line),
 * and the commented line's `position`: how many lines below the file's first `@@` header it is.
 */
async function hunkFor(ctx, repo, pull, comment) {
    const stats = await (0,_state_pull_stats_js__WEBPACK_IMPORTED_MODULE_6__/* .pullStats */ .p)(ctx.core, repo, pull);
    const files = stats.mergeBaseSha ? await (0,_git_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffCommits */ .i)(repo.git, stats.mergeBaseSha, pull.headSha) : [];
    const file = files.find((f) => f.filename === comment.path);
    if (!file?.patch)
        throw new UnresolvedPosition('path');
    const lines = file.patch.split('\n');
    let newLine = 0;
    let oldLine = 0;
    let hunkStart = 0;
    for (let i = 0; i < lines.length; i++) {
        const text = lines[i];
        const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(text);
        if (header) {
            oldLine = Number(header[1]) - 1;
            newLine = Number(header[2]) - 1;
            hunkStart = i;
            continue;
        }
        if (!text.startsWith('-'))
            newLine++;
        if (!text.startsWith('+'))
            oldLine++;
        // A comment by `position` (GitHub's older form) is on the line that many lines below the first header.
        const side = comment.line === undefined ? (text.startsWith('-') ? 'LEFT' : 'RIGHT') : (comment.side ?? 'RIGHT');
        const hit = comment.line === undefined
            ? i === (comment.position ?? 1)
            : side === 'LEFT'
                ? oldLine === comment.line && !text.startsWith('+')
                : newLine === comment.line && !text.startsWith('-');
        if (hit)
            return {
                hunk: lines.slice(hunkStart, i + 1).join('\n'),
                position: i,
                line: side === 'LEFT' ? oldLine : newLine,
                side,
            };
    }
    throw new UnresolvedPosition('line');
}
async function addReviewComment(ctx, repo, pull, comment, reviewId) {
    const user = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor);
    let diffHunk;
    let position;
    let target;
    let inReplyTo = null;
    if ('in_reply_to' in comment) {
        const parent = ctx.store.get('reviewComment', comment.in_reply_to);
        if (!parent || parent.pullId !== pull.id)
            throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
        diffHunk = parent.diffHunk;
        position = parent.position;
        // GitHub threads a reply to a reply under the thread's first comment.
        inReplyTo = parent.inReplyToId ?? parent.id;
        target = {
            body: comment.body,
            path: parent.path,
            line: parent.line ?? undefined,
            side: parent.side,
            commit_id: parent.commitId,
        };
    }
    else if (comment.subject_type === 'file') {
        // On the whole file: the file must be one the pull request changes; no line, no hunk.
        await hunkFor(ctx, repo, pull, { ...comment, line: undefined, position: 1 }).catch((error) => {
            if (error instanceof UnresolvedPosition && error.part === 'line')
                return;
            throw error;
        });
        diffHunk = '';
        position = 0;
        target = { ...comment, line: undefined, start_line: undefined };
    }
    else {
        const resolved = await hunkFor(ctx, repo, pull, comment);
        ({ hunk: diffHunk, position } = resolved);
        target = { ...comment, line: resolved.line, side: resolved.side };
    }
    return ctx.store.insert(ctx.journal, 'reviewComment', {
        id: ctx.store.nextId('reviewComment'),
        repoId: repo.id,
        pullId: pull.id,
        reviewId,
        userId: user.id,
        body: target.body,
        path: target.path,
        line: target.line ?? null,
        startLine: target.start_line ?? null,
        side: target.side ?? 'RIGHT',
        commitId: target.commit_id ?? pull.headSha,
        diffHunk,
        position,
        inReplyToId: inReplyTo,
        ...(target.subject_type === 'file' ? { subjectType: 'file' } : {}),
        createdAt: ctx.now,
        updatedAt: ctx.now,
    });
}
/**
 * A single inline comment (or a reply): as on GitHub, it is posted as a `COMMENTED` review of its
 * own, which sends `pull_request_review.submitted` and `pull_request_review_comment.created`.
 */
async function commentOnDiff(ctx, repo, issue, pull, input) {
    const user = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor);
    const comment = await addReviewComment(ctx, repo, pull, input, null);
    const review = ctx.store.insert(ctx.journal, 'review', {
        id: ctx.store.nextId('review'),
        repoId: repo.id,
        pullId: pull.id,
        userId: user.id,
        body: '',
        state: 'COMMENTED',
        commitId: comment.commitId,
        submittedAt: ctx.now,
    });
    ctx.store.update(ctx.journal, 'reviewComment', comment, { reviewId: review.id });
    await afterSubmit(ctx, repo, issue, pull, user, review);
    return comment;
}
async function createReview(ctx, repo, issue, pull, input) {
    const user = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor);
    const body = input.body ?? '';
    if (input.event)
        checkEvent(ctx, issue, input.event, body, (input.comments ?? []).length > 0);
    if (input.commit_id && !repo.git.readCommit(input.commit_id))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)('Commit ID is not part of the pull request');
    if (!input.event &&
        ctx.store.where('review', `pull:${pull.id}`).some((r) => r.userId === user.id && r.state === 'PENDING'))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)('User can only have one pending review per pull request');
    const review = ctx.store.insert(ctx.journal, 'review', {
        id: ctx.store.nextId('review'),
        repoId: repo.id,
        pullId: pull.id,
        userId: user.id,
        body,
        state: input.event ? STATE[input.event] : 'PENDING',
        commitId: input.commit_id ?? pull.headSha,
        submittedAt: input.event ? ctx.now : null,
    });
    for (const comment of input.comments ?? [])
        await addReviewComment(ctx, repo, pull, comment, review.id).catch((error) => {
            // Inside a review, GitHub reports an unresolvable position as a plain message.
            if (error instanceof UnresolvedPosition)
                throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)(`${error.part === 'path' ? 'Path' : 'Line'} could not be resolved`);
            throw error;
        });
    if (input.event)
        await afterSubmit(ctx, repo, issue, pull, user, review);
    return review;
}
async function submitReview(ctx, repo, issue, pull, review, event, body) {
    if (review.state !== 'PENDING')
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .simpleValidationFailed */ .jb)('Can not submit a review that is not pending');
    if (review.userId !== (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor)?.id)
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .notFound */ .mX)();
    const text = body ?? review.body;
    checkEvent(ctx, issue, event, text, ctx.store.countWhere('reviewComment', `review:${review.id}`) > 0);
    ctx.store.update(ctx.journal, 'review', review, { state: STATE[event], body: text, submittedAt: ctx.now });
    await afterSubmit(ctx, repo, issue, pull, (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor), review);
}
/**
 * A submitted review satisfies the reviewer's pending request (or, when the reviewer was not asked
 * in person, the requests of the teams they belong to, as a review on behalf of the team) and moves
 * the pull request's updated_at; its webhooks go out: `pull_request_review.submitted`, then one
 * `pull_request_review_comment.created` per inline comment it carries.
 */
async function afterSubmit(ctx, repo, issue, pull, user, review) {
    if (pull.requestedReviewerIds.includes(user.id))
        ctx.store.update(ctx.journal, 'pull', pull, {
            requestedReviewerIds: pull.requestedReviewerIds.filter((id) => id !== user.id),
        });
    else {
        const answered = pull.requestedTeamIds.filter((id) => {
            const team = ctx.store.get('team', id);
            return team !== undefined && (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_2__/* .teamMemberIds */ ._s)(ctx.store, team).has(user.id);
        });
        if (answered.length > 0)
            ctx.store.update(ctx.journal, 'pull', pull, {
                requestedTeamIds: pull.requestedTeamIds.filter((id) => !answered.includes(id)),
            });
    }
    ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
    await (0,_webhooks_repo_events_js__WEBPACK_IMPORTED_MODULE_4__/* .emitReviewEvent */ ._j)(ctx, repo, review, 'submitted');
    for (const comment of ctx.store.where('reviewComment', `review:${review.id}`).sort((a, b) => a.id - b.id))
        await (0,_webhooks_repo_events_js__WEBPACK_IMPORTED_MODULE_4__/* .emitReviewCommentEvent */ .ZU)(ctx, repo, comment, 'created');
}
/** The teams named by `team_reviewers` (slugs of the repository owner's teams); unknown ones are undefined. */
function teamsNamed(ctx, repo, slugs) {
    const owner = ctx.store.get('user', repo.ownerId);
    return slugs.map((slug) => (owner.type === 'Organization' ? (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_2__/* .teamBySlug */ .Uq)(ctx.store, owner.id, slug) : undefined));
}
/**
 * Asks users and teams for a review. As on GitHub, every name is checked before anything changes:
 * users must be collaborators other than the author, teams must be the owning organization's and
 * have access to the repository. Each new request gets its `review_requested` event and webhook
 * (`requested_reviewer` for a user, `requested_team` for a team).
 */
async function requestReviewers(ctx, repo, issue, pull, logins, teamSlugs = []) {
    const owner = ctx.store.get('user', repo.ownerId);
    const users = logins.map((login) => ctx.store.userByLogin(login));
    const teams = teamsNamed(ctx, repo, teamSlugs);
    if (users.some((user) => user?.id === issue.userId))
        throw (0,_state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .unprocessable */ .Pq)('PullRequest', 'Review cannot be requested from pull request author.');
    if (users.some((user) => !user || user.type !== 'User' || !(0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_5__/* .userRole */ .KZ)(ctx.store, user.id, repo)) ||
        teams.some((team) => !team || !(0,_state_teams_js__WEBPACK_IMPORTED_MODULE_2__/* .teamRepoRole */ .__)(ctx.store, team, repo)))
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(422, `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${owner.login}/${repo.name} repository.`);
    const requesterId = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor)?.id;
    for (const user of users) {
        if (pull.requestedReviewerIds.includes(user.id))
            continue;
        ctx.store.update(ctx.journal, 'pull', pull, { requestedReviewerIds: [...pull.requestedReviewerIds, user.id] });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_8__/* .addIssueEvent */ .r)(ctx, repo, issue, 'review_requested', { reviewerId: user.id, requesterId });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'review_requested', { requestedReviewer: user });
    }
    for (const team of teams) {
        if (pull.requestedTeamIds.includes(team.id))
            continue;
        ctx.store.update(ctx.journal, 'pull', pull, { requestedTeamIds: [...pull.requestedTeamIds, team.id] });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_8__/* .addIssueEvent */ .r)(ctx, repo, issue, 'review_requested', { reviewerTeamId: team.id, requesterId });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'review_requested', { requestedTeam: team });
    }
}
/** Withdraws review requests; names that were not requested are ignored, as on GitHub. */
async function removeReviewers(ctx, repo, issue, pull, logins, teamSlugs = []) {
    const requesterId = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actingUser */ .e)(ctx.actor)?.id;
    for (const login of logins) {
        const user = ctx.store.userByLogin(login);
        if (!user || !pull.requestedReviewerIds.includes(user.id))
            continue;
        ctx.store.update(ctx.journal, 'pull', pull, {
            requestedReviewerIds: pull.requestedReviewerIds.filter((id) => id !== user.id),
        });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_8__/* .addIssueEvent */ .r)(ctx, repo, issue, 'review_request_removed', { reviewerId: user.id, requesterId });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'review_request_removed', { requestedReviewer: user });
    }
    for (const team of teamsNamed(ctx, repo, teamSlugs)) {
        if (!team || !pull.requestedTeamIds.includes(team.id))
            continue;
        ctx.store.update(ctx.journal, 'pull', pull, {
            requestedTeamIds: pull.requestedTeamIds.filter((id) => id !== team.id),
        });
        (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_8__/* .addIssueEvent */ .r)(ctx, repo, issue, 'review_request_removed', { reviewerTeamId: team.id, requesterId });
        await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_3__/* .emitPullEvent */ .X)(ctx, repo, pull, 'review_request_removed', { requestedTeam: team });
    }
}


/***/ }),

/***/ 32612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ resolveRevision)
/* harmony export */ });
/**
 * The commit a `ref`/`sha` parameter names, as GitHub reads it: `HEAD` is the repository's HEAD,
 * its default branch; anything else is what the repository's git resolves (a branch, a tag, a SHA).
 */
function resolveRevision(repo, ref) {
    return repo.git.resolveCommit(ref === 'HEAD' ? repo.defaultBranch : ref);
}


/***/ }),

/***/ 77173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WB: () => (/* binding */ UNSEARCHABLE_SCOPES),
/* harmony export */   cg: () => (/* binding */ isUnsearchableScope),
/* harmony export */   fE: () => (/* binding */ sortQualifier),
/* harmony export */   mA: () => (/* binding */ parseQuery),
/* harmony export */   to: () => (/* binding */ searchIssues),
/* harmony export */   xk: () => (/* binding */ UNSEARCHABLE_USERS),
/* harmony export */   y1: () => (/* binding */ range)
/* harmony export */ });
/* unused harmony export ISSUE_QUALIFIERS */
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74048);
/* harmony import */ var _state_check_rollup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36321);
/* harmony import */ var _closing_references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67713);



/** The qualifiers of issue search; other searches name their own. */
const ISSUE_QUALIFIERS = new Set([
    'repo',
    'user',
    'org',
    'is',
    'type',
    'state',
    'label',
    'no',
    'author',
    'assignee',
    'mentions',
    'commenter',
    'involves',
    'review-requested',
    'reviewed-by',
    'milestone',
    'in',
    'created',
    'updated',
    'closed',
    'comments',
    'head',
    'base',
    'draft',
    'reason',
    'archived',
    // Orders the results (`sort:created-asc`), matches every issue.
    'sort',
    'review',
    'status',
    'linked',
]);
/**
 * The order a `sort:` qualifier asks for (`sort:updated-asc`, `sort:comments`: descending unless
 * `-asc`), which wins over the `sort` and `order` parameters, as on GitHub.
 */
function sortQualifier(terms) {
    const term = terms.find((t) => t.kind === 'qualifier' && t.key === 'sort' && !t.negated);
    if (!term)
        return undefined;
    const match = /^(.+?)(?:-(asc|desc))?$/.exec(term.value.toLowerCase());
    return match ? { sort: match[1], order: match[2] === 'asc' ? 'asc' : 'desc' } : undefined;
}
/**
 * Splits `repo:a/b is:open label:"help wanted" -label:bug crash` into terms; `key:value` with a
 * key not in `known` is free text, as GitHub treats it.
 */
function parseQuery(q, known = ISSUE_QUALIFIERS) {
    const terms = [];
    const re = /(-?)(?:([a-z-]+):)?(?:"([^"]*)"|(\S+))/gi;
    for (const match of q.matchAll(re)) {
        const negated = match[1] === '-';
        const key = match[2]?.toLowerCase();
        const value = match[3] ?? match[4] ?? '';
        if (key && known.has(key))
            terms.push({ kind: 'qualifier', key, value, negated });
        else
            terms.push({ kind: 'text', value: key ? `${match[2]}:${value}` : value, negated });
    }
    return terms;
}
/** GitHub's 422 for a search scoped to a repository or account that does not exist or cannot be seen. */
const UNSEARCHABLE_SCOPES = 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';
const UNSEARCHABLE_USERS = 'The listed users cannot be searched either because the users do not exist or you do not have permission to view the users.';
/** Whether validation errors are those of a search scoped to what does not exist or cannot be seen. */
function isUnsearchableScope(errors) {
    return errors.some((item) => {
        const message = item?.message;
        return message === UNSEARCHABLE_SCOPES || message === UNSEARCHABLE_USERS;
    });
}
/** `>5`, `<=2024-01-01`, `2024-01-01..2024-02-01`, `3`: a predicate over numbers or times. */
function range(spec, parse) {
    const between = /^(.+)\.\.(.+)$/.exec(spec);
    if (between) {
        const low = between[1] === '*' ? -Infinity : parse(between[1]);
        const high = between[2] === '*' ? Infinity : parse(between[2]);
        return (value) => value >= low && value <= high;
    }
    const op = /^(>=|<=|>|<)?(.+)$/.exec(spec);
    const bound = parse(op[2]);
    switch (op[1]) {
        case '>':
            return (value) => value > bound;
        case '>=':
            return (value) => value >= bound;
        case '<':
            return (value) => value < bound;
        case '<=':
            return (value) => value <= bound;
        default:
            return (value) => value === bound;
    }
}
/** The qualifiers whose value is a login, where `@me` names the searcher. */
const USER_QUALIFIERS = new Set([
    'author',
    'assignee',
    'mentions',
    'commenter',
    'involves',
    'review-requested',
    'reviewed-by',
]);
/** GitHub's issue search over the issues and pull requests the searcher can see. */
function searchIssues(ctx, terms) {
    const { store } = ctx;
    const groups = orGroups(terms);
    const qualifiers = terms.filter((t) => t.kind === 'qualifier');
    const inFields = qualifiers.find((q) => q.key === 'in')?.value.split(',') ?? ['title', 'body', 'comments'];
    const login = (id) => (id === null ? undefined : store.get('user', id)?.login.toLowerCase());
    const repoName = (repoId) => {
        const repo = store.get('repo', repoId);
        return `${login(repo.ownerId)}/${repo.name.toLowerCase()}`;
    };
    const timeOf = (text) => Date.parse(text);
    const me = ctx.me?.toLowerCase();
    const matches = (issue, q) => {
        const given = q.value.toLowerCase();
        const value = given === '@me' && USER_QUALIFIERS.has(q.key) ? me : given;
        if (value === undefined)
            return false;
        const pull = issue.pullId ? store.get('pull', issue.pullId) : undefined;
        const labels = issue.labelIds.map((id) => store.get('label', id)?.name.toLowerCase());
        switch (q.key) {
            case 'repo':
                return repoName(issue.repoId) === value;
            case 'user':
            case 'org':
                return repoName(issue.repoId).split('/')[0] === value;
            case 'is':
            case 'type':
            case 'state':
            case 'draft':
                return isQualifier(issue, pull, q.key === 'draft' ? (value === 'true' ? 'draft' : 'ready') : value);
            case 'label':
                return value.split(',').some((name) => labels.includes(name));
            case 'no':
                return value === 'label'
                    ? labels.length === 0
                    : value === 'assignee'
                        ? issue.assigneeIds.length === 0
                        : value === 'milestone'
                            ? issue.milestoneId === null
                            : false;
            case 'author':
                return login(issue.userId) === value;
            case 'assignee':
                return issue.assigneeIds.some((id) => login(id) === value);
            case 'mentions':
                return `${issue.body ?? ''}`.toLowerCase().includes(`@${value}`);
            case 'commenter':
                return store.where('comment', `issue:${issue.id}`).some((c) => login(c.userId) === value);
            case 'involves':
                return (login(issue.userId) === value ||
                    issue.assigneeIds.some((id) => login(id) === value) ||
                    store.where('comment', `issue:${issue.id}`).some((c) => login(c.userId) === value));
            case 'review-requested':
                return pull !== undefined && pull.requestedReviewerIds.some((id) => login(id) === value);
            case 'reviewed-by':
                // A pending review is its author's draft: GitHub shows it to nobody else, nor counts it here.
                return (pull !== undefined &&
                    store.where('review', `pull:${pull.id}`).some((r) => r.state !== 'PENDING' && login(r.userId) === value));
            case 'milestone':
                return store.get('milestone', issue.milestoneId)?.title.toLowerCase() === value;
            case 'created':
                return range(q.value, timeOf)(timeOf(issue.createdAt));
            case 'updated':
                return range(q.value, timeOf)(timeOf(issue.updatedAt));
            case 'closed':
                return issue.closedAt !== null && range(q.value, timeOf)(timeOf(issue.closedAt));
            case 'comments':
                return range(q.value, Number)(store.countWhere('comment', `issue:${issue.id}`));
            case 'head':
                return pull?.headRef.toLowerCase() === value;
            case 'base':
                return pull?.baseRef.toLowerCase() === value;
            case 'reason':
                return (issue.stateReason ?? '').replace('_', ' ') === value.replace('_', ' ').replace(/"/g, '');
            case 'archived':
                return store.get('repo', issue.repoId)?.archived === (value === 'true');
            case 'review':
                return pull !== undefined && reviewMatches(store, pull, value);
            case 'status': {
                const state = pull ? (0,_state_check_rollup_js__WEBPACK_IMPORTED_MODULE_1__/* .rollupState */ .c)(store, issue.repoId, pull.headSha) : null;
                return state !== null && (value === 'failure' ? ['FAILURE', 'ERROR'] : [value.toUpperCase()]).includes(state);
            }
            case 'linked':
                return value === (pull ? 'issue' : 'pr') && isLinked(store, issue);
            case 'in':
                return true;
            default:
                return true;
        }
    };
    const hits = [];
    for (const issue of store.all('issue')) {
        if (!ctx.canRead(issue.repoId))
            continue;
        const haystacks = [];
        if (inFields.includes('title'))
            haystacks.push([issue.title.toLowerCase(), 2]);
        if (inFields.includes('body'))
            haystacks.push([(issue.body ?? '').toLowerCase(), 1]);
        if (inFields.includes('comments'))
            for (const comment of store.where('comment', `issue:${issue.id}`))
                haystacks.push([comment.body.toLowerCase(), 0.5]);
        // A term passes when it matches (or, negated, does not); a group of terms joined by OR when one does.
        let score = 1;
        const passes = (term) => {
            if (term.kind === 'qualifier')
                return matches(issue, term) !== term.negated;
            const needle = term.value.toLowerCase();
            const weight = haystacks.reduce((sum, [hay, w]) => sum + (hay.includes(needle) ? w : 0), 0);
            if (weight > 0 === term.negated)
                return false;
            score += weight;
            return true;
        };
        if (groups.every((group) => group.filter(passes).length > 0))
            hits.push({ issue, score });
    }
    return hits;
}
/**
 * The terms as groups that must all pass: terms joined by `OR` form one group (any of them
 * passes it), every other term is a group of its own (`AND`, the default). Empty text is dropped.
 */
function orGroups(terms) {
    const groups = [];
    let joining = false;
    for (const term of terms) {
        if (term.kind === 'text' && !term.negated && term.value === 'OR') {
            joining = groups.length > 0;
            continue;
        }
        if (term.kind === 'text' && (term.value === '' || (!term.negated && term.value === 'AND')))
            continue;
        if (joining)
            groups[groups.length - 1].push(term);
        else
            groups.push([term]);
        joining = false;
    }
    return groups;
}
/**
 * `review:none|approved|changes_requested|required`: no submitted review; the decision of the
 * latest approving or blocking review of each reviewer; not yet approved while the base branch's
 * protection requires approving reviews.
 */
function reviewMatches(store, pull, value) {
    const submitted = store.where('review', `pull:${pull.id}`).filter((review) => review.state !== 'PENDING');
    const latest = new Map();
    for (const review of submitted.sort((a, b) => a.id - b.id))
        if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED')
            latest.set(review.userId, review.state);
    const decision = [...latest.values()].includes('CHANGES_REQUESTED')
        ? 'changes_requested'
        : [...latest.values()].includes('APPROVED')
            ? 'approved'
            : null;
    switch (value) {
        case 'none':
            return submitted.length === 0;
        case 'approved':
        case 'changes_requested':
            return decision === value;
        case 'required': {
            const repo = store.get('repo', pull.repoId);
            const protection = repo ? (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_0__/* .protectionOf */ .fA)(store, repo, pull.baseRef) : undefined;
            return (protection?.requiredReviews ?? null) !== null && decision !== 'approved';
        }
        default:
            return false;
    }
}
/**
 * `linked:pr` / `linked:issue`: an issue that a pull request into its default branch closes with a
 * keyword, or such a pull request, as GitHub links them.
 */
function isLinked(store, issue) {
    const closes = (pullIssue) => {
        const pull = store.get('pull', pullIssue.pullId);
        const repo = store.get('repo', pullIssue.repoId);
        const owner = store.get('user', repo?.ownerId);
        if (!pull || !repo || !owner || pull.baseRef !== repo.defaultBranch)
            return [];
        return (0,_closing_references_js__WEBPACK_IMPORTED_MODULE_2__/* .closingReferences */ .K)(pullIssue.body ?? '', `${owner.login}/${repo.name}`).flatMap((reference) => {
            const [login = '', name = ''] = reference.repo.split('/');
            const target = store.repoByFullName(login, name);
            const found = target ? store.issueByNumber(target.id, reference.number) : undefined;
            return found && found.pullId === null ? [found] : [];
        });
    };
    if (issue.pullId !== null)
        return closes(issue).length > 0;
    for (const candidate of store.all('issue'))
        if (candidate.pullId !== null && closes(candidate).some((target) => target.id === issue.id))
            return true;
    return false;
}
function isQualifier(issue, pull, value) {
    switch (value) {
        case 'issue':
            return !pull;
        case 'pr':
        case 'pull-request':
            return pull !== undefined;
        case 'open':
            return issue.state === 'open';
        case 'closed':
            return issue.state === 'closed';
        case 'merged':
            return pull?.merged === true;
        case 'unmerged':
            return pull !== undefined && !pull.merged && issue.state === 'closed';
        case 'draft':
            return pull?.draft === true;
        case 'ready':
            return pull !== undefined && !pull.draft;
        case 'locked':
            return issue.locked;
        case 'unlocked':
            return !issue.locked;
        default:
            return false;
    }
}


/***/ }),

/***/ 90375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROUTES: () => (/* binding */ ROUTES),
  restRouter: () => (/* binding */ restRouter)
});

// EXTERNAL MODULE: ./src/clones/github/http/router.ts
var router = __webpack_require__(19064);
// EXTERNAL MODULE: ./src/clones/github/domain/artifacts.ts
var artifacts = __webpack_require__(90962);
// EXTERNAL MODULE: ./src/clones/github/http/route.ts
var route = __webpack_require__(4944);
;// CONCATENATED MODULE: ./src/clones/github/http/pagination.ts

/** `page` (≥ 1) and `per_page` (1–100, default 30); nonsense values fall back to the defaults, as on GitHub. */
function pageParams(query, defaultPerPage = 30) {
    const perPage = Number.parseInt(query.get('per_page') ?? '', 10);
    const page = Number.parseInt(query.get('page') ?? '', 10);
    return {
        perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : defaultPerPage,
        page: Number.isFinite(page) && page > 0 ? page : 1,
    };
}
/** One page of `items` and GitHub's `Link` header (`first`, `prev`, `next`, `last`) for the others. */
function paginate(ctx, items, defaultPerPage = 30) {
    const { page, perPage } = pageParams(ctx.query, defaultPerPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    return { items: slice, headers: linkHeader(ctx, page, last) };
}
/** 200 with one page of `items`, each rendered, and the `Link` header: what list operations answer. */
function okPage(ctx, items, render = (item) => item, defaultPerPage = 30) {
    const page = paginate(ctx, items, defaultPerPage);
    return (0,route.ok)(page.items.map(render), page.headers);
}
/** 200 with `{total_count, [key]: one page of items rendered, ...extra}`, as GitHub wraps some lists. */
function okCountedPage(ctx, items, key, render, extra = {}) {
    const page = paginate(ctx, items);
    return (0,route.ok)({ total_count: items.length, [key]: page.items.map(render), ...extra }, page.headers);
}
function linkHeader(ctx, page, last) {
    if (last <= 1 && page <= 1)
        return {};
    const at = (n) => {
        const query = new URLSearchParams(ctx.query);
        query.set('page', String(n));
        return `<${ctx.selfUrl}?${query.toString()}>`;
    };
    const links = [];
    if (page > 1)
        links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last)
        links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1)
        links.push(`${at(1)}; rel="first"`);
    return links.length > 0 ? { link: links.join(', ') } : {};
}

// EXTERNAL MODULE: ./src/clones/github/git/format.ts
var format = __webpack_require__(34576);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var render_repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/render/users.ts
var render_users = __webpack_require__(71273);
;// CONCATENATED MODULE: ./src/clones/github/render/actions.ts




const actionsUrl = (view, repo) => `${view.urls.repo((0,render_repos/* fullName */.fq)(view, repo))}/actions`;
/** `artifact`. */
function renderArtifact(view, repo, artifact, now) {
    const url = `${actionsUrl(view, repo)}/artifacts/${artifact.id}`;
    const run = view.store.get('workflowRun', artifact.runId);
    return {
        id: artifact.id,
        node_id: (0,urls/* nodeId */.s5)('Artifact', artifact.id),
        name: artifact.name,
        size_in_bytes: artifact.sizeInBytes,
        url,
        archive_download_url: `${url}/zip`,
        expired: Date.parse(artifact.expiresAt) <= now.getTime(),
        created_at: artifact.createdAt,
        expires_at: artifact.expiresAt,
        updated_at: artifact.updatedAt,
        digest: artifact.digest,
        workflow_run: run
            ? {
                id: run.id,
                repository_id: run.repoId,
                head_repository_id: run.repoId,
                head_branch: run.headBranch ?? '',
                head_sha: run.headSha,
            }
            : null,
    };
}
/** `workflow`. */
function renderWorkflow(view, repo, workflow) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const file = workflow.path.split('/').pop();
    return {
        id: workflow.id,
        node_id: (0,urls/* nodeId */.s5)('Workflow', workflow.id),
        name: workflow.name,
        path: workflow.path,
        state: 'active',
        created_at: workflow.createdAt,
        updated_at: workflow.updatedAt,
        url: `${actionsUrl(view, repo)}/workflows/${workflow.id}`,
        html_url: `${view.urls.repoHtml(name)}/blob/${repo.defaultBranch}/${workflow.path}`,
        badge_url: `${view.urls.repoHtml(name)}/workflows/${encodeURIComponent(file)}/badge.svg`,
    };
}
function headCommit(repo, sha) {
    const commit = repo.git.readCommit(sha);
    if (!commit)
        return null;
    return {
        id: sha,
        tree_id: commit.tree,
        message: commit.message.replace(/\n$/, ''),
        timestamp: (0,format/* personDate */.IV)(commit.committer),
        author: { name: commit.author.name, email: commit.author.email },
        committer: { name: commit.committer.name, email: commit.committer.email },
    };
}
/** Open pull requests of the repository whose head is the run's branch or commit, as `pull-request-minimal`. */
function runPulls(view, repo, run) {
    const repoUrl = view.urls.repo((0,render_repos/* fullName */.fq)(view, repo));
    const mini = { id: repo.id, url: repoUrl, name: repo.name };
    return view.store
        .where('pull', `repo:${repo.id}`)
        .filter((pull) => (pull.headSha === run.headSha || pull.headRef === run.headBranch) &&
        view.store.get('issue', pull.issueId)?.state === 'open')
        .map((pull) => ({
        id: pull.id,
        number: pull.number,
        url: `${repoUrl}/pulls/${pull.number}`,
        head: { ref: pull.headRef, sha: pull.headSha, repo: mini },
        base: { ref: pull.baseRef, sha: repo.git.branch(pull.baseRef) ?? pull.baseSha, repo: mini },
    }));
}
/** `workflow-run`. */
function renderWorkflowRun(view, repo, run) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const url = `${actionsUrl(view, repo)}/runs/${run.id}`;
    const workflow = view.store.get('workflow', run.workflowId);
    const actor = (0,render_users/* simpleUser */.U5)(view, view.store.get('user', run.actorId));
    const repository = (0,render_repos/* renderRepo */.ZY)(view, repo);
    return {
        id: run.id,
        name: run.name,
        node_id: (0,urls/* nodeId */.s5)('WorkflowRun', run.id),
        head_branch: run.headBranch,
        head_sha: run.headSha,
        path: workflow?.path ?? '',
        display_title: run.displayTitle,
        run_number: run.runNumber,
        run_attempt: run.runAttempt,
        event: run.event,
        status: run.status,
        conclusion: run.conclusion,
        workflow_id: run.workflowId,
        url,
        html_url: `${view.urls.repoHtml(name)}/actions/runs/${run.id}`,
        pull_requests: runPulls(view, repo, run),
        created_at: run.createdAt,
        updated_at: run.updatedAt,
        actor,
        triggering_actor: actor,
        run_started_at: run.runStartedAt,
        jobs_url: `${url}/jobs`,
        logs_url: `${url}/logs`,
        check_suite_url: `${view.urls.repo(name)}/check-suites/${run.id}`,
        artifacts_url: `${url}/artifacts`,
        cancel_url: `${url}/cancel`,
        rerun_url: `${url}/rerun`,
        previous_attempt_url: null,
        workflow_url: `${actionsUrl(view, repo)}/workflows/${run.workflowId}`,
        head_commit: headCommit(repo, run.headSha),
        repository,
        head_repository: repository,
        head_repository_id: repo.id,
    };
}
/** `job`. */
function renderJob(view, repo, job) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const run = view.store.get('workflowRun', job.runId);
    return {
        id: job.id,
        run_id: run.id,
        run_url: `${actionsUrl(view, repo)}/runs/${run.id}`,
        run_attempt: run.runAttempt,
        node_id: (0,urls/* nodeId */.s5)('Job', job.id),
        head_sha: run.headSha,
        url: `${actionsUrl(view, repo)}/jobs/${job.id}`,
        html_url: `${view.urls.repoHtml(name)}/actions/runs/${run.id}/job/${job.id}`,
        status: job.status,
        conclusion: job.conclusion,
        created_at: job.createdAt,
        started_at: job.startedAt,
        completed_at: job.completedAt,
        name: job.name,
        steps: job.steps.map((step) => ({
            name: step.name,
            status: step.status,
            conclusion: step.conclusion,
            number: step.number,
            started_at: step.startedAt,
            completed_at: step.completedAt,
        })),
        check_run_url: `${view.urls.repo(name)}/check-runs/${job.id}`,
        labels: ['ubuntu-latest'],
        runner_id: 1,
        runner_name: 'GitHub Actions 1',
        runner_group_id: 2,
        runner_group_name: 'GitHub Actions',
        workflow_name: run.name,
        head_branch: run.headBranch,
    };
}

// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var errors = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/routes/lookup.ts
var lookup = __webpack_require__(5701);
;// CONCATENATED MODULE: ./src/clones/github/routes/actions.ts







function findRun(ctx, repo) {
    const run = ctx.store.get('workflowRun', (0,lookup/* intParam */.pL)(ctx, 'run_id'));
    if (!run || run.repoId !== repo.id)
        throw (0,errors/* notFound */.mX)();
    return run;
}
function findArtifact(ctx, repo) {
    const artifact = ctx.store.get('artifact', (0,lookup/* intParam */.pL)(ctx, 'artifact_id'));
    if (!artifact || artifact.repoId !== repo.id || !artifact.finalized)
        throw (0,errors/* notFound */.mX)();
    return artifact;
}
/** A workflow by id or by file name (`ci.yml`), as GitHub accepts both. */
function findWorkflow(ctx, repo) {
    const key = ctx.params.workflow_id;
    const workflow = ctx.store
        .where('workflow', `repo:${repo.id}`)
        .find((candidate) => String(candidate.id) === key || candidate.path.split('/').pop() === key);
    if (!workflow)
        throw (0,errors/* notFound */.mX)();
    return workflow;
}
/** Newest first, with `name` narrowing by exact name, as GitHub lists artifacts. */
function artifactsReply(ctx, repo, artifacts) {
    const name = ctx.query.get('name');
    const now = ctx.core.now();
    const list = artifacts.filter((artifact) => artifact.finalized && (!name || artifact.name === name));
    list.sort((a, b) => b.id - a.id);
    return okCountedPage(ctx, list, 'artifacts', (artifact) => renderArtifact(ctx, repo, artifact, now));
}
/** Runs newest first, narrowed by `actor`, `branch`, `event`, `status` (or conclusion) and `head_sha`. */
function runsReply(ctx, repo, runs) {
    const { query } = ctx;
    const actor = query.get('actor')?.toLowerCase();
    const branch = query.get('branch');
    const event = query.get('event');
    const status = query.get('status');
    const headSha = query.get('head_sha');
    const list = runs.filter((run) => (!actor || ctx.store.get('user', run.actorId)?.login.toLowerCase() === actor) &&
        (!branch || run.headBranch === branch) &&
        (!event || run.event === event) &&
        (!status || run.status === status || run.conclusion === status) &&
        (!headSha || run.headSha === headSha));
    list.sort((a, b) => b.id - a.id);
    return okCountedPage(ctx, list, 'workflow_runs', (run) => renderWorkflowRun(ctx, repo, run));
}
const redirect = (location) => (0,route/* json */.Pq)(302, undefined, { location });
const actionRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/artifacts',
        operationId: 'actions/list-artifacts-for-repo',
        docs: 'actions/artifacts#list-artifacts-for-a-repository',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return artifactsReply(ctx, repo, ctx.store.where('artifact', `repo:${repo.id}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
        operationId: 'actions/get-artifact',
        docs: 'actions/artifacts#get-an-artifact',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return (0,route.ok)(renderArtifact(ctx, repo, findArtifact(ctx, repo), ctx.core.now()));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
        operationId: 'actions/delete-artifact',
        docs: 'actions/artifacts#delete-an-artifact',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsWrite);
            (0,artifacts/* removeArtifact */.bG)(ctx, findArtifact(ctx, repo));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        operationId: 'actions/download-artifact',
        docs: 'actions/artifacts#download-an-artifact',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const artifact = findArtifact(ctx, repo);
            if (ctx.params.archive_format !== 'zip')
                throw (0,errors/* notFound */.mX)();
            return redirect((0,artifacts/* artifactDownloadUrl */.sv)(ctx, artifact));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/runs',
        operationId: 'actions/list-workflow-runs-for-repo',
        docs: 'actions/workflow-runs#list-workflow-runs-for-a-repository',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return runsReply(ctx, repo, ctx.store.where('workflowRun', `repo:${repo.id}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/runs/{run_id}',
        operationId: 'actions/get-workflow-run',
        docs: 'actions/workflow-runs#get-a-workflow-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return (0,route.ok)(renderWorkflowRun(ctx, repo, findRun(ctx, repo)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
        operationId: 'actions/list-workflow-run-artifacts',
        docs: 'actions/artifacts#list-workflow-run-artifacts',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const run = findRun(ctx, repo);
            return artifactsReply(ctx, repo, ctx.store.where('artifact', `run:${run.id}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
        operationId: 'actions/list-jobs-for-workflow-run',
        docs: 'actions/workflow-jobs#list-jobs-for-a-workflow-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const run = findRun(ctx, repo);
            const jobs = ctx.store.where('workflowJob', `run:${run.id}`).sort((a, b) => a.id - b.id);
            return okCountedPage(ctx, jobs, 'jobs', (job) => renderJob(ctx, repo, job));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/runs/{run_id}/logs',
        operationId: 'actions/download-workflow-run-logs',
        docs: 'actions/workflow-runs#download-workflow-run-logs',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return redirect((0,artifacts/* logDownloadUrl */.EE)(ctx, (0,artifacts/* runLogsPath */.E8)(findRun(ctx, repo))));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/jobs/{job_id}',
        operationId: 'actions/get-job-for-workflow-run',
        docs: 'actions/workflow-jobs#get-a-job-for-a-workflow-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const job = ctx.store.get('workflowJob', (0,lookup/* intParam */.pL)(ctx, 'job_id'));
            if (!job || job.repoId !== repo.id)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(renderJob(ctx, repo, job));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
        operationId: 'actions/download-job-logs-for-workflow-run',
        docs: 'actions/workflow-jobs#download-job-logs-for-a-workflow-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const job = ctx.store.get('workflowJob', (0,lookup/* intParam */.pL)(ctx, 'job_id'));
            if (!job || job.repoId !== repo.id)
                throw (0,errors/* notFound */.mX)();
            return redirect((0,artifacts/* logDownloadUrl */.EE)(ctx, (0,artifacts/* jobLogPath */.FW)(job)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/workflows',
        operationId: 'actions/list-repo-workflows',
        docs: 'actions/workflows#list-repository-workflows',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const workflows = ctx.store.where('workflow', `repo:${repo.id}`).sort((a, b) => a.id - b.id);
            return okCountedPage(ctx, workflows, 'workflows', (workflow) => renderWorkflow(ctx, repo, workflow));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}',
        operationId: 'actions/get-workflow',
        docs: 'actions/workflows#get-a-workflow',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            return (0,route.ok)(renderWorkflow(ctx, repo, findWorkflow(ctx, repo)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
        operationId: 'actions/list-workflow-runs',
        docs: 'actions/workflow-runs#list-workflow-runs-for-a-workflow',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.actionsRead);
            const workflow = findWorkflow(ctx, repo);
            return runsReply(ctx, repo, ctx.store.where('workflowRun', `workflow:${workflow.id}`));
        },
    },
];

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 4 modules
var schemas = __webpack_require__(41514);
// EXTERNAL MODULE: ./src/clones/github/domain/apps.ts
var apps = __webpack_require__(46865);
;// CONCATENATED MODULE: ./src/clones/github/http/input.ts

const ARTICLE = {
    string: 'a string',
    number: 'a number',
    int: 'an integer',
    integer: 'an integer',
    boolean: 'a boolean',
    array: 'an array',
    object: 'an object',
    null: 'null',
};
const show = (value) => (value === undefined ? 'nil' : JSON.stringify(value));
/**
 * Validates a request body with a zod schema. Failures are GitHub's 422: `Invalid request.` with
 * one line per problem (`"title" wasn't supplied.`, `For 'properties/labels', "bug" is not an
 * array.`) and, as GitHub sends it for schema failures, no `errors[]`.
 */
function parseBody(ctx, schema) {
    const body = ctx.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new errors/* ApiError */.hD(422, `Invalid request.\n\nFor 'links/0/schema', ${show(body)} is not an object.`);
    const result = schema.safeParse(body, { reportInput: true });
    if (result.success)
        return result.data;
    const lines = [];
    for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('/');
        const input = issue.input;
        if (input === undefined && issue.path.length > 0) {
            lines.push(`"${field}" wasn't supplied.`);
            continue;
        }
        let problem;
        if (issue.code === 'invalid_type')
            problem = `is not ${ARTICLE[issue.expected] ?? issue.expected}.`;
        else if (issue.code === 'invalid_value')
            problem = `is not a member of ${JSON.stringify(issue.values)}.`;
        else
            problem = `is invalid: ${issue.message}.`;
        lines.push(`For 'properties/${field}', ${show(input)} ${problem}`);
    }
    throw new errors/* ApiError */.hD(422, `Invalid request.\n\n${lines.join('\n')}`);
}

// EXTERNAL MODULE: ./src/clones/github/render/apps.ts
var render_apps = __webpack_require__(4481);
// EXTERNAL MODULE: ./src/clones/github/seed/time.ts
var time = __webpack_require__(86883);
;// CONCATENATED MODULE: ./src/clones/github/routes/apps.ts











const tokenSchema = schemas/* object */.Ikc({
    repositories: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    repository_ids: schemas/* array */.YOg(schemas/* number */.aig().int()).optional(),
    permissions: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* enum */.k5n(['read', 'write', 'admin'])).optional(),
});
function app(ctx) {
    if (ctx.actor.kind !== 'app')
        throw new errors/* ApiError */.hD(401, 'A JSON web token could not be decoded');
    return ctx.actor.app;
}
function accountInstallation(ctx, accountId) {
    const found = [...ctx.store.all('installation')].find((i) => i.appId === app(ctx).id && i.accountId === accountId);
    if (!found)
        throw (0,errors/* notFound */.mX)();
    return found;
}
const appRoutes = [
    {
        method: 'GET',
        path: '/app',
        operationId: 'apps/get-authenticated',
        docs: 'apps/apps#get-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => (0,route.ok)((0,render_apps/* renderApp */.j5)(ctx, app(ctx))),
    },
    {
        method: 'GET',
        path: '/app/installations',
        operationId: 'apps/list-installations',
        docs: 'apps/apps#list-installations-for-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => {
            const installations = ctx.store.where('installation', `app:${app(ctx).id}`).sort((a, b) => a.id - b.id);
            return okPage(ctx, installations, (i) => (0,render_apps/* renderInstallation */.Td)(ctx, i));
        },
    },
    {
        method: 'GET',
        path: '/app/installations/{installation_id}',
        operationId: 'apps/get-installation',
        docs: 'apps/apps#get-an-installation-for-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => (0,route.ok)((0,render_apps/* renderInstallation */.Td)(ctx, (0,apps/* appInstallation */.wL)(ctx, app(ctx), Number(ctx.params.installation_id)))),
    },
    {
        method: 'POST',
        path: '/app/installations/{installation_id}/access_tokens',
        operationId: 'apps/create-installation-access-token',
        docs: 'apps/apps#create-an-installation-access-token-for-an-app',
        auth: 'jwt',
        handler: (ctx) => {
            const installation = (0,apps/* appInstallation */.wL)(ctx, app(ctx), Number(ctx.params.installation_id));
            const input = parseBody(ctx, tokenSchema);
            const issued = (0,apps/* issueInstallationToken */.l6)(ctx, installation, input);
            return (0,route/* created */.zu)({
                token: issued.token,
                expires_at: issued.expiresAt,
                permissions: issued.permissions,
                repository_selection: issued.repos ? 'selected' : installation.repositorySelection,
                ...(issued.repos ? { repositories: issued.repos.map((repo) => (0,render_repos/* renderRepo */.ZY)(ctx, repo)) } : {}),
            });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/installation',
        operationId: 'apps/get-repo-installation',
        docs: 'apps/apps#get-a-repository-installation-for-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => {
            const repo = (0,lookup/* findRepo */.O7)(ctx, ctx.params.owner, ctx.params.repo);
            const installation = repo
                ? ctx.store.where('installation', `app:${app(ctx).id}`).find((i) => (0,permissions/* installationCovers */.HJ)(i, repo))
                : undefined;
            if (!installation)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,render_apps/* renderInstallation */.Td)(ctx, installation));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/installation',
        operationId: 'apps/get-org-installation',
        docs: 'apps/apps#get-an-organization-installation-for-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => (0,route.ok)((0,render_apps/* renderInstallation */.Td)(ctx, accountInstallation(ctx, (0,lookup/* userParam */.zO)(ctx, 'org').id))),
    },
    {
        method: 'GET',
        path: '/users/{username}/installation',
        operationId: 'apps/get-user-installation',
        docs: 'apps/apps#get-a-user-installation-for-the-authenticated-app',
        auth: 'jwt',
        handler: (ctx) => (0,route.ok)((0,render_apps/* renderInstallation */.Td)(ctx, accountInstallation(ctx, (0,lookup/* userParam */.zO)(ctx).id))),
    },
    {
        method: 'DELETE',
        path: '/installation/token',
        operationId: 'apps/revoke-installation-access-token',
        docs: 'apps/installations#revoke-an-installation-access-token',
        // The token revokes itself (actions/create-github-app-token does so when its job ends). It expires
        // now rather than being forgotten: a token the clone does not know would act as the default user.
        handler: (ctx) => {
            if (ctx.actor.kind !== 'installation')
                throw new errors/* ApiError */.hD(403, 'This endpoint requires an installation token.');
            ctx.store.update(ctx.journal, 'token', ctx.actor.token, { expiresAt: (0,time/* isoSeconds */.nE)(ctx.core.now()) });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/installation/repositories',
        operationId: 'apps/list-repos-accessible-to-installation',
        docs: 'apps/installations#list-repositories-accessible-to-the-app-installation',
        handler: (ctx) => {
            if (ctx.actor.kind !== 'installation')
                throw new errors/* ApiError */.hD(403, 'This endpoint requires an installation token.');
            const { installation, token } = ctx.actor;
            const repos = (0,apps/* installationRepos */.Wb)(ctx, installation).filter((repo) => token.repoIds === null || token.repoIds.includes(repo.id));
            return okCountedPage(ctx, repos, 'repositories', (repo) => (0,render_repos/* renderRepo */.ZY)(ctx, repo), {
                repository_selection: token.repoIds ? 'selected' : installation.repositorySelection,
            });
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/checks.ts
var checks = __webpack_require__(54288);
// EXTERNAL MODULE: ./src/clones/github/render/checks.ts
var render_checks = __webpack_require__(26208);
// EXTERNAL MODULE: ./src/clones/github/domain/revision.ts
var revision = __webpack_require__(32612);
;// CONCATENATED MODULE: ./src/clones/github/routes/checks.ts











const conclusion = schemas/* enum */.k5n([
    'action_required',
    'cancelled',
    'failure',
    'neutral',
    'success',
    'skipped',
    'stale',
    'timed_out',
]);
const annotation = schemas/* object */.Ikc({
    path: schemas/* string */.YjP().min(1),
    start_line: schemas/* number */.aig().int(),
    end_line: schemas/* number */.aig().int(),
    start_column: schemas/* number */.aig().int().optional(),
    end_column: schemas/* number */.aig().int().optional(),
    annotation_level: schemas/* enum */.k5n(['notice', 'warning', 'failure']),
    message: schemas/* string */.YjP(),
    title: schemas/* string */.YjP().optional(),
    raw_details: schemas/* string */.YjP().optional(),
});
const output = schemas/* object */.Ikc({
    title: schemas/* string */.YjP().optional(),
    summary: schemas/* string */.YjP().max(65535),
    text: schemas/* string */.YjP().max(65535).optional(),
    annotations: schemas/* array */.YOg(annotation).optional(),
    images: schemas/* array */.YOg(schemas/* object */.Ikc({ alt: schemas/* string */.YjP(), image_url: schemas/* string */.YjP(), caption: schemas/* string */.YjP().optional() })).optional(),
});
const action = schemas/* object */.Ikc({
    label: schemas/* string */.YjP().min(1),
    description: schemas/* string */.YjP().min(1),
    identifier: schemas/* string */.YjP().min(1),
});
const runFields = {
    details_url: schemas/* string */.YjP().optional(),
    external_id: schemas/* string */.YjP().optional(),
    status: schemas/* enum */.k5n(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']).optional(),
    started_at: schemas/* string */.YjP().optional(),
    conclusion: conclusion.optional(),
    completed_at: schemas/* string */.YjP().optional(),
    output: output.optional(),
    actions: schemas/* array */.YOg(action).optional(),
};
const createSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP().min(1), head_sha: schemas/* string */.YjP().min(1), ...runFields });
const updateSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP().min(1).optional(), ...runFields });
function filterRuns(ctx, runs) {
    const name = ctx.query.get('check_name');
    const status = ctx.query.get('status');
    const appId = ctx.query.get('app_id');
    const filter = ctx.query.get('filter') ?? 'latest';
    let list = runs
        .filter((run) => !name || run.name === name)
        .filter((run) => !status || run.status === status)
        .filter((run) => !appId || String(run.appId) === appId)
        .sort((a, b) => b.id - a.id);
    if (filter === 'latest') {
        // The most recent run of each name (per app), as GitHub's default filter.
        const seen = new Set();
        list = list.filter((run) => {
            const key = `${run.appId}:${run.name}`;
            if (seen.has(key))
                return false;
            seen.add(key);
            return true;
        });
    }
    return list;
}
function checks_runsReply(ctx, repo, runs) {
    return okCountedPage(ctx, filterRuns(ctx, runs), 'check_runs', (run) => (0,render_checks/* renderCheckRun */.kL)(ctx, repo, run));
}
function refSha(repo, ref) {
    const sha = (0,revision/* resolveRevision */.e)(repo, ref);
    if (!sha)
        throw new errors/* ApiError */.hD(422, `No commit found for SHA: ${ref}`);
    return sha;
}
const checkRoutes = [
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/check-runs',
        operationId: 'checks/create',
        docs: 'reference/checks#create-a-check-run',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksWrite);
            const input = parseBody(ctx, createSchema);
            return (0,route/* created */.zu)((0,render_checks/* renderCheckRun */.kL)(ctx, repo, await (0,checks/* createCheckRun */._U)(ctx, repo, input)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
        operationId: 'checks/get',
        docs: 'checks/runs#get-a-check-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            return (0,route.ok)((0,render_checks/* renderCheckRun */.kL)(ctx, repo, (0,checks/* findCheckRun */.TU)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'check_run_id'))));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
        operationId: 'checks/update',
        docs: 'checks/runs#update-a-check-run',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksWrite);
            const run = (0,checks/* findCheckRun */.TU)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'check_run_id'));
            const input = parseBody(ctx, updateSchema);
            await (0,checks/* updateCheckRun */.Lj)(ctx, repo, run, input);
            return (0,route.ok)((0,render_checks/* renderCheckRun */.kL)(ctx, repo, run));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
        operationId: 'checks/list-annotations',
        docs: 'checks/runs#list-check-run-annotations',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            const run = (0,checks/* findCheckRun */.TU)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'check_run_id'));
            return okPage(ctx, (0,render_checks/* renderAnnotations */.Hp)(run, ctx.urls.repoHtml((0,render_repos/* fullName */.fq)(ctx, repo))));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest',
        operationId: 'checks/rerequest-run',
        docs: 'checks/runs#rerequest-a-check-run',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksWrite);
            const run = (0,checks/* findCheckRun */.TU)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'check_run_id'));
            if (run.status !== 'completed')
                throw new errors/* ApiError */.hD(422, 'This check run is not rerequestable', {
                    errors: [{ resource: 'CheckRun', code: 'unprocessable' }],
                });
            (0,checks/* emitCheckRun */.pZ)(ctx, repo, run, 'rerequested');
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{ref+}/check-runs',
        operationId: 'checks/list-for-ref',
        docs: 'checks/runs#list-check-runs-for-a-git-reference',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            const sha = refSha(repo, ctx.params.ref);
            return checks_runsReply(ctx, repo, ctx.store.where('checkRun', `sha:${repo.id}:${sha}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{ref+}/check-suites',
        operationId: 'checks/list-suites-for-ref',
        docs: 'checks/suites#list-check-suites-for-a-git-reference',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            const sha = refSha(repo, ctx.params.ref);
            const appId = ctx.query.get('app_id');
            const suites = ctx.store
                .where('checkSuite', `sha:${repo.id}:${sha}`)
                .filter((suite) => !appId || String(suite.appId) === appId)
                .sort((a, b) => a.id - b.id);
            return okCountedPage(ctx, suites, 'check_suites', (suite) => (0,render_checks/* renderCheckSuite */.TH)(ctx, repo, suite));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/check-suites/{check_suite_id}',
        operationId: 'checks/get-suite',
        docs: 'checks/suites#get-a-check-suite',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            const suite = ctx.store.get('checkSuite', (0,lookup/* intParam */.pL)(ctx, 'check_suite_id'));
            if (!suite || suite.repoId !== repo.id)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,render_checks/* renderCheckSuite */.TH)(ctx, repo, suite));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs',
        operationId: 'checks/list-for-suite',
        docs: 'checks/runs#list-check-runs-in-a-check-suite',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.checksRead);
            const suite = ctx.store.get('checkSuite', (0,lookup/* intParam */.pL)(ctx, 'check_suite_id'));
            if (!suite || suite.repoId !== repo.id)
                throw (0,errors/* notFound */.mX)();
            return checks_runsReply(ctx, repo, ctx.store.where('checkRun', `suite:${suite.id}`));
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/state/actor.ts
var actor = __webpack_require__(39991);
// EXTERNAL MODULE: ./src/clones/github/state/model.ts
var model = __webpack_require__(71343);
;// CONCATENATED MODULE: ./src/clones/github/routes/collaborators.ts











const addSchema = schemas/* object */.Ikc({ permission: schemas/* string */.YjP().optional() });
const topicsSchema = schemas/* object */.Ikc({ names: schemas/* array */.YOg(schemas/* string */.YjP()) });
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
let invitationIds = 0;
/**
 * Adding and removing collaborators, and a repository's topics. An invitation is accepted at once
 * (GitHub waits for the invitee): the answer is GitHub's 201 with the invitation, and the user is a
 * collaborator from then on.
 */
const collaboratorRoutes = [
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/collaborators/{username}',
        operationId: 'repos/add-collaborator',
        docs: 'collaborators/collaborators#add-a-repository-collaborator',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const user = (0,lookup/* userParam */.zO)(ctx);
            const { permission = 'push' } = parseBody(ctx, addSchema);
            const role = model/* ROLE_OF_PERMISSION */.hV[permission];
            if (!role)
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Repository', code: 'invalid', field: 'permission', value: permission }],
                });
            if (user.type !== 'User' || user.id === repo.ownerId)
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Repository', code: 'custom', field: 'username', message: 'User cannot be added' }],
                });
            // A collaborator (a new role) or a member of the owning organization needs no invitation: 204.
            const already = repo.collaborators.has(user.id) || ctx.store.get('org', repo.ownerId)?.members.has(user.id);
            const collaborators = new Map(repo.collaborators).set(user.id, role);
            const customRoles = new Map(repo.customRoles);
            customRoles.delete(user.id);
            ctx.store.update(ctx.journal, 'repo', repo, { collaborators, customRoles });
            if (already)
                return (0,route/* noContent */.V$)();
            const id = ++invitationIds;
            const name = (0,render_repos/* fullName */.fq)(ctx, repo);
            return (0,route/* created */.zu)({
                id,
                node_id: (0,urls/* nodeId */.s5)('RepositoryInvitation', id),
                repository: (0,render_repos/* renderRepo */.ZY)(ctx, repo),
                invitee: (0,render_users/* simpleUser */.U5)(ctx, user),
                inviter: (0,render_users/* simpleUser */.U5)(ctx, (0,actor/* actingUser */.e)(ctx.actor)),
                permissions: role,
                created_at: ctx.now,
                expired: false,
                url: `${ctx.urls.repo(name)}/invitations/${id}`,
                html_url: `${ctx.urls.repoHtml(name)}/invitations`,
            });
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/collaborators/{username}',
        operationId: 'repos/remove-collaborator',
        docs: 'collaborators/collaborators#remove-a-repository-collaborator',
        handler: (ctx) => {
            const user = (0,lookup/* userParam */.zO)(ctx);
            // Anyone may leave a repository; removing someone else takes admin.
            const self = (0,actor/* actingUser */.e)(ctx.actor)?.id === user.id;
            const repo = (0,lookup/* repoParam */.oq)(ctx, self ? permissions/* NEED */.$B.metadata : permissions/* NEED */.$B.admin);
            if (repo.collaborators.has(user.id)) {
                const collaborators = new Map(repo.collaborators);
                collaborators.delete(user.id);
                const customRoles = new Map(repo.customRoles);
                customRoles.delete(user.id);
                ctx.store.update(ctx.journal, 'repo', repo, { collaborators, customRoles });
            }
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/topics',
        operationId: 'repos/get-all-topics',
        docs: 'repos/repos#get-all-repository-topics',
        handler: (ctx) => (0,route.ok)({ names: (0,lookup/* repoParam */.oq)(ctx).topics }),
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/topics',
        operationId: 'repos/replace-all-topics',
        docs: 'repos/repos#replace-all-repository-topics',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const names = [...new Set(parseBody(ctx, topicsSchema).names.map((name) => name.toLowerCase()))];
            const invalid = names.filter((name) => !TOPIC.test(name));
            // The operation's description is validation-error-simple: the problems are strings.
            if (invalid.length > 0)
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [
                        `${invalid.map((name) => `"${name}"`).join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not a valid topic name. Topics must start with a lowercase letter or number, consist of 50 characters or less, and can include hyphens.`,
                    ],
                });
            if (names.length > 20)
                throw new errors/* ApiError */.hD(422, 'Validation Failed', { errors: ['A repository cannot have more than 20 topics.'] });
            ctx.store.update(ctx.journal, 'repo', repo, { topics: names, updatedAt: ctx.now });
            return (0,route.ok)({ names });
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/webhooks/payloads.ts
var payloads = __webpack_require__(76588);
// EXTERNAL MODULE: ./src/clones/github/domain/issues.ts
var issues = __webpack_require__(43953);
// EXTERNAL MODULE: ./src/clones/github/domain/issue-events.ts
var issue_events = __webpack_require__(96502);
;// CONCATENATED MODULE: ./src/clones/github/domain/comments.ts





async function createComment(ctx, repo, issue, body) {
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (issue.locked && !(0,issues/* canTriage */.TH)(ctx, repo, issue.pullId !== null))
        throw new errors/* ApiError */.hD(403, 'Unable to create comment because issue is locked.');
    const comment = ctx.store.insert(ctx.journal, 'comment', {
        id: ctx.store.nextId('comment'),
        repoId: repo.id,
        issueId: issue.id,
        userId: user.id,
        body,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        viaAppId: ctx.actor.kind === 'installation' ? ctx.actor.app.id : null,
    });
    (0,issue_events/* touch */._)(ctx, issue);
    await (0,payloads/* emitCommentEvent */.nl)(ctx, repo, issue, comment, 'created');
    return comment;
}
function findComment(ctx, repo, id) {
    const comment = ctx.store.get('comment', id);
    const issue = comment ? ctx.store.get('issue', comment.issueId) : undefined;
    if (!comment || !issue || comment.repoId !== repo.id)
        throw (0,errors/* notFound */.mX)();
    return { comment, issue };
}
/** Authors edit and delete their own comments; others need triage rights (maintainers). */
function requireOwnOrTriage(ctx, repo, comment, issue) {
    if ((0,actor/* actingUser */.e)(ctx.actor)?.id === comment.userId || (0,issues/* canTriage */.TH)(ctx, repo, issue.pullId !== null))
        return;
    throw new errors/* ApiError */.hD(403, ctx.actor.kind === 'installation'
        ? 'Resource not accessible by integration'
        : 'You do not have permission to modify this comment.');
}
async function updateComment(ctx, repo, id, body) {
    const { comment, issue } = findComment(ctx, repo, id);
    requireOwnOrTriage(ctx, repo, comment, issue);
    if (comment.body !== body) {
        const from = comment.body;
        ctx.store.update(ctx.journal, 'comment', comment, { body, updatedAt: ctx.now });
        await (0,payloads/* emitCommentEvent */.nl)(ctx, repo, issue, comment, 'edited', { body: { from } });
    }
    return comment;
}
async function deleteComment(ctx, repo, id) {
    const { comment, issue } = findComment(ctx, repo, id);
    requireOwnOrTriage(ctx, repo, comment, issue);
    for (const reaction of ctx.store.where('reaction', `comment:${comment.id}`))
        ctx.store.remove(ctx.journal, 'reaction', reaction);
    // The payload shows the comment as it was, so it is rendered before the record goes.
    await (0,payloads/* emitCommentEvent */.nl)(ctx, repo, issue, comment, 'deleted');
    ctx.store.remove(ctx.journal, 'comment', comment);
}

// EXTERNAL MODULE: ./src/clones/github/render/issues.ts
var render_issues = __webpack_require__(95297);
;// CONCATENATED MODULE: ./src/clones/github/routes/comments.ts









const bodySchema = schemas/* object */.Ikc({ body: schemas/* string */.YjP().min(1).max(65536) });
function listComments(ctx, repo, comments) {
    const since = ctx.query.get('since');
    const sinceTime = since ? Date.parse(since) : undefined;
    if (since && Number.isNaN(sinceTime))
        throw new errors/* ApiError */.hD(422, 'Validation Failed', {
            errors: [{ resource: 'IssueComment', field: 'since', code: 'invalid' }],
        });
    const direction = ctx.query.get('direction') ?? 'asc';
    const sort = ctx.query.get('sort') ?? 'created';
    const key = (c) => (sort === 'updated' ? c.updatedAt : c.createdAt);
    const filtered = comments
        .filter((comment) => sinceTime === undefined || Date.parse(comment.updatedAt) >= sinceTime)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
    if (direction === 'desc')
        filtered.reverse();
    return okPage(ctx, filtered, (comment) => (0,render_issues/* renderComment */.wQ)(ctx, repo, comment));
}
const commentRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/comments',
        operationId: 'issues/list-comments-for-repo',
        docs: 'issues/comments#list-issue-comments-for-a-repository',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return listComments(ctx, repo, ctx.store.where('comment', `repo:${repo.id}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
        operationId: 'issues/get-comment',
        docs: 'issues/comments#get-an-issue-comment',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return (0,route.ok)((0,render_issues/* renderComment */.wQ)(ctx, repo, findComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id')).comment));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
        operationId: 'issues/update-comment',
        docs: 'issues/comments#update-an-issue-comment',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const id = (0,lookup/* intParam */.pL)(ctx, 'comment_id');
            const { body } = parseBody(ctx, bodySchema);
            return (0,route.ok)((0,render_issues/* renderComment */.wQ)(ctx, repo, await updateComment(ctx, repo, id, body)));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
        operationId: 'issues/delete-comment',
        docs: 'issues/comments#delete-an-issue-comment',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            await deleteComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        operationId: 'issues/list-comments',
        docs: 'issues/comments#list-issue-comments',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return listComments(ctx, repo, ctx.store.where('comment', `issue:${issue.id}`));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        operationId: 'issues/create-comment',
        docs: 'issues/comments#create-an-issue-comment',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const { body } = parseBody(ctx, bodySchema);
            const rendered = (0,render_issues/* renderComment */.wQ)(ctx, repo, await createComment(ctx, repo, issue, body));
            return (0,route/* created */.zu)(rendered, { location: rendered.url });
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/git/history.ts
var git_history = __webpack_require__(47523);
// EXTERNAL MODULE: ./src/clones/github/git/merge.ts
var merge = __webpack_require__(93195);
// EXTERNAL MODULE: ./src/clones/github/state/identity.ts
var identity = __webpack_require__(42614);
// EXTERNAL MODULE: ./src/clones/github/domain/git-write.ts
var git_write = __webpack_require__(93115);
;// CONCATENATED MODULE: ./src/clones/github/domain/branch-merge.ts






/**
 * `POST /repos/{owner}/{repo}/merges`: merges `head` (a branch or a commit) into the branch `base`
 * with a real merge commit. The answer is the new commit's sha, or null when `base` already has
 * everything in `head` (GitHub's 204).
 */
async function mergeIntoBranch(ctx, repo, input) {
    return (0,git_write/* withRepoLock */.Aq)(ctx, repo, async () => {
        const baseSha = repo.git.branch(input.base);
        if (!baseSha)
            throw new errors/* ApiError */.hD(404, 'Base does not exist');
        const headSha = repo.git.resolveCommit(input.head);
        if (!headSha)
            throw new errors/* ApiError */.hD(404, 'Head does not exist');
        if ((0,git_history/* isAncestor */.QX)(repo.git, headSha, baseSha))
            return null;
        const who = (0,identity/* identity */.D)((0,git_write/* pusherOf */.Bl)(ctx, repo));
        const result = await (0,merge/* createMergeCommit */.E)(repo.git, {
            base: baseSha,
            head: headSha,
            method: 'merge',
            title: input.commit_message ?? `Merge ${input.head} into ${input.base}`,
            message: '',
            committer: (0,format/* personAt */.Td)(who.name, who.email, new Date(ctx.now)),
        });
        if (result.kind === 'conflict' || !result.sha)
            throw new errors/* ApiError */.hD(409, 'Merge conflict');
        await (0,git_write/* moveRef */.LH)(ctx, repo, `refs/heads/${input.base}`, result.sha, baseSha);
        return result.sha;
    });
}

// EXTERNAL MODULE: ./src/clones/github/git/diff.ts
var diff = __webpack_require__(84648);
// EXTERNAL MODULE: ./src/clones/github/git/cli.ts
var cli = __webpack_require__(54581);
;// CONCATENATED MODULE: ./src/clones/github/http/media.ts


/** Whether `Accept` asks for GitHub's custom media type `name` (`application/vnd.github[.v3].<name>`). */
function accepts(ctx, name) {
    return new RegExp(`vnd\\.github(\\.v3)?\\.${name}\\b`).test(String(ctx.headers.accept ?? ''));
}
/** `application/vnd.github.diff` / `.patch`, as clients ask through Octokit's `mediaType.format` or `-H Accept`. */
function diffFormat(ctx) {
    if (accepts(ctx, 'diff'))
        return 'diff';
    if (accepts(ctx, 'patch'))
        return 'patch';
    return undefined;
}
/**
 * The change from `from` to `to` as a unified diff, or as the `git format-patch` series of the
 * commits `range` selects (`a..b`, or `-1 <sha>` for one commit, a root commit included).
 */
async function diffReply(git, format, from, to, range) {
    const data = format === 'diff'
        ? await (0,diff/* unifiedDiff */.W)(git, from, to)
        : (await (0,cli/* runGit */.E)(git.gitDir, ['format-patch', '--stdout', ...range])).stdout.toString('utf8');
    return { kind: 'raw', status: 200, data, contentType: `application/vnd.github.${format}; charset=utf-8` };
}

;// CONCATENATED MODULE: ./src/clones/github/domain/compare-refs.ts


/** The first repository of the fork network `repo` belongs to. */
function networkRoot(ctx, repo) {
    let root = repo;
    const seen = new Set();
    while (root.forkOf !== null && !seen.has(root.id)) {
        seen.add(root.id);
        const parent = ctx.store.get('repo', root.forkOf);
        if (!parent)
            break;
        root = parent;
    }
    return root;
}
/** The repository of `owner` (named `name` when given) in `repo`'s fork network. */
function networkRepo(ctx, repo, owner, name) {
    const account = ctx.store.userByLogin(owner);
    if (!account)
        return undefined;
    if (account.id === repo.ownerId && (name === undefined || name.toLowerCase() === repo.name.toLowerCase()))
        return repo;
    const root = networkRoot(ctx, repo);
    return ctx.store
        .where('repo', `owner:${account.id}`)
        .filter((candidate) => name === undefined || candidate.name.toLowerCase() === name.toLowerCase())
        .find((candidate) => networkRoot(ctx, candidate).id === root.id);
}
/**
 * One side of `compare/{base}...{head}`: a ref or SHA of `repo`, or, as GitHub accepts them,
 * `owner:ref` and `owner:repo:ref` naming a repository of the same fork network. A commit of
 * another repository of the network is fetched into `repo`'s object database (no ref is made),
 * as GitHub's forks share their objects, so the comparison can walk both histories.
 */
async function resolveCompareSide(ctx, repo, spec) {
    const parts = spec.split(':');
    if (parts.length === 1)
        return (0,revision/* resolveRevision */.e)(repo, spec);
    const [owner, name, ref] = parts.length === 2 ? [parts[0], undefined, parts[1]] : [parts[0], parts[1], parts.slice(2).join(':')];
    const other = networkRepo(ctx, repo, owner, name);
    if (!other || !ref)
        return undefined;
    const sha = other.git.resolveCommit(ref);
    if (!sha || other === repo || repo.git.readCommit(sha))
        return sha;
    const fetched = await (0,cli/* runGit */.E)(repo.git.gitDir, [
        '-c',
        'uploadpack.allowAnySHA1InWant=true',
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        other.git.gitDir,
        sha,
    ]);
    if (fetched.code !== 0)
        throw new Error(`comparing across forks: git fetch failed: ${fetched.stderr.trim()}`);
    return sha;
}

// EXTERNAL MODULE: ./src/clones/github/render/git.ts
var git = __webpack_require__(24409);
// EXTERNAL MODULE: ./src/clones/github/render/pulls.ts
var pulls = __webpack_require__(84381);
// EXTERNAL MODULE: ./src/clones/github/state/pull-stats.ts
var pull_stats = __webpack_require__(1221);
// EXTERNAL MODULE: ./src/clones/github/state/teams.ts
var state_teams = __webpack_require__(74048);
;// CONCATENATED MODULE: ./src/clones/github/routes/commits.ts
















const mergeSchema = schemas/* object */.Ikc({ base: schemas/* string */.YjP(), head: schemas/* string */.YjP(), commit_message: schemas/* string */.YjP().optional() });


function commitOrFail(repo, ref) {
    const sha = (0,revision/* resolveRevision */.e)(repo, ref);
    if (!sha) {
        if (repo.git.branches().size === 0)
            throw new errors/* ApiError */.hD(409, 'Git Repository is empty.');
        throw new errors/* ApiError */.hD(422, `No commit found for SHA: ${ref}`);
    }
    return sha;
}
function listCommits(ctx, repo) {
    if (repo.git.branches().size === 0)
        throw new errors/* ApiError */.hD(409, 'Git Repository is empty.');
    const tip = commitOrFail(repo, ctx.query.get('sha') ?? repo.defaultBranch);
    const path = ctx.query.get('path')?.replace(/^\/+|\/+$/g, '');
    const author = ctx.query.get('author')?.toLowerCase();
    const since = ctx.query.get('since') ? Date.parse(ctx.query.get('since')) : undefined;
    const until = ctx.query.get('until') ? Date.parse(ctx.query.get('until')) : undefined;
    const { page, perPage } = pageParams(ctx.query);
    // Every match is counted (only the page is rendered): `Link` must name the true last page.
    const matches = [];
    for (const item of (0,git_history/* logCommits */.Vg)(repo.git, [tip])) {
        const date = item.commit.committer.seconds * 1000;
        if (since !== undefined && date < since)
            continue;
        if (until !== undefined && date > until)
            continue;
        if (path && !(0,git_history/* touchesPath */.Rz)(repo.git, item.commit, path))
            continue;
        if (author) {
            const user = (0,git/* userForEmail */.$M)(ctx, item.commit.author.email);
            if (user?.login.toLowerCase() !== author && item.commit.author.email.toLowerCase() !== author)
                continue;
        }
        matches.push(item);
    }
    const items = matches.slice((page - 1) * perPage, page * perPage);
    return (0,route.ok)(items.map(({ sha, commit }) => (0,git/* renderCommit */.ak)(ctx, repo, sha, commit)), linkHeader(ctx, page, Math.max(1, Math.ceil(matches.length / perPage))));
}
/**
 * As GitHub lists them: the merged pull request that brought a commit of the default branch in,
 * else every pull request (open or merged) whose commits include it.
 */
function pullsOfCommit(ctx, repo, sha) {
    const defaultTip = repo.git.branch(repo.defaultBranch);
    const onDefault = defaultTip !== undefined && (0,git_history/* isAncestor */.QX)(repo.git, sha, defaultTip);
    return ctx.store
        .where('pull', `repo:${repo.id}`)
        .map((pull) => ({ pull, issue: ctx.store.get('issue', pull.issueId) }))
        .filter(({ pull, issue }) => {
        if (pull.mergeCommitSha === sha)
            return true;
        if (onDefault && !pull.merged)
            return false;
        const base = (0,pull_stats/* effectiveBase */.B)(repo, pull, issue.state === 'open');
        return (0,git_history/* commitsBetween */.$q)(repo.git, base, pull.headSha).some((commit) => commit.sha === sha);
    });
}
/**
 * `application/vnd.github.sha`: the commit's SHA alone, with the SHA as its ETag, so that a client
 * holding a SHA learns with a `304` that the ref has not moved (actions/checkout resolves refs so).
 */
function shaReply(ctx, sha) {
    const etag = `"${sha}"`;
    const ifNoneMatch = String(ctx.headers['if-none-match'] ?? '');
    if (ifNoneMatch.split(',').some((tag) => [etag, `W/${etag}`, '*'].includes(tag.trim())))
        return { kind: 'json', status: 304, headers: { etag } };
    return {
        kind: 'raw',
        status: 200,
        data: sha,
        contentType: 'application/vnd.github.sha; charset=utf-8',
        headers: { etag },
    };
}
const commitRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches',
        operationId: 'repos/list-branches',
        docs: 'branches/branches#list-branches',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const only = ctx.query.get('protected');
            const branches = [...repo.git.branches()]
                .filter(([name]) => only === null || (only === 'true') === ((0,state_teams/* protectionOf */.fA)(ctx.store, repo, name) !== undefined))
                .sort(([a], [b]) => (a < b ? -1 : 1));
            return okPage(ctx, branches, ([name, sha]) => (0,git/* renderShortBranch */.vR)(ctx, repo, name, sha));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches/{branch+}',
        operationId: 'repos/get-branch',
        docs: 'branches/branches#get-a-branch',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const sha = repo.git.branch(ctx.params.branch);
            const commit = sha ? repo.git.readCommit(sha) : undefined;
            if (!sha || !commit)
                throw (0,errors/* notFound */.mX)('Branch not found');
            return (0,route.ok)((0,git/* renderBranch */.Jg)(ctx, repo, ctx.params.branch, sha, commit));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits',
        operationId: 'repos/list-commits',
        docs: 'commits/commits#list-commits',
        handler: (ctx) => listCommits(ctx, (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead)),
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
        operationId: 'repos/list-pull-requests-associated-with-commit',
        docs: 'commits/commits#list-pull-requests-associated-with-a-commit',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const sha = commitOrFail(repo, ctx.params.commit_sha);
            const rows = pullsOfCommit(ctx, repo, sha).sort((a, b) => b.pull.number - a.pull.number);
            return okPage(ctx, rows, ({ issue, pull }) => (0,pulls/* renderPull */.S)(ctx, repo, issue, pull));
        },
    },
    {
        // Before get-commit, whose `{ref+}` would read `<sha>/branches-where-head` as a ref.
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{commit_sha+}/branches-where-head',
        operationId: 'repos/list-branches-for-head-commit',
        docs: 'commits/commits#list-branches-for-head-commit',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const sha = commitOrFail(repo, ctx.params.commit_sha);
            const heads = [...repo.git.branches()].filter(([, tip]) => tip === sha).sort(([a], [b]) => (a < b ? -1 : 1));
            return (0,route.ok)(heads.map(([branch]) => (0,git/* renderShortBranch */.vR)(ctx, repo, branch, sha)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{ref+}',
        operationId: 'repos/get-commit',
        docs: 'commits/commits#get-a-commit',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const sha = commitOrFail(repo, ctx.params.ref);
            const commit = repo.git.readCommit(sha);
            if (accepts(ctx, 'sha'))
                return shaReply(ctx, sha);
            const parent = commit.parents[0] ?? repo.git.writeTree([]);
            const format = diffFormat(ctx);
            if (format)
                return diffReply(repo.git, format, parent, sha, ['-1', sha]);
            const files = await (0,diff/* diffCommits */.i)(repo.git, parent, sha);
            return (0,route.ok)((0,git/* renderCommit */.ak)(ctx, repo, sha, commit, files));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/compare/{base}...{head}',
        operationId: 'repos/compare-commits',
        docs: 'reference/repos#compare-two-commits',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const base = await resolveCompareSide(ctx, repo, ctx.params.base);
            const head = await resolveCompareSide(ctx, repo, ctx.params.head);
            if (!base || !head)
                throw (0,errors/* notFound */.mX)();
            const comparison = (0,git_history/* compareCommits */.kC)(repo.git, base, head);
            const name = (0,render_repos/* fullName */.fq)(ctx, repo);
            const mergeBaseSha = comparison.mergeBase;
            const format = diffFormat(ctx);
            if (format)
                return diffReply(repo.git, format, mergeBaseSha ?? base, head, [`${mergeBaseSha ?? base}..${head}`]);
            const files = mergeBaseSha ? await (0,diff/* diffCommits */.i)(repo.git, mergeBaseSha, head) : [];
            const page = paginate(ctx, comparison.ahead, 250);
            const basehead = `${ctx.params.base}...${ctx.params.head}`;
            return (0,route.ok)({
                url: `${ctx.urls.repo(name)}/compare/${basehead}`,
                html_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}`,
                permalink_url: `${ctx.urls.repoHtml(name)}/compare/${base.slice(0, 7)}...${head.slice(0, 7)}`,
                diff_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}.diff`,
                patch_url: `${ctx.urls.repoHtml(name)}/compare/${basehead}.patch`,
                base_commit: (0,git/* renderCommit */.ak)(ctx, repo, base, repo.git.readCommit(base)),
                merge_base_commit: mergeBaseSha
                    ? (0,git/* renderCommit */.ak)(ctx, repo, mergeBaseSha, repo.git.readCommit(mergeBaseSha))
                    : (0,git/* renderCommit */.ak)(ctx, repo, base, repo.git.readCommit(base)),
                status: comparison.status,
                ahead_by: comparison.ahead.length,
                behind_by: comparison.behindBy,
                total_commits: comparison.ahead.length,
                commits: page.items.map(({ sha, commit }) => (0,git/* renderCommit */.ak)(ctx, repo, sha, commit)),
                files: files.map((file) => (0,git/* renderDiffEntry */.G9)(ctx, repo, head, file)),
            }, page.headers);
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/merges',
        operationId: 'repos/merge',
        docs: 'branches/branches#merge-a-branch',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const sha = await mergeIntoBranch(ctx, repo, parseBody(ctx, mergeSchema));
            if (sha === null)
                return (0,route/* noContent */.V$)();
            const commit = repo.git.readCommit(sha);
            const body = (0,git/* renderCommit */.ak)(ctx, repo, sha, commit, await (0,diff/* diffCommits */.i)(repo.git, commit.parents[0], sha));
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/state/base64.ts

/** Base64 wrapped at 60 characters per line, as GitHub sends file contents. */
function base64Lines(data) {
    const text = data.toString('base64');
    const lines = [];
    for (let i = 0; i < text.length; i += 60)
        lines.push(text.slice(i, i + 60));
    return lines.length ? `${lines.join('\n')}\n` : '';
}
/** Strict base64 (line breaks allowed): anything else is GitHub's 422, never silently mangled. */
function decodeBase64(text) {
    const compact = text.replace(/[\r\n]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
        throw new errors/* ApiError */.hD(422, 'content is not valid Base64', {
            errors: [{ resource: 'Content', field: 'content', code: 'invalid' }],
        });
    return Buffer.from(compact, 'base64');
}

// EXTERNAL MODULE: ./src/clones/github/git/tree-edit.ts
var tree_edit = __webpack_require__(9772);
;// CONCATENATED MODULE: ./src/clones/github/domain/contents.ts





function person(input, fallback, now) {
    const date = input?.date ? new Date(input.date) : new Date(now);
    return (0,format/* personAt */.Td)(input?.name ?? fallback.name, input?.email ?? fallback.email, Number.isNaN(date.getTime()) ? new Date(now) : date);
}
/**
 * One commit changing one file on a branch, as the contents API makes it: a 422 without `sha`
 * when the file exists, a 409 when `sha` is stale, the ref moved only if nobody moved it meanwhile.
 */
function changeFile(ctx, repo, input) {
    return (0,git_write/* withRepoLock */.Aq)(ctx, repo, async () => {
        const git = repo.git;
        const branch = input.branch ?? repo.defaultBranch;
        const tip = git.branch(branch);
        const emptyRepo = git.branches().size === 0;
        if (!tip && !emptyRepo)
            throw (0,errors/* notFound */.mX)(`Branch ${branch} not found`);
        const parent = tip ? git.readCommit(tip) : undefined;
        const existing = parent ? git.entryAt(parent.tree, input.path) : undefined;
        if (existing && (0,format/* isTreeMode */.AY)(existing.mode))
            throw new errors/* ApiError */.hD(422, `${input.path} is a directory`);
        if (input.data === null && !existing)
            throw (0,errors/* notFound */.mX)();
        if (existing && input.sha === undefined)
            throw new errors/* ApiError */.hD(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', {
                errors: [{ resource: 'Content', field: 'sha', code: 'missing_field' }],
            });
        if (existing && input.sha !== existing.sha)
            throw (0,errors/* conflict */.hj)(`${input.path} does not match ${input.sha}`);
        const blobSha = input.data === null ? null : git.writeBlob(input.data);
        let tree;
        try {
            tree = (0,tree_edit/* editTree */.n)(git, parent?.tree, [
                {
                    path: input.path,
                    entry: blobSha ? { mode: existing?.mode === '100755' ? '100755' : '100644', sha: blobSha } : null,
                },
            ]);
        }
        catch (error) {
            if (error instanceof tree_edit/* TreeEditError */.Z)
                throw new errors/* ApiError */.hD(422, error.message);
            throw error;
        }
        const who = (0,identity/* identity */.D)((0,git_write/* pusherOf */.Bl)(ctx, repo));
        const committer = person(input.committer ?? input.author, who, ctx.now);
        const author = person(input.author ?? input.committer, who, ctx.now);
        const commitSha = git.writeCommit({
            tree,
            parents: tip ? [tip] : [],
            author,
            committer,
            message: input.message.endsWith('\n') ? input.message : `${input.message}\n`,
        });
        await (0,git_write/* moveRef */.LH)(ctx, repo, `refs/heads/${branch}`, commitSha, tip ?? null);
        return { commitSha, blobSha, created: !existing, branch };
    });
}

;// CONCATENATED MODULE: ./src/clones/github/domain/paths.ts

/**
 * A repository file path from a URL or body: no `.`/`..` segments, no NUL, no `.git/`. Contents
 * are read from git trees, never from the disk, but a path git would refuse must be refused here.
 */
function normalizeRepoPath(raw, options = {}) {
    const path = raw.replace(/^\/+|\/+$/g, '');
    if (path === '') {
        if (options.allowRoot)
            return '';
        throw new errors/* ApiError */.hD(422, 'Invalid request.\n\n"path" wasn\'t supplied.', {
            errors: [{ resource: 'Content', field: 'path', code: 'missing_field' }],
        });
    }
    const parts = path.split('/');
    const bad = parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\0'));
    if (bad || parts[0].toLowerCase() === '.git')
        throw new errors/* ApiError */.hD(422, `path contains a malformed path component`, {
            errors: [{ resource: 'Content', field: 'path', code: 'invalid', value: raw }],
        });
    return path;
}

;// CONCATENATED MODULE: ./src/clones/github/render/contents.ts



const MAX_INLINE = 1024 * 1024;
function entryType(entry) {
    if ((0,format/* isTreeMode */.AY)(entry.mode))
        return 'dir';
    if (entry.mode === '120000')
        return 'symlink';
    if (entry.mode === '160000')
        return 'submodule';
    return 'file';
}
const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');
/** The fields every contents object shares (`url`, `git_url`, `_links`…). */
function contentLinks(view, repo, path, entry, ref) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const type = entryType(entry);
    const url = `${view.urls.repo(name)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = type === 'dir'
        ? `${view.urls.repo(name)}/git/trees/${entry.sha}`
        : `${view.urls.repo(name)}/git/blobs/${entry.sha}`;
    const html = `${view.urls.repoHtml(name)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
    const download = type === 'file' ? `${view.urls.web}/_archal/raw/${name}/${encodeURIComponent(ref)}/${encodePath(path)}` : null;
    return {
        name: path.split('/').pop() ?? path,
        path,
        sha: entry.sha,
        url,
        git_url: type === 'submodule' ? null : gitUrl,
        html_url: type === 'submodule' ? null : html,
        download_url: download,
        _links: { self: url, git: gitUrl, html },
    };
}
/** One entry of a directory listing (no content). */
function renderDirEntry(view, repo, path, entry, ref) {
    const type = entryType(entry);
    const size = type === 'file' || type === 'symlink' ? (repo.git.readBlob(entry.sha)?.length ?? 0) : 0;
    return { type, size, ...contentLinks(view, repo, path, entry, ref) };
}
/** `content-file` (and `content-symlink`), with the content base64-encoded up to 1 MB. */
function renderFile(view, repo, path, entry, ref) {
    const data = repo.git.readBlob(entry.sha) ?? Buffer.alloc(0);
    const type = entryType(entry);
    const links = contentLinks(view, repo, path, entry, ref);
    if (type === 'symlink')
        return { type, target: data.toString('utf8'), size: data.length, ...links };
    const inline = data.length <= MAX_INLINE;
    return {
        type: 'file',
        encoding: inline ? 'base64' : 'none',
        size: data.length,
        ...links,
        content: inline ? base64Lines(data) : '',
    };
}

;// CONCATENATED MODULE: ./src/clones/github/routes/contents.ts













const contents_identity = schemas/* object */.Ikc({ name: schemas/* string */.YjP().min(1), email: schemas/* string */.YjP().min(1), date: schemas/* string */.YjP().optional() });
const putSchema = schemas/* object */.Ikc({
    message: schemas/* string */.YjP().min(1),
    content: schemas/* string */.YjP(),
    sha: schemas/* string */.YjP().optional(),
    branch: schemas/* string */.YjP().min(1).optional(),
    committer: contents_identity.optional(),
    author: contents_identity.optional(),
});
const deleteSchema = schemas/* object */.Ikc({
    message: schemas/* string */.YjP().min(1),
    sha: schemas/* string */.YjP(),
    branch: schemas/* string */.YjP().min(1).optional(),
    committer: contents_identity.optional(),
    author: contents_identity.optional(),
});
const wantsRaw = (ctx) => /vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ''));
const wantsObject = (ctx) => /vnd\.github(\.v3)?\.object/.test(String(ctx.headers.accept ?? ''));
function resolveRef(repo, ref) {
    const name = ref ?? repo.defaultBranch;
    const sha = (0,revision/* resolveRevision */.e)(repo, name);
    if (!sha) {
        if (repo.git.branches().size === 0)
            throw (0,errors/* notFound */.mX)('This repository is empty.');
        throw (0,errors/* notFound */.mX)(`No commit found for the ref ${name}`);
    }
    return { ref: name, sha };
}
function getContent(ctx, repo, path) {
    const { ref, sha } = resolveRef(repo, ctx.query.get('ref'));
    const tree = repo.git.readCommit(sha).tree;
    const entry = repo.git.entryAt(tree, path);
    if (!entry)
        throw (0,errors/* notFound */.mX)();
    if ((0,format/* isTreeMode */.AY)(entry.mode)) {
        const entries = (repo.git.readTree(entry.sha) ?? []).map((child) => renderDirEntry(ctx, repo, path ? `${path}/${child.name}` : child.name, child, ref));
        if (wantsObject(ctx))
            return (0,route.ok)({ ...renderDirEntry(ctx, repo, path, entry, ref), type: 'dir', entries });
        return (0,route.ok)(entries);
    }
    if (wantsRaw(ctx)) {
        const data = repo.git.readBlob(entry.sha) ?? Buffer.alloc(0);
        return { kind: 'raw', status: 200, data, contentType: 'application/vnd.github.raw; charset=utf-8' };
    }
    return (0,route.ok)(renderFile(ctx, repo, path, entry, ref));
}
const contentRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/contents/{path*}',
        operationId: 'repos/get-content',
        docs: 'repos/contents#get-repository-content',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            return getContent(ctx, repo, normalizeRepoPath(ctx.params.path ?? '', { allowRoot: true }));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/contents/{path+}',
        operationId: 'repos/create-or-update-file-contents',
        docs: 'repos/contents#create-or-update-file-contents',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const path = normalizeRepoPath(ctx.params.path);
            const input = parseBody(ctx, putSchema);
            const data = decodeBase64(input.content);
            const result = await changeFile(ctx, repo, { ...input, path, data });
            const commit = repo.git.readCommit(result.commitSha);
            const entry = repo.git.entryAt(commit.tree, path);
            return {
                kind: 'json',
                status: result.created ? 201 : 200,
                body: {
                    content: renderFile(ctx, repo, path, entry, result.branch),
                    commit: (0,git/* renderGitCommit */.Sd)(ctx, repo, result.commitSha, commit),
                },
            };
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/contents/{path+}',
        operationId: 'repos/delete-file',
        docs: 'repos/contents#delete-a-file',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const path = normalizeRepoPath(ctx.params.path);
            const input = parseBody(ctx, deleteSchema);
            const result = await changeFile(ctx, repo, { ...input, path, data: null });
            const commit = repo.git.readCommit(result.commitSha);
            return (0,route.ok)({ content: null, commit: (0,git/* renderGitCommit */.Sd)(ctx, repo, result.commitSha, commit) });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/readme',
        operationId: 'repos/get-readme',
        docs: 'repos/contents#get-a-repository-readme',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const { sha } = resolveRef(repo, ctx.query.get('ref'));
            const entries = repo.git.readTree(repo.git.readCommit(sha).tree) ?? [];
            const readme = entries.find((entry) => /^readme(\.|$)/i.test(entry.name) && !(0,format/* isTreeMode */.AY)(entry.mode));
            if (!readme)
                throw (0,errors/* notFound */.mX)();
            return getContent(ctx, repo, readme.name);
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/reactions.ts









/** Reactions to issues, issue comments and review comments: the same rules for each subject. */
const reactionSchema = schemas/* object */.Ikc({ content: schemas/* enum */.k5n(model/* REACTION_CONTENTS */.p2) });
function listReactions(ctx, reactions) {
    const content = ctx.query.get('content');
    return okPage(ctx, reactions.filter((r) => !content || r.content === content).sort((a, b) => a.id - b.id), (r) => (0,render_issues/* renderReaction */.IU)(ctx, r));
}
/** A user reacts at most once per content: a repeat returns the existing reaction with 200. */
function react(ctx, repo, subject, existing) {
    const { content } = parseBody(ctx, reactionSchema);
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    const same = existing.find((r) => r.userId === user.id && r.content === content);
    if (same)
        return (0,route.ok)((0,render_issues/* renderReaction */.IU)(ctx, same));
    const reaction = ctx.store.insert(ctx.journal, 'reaction', {
        id: ctx.store.nextId('reaction'),
        repoId: repo.id,
        subject,
        userId: user.id,
        content,
        createdAt: ctx.now,
    });
    return (0,route/* created */.zu)((0,render_issues/* renderReaction */.IU)(ctx, reaction));
}
function unreact(ctx, reactions) {
    const id = (0,lookup/* intParam */.pL)(ctx, 'reaction_id');
    const reaction = reactions.find((r) => r.id === id);
    if (!reaction)
        throw (0,errors/* notFound */.mX)();
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (reaction.userId !== user?.id)
        throw new errors/* ApiError */.hD(403, 'You can only delete your own reactions.');
    ctx.store.remove(ctx.journal, 'reaction', reaction);
    return (0,route/* noContent */.V$)();
}

// EXTERNAL MODULE: ./src/clones/github/domain/cross-references.ts
var cross_references = __webpack_require__(77692);
// EXTERNAL MODULE: ./src/clones/github/render/reviews.ts
var render_reviews = __webpack_require__(65828);
// EXTERNAL MODULE: ./src/clones/github/render/teams.ts
var render_teams = __webpack_require__(80847);
;// CONCATENATED MODULE: ./src/clones/github/render/events.ts








/** The fields of a review requested of (or withdrawn from) a team; none once the team is deleted. */
function requestedTeamFields(view, requesterId, teamId) {
    const team = view.store.get('team', teamId);
    return team ? { review_requester: (0,render_users/* simpleUserById */.kF)(view, requesterId), requested_team: (0,render_teams/* renderTeam */.CW)(view, team) } : {};
}
/** `issue-event-for-issue` (with `issue` for the repository-wide list, `issue-event`). */
function renderIssueEvent(view, repo, event, withIssue = false) {
    const repoUrl = view.urls.repo((0,render_repos/* fullName */.fq)(view, repo));
    const issue = view.store.get('issue', event.issueId);
    return {
        id: event.id,
        // GitHub's node types: `labeled` → LabeledEvent, `head_ref_deleted` → HeadRefDeletedEvent.
        node_id: (0,urls/* nodeId */.s5)(`${event.event.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}Event`, event.id),
        url: `${repoUrl}/issues/events/${event.id}`,
        actor: (0,render_users/* simpleUserById */.kF)(view, event.actorId),
        event: event.event,
        commit_id: event.commitId,
        commit_url: event.commitId ? `${repoUrl}/commits/${event.commitId}` : null,
        created_at: event.createdAt,
        performed_via_github_app: null,
        ...(event.label ? { label: event.label } : {}),
        ...(event.assigneeId !== undefined
            ? { assignee: (0,render_users/* simpleUserById */.kF)(view, event.assigneeId), assigner: (0,render_users/* simpleUserById */.kF)(view, event.assignerId) }
            : {}),
        ...(event.milestone ? { milestone: event.milestone } : {}),
        ...(event.rename ? { rename: event.rename } : {}),
        ...(event.reviewerId !== undefined
            ? {
                review_requester: (0,render_users/* simpleUserById */.kF)(view, event.requesterId),
                requested_reviewer: (0,render_users/* simpleUserById */.kF)(view, event.reviewerId),
            }
            : {}),
        ...(event.reviewerTeamId !== undefined ? requestedTeamFields(view, event.requesterId, event.reviewerTeamId) : {}),
        ...(event.event === 'locked' ? { lock_reason: event.lockReason ?? null } : {}),
        ...(event.event === 'closed' || event.event === 'reopened' ? { state_reason: event.stateReason ?? null } : {}),
        ...(withIssue && issue ? { issue: (0,render_issues/* renderIssue */.yi)(view, repo, issue) } : {}),
    };
}
/** The timeline: events, comments (`commented`) and reviews (`reviewed`), oldest first. */
function renderTimeline(view, repo, issueId) {
    const items = [];
    for (const event of view.store.where('event', `issue:${issueId}`))
        items.push({ at: event.createdAt, order: event.id, item: renderIssueEvent(view, repo, event) });
    for (const comment of view.store.where('comment', `issue:${issueId}`)) {
        const rendered = (0,render_issues/* renderComment */.wQ)(view, repo, comment);
        items.push({
            at: comment.createdAt,
            order: comment.id,
            item: { event: 'commented', actor: rendered.user, ...rendered },
        });
    }
    const issue = view.store.get('issue', issueId);
    if (issue?.pullId) {
        for (const review of view.store.where('review', `pull:${issue.pullId}`)) {
            if (review.state === 'PENDING')
                continue;
            items.push({
                at: review.submittedAt ?? '',
                order: review.id,
                item: {
                    event: 'reviewed',
                    ...(0,render_reviews/* renderReview */.F)(view, repo, review),
                    author_association: (0,permissions/* authorAssociation */.X7)(view.store, review.userId, repo),
                },
            });
        }
    }
    for (const reference of issue ? (0,cross_references/* crossReferences */.p)(view, repo, issue) : []) {
        const actor = (0,render_users/* simpleUserById */.kF)(view, reference.by);
        items.push({
            at: reference.at,
            order: Number.MAX_SAFE_INTEGER,
            item: {
                event: 'cross-referenced',
                actor,
                created_at: reference.at,
                updated_at: reference.at,
                source: { type: 'issue', issue: (0,render_issues/* renderIssue */.yi)(view, reference.sourceRepo, reference.source) },
            },
        });
    }
    return items.sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1)).map((entry) => entry.item);
}

;// CONCATENATED MODULE: ./src/clones/github/render/releases.ts



/** `release` (no assets: the clone stores none). */
function renderRelease(view, repo, release) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const url = `${view.urls.repo(name)}/releases/${release.id}`;
    const tag = encodeURIComponent(release.tagName);
    return {
        url,
        html_url: `${view.urls.repoHtml(name)}/releases/${release.draft ? `untagged-${release.id}` : `tag/${tag}`}`,
        assets_url: `${url}/assets`,
        upload_url: `${view.urls.web}/uploads/repos/${name}/releases/${release.id}/assets{?name,label}`,
        tarball_url: `${view.urls.repo(name)}/tarball/${tag}`,
        zipball_url: `${view.urls.repo(name)}/zipball/${tag}`,
        id: release.id,
        node_id: (0,urls/* nodeId */.s5)('Release', release.id),
        tag_name: release.tagName,
        target_commitish: release.targetCommitish,
        name: release.name,
        body: release.body,
        draft: release.draft,
        prerelease: release.prerelease,
        created_at: release.createdAt,
        published_at: release.publishedAt,
        author: (0,render_users/* simpleUserById */.kF)(view, release.authorId),
        assets: [],
    };
}
/** `tag`: a tag of the repository as `GET …/tags` lists it. */
function renderTag(view, repo, tag, sha) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const ref = encodeURIComponent(tag);
    return {
        name: tag,
        commit: { sha, url: `${view.urls.repo(name)}/commits/${sha}` },
        zipball_url: `${view.urls.repo(name)}/zipball/refs/tags/${ref}`,
        tarball_url: `${view.urls.repo(name)}/tarball/refs/tags/${ref}`,
        node_id: (0,urls/* shaNodeId */.g3)('Ref', `refs/tags/${tag}`),
    };
}

;// CONCATENATED MODULE: ./src/clones/github/render/activity.ts






/** The issue event names GitHub's activity feed reports as `IssuesEvent`/`PullRequestEvent` actions. */
const FEED_ACTIONS = new Set(['closed', 'reopened', 'labeled', 'unlabeled', 'assigned', 'unassigned']);
// Activity event ids are strings on GitHub; each source of events gets its own range so ids never collide.
const ID_RANGE = { opened: 1, issueEvent: 2, comment: 3, review: 4, release: 5, fork: 6 };
const activityId = (range, id) => String(ID_RANGE[range] * 10 ** 12 + id);
function activity_actor(view, userId) {
    const user = (0,render_users/* simpleUserById */.kF)(view, userId);
    return user
        ? {
            id: user.id,
            login: user.login,
            display_login: user.login,
            gravatar_id: '',
            url: user.url,
            avatar_url: user.avatar_url,
        }
        : null;
}
/** `IssuesEvent` for an issue, `PullRequestEvent` (with `number` and `pull_request`) for a pull request. */
function issueOrPull(view, repo, issue) {
    const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
    return pull
        ? {
            type: 'PullRequestEvent',
            subject: () => ({ number: issue.number, pull_request: (0,pulls/* renderPull */.S)(view, repo, issue, pull) }),
        }
        : { type: 'IssuesEvent', subject: () => ({ issue: (0,render_issues/* renderIssue */.yi)(view, repo, issue) }) };
}
function* activities(view, repo) {
    for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
        const { type, subject } = issueOrPull(view, repo, issue);
        yield {
            id: activityId('opened', issue.id),
            source: issue,
            type,
            actorId: issue.userId,
            createdAt: issue.createdAt,
            payload: () => ({ action: 'opened', ...subject() }),
        };
    }
    for (const event of view.store.where('event', `repo:${repo.id}`)) {
        if (!FEED_ACTIONS.has(event.event))
            continue;
        const issue = view.store.get('issue', event.issueId);
        if (!issue)
            continue;
        const { type, subject } = issueOrPull(view, repo, issue);
        yield {
            id: activityId('issueEvent', event.id),
            source: event,
            type,
            actorId: event.actorId,
            createdAt: event.createdAt,
            payload: () => ({
                action: event.event,
                ...subject(),
                ...(event.label ? { label: event.label } : {}),
                ...(event.assigneeId !== undefined ? { assignee: (0,render_users/* simpleUserById */.kF)(view, event.assigneeId) } : {}),
            }),
        };
    }
    for (const comment of view.store.where('comment', `repo:${repo.id}`)) {
        const issue = view.store.get('issue', comment.issueId);
        if (!issue)
            continue;
        yield {
            id: activityId('comment', comment.id),
            source: comment,
            type: 'IssueCommentEvent',
            actorId: comment.userId,
            createdAt: comment.createdAt,
            payload: () => ({
                action: 'created',
                issue: (0,render_issues/* renderIssue */.yi)(view, repo, issue),
                comment: (0,render_issues/* renderComment */.wQ)(view, repo, comment),
            }),
        };
    }
    for (const pull of view.store.where('pull', `repo:${repo.id}`)) {
        const issue = view.store.get('issue', pull.issueId);
        if (!issue)
            continue;
        for (const review of view.store.where('review', `pull:${pull.id}`)) {
            if (!review.submittedAt)
                continue;
            yield {
                id: activityId('review', review.id),
                source: review,
                type: 'PullRequestReviewEvent',
                actorId: review.userId,
                createdAt: review.submittedAt,
                payload: () => ({
                    action: 'created',
                    review: (0,render_reviews/* renderReview */.F)(view, repo, review),
                    pull_request: (0,pulls/* renderPull */.S)(view, repo, issue, pull),
                }),
            };
        }
    }
    for (const release of view.store.where('release', `repo:${repo.id}`)) {
        if (release.draft || !release.publishedAt)
            continue;
        yield {
            id: activityId('release', release.id),
            source: release,
            type: 'ReleaseEvent',
            actorId: release.authorId,
            createdAt: release.publishedAt,
            payload: () => ({ action: 'published', release: renderRelease(view, repo, release) }),
        };
    }
    for (const fork of view.store.all('repo')) {
        if (fork.forkOf !== repo.id)
            continue;
        yield {
            id: activityId('fork', fork.id),
            source: fork,
            type: 'ForkEvent',
            actorId: fork.ownerId,
            createdAt: fork.createdAt,
            payload: () => ({ forkee: (0,render_repos/* renderRepo */.ZY)(view, fork) }),
        };
    }
}
/**
 * The repository's activity feed (`GET /repos/{owner}/{repo}/events`), newest first, derived from
 * what the state records: issues and pull requests opened, their closed, reopened, labeled,
 * unlabeled, assigned and unassigned events, comments, submitted reviews, published releases and
 * forks. Pushes and branch or tag creation are not recorded, so they are not in the feed.
 */
function repoActivity(view, repo) {
    const name = (0,render_repos/* fullName */.fq)(view, repo);
    const owner = view.store.get('user', repo.ownerId);
    const org = owner?.type === 'Organization' ? activity_actor(view, owner.id) : null;
    const order = (activity) => view.store.insertionOrder(activity.source);
    const feed = [...activities(view, repo)].sort((a, b) => a.createdAt === b.createdAt ? order(b) - order(a) : a.createdAt < b.createdAt ? 1 : -1);
    return feed.map((activity) => () => ({
        id: activity.id,
        type: activity.type,
        actor: activity_actor(view, activity.actorId),
        repo: { id: repo.id, name, url: view.urls.repo(name) },
        ...(org ? { org } : {}),
        payload: activity.payload(),
        public: !repo.private,
        created_at: activity.createdAt,
    }));
}

;// CONCATENATED MODULE: ./src/clones/github/routes/events.ts









const eventRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/events',
        operationId: 'activity/list-repo-events',
        docs: 'activity/events#list-repository-events',
        cache: true,
        handler: (ctx) => okPage(ctx, repoActivity(ctx, (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata)), (render) => render()),
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/events',
        operationId: 'issues/list-events-for-repo',
        docs: 'issues/events#list-issue-events-for-a-repository',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const events = ctx.store.where('event', `repo:${repo.id}`).sort((a, b) => b.id - a.id);
            return okPage(ctx, events, (e) => renderIssueEvent(ctx, repo, e, true));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/events/{event_id}',
        operationId: 'issues/get-event',
        docs: 'issues/events#get-an-issue-event',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const event = ctx.store.get('event', (0,lookup/* intParam */.pL)(ctx, 'event_id'));
            if (!event || event.repoId !== repo.id)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(renderIssueEvent(ctx, repo, event, true));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/events',
        operationId: 'issues/list-events',
        docs: 'issues/events#list-issue-events',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return okPage(ctx, ctx.store.where('event', `issue:${issue.id}`).sort((a, b) => a.id - b.id), (e) => renderIssueEvent(ctx, repo, e));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/timeline',
        operationId: 'issues/list-events-for-timeline',
        docs: 'issues/timeline#list-timeline-events-for-an-issue',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return okPage(ctx, renderTimeline(ctx, repo, issue.id));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
        operationId: 'reactions/list-for-issue-comment',
        docs: 'reactions/reactions#list-reactions-for-an-issue-comment',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const { comment } = findComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return listReactions(ctx, ctx.store.where('reaction', `comment:${comment.id}`));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
        operationId: 'reactions/create-for-issue-comment',
        docs: 'reactions/reactions#create-reaction-for-an-issue-comment',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const { comment } = findComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return react(ctx, repo, { kind: 'issue_comment', commentId: comment.id }, ctx.store.where('reaction', `comment:${comment.id}`));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}',
        operationId: 'reactions/delete-for-issue-comment',
        docs: 'reactions/reactions#delete-an-issue-comment-reaction',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const { comment } = findComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return unreact(ctx, ctx.store.where('reaction', `comment:${comment.id}`));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions',
        operationId: 'reactions/list-for-issue',
        docs: 'reactions/reactions#list-reactions-for-an-issue',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return listReactions(ctx, ctx.store.where('reaction', `issue:${issue.id}`));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions',
        operationId: 'reactions/create-for-issue',
        docs: 'reactions/reactions#create-reaction-for-an-issue',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return react(ctx, repo, { kind: 'issue', issueId: issue.id }, ctx.store.where('reaction', `issue:${issue.id}`));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}',
        operationId: 'reactions/delete-for-issue',
        docs: 'reactions/reactions#delete-an-issue-reaction',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return unreact(ctx, ctx.store.where('reaction', `issue:${issue.id}`));
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/languages.ts
var languages = __webpack_require__(13850);
;// CONCATENATED MODULE: ./src/clones/github/render/gists.ts



/** A file's media type, as GitHub guesses it from the name. */
function fileType(name) {
    if (/\.md$/i.test(name))
        return 'text/markdown';
    if (/\.json$/i.test(name))
        return 'application/json';
    if (/\.(js|mjs|cjs)$/i.test(name))
        return 'application/javascript';
    return 'text/plain';
}
/**
 * A file's language as a gist shows it: prose and data too (which a repository's language statistics
 * leave out), and plain text for what is not recognised — the API describes it as always a string.
 */
function fileLanguage(name) {
    if (/\.(md|markdown)$/i.test(name))
        return 'Markdown';
    if (/\.json$/i.test(name))
        return 'JSON';
    if (/\.ya?ml$/i.test(name))
        return 'YAML';
    return (0,languages/* languageOf */.e)(name) ?? 'Text';
}
/** A gist as GitHub's JSON shows it; lists leave out the files' contents, its forks and its parent. */
function renderGist(view, gist, withContent = true) {
    return {
        ...gistFields(view, gist, withContent),
        ...(withContent ? { forks: forksOf(view, gist), history: [], fork_of: parentOf(view, gist) } : {}),
    };
}
/** The forks of `gist` as `GET /gists/{gist_id}` lists them (oldest first). */
function forksOf(view, gist) {
    return view.store
        .where('gist', `fork:${gist.id}`)
        .sort((a, b) => a.id - b.id)
        .map((fork) => {
        const owner = view.store.get('user', fork.ownerId);
        return {
            id: fork.key,
            url: `${view.urls.api}/gists/${fork.key}`,
            user: owner ? (0,render_users/* fullUser */.$S)(view, owner, false) : null,
            created_at: fork.createdAt,
            updated_at: fork.updatedAt,
        };
    });
}
/** The gist `gist` was forked from, without its files' contents; null when it was not forked (or that gist is gone). */
function parentOf(view, gist) {
    const parent = gist.forkOfId === null ? undefined : view.store.get('gist', gist.forkOfId);
    return parent ? gistFields(view, parent, false) : null;
}
/** A gist comment as GitHub's JSON shows it. */
function renderGistComment(view, gist, comment) {
    return {
        id: comment.id,
        node_id: (0,urls/* nodeId */.s5)('GistComment', comment.id),
        url: `${view.urls.api}/gists/${gist.key}/comments/${comment.id}`,
        body: comment.body,
        user: (0,render_users/* simpleUserById */.kF)(view, comment.userId),
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
        author_association: comment.userId === gist.ownerId ? 'OWNER' : 'NONE',
    };
}
function gistFields(view, gist, withContent) {
    const owner = view.store.get('user', gist.ownerId);
    const url = `${view.urls.api}/gists/${gist.key}`;
    const files = {};
    for (const [name, content] of gist.files) {
        const raw = `${view.urls.web}/gist/${owner?.login ?? 'ghost'}/${gist.key}/raw/${encodeURIComponent(name)}`;
        files[name] = {
            filename: name,
            type: fileType(name),
            language: fileLanguage(name),
            raw_url: raw,
            size: Buffer.byteLength(content),
            ...(withContent ? { truncated: false, content } : {}),
        };
    }
    return {
        url,
        forks_url: `${url}/forks`,
        commits_url: `${url}/commits`,
        id: gist.key,
        node_id: (0,urls/* nodeId */.s5)('Gist', gist.id),
        git_pull_url: `${view.urls.web}/gist/${gist.key}.git`,
        git_push_url: `${view.urls.web}/gist/${gist.key}.git`,
        html_url: `${view.urls.web}/gist/${owner?.login ?? 'ghost'}/${gist.key}`,
        files,
        public: gist.public,
        created_at: gist.createdAt,
        updated_at: gist.updatedAt,
        description: gist.description,
        comments: view.store.countWhere('gistComment', `gist:${gist.id}`),
        comments_enabled: true,
        user: null,
        comments_url: `${url}/comments`,
        owner: (0,render_users/* simpleUserById */.kF)(view, gist.ownerId),
        truncated: false,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/clones/github/routes/users.ts






/** The organization `{org}` of the path (404 for a user account or nobody). */
function orgParam(ctx) {
    const account = (0,lookup/* userParam */.zO)(ctx, 'org');
    const org = account.type === 'Organization' ? ctx.store.get('org', account.id) : undefined;
    if (!org)
        throw (0,errors/* notFound */.mX)();
    return { account, org };
}
/** The signed-in user (a user token; installation tokens have no user, as on GitHub). */
function signedInUser(ctx) {
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (!user || ctx.actor.kind !== 'user')
        throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
    return user;
}
const userRoutes = [
    {
        method: 'GET',
        path: '/user',
        operationId: 'users/get-authenticated',
        docs: 'users/users#get-the-authenticated-user',
        handler: (ctx) => {
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (!user || ctx.actor.kind === 'installation')
                throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
            return (0,route.ok)((0,render_users/* fullUser */.$S)(ctx, user, true));
        },
    },
    {
        method: 'GET',
        path: '/users/{username}',
        operationId: 'users/get-by-username',
        docs: 'users/users#get-a-user',
        handler: (ctx) => {
            const user = (0,lookup/* userParam */.zO)(ctx);
            return (0,route.ok)((0,render_users/* fullUser */.$S)(ctx, user, false));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}',
        operationId: 'orgs/get',
        docs: 'orgs/orgs#get-an-organization',
        handler: (ctx) => {
            const account = (0,lookup/* userParam */.zO)(ctx, 'org');
            if (account.type !== 'Organization')
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,render_users/* fullOrg */.qr)(ctx, account));
        },
    },
    {
        method: 'GET',
        path: '/user/orgs',
        operationId: 'orgs/list-for-authenticated-user',
        docs: 'orgs/orgs#list-organizations-for-the-authenticated-user',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const orgs = [...ctx.store.all('org')]
                .filter((org) => org.members.has(user.id))
                .sort((a, b) => a.id - b.id)
                .map((org) => ctx.store.get('user', org.id));
            return okPage(ctx, orgs, (account) => (0,render_users/* webhookOrg */.EL)(ctx, account));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/members',
        operationId: 'orgs/list-members',
        docs: 'orgs/members#list-organization-members',
        handler: (ctx) => {
            const { org } = orgParam(ctx);
            const role = ctx.query.get('role') ?? 'all';
            if (role !== 'all' && role !== 'admin' && role !== 'member')
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Organization', field: 'role', code: 'invalid' }],
                });
            const members = [...org.members]
                .filter(([, memberRole]) => role === 'all' || memberRole === role)
                .map(([id]) => ctx.store.get('user', id))
                .filter((user) => user !== undefined)
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, members, (user) => (0,render_users/* simpleUser */.U5)(ctx, user));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/members/{username}',
        operationId: 'orgs/check-membership-for-user',
        docs: 'orgs/members#check-organization-membership-for-a-user',
        handler: (ctx) => {
            const { org } = orgParam(ctx);
            if (!org.members.has((0,lookup/* userParam */.zO)(ctx).id))
                throw (0,errors/* notFound */.mX)();
            return (0,route/* noContent */.V$)();
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/gists.ts









// GitHub takes `public` as a boolean or as the strings "true"/"false".
const publicFlag = schemas/* union */.KCZ([schemas/* boolean */.zMY(), schemas/* enum */.k5n(['true', 'false']).transform((value) => value === 'true')]);
const gists_createSchema = schemas/* object */.Ikc({
    description: schemas/* string */.YjP().nullable().optional(),
    public: publicFlag.optional(),
    files: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ content: schemas/* string */.YjP() })),
});
const gists_updateSchema = schemas/* object */.Ikc({
    description: schemas/* string */.YjP().nullable().optional(),
    files: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ content: schemas/* string */.YjP().optional(), filename: schemas/* string */.YjP().nullable().optional() }).nullable())
        .optional(),
});
/** GitHub's 422 for a gist whose files are missing or empty. */
function invalidFiles() {
    return new errors/* ApiError */.hD(422, 'Validation Failed', {
        errors: [{ resource: 'Gist', code: 'missing_field', field: 'files' }],
    });
}
/** The gist `{gist_id}` names; anyone with its id may read it (secret gists are unlisted, not private). */
function gistParam(ctx) {
    const [gist] = ctx.store.where('gist', `key:${ctx.params.gist_id ?? ''}`);
    if (!gist)
        throw (0,errors/* notFound */.mX)();
    return gist;
}
/** A gist the signed-in user owns; others get 404, as GitHub answers them. */
function ownGist(ctx) {
    const user = signedInUser(ctx);
    const gist = gistParam(ctx);
    if (gist.ownerId !== user.id)
        throw (0,errors/* notFound */.mX)();
    return gist;
}
/** Stores a new gist of `owner`'s, its id GitHub-shaped (32 hex digits). */
function insertGist(ctx, owner, fields) {
    const id = ctx.store.nextId('gist');
    return ctx.store.insert(ctx.journal, 'gist', {
        id,
        key: (0,external_node_crypto_.createHash)('sha1').update(`gist:${id}`).digest('hex').slice(0, 32),
        ownerId: owner.id,
        ...fields,
        starredBy: [],
        createdAt: ctx.now,
        updatedAt: ctx.now,
    });
}
/** `PUT`/`DELETE /gists/{gist_id}/star`: the signed-in user stars or unstars the gist (idempotent). */
function setStar(ctx, starred) {
    const user = signedInUser(ctx);
    const gist = gistParam(ctx);
    const others = gist.starredBy.filter((id) => id !== user.id);
    ctx.store.update(ctx.journal, 'gist', gist, { starredBy: starred ? [...others, user.id] : others });
    return (0,route/* noContent */.V$)();
}
const newest = (gists, since) => gists
    .filter((gist) => !since || gist.updatedAt >= since)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
const gistRoutes = [
    {
        method: 'POST',
        path: '/gists',
        operationId: 'gists/create',
        docs: 'gists/gists#create-a-gist',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const input = parseBody(ctx, gists_createSchema);
            const files = Object.entries(input.files);
            if (files.length === 0 || files.some(([, file]) => file.content === ''))
                throw invalidFiles();
            const gist = insertGist(ctx, user, {
                description: input.description ?? null,
                public: input.public ?? false,
                files: new Map(files.map(([name, file]) => [name, file.content])),
                forkOfId: null,
            });
            const body = renderGist(ctx, gist);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/gists',
        operationId: 'gists/list',
        docs: 'gists/gists#list-gists-for-the-authenticated-user',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const gists = newest(ctx.store.where('gist', `owner:${user.id}`), ctx.query.get('since'));
            return okPage(ctx, gists, (gist) => renderGist(ctx, gist, false));
        },
    },
    {
        method: 'GET',
        path: '/gists/{gist_id}',
        operationId: 'gists/get',
        docs: 'gists/gists#get-a-gist',
        handler: (ctx) => (0,route.ok)(renderGist(ctx, gistParam(ctx))),
    },
    {
        method: 'PATCH',
        path: '/gists/{gist_id}',
        operationId: 'gists/update',
        docs: 'gists/gists#update-a-gist',
        handler: (ctx) => {
            const gist = ownGist(ctx);
            const input = parseBody(ctx, gists_updateSchema);
            const files = new Map(gist.files);
            for (const [name, change] of Object.entries(input.files ?? {})) {
                // null deletes the file; `filename` renames it; `content` replaces its text.
                if (change === null || change.filename === null) {
                    files.delete(name);
                    continue;
                }
                const content = change.content ?? files.get(name);
                if (content === undefined)
                    throw invalidFiles();
                files.delete(name);
                files.set(change.filename ?? name, content);
            }
            if (files.size === 0)
                throw invalidFiles();
            ctx.store.update(ctx.journal, 'gist', gist, {
                files,
                ...(input.description !== undefined ? { description: input.description } : {}),
                updatedAt: ctx.now,
            });
            return (0,route.ok)(renderGist(ctx, gist));
        },
    },
    {
        method: 'DELETE',
        path: '/gists/{gist_id}',
        operationId: 'gists/delete',
        docs: 'gists/gists#delete-a-gist',
        handler: (ctx) => {
            const gist = ownGist(ctx);
            // Its comments go with it; its forks stay, as gists of their own.
            for (const comment of ctx.store.where('gistComment', `gist:${gist.id}`))
                ctx.store.remove(ctx.journal, 'gistComment', comment);
            for (const fork of ctx.store.where('gist', `fork:${gist.id}`))
                ctx.store.update(ctx.journal, 'gist', fork, { forkOfId: null });
            ctx.store.remove(ctx.journal, 'gist', gist);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'POST',
        path: '/gists/{gist_id}/forks',
        operationId: 'gists/fork',
        docs: 'gists/gists#fork-a-gist',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const gist = gistParam(ctx);
            if (gist.ownerId === user.id)
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Gist', code: 'custom', message: 'You cannot fork your own gist.' }],
                });
            const body = renderGist(ctx, insertGist(ctx, user, {
                description: gist.description,
                public: gist.public,
                files: new Map(gist.files),
                forkOfId: gist.id,
            }));
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/gists/{gist_id}/forks',
        operationId: 'gists/list-forks',
        docs: 'gists/gists#list-gist-forks',
        handler: (ctx) => {
            const forks = ctx.store.where('gist', `fork:${gistParam(ctx).id}`).sort((a, b) => a.id - b.id);
            return okPage(ctx, forks, (fork) => renderGist(ctx, fork));
        },
    },
    {
        method: 'GET',
        path: '/gists/{gist_id}/star',
        operationId: 'gists/check-is-starred',
        docs: 'gists/gists#check-if-a-gist-is-starred',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            // "Not starred" is a 404 with an empty object, as the API describes it.
            return gistParam(ctx).starredBy.includes(user.id) ? (0,route/* noContent */.V$)() : (0,route/* json */.Pq)(404, {});
        },
    },
    {
        method: 'PUT',
        path: '/gists/{gist_id}/star',
        operationId: 'gists/star',
        docs: 'gists/gists#star-a-gist',
        handler: (ctx) => setStar(ctx, true),
    },
    {
        method: 'DELETE',
        path: '/gists/{gist_id}/star',
        operationId: 'gists/unstar',
        docs: 'gists/gists#unstar-a-gist',
        handler: (ctx) => setStar(ctx, false),
    },
    {
        method: 'GET',
        path: '/users/{username}/gists',
        operationId: 'gists/list-for-user',
        docs: 'gists/gists#list-gists-for-a-user',
        handler: (ctx) => {
            const user = (0,lookup/* userParam */.zO)(ctx);
            const self = ctx.actor.kind === 'user' && ctx.actor.user.id === user.id;
            const gists = ctx.store.where('gist', `owner:${user.id}`).filter((gist) => gist.public || self);
            return okPage(ctx, newest(gists, ctx.query.get('since')), (gist) => renderGist(ctx, gist, false));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/gist-comments.ts








const gist_comments_bodySchema = schemas/* object */.Ikc({ body: schemas/* string */.YjP() });
/** The comment body a request sends: GitHub refuses an empty one with a 422. */
function commentBody(ctx) {
    const { body } = parseBody(ctx, gist_comments_bodySchema);
    if (body.trim() === '')
        throw new errors/* ApiError */.hD(422, 'Validation Failed', {
            errors: [{ resource: 'GistComment', code: 'missing_field', field: 'body' }],
        });
    return body;
}
/** The comment `{comment_id}` of the gist `{gist_id}` names. */
function commentParam(ctx) {
    const gist = gistParam(ctx);
    const comment = ctx.store.get('gistComment', Number(ctx.params.comment_id));
    if (!comment || comment.gistId !== gist.id)
        throw (0,errors/* notFound */.mX)();
    return { gist, comment };
}
const gistCommentRoutes = [
    {
        method: 'GET',
        path: '/gists/{gist_id}/comments',
        operationId: 'gists/list-comments',
        docs: 'gists/comments#list-gist-comments',
        handler: (ctx) => {
            const gist = gistParam(ctx);
            const comments = ctx.store.where('gistComment', `gist:${gist.id}`).sort((a, b) => a.id - b.id);
            return okPage(ctx, comments, (comment) => renderGistComment(ctx, gist, comment));
        },
    },
    {
        method: 'POST',
        path: '/gists/{gist_id}/comments',
        operationId: 'gists/create-comment',
        docs: 'gists/comments#create-a-gist-comment',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const gist = gistParam(ctx);
            const comment = ctx.store.insert(ctx.journal, 'gistComment', {
                id: ctx.store.nextId('gistComment'),
                gistId: gist.id,
                userId: user.id,
                body: commentBody(ctx),
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            const body = renderGistComment(ctx, gist, comment);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/gists/{gist_id}/comments/{comment_id}',
        operationId: 'gists/get-comment',
        docs: 'gists/comments#get-a-gist-comment',
        handler: (ctx) => {
            const { gist, comment } = commentParam(ctx);
            return (0,route.ok)(renderGistComment(ctx, gist, comment));
        },
    },
    {
        method: 'PATCH',
        path: '/gists/{gist_id}/comments/{comment_id}',
        operationId: 'gists/update-comment',
        docs: 'gists/comments#update-a-gist-comment',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const { gist, comment } = commentParam(ctx);
            // Only its author edits a comment; others get 404, as GitHub answers them.
            if (comment.userId !== user.id)
                throw (0,errors/* notFound */.mX)();
            ctx.store.update(ctx.journal, 'gistComment', comment, { body: commentBody(ctx), updatedAt: ctx.now });
            return (0,route.ok)(renderGistComment(ctx, gist, comment));
        },
    },
    {
        method: 'DELETE',
        path: '/gists/{gist_id}/comments/{comment_id}',
        operationId: 'gists/delete-comment',
        docs: 'gists/comments#delete-a-gist-comment',
        handler: (ctx) => {
            const user = signedInUser(ctx);
            const { gist, comment } = commentParam(ctx);
            // Its author or the gist's owner may delete it.
            if (comment.userId !== user.id && gist.ownerId !== user.id)
                throw (0,errors/* notFound */.mX)();
            ctx.store.remove(ctx.journal, 'gistComment', comment);
            return (0,route/* noContent */.V$)();
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/git/objects.ts + 2 modules
var objects = __webpack_require__(5198);
// EXTERNAL MODULE: ./src/clones/github/git/refs.ts
var refs = __webpack_require__(80513);
;// CONCATENATED MODULE: ./src/clones/github/routes/git-data.ts



















const sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/);
const gitIdentity = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), email: schemas/* string */.YjP(), date: schemas/* string */.YjP().optional() });
const createRefSchema = schemas/* object */.Ikc({ ref: schemas/* string */.YjP().min(1), sha });
const updateRefSchema = schemas/* object */.Ikc({ sha, force: schemas/* boolean */.zMY().optional() });
const createBlobSchema = schemas/* object */.Ikc({ content: schemas/* string */.YjP(), encoding: schemas/* enum */.k5n(['utf-8', 'utf8', 'base64']).optional() });
const createCommitSchema = schemas/* object */.Ikc({
    message: schemas/* string */.YjP(),
    tree: sha,
    parents: schemas/* array */.YOg(sha).optional(),
    author: gitIdentity.optional(),
    committer: gitIdentity.optional(),
});
const treeEntry = schemas/* object */.Ikc({
    path: schemas/* string */.YjP().min(1),
    mode: schemas/* enum */.k5n(['100644', '100755', '040000', '160000', '120000']),
    type: schemas/* enum */.k5n(['blob', 'tree', 'commit']),
    sha: sha.nullable().optional(),
    content: schemas/* string */.YjP().optional(),
});
const createTreeSchema = schemas/* object */.Ikc({ tree: schemas/* array */.YOg(treeEntry), base_tree: sha.optional() });
function typeOf(repo, objectSha) {
    return repo.git.objects.read(objectSha)?.type ?? 'commit';
}
function matching(ctx, repo, prefix) {
    return [...repo.git.refs.list('refs/')]
        .filter(([ref]) => ref.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([ref, target]) => (0,git/* renderRef */.m7)(ctx, repo, ref, target, typeOf(repo, target)));
}
function treeEntries(ctx, repo, treeSha, recursive) {
    const repoUrl = ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo));
    const out = [];
    const walk = (sha, prefix) => {
        for (const entry of repo.git.readTree(sha) ?? []) {
            const path = prefix ? `${prefix}/${entry.name}` : entry.name;
            const isTree = (0,format/* isTreeMode */.AY)(entry.mode);
            const type = isTree ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob';
            const size = type === 'blob' ? repo.git.readBlob(entry.sha)?.length : undefined;
            out.push({
                path,
                mode: isTree ? '040000' : entry.mode,
                type,
                sha: entry.sha,
                ...(size !== undefined ? { size } : {}),
                url: `${repoUrl}/git/${type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
            });
            if (isTree && recursive)
                walk(entry.sha, path);
        }
    };
    walk(treeSha, '');
    return out;
}
const gitDataRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/ref/{ref+}',
        operationId: 'git/get-ref',
        docs: 'git/refs#get-a-reference',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            if (repo.git.branches().size === 0)
                throw new errors/* ApiError */.hD(409, 'Git Repository is empty.');
            const ref = `refs/${ctx.params.ref}`;
            const target = repo.git.refs.get(ref);
            if (!target)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,git/* renderRef */.m7)(ctx, repo, ref, target, typeOf(repo, target)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/matching-refs/{ref*}',
        operationId: 'git/list-matching-refs',
        docs: 'git/refs#list-matching-references',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            if (repo.git.branches().size === 0)
                throw new errors/* ApiError */.hD(409, 'Git Repository is empty.');
            return (0,route.ok)(matching(ctx, repo, `refs/${ctx.params.ref ?? ''}`));
        },
    },
    {
        // What get-a-reference and list-matching-references were before GitHub split them; PyGithub,
        // older SDKs and `gh api …/git/refs/heads/main` scripts still call it: one ref when the name is
        // a ref, else the refs it is a prefix of (all of them without a name), else 404.
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/refs/{ref*}',
        operationId: 'git/list-refs',
        docs: 'git/refs#get-a-reference',
        undocumented: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            if (repo.git.branches().size === 0)
                throw new errors/* ApiError */.hD(409, 'Git Repository is empty.');
            const ref = ctx.params.ref ? `refs/${ctx.params.ref}` : 'refs/';
            const target = ctx.params.ref ? repo.git.refs.get(ref) : undefined;
            if (target)
                return (0,route.ok)((0,git/* renderRef */.m7)(ctx, repo, ref, target, typeOf(repo, target)));
            const refs = matching(ctx, repo, ref);
            if (refs.length === 0)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(refs);
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/git/refs',
        operationId: 'git/create-ref',
        docs: 'git/refs#create-a-reference',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const input = parseBody(ctx, createRefSchema);
            if (!input.ref.startsWith('refs/') || input.ref.split('/').length < 3 || !(0,refs/* isValidRefName */.h8)(input.ref))
                throw new errors/* ApiError */.hD(422, `${input.ref} is not a valid ref name.`);
            if (!repo.git.objects.has(input.sha))
                throw new errors/* ApiError */.hD(422, 'Object does not exist');
            await (0,git_write/* withRepoLock */.Aq)(ctx, repo, async () => {
                if (repo.git.refs.get(input.ref))
                    throw new errors/* ApiError */.hD(422, 'Reference already exists');
                await (0,git_write/* moveRef */.LH)(ctx, repo, input.ref, input.sha, null);
            });
            const body = (0,git/* renderRef */.m7)(ctx, repo, input.ref, input.sha, typeOf(repo, input.sha));
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/git/refs/{ref+}',
        operationId: 'git/update-ref',
        docs: 'git/refs#update-a-reference',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const ref = `refs/${ctx.params.ref}`;
            const input = parseBody(ctx, updateRefSchema);
            await (0,git_write/* withRepoLock */.Aq)(ctx, repo, async () => {
                const current = repo.git.refs.get(ref);
                if (!current)
                    throw new errors/* ApiError */.hD(422, 'Reference does not exist');
                if (!repo.git.readCommit(input.sha))
                    throw new errors/* ApiError */.hD(422, 'Object does not exist');
                if (!input.force && !(0,git_history/* isAncestor */.QX)(repo.git, current, input.sha))
                    throw new errors/* ApiError */.hD(422, 'Update is not a fast forward');
                await (0,git_write/* moveRef */.LH)(ctx, repo, ref, input.sha, current);
            });
            return (0,route.ok)((0,git/* renderRef */.m7)(ctx, repo, ref, input.sha));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/git/refs/{ref+}',
        operationId: 'git/delete-ref',
        docs: 'git/refs#delete-a-reference',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const ref = `refs/${ctx.params.ref}`;
            await (0,git_write/* withRepoLock */.Aq)(ctx, repo, async () => {
                const current = repo.git.refs.get(ref);
                if (!current)
                    throw new errors/* ApiError */.hD(422, 'Reference does not exist');
                if (ref === `refs/heads/${repo.defaultBranch}`)
                    throw new errors/* ApiError */.hD(422, 'Cannot delete the default branch');
                await (0,git_write/* moveRef */.LH)(ctx, repo, ref, null, current);
            });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
        operationId: 'git/get-commit',
        docs: 'git/commits#get-a-commit-object',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const commit = repo.git.readCommit(ctx.params.commit_sha);
            if (!commit)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,git/* renderGitCommit */.Sd)(ctx, repo, ctx.params.commit_sha, commit));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/git/commits',
        operationId: 'git/create-commit',
        docs: 'git/commits#create-a-commit',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const input = parseBody(ctx, createCommitSchema);
            if (repo.git.objects.read(input.tree)?.type !== 'tree')
                throw new errors/* ApiError */.hD(422, 'Tree SHA does not exist');
            for (const parent of input.parents ?? [])
                if (!repo.git.readCommit(parent))
                    throw new errors/* ApiError */.hD(422, 'Parent SHA does not exist or is not a commit object');
            const who = (0,identity/* identity */.D)((0,git_write/* pusherOf */.Bl)(ctx, repo));
            const person = (value) => (0,format/* personAt */.Td)(value?.name ?? who.name, value?.email ?? who.email, new Date(value?.date ?? ctx.now));
            const commit = {
                tree: input.tree,
                parents: input.parents ?? [],
                author: person(input.author ?? input.committer),
                committer: person(input.committer ?? input.author),
                message: input.message,
            };
            const commitSha = repo.git.writeCommit(commit);
            const body = (0,git/* renderGitCommit */.Sd)(ctx, repo, commitSha, commit);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/trees/{tree_sha+}',
        operationId: 'git/get-tree',
        docs: 'git/trees#get-a-tree',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const requested = ctx.params.tree_sha;
            let treeSha = (0,objects/* isSha */.HH)(requested) && repo.git.objects.read(requested)?.type === 'tree' ? requested : undefined;
            if (!treeSha) {
                const commitSha = (0,revision/* resolveRevision */.e)(repo, requested);
                treeSha = commitSha ? repo.git.readCommit(commitSha)?.tree : undefined;
            }
            if (!treeSha)
                throw (0,errors/* notFound */.mX)();
            const recursive = ['1', 'true'].includes(ctx.query.get('recursive') ?? '');
            return (0,route.ok)({
                sha: treeSha,
                url: `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/git/trees/${treeSha}`,
                tree: treeEntries(ctx, repo, treeSha, recursive),
                truncated: false,
            });
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/git/trees',
        operationId: 'git/create-tree',
        docs: 'git/trees#create-a-tree',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const input = parseBody(ctx, createTreeSchema);
            if (input.base_tree && repo.git.objects.read(input.base_tree)?.type !== 'tree')
                throw new errors/* ApiError */.hD(422, 'base_tree is not a valid tree oid');
            const changes = input.tree.map((entry) => {
                const path = normalizeRepoPath(entry.path);
                if (entry.content !== undefined) {
                    const blob = repo.git.writeBlob(Buffer.from(entry.content, 'utf8'));
                    return { path, entry: { mode: entry.mode, sha: blob } };
                }
                if (entry.sha === null || entry.sha === undefined)
                    return { path, entry: null };
                if (!repo.git.objects.has(entry.sha))
                    throw new errors/* ApiError */.hD(422, `tree.sha ${entry.sha} is not a valid ${entry.type}`);
                const mode = (entry.mode === '040000' ? '40000' : entry.mode);
                return { path, entry: { mode, sha: entry.sha } };
            });
            let treeSha;
            try {
                treeSha = (0,tree_edit/* editTree */.n)(repo.git, input.base_tree, changes);
            }
            catch (error) {
                if (error instanceof tree_edit/* TreeEditError */.Z)
                    throw new errors/* ApiError */.hD(422, error.message);
                throw error;
            }
            const body = {
                sha: treeSha,
                url: `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/git/trees/${treeSha}`,
                tree: treeEntries(ctx, repo, treeSha, false),
                truncated: false,
            };
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
        operationId: 'git/get-blob',
        docs: 'git/blobs#get-a-blob',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const data = repo.git.readBlob(ctx.params.file_sha);
            if (!data)
                throw (0,errors/* notFound */.mX)();
            if (/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? '')))
                return { kind: 'raw', status: 200, data, contentType: 'application/vnd.github.raw' };
            return (0,route.ok)({
                sha: ctx.params.file_sha,
                node_id: Buffer.from(`04:Blob${repo.id}:${ctx.params.file_sha}`).toString('base64'),
                size: data.length,
                url: `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/git/blobs/${ctx.params.file_sha}`,
                content: base64Lines(data),
                encoding: 'base64',
            });
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/git/blobs',
        operationId: 'git/create-blob',
        docs: 'git/blobs#create-a-blob',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const input = parseBody(ctx, createBlobSchema);
            const data = input.encoding === 'base64' ? decodeBase64(input.content) : Buffer.from(input.content, 'utf8');
            const blobSha = repo.git.writeBlob(data);
            const url = `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/git/blobs/${blobSha}`;
            return (0,route/* created */.zu)({ url, sha: blobSha }, { location: url });
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/git-tags.ts













const git_tags_person = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), email: schemas/* string */.YjP(), date: schemas/* string */.YjP().optional() });
const createTagSchema = schemas/* object */.Ikc({
    tag: schemas/* string */.YjP().min(1),
    message: schemas/* string */.YjP(),
    object: schemas/* string */.YjP(),
    type: schemas/* enum */.k5n(['commit', 'tree', 'blob']),
    tagger: git_tags_person.optional(),
});
function parseTag(data) {
    const text = data.toString('utf8');
    const split = text.indexOf('\n\n');
    const head = split === -1 ? text : text.slice(0, split);
    const field = (name) => new RegExp(`^${name} (.*)$`, 'm').exec(head)?.[1];
    const tagger = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(field('tagger') ?? '');
    const object = field('object');
    const type = field('type');
    const tag = field('tag');
    if (!object || !type || !tag)
        return undefined;
    return {
        object,
        type,
        tag,
        tagger: { name: tagger?.[1] ?? '', email: tagger?.[2] ?? '', seconds: Number(tagger?.[3] ?? 0) },
        message: split === -1 ? '' : text.slice(split + 2),
    };
}
/** `git-tag`. */
function git_tags_renderTag(ctx, repo, sha, tag) {
    const base = `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/git`;
    return {
        node_id: (0,urls/* nodeId */.s5)('Tag', Number.parseInt(sha.slice(0, 12), 16)),
        tag: tag.tag,
        sha,
        url: `${base}/tags/${sha}`,
        message: tag.message,
        tagger: {
            date: (0,format/* personDate */.IV)({ ...tag.tagger, offset: '+0000' }),
            email: tag.tagger.email,
            name: tag.tagger.name,
        },
        object: { sha: tag.object, type: tag.type, url: `${base}/${tag.type}s/${tag.object}` },
        verification: git/* UNSIGNED */.ke,
    };
}
/**
 * Annotated tag objects (what `git tag -a` makes): creating one does not create its ref, as on
 * GitHub, where `POST /git/refs` with `refs/tags/<name>` and the tag's sha follows.
 */
const gitTagRoutes = [
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/git/tags',
        operationId: 'git/create-tag',
        docs: 'git/tags#create-a-tag-object',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const input = parseBody(ctx, createTagSchema);
            if (!(0,objects/* isSha */.HH)(input.object) || repo.git.objects.read(input.object)?.type !== input.type)
                throw new errors/* ApiError */.hD(422, 'Object does not exist');
            const who = (0,identity/* identity */.D)((0,git_write/* pusherOf */.Bl)(ctx, repo));
            const tagger = (0,format/* personAt */.Td)(input.tagger?.name ?? who.name, input.tagger?.email ?? who.email, new Date(input.tagger?.date ?? ctx.now));
            const text = `object ${input.object}\ntype ${input.type}\ntag ${input.tag}\n` +
                `tagger ${tagger.name} <${tagger.email}> ${tagger.seconds} ${tagger.offset}\n\n${input.message}`;
            const sha = repo.git.objects.write('tag', Buffer.from(text, 'utf8'));
            const body = git_tags_renderTag(ctx, repo, sha, parseTag(Buffer.from(text, 'utf8')));
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/tags/{tag_sha}',
        operationId: 'git/get-tag',
        docs: 'git/tags#get-a-tag',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const sha = ctx.params.tag_sha ?? '';
            const object = (0,objects/* isSha */.HH)(sha) ? repo.git.objects.read(sha) : undefined;
            const tag = object?.type === 'tag' ? parseTag(object.data) : undefined;
            if (!tag)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(git_tags_renderTag(ctx, repo, sha, tag));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/domain/contributors.ts


/**
 * Who wrote the commits of the default branch, most commits first: authors matched to accounts by
 * email as GitHub does; the others are anonymous (one per email), which GitHub lists only on request.
 */
function repoContributors(view, repo, includeAnonymous) {
    const tip = repo.git.branch(repo.defaultBranch);
    if (!tip)
        return [];
    const byKey = new Map();
    for (const { commit } of (0,git_history/* logCommits */.Vg)(repo.git, [tip])) {
        const user = (0,git/* userForEmail */.$M)(view, commit.author.email);
        const key = user ? `user:${user.id}` : `email:${commit.author.email.toLowerCase()}`;
        const known = byKey.get(key);
        if (known)
            known.contributions++;
        else if (user)
            byKey.set(key, { kind: 'user', user, contributions: 1 });
        else
            byKey.set(key, { kind: 'anonymous', name: commit.author.name, email: commit.author.email, contributions: 1 });
    }
    return [...byKey.values()]
        .filter((entry) => includeAnonymous || entry.kind === 'user')
        .sort((a, b) => b.contributions - a.contributions || sortName(a).localeCompare(sortName(b)));
}
const sortName = (entry) => (entry.kind === 'user' ? entry.user.login : entry.email);

;// CONCATENATED MODULE: ./src/clones/github/routes/insights.ts







function renderContributor(ctx, entry) {
    switch (entry.kind) {
        case 'user':
            return { ...(0,render_users/* simpleUser */.U5)(ctx, entry.user), contributions: entry.contributions };
        case 'anonymous':
            return { type: 'Anonymous', name: entry.name, email: entry.email, contributions: entry.contributions };
    }
}
/** What the repository's code is made of and who wrote it, computed from its default branch. */
const insightRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/languages',
        operationId: 'repos/list-languages',
        docs: 'repos/repos#list-repository-languages',
        handler: (ctx) => (0,route.ok)(Object.fromEntries((0,languages/* repoLanguages */.C)((0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata)))),
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/contributors',
        operationId: 'repos/list-contributors',
        docs: 'repos/repos#list-repository-contributors',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
            const anon = ctx.query.get('anon');
            const contributors = repoContributors(ctx, repo, anon === '1' || anon === 'true');
            // GitHub answers an empty repository with 204 and no body.
            if (contributors.length === 0 && !repo.git.branch(repo.defaultBranch))
                return (0,route/* noContent */.V$)();
            return okPage(ctx, contributors, (entry) => renderContributor(ctx, entry));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/domain/issue-filters.ts

/**
 * The filters of `GET /repos/{owner}/{repo}/issues`: state, labels (all must match), assignee,
 * creator, mentioned, milestone, since; sorted by created/updated/comments.
 */
function filterIssues(store, repo, issues, query) {
    const state = query.get('state') ?? 'open';
    const labels = (query.get('labels') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
    const assignee = query.get('assignee');
    const creator = query.get('creator');
    const mentioned = query.get('mentioned');
    const milestone = query.get('milestone');
    const since = query.get('since');
    const sinceTime = since ? Date.parse(since) : undefined;
    if (since && Number.isNaN(sinceTime))
        throw new errors/* ApiError */.hD(422, 'Validation Failed', {
            errors: [{ resource: 'Issue', field: 'since', code: 'invalid', value: since }],
        });
    const loginId = (login) => store.userByLogin(login)?.id ?? -1;
    const labelNames = (issue) => issue.labelIds.map((id) => store.get('label', id)?.name.toLowerCase());
    let milestoneId;
    if (milestone && milestone !== '*' && milestone !== 'none' && repo) {
        milestoneId = store.where('milestone', `repo:${repo.id}`).find((m) => String(m.number) === milestone)?.id ?? -1;
    }
    const result = issues.filter((issue) => {
        if (state !== 'all' && issue.state !== state)
            return false;
        if (labels.length > 0) {
            const names = labelNames(issue);
            if (!labels.every((label) => names.includes(label)))
                return false;
        }
        if (assignee === 'none' && issue.assigneeIds.length > 0)
            return false;
        if (assignee === '*' && issue.assigneeIds.length === 0)
            return false;
        if (assignee && assignee !== 'none' && assignee !== '*' && !issue.assigneeIds.includes(loginId(assignee)))
            return false;
        if (creator && issue.userId !== loginId(creator))
            return false;
        if (mentioned && !`${issue.title}\n${issue.body ?? ''}`.toLowerCase().includes(`@${mentioned.toLowerCase()}`))
            return false;
        if (milestone === 'none' && issue.milestoneId !== null)
            return false;
        if (milestone === '*' && issue.milestoneId === null)
            return false;
        if (milestoneId !== undefined && issue.milestoneId !== milestoneId)
            return false;
        if (sinceTime !== undefined && Date.parse(issue.updatedAt) < sinceTime)
            return false;
        return true;
    });
    return sortIssues(store, result, query.get('sort') ?? 'created', query.get('direction') ?? 'desc');
}
function sortIssues(store, issues, sort, direction) {
    const key = (issue) => sort === 'updated'
        ? Date.parse(issue.updatedAt)
        : sort === 'comments'
            ? store.countWhere('comment', `issue:${issue.id}`)
            : Date.parse(issue.createdAt);
    const sign = direction === 'asc' ? 1 : -1;
    return [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}

;// CONCATENATED MODULE: ./src/clones/github/routes/issues.ts














const labelList = schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* object */.Ikc({ name: schemas/* string */.YjP() })]));
const milestoneValue = schemas/* union */.KCZ([schemas/* number */.aig().int(), schemas/* string */.YjP().regex(/^\d+$/)]).nullable();
const issues_createSchema = schemas/* object */.Ikc({
    title: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()]).transform(String),
    body: schemas/* string */.YjP().nullable().optional(),
    assignee: schemas/* string */.YjP().nullable().optional(),
    assignees: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    milestone: milestoneValue.optional(),
    labels: labelList.optional(),
});
const issues_updateSchema = schemas/* object */.Ikc({
    title: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()])
        .transform(String)
        .nullable()
        .optional(),
    body: schemas/* string */.YjP().nullable().optional(),
    assignee: schemas/* string */.YjP().nullable().optional(),
    assignees: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    state: schemas/* enum */.k5n(['open', 'closed']).optional(),
    state_reason: schemas/* enum */.k5n(['completed', 'not_planned', 'duplicate', 'reopened']).nullable().optional(),
    milestone: milestoneValue.optional(),
    labels: labelList.optional(),
});
const lockSchema = schemas/* object */.Ikc({ lock_reason: schemas/* enum */.k5n(['off-topic', 'too heated', 'resolved', 'spam']).optional() });
function issueList(ctx, repo, issues) {
    return okPage(ctx, filterIssues(ctx.store, repo, issues, ctx.query), (issue) => (0,render_issues/* renderIssue */.yi)(ctx, ctx.store.get('repo', issue.repoId), issue));
}
/** The signed-in user's issues across the repositories they can see (`filter`: assigned, created, mentioned, all). */
function issuesOfSignedInUser(ctx) {
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (!user || ctx.actor.kind !== 'user')
        throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
    const filter = ctx.query.get('filter') ?? 'assigned';
    const issues = [...ctx.store.all('issue')].filter((issue) => {
        const repo = ctx.store.get('repo', issue.repoId);
        if (!(0,permissions/* actorRole */.k_)(ctx.store, ctx.actor, repo))
            return false;
        if (filter === 'created')
            return issue.userId === user.id;
        if (filter === 'all' || filter === 'repos')
            return true;
        if (filter === 'mentioned')
            return `${issue.body ?? ''}`.includes(`@${user.login}`);
        return issue.assigneeIds.includes(user.id);
    });
    // Across repositories, each issue names its repository, as GitHub's answer does.
    return okPage(ctx, filterIssues(ctx.store, undefined, issues, ctx.query), (issue) => {
        const repo = ctx.store.get('repo', issue.repoId);
        return { ...(0,render_issues/* renderIssue */.yi)(ctx, repo, issue), repository: (0,render_repos/* renderRepo */.ZY)(ctx, repo) };
    });
}
const issueRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues',
        operationId: 'issues/list-for-repo',
        docs: 'issues/issues#list-repository-issues',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return issueList(ctx, repo, ctx.store.where('issue', `repo:${repo.id}`));
        },
    },
    {
        method: 'GET',
        path: '/issues',
        operationId: 'issues/list',
        docs: 'issues/issues#list-issues-assigned-to-the-authenticated-user',
        handler: (ctx) => issuesOfSignedInUser(ctx),
    },
    {
        method: 'GET',
        path: '/user/issues',
        operationId: 'issues/list-for-authenticated-user',
        docs: 'issues/issues#list-user-account-issues-assigned-to-the-authenticated-user',
        handler: (ctx) => issuesOfSignedInUser(ctx),
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues',
        operationId: 'issues/create',
        docs: 'issues/issues#create-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            if (!repo.hasIssues)
                throw new errors/* ApiError */.hD(410, 'Issues are disabled for this repo');
            const input = parseBody(ctx, issues_createSchema);
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            // Without triage rights GitHub silently drops labels, assignees and milestone.
            const triage = (0,issues/* canTriage */.TH)(ctx, repo);
            const logins = [...(input.assignees ?? []), ...(input.assignee ? [input.assignee] : [])];
            const assignees = triage ? (0,issues/* resolveAssignees */.Dj)(ctx, repo, logins) : [];
            const milestoneId = triage && input.milestone !== undefined ? (0,issues/* resolveMilestone */.$M)(ctx, repo, input.milestone) : null;
            const issue = (0,issues/* insertIssue */.FV)(ctx, repo, user, { title: input.title, body: input.body });
            await (0,payloads/* emitIssueEvent */.xZ)(ctx, repo, issue, 'opened');
            if (triage && input.labels)
                await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, (0,issues/* resolveLabels */.iW)(ctx, repo, input.labels));
            if (assignees.length > 0)
                await (0,issues/* setIssueAssignees */.yL)(ctx, repo, issue, assignees);
            if (milestoneId !== null)
                await (0,issues/* setIssueMilestone */.wv)(ctx, repo, issue, milestoneId);
            const body = (0,render_issues/* renderIssue */.yi)(ctx, repo, issue);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}',
        operationId: 'issues/get',
        docs: 'issues/issues#get-an-issue',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return (0,route.ok)((0,render_issues/* renderIssue */.yi)(ctx, repo, (0,lookup/* issueParam */.rJ)(ctx, repo), { closedBy: true }));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/issues/{issue_number}',
        operationId: 'issues/update',
        docs: 'issues/issues#update-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesParticipate);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const input = parseBody(ctx, issues_updateSchema);
            (0,issues/* requireEditable */.Iz)(ctx, repo, issue);
            const triage = (0,issues/* canTriage */.TH)(ctx, repo, issue.pullId !== null);
            // Validate everything before changing anything: a 422 must leave the issue untouched.
            const logins = input.assignees !== undefined
                ? input.assignees
                : input.assignee !== undefined
                    ? input.assignee
                        ? [input.assignee]
                        : []
                    : undefined;
            const assignees = triage && logins !== undefined ? (0,issues/* resolveAssignees */.Dj)(ctx, repo, logins) : undefined;
            const milestoneId = triage && input.milestone !== undefined ? (0,issues/* resolveMilestone */.$M)(ctx, repo, input.milestone) : undefined;
            if (input.state_reason === 'reopened' && input.state === 'closed')
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Issue', field: 'state_reason', code: 'invalid' }],
                });
            await (0,issues/* editIssueText */.Bv)(ctx, repo, issue, { title: input.title ?? undefined, body: input.body });
            if (triage && input.labels !== undefined)
                await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, (0,issues/* resolveLabels */.iW)(ctx, repo, input.labels));
            if (assignees !== undefined)
                await (0,issues/* setIssueAssignees */.yL)(ctx, repo, issue, assignees);
            if (milestoneId !== undefined)
                await (0,issues/* setIssueMilestone */.wv)(ctx, repo, issue, milestoneId);
            const state = input.state ?? (input.state_reason === 'reopened' ? 'open' : undefined);
            if (state !== undefined)
                await (0,issues/* setIssueState */.zE)(ctx, repo, issue, state, input.state_reason ?? undefined);
            else if (input.state_reason && issue.state === 'closed')
                await (0,issues/* setIssueState */.zE)(ctx, repo, issue, 'closed', input.state_reason);
            return (0,route.ok)((0,render_issues/* renderIssue */.yi)(ctx, repo, issue, { closedBy: true }));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/lock',
        operationId: 'issues/lock',
        docs: 'issues/issues#lock-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const input = parseBody(ctx, lockSchema);
            if (!issue.locked) {
                ctx.store.update(ctx.journal, 'issue', issue, {
                    locked: true,
                    activeLockReason: input.lock_reason ?? null,
                    updatedAt: ctx.now,
                });
                (0,issue_events/* addIssueEvent */.r)(ctx, repo, issue, 'locked', { lockReason: input.lock_reason ?? null });
                await (0,payloads/* emitIssueEvent */.xZ)(ctx, repo, issue, 'locked');
            }
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/lock',
        operationId: 'issues/unlock',
        docs: 'issues/issues#unlock-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            if (issue.locked) {
                ctx.store.update(ctx.journal, 'issue', issue, { locked: false, activeLockReason: null, updatedAt: ctx.now });
                (0,issue_events/* addIssueEvent */.r)(ctx, repo, issue, 'unlocked');
                await (0,payloads/* emitIssueEvent */.xZ)(ctx, repo, issue, 'unlocked');
            }
            return (0,route/* noContent */.V$)();
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/webhooks/repo-events.ts
var repo_events = __webpack_require__(4333);
;// CONCATENATED MODULE: ./src/clones/github/routes/labels.ts










const color = schemas/* string */.YjP().regex(/^#?[0-9a-fA-F]{6}$/);
const labels_createSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1).max(50),
    color: color.optional(),
    description: schemas/* string */.YjP().max(100).nullable().optional(),
});
const labels_updateSchema = schemas/* object */.Ikc({
    new_name: schemas/* string */.YjP().min(1).max(50).optional(),
    color: color.optional(),
    description: schemas/* string */.YjP().max(100).nullable().optional(),
});
const labelsSchema = schemas/* object */.Ikc({ labels: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* object */.Ikc({ name: schemas/* string */.YjP() })])) });
function findLabel(ctx, repo, name) {
    const label = ctx.store.where('label', `repo:${repo.id}`).find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (!label)
        throw (0,errors/* notFound */.mX)();
    return label;
}
function ensureUnique(ctx, repo, name, except) {
    const clash = ctx.store
        .where('label', `repo:${repo.id}`)
        .some((label) => label !== except && label.name.toLowerCase() === name.toLowerCase());
    if (clash)
        throw (0,errors/* validationFailed */.$Y)([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
}
/** Labels routes accept a bare JSON array too (`["bug"]`), as GitHub does. */
function labelsBody(ctx) {
    const body = Array.isArray(ctx.body) ? { labels: ctx.body } : ctx.body;
    return parseBody({ ...ctx, body }, labelsSchema);
}
function issueLabels(ctx, repo, labelIds) {
    return labelIds
        .map((id) => ctx.store.get('label', id))
        .filter((label) => label !== undefined)
        .map((label) => (0,render_issues/* renderLabel */.Lx)(ctx, repo, label));
}
const labelRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/labels',
        operationId: 'issues/list-labels-for-repo',
        docs: 'issues/labels#list-labels-for-a-repository',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return okPage(ctx, ctx.store.where('label', `repo:${repo.id}`).sort((a, b) => a.id - b.id), (label) => (0,render_issues/* renderLabel */.Lx)(ctx, repo, label));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/labels',
        operationId: 'issues/create-label',
        docs: 'issues/labels#create-a-label',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const input = parseBody(ctx, labels_createSchema);
            ensureUnique(ctx, repo, input.name);
            const label = ctx.store.insert(ctx.journal, 'label', {
                id: ctx.store.nextId('label'),
                repoId: repo.id,
                name: input.name,
                color: (input.color ?? 'ededed').replace('#', '').toLowerCase(),
                description: input.description ?? null,
                isDefault: false,
            });
            (0,repo_events/* emitLabelEvent */.Yz)(ctx, repo, label, 'created');
            const body = (0,render_issues/* renderLabel */.Lx)(ctx, repo, label);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/labels/{name}',
        operationId: 'issues/get-label',
        docs: 'issues/labels#get-a-label',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return (0,route.ok)((0,render_issues/* renderLabel */.Lx)(ctx, repo, findLabel(ctx, repo, ctx.params.name)));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/labels/{name}',
        operationId: 'issues/update-label',
        docs: 'issues/labels#update-a-label',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const label = findLabel(ctx, repo, ctx.params.name);
            const input = parseBody(ctx, labels_updateSchema);
            if (input.new_name !== undefined)
                ensureUnique(ctx, repo, input.new_name, label);
            const before = { name: label.name, color: label.color, description: label.description };
            ctx.store.update(ctx.journal, 'label', label, {
                ...(input.new_name !== undefined ? { name: input.new_name } : {}),
                ...(input.color !== undefined ? { color: input.color.replace('#', '').toLowerCase() } : {}),
                ...(input.description !== undefined ? { description: input.description } : {}),
            });
            const changes = {};
            for (const field of ['name', 'color', 'description'])
                if (label[field] !== before[field])
                    changes[field] = { from: before[field] ?? '' };
            if (Object.keys(changes).length > 0)
                (0,repo_events/* emitLabelEvent */.Yz)(ctx, repo, label, 'edited', changes);
            return (0,route.ok)((0,render_issues/* renderLabel */.Lx)(ctx, repo, label));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/labels/{name}',
        operationId: 'issues/delete-label',
        docs: 'issues/labels#delete-a-label',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const label = findLabel(ctx, repo, ctx.params.name);
            // Deleting a label removes it from every issue, without labeled/unlabeled events (as on GitHub).
            for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
                if (issue.labelIds.includes(label.id))
                    ctx.store.update(ctx.journal, 'issue', issue, { labelIds: issue.labelIds.filter((id) => id !== label.id) });
            ctx.store.remove(ctx.journal, 'label', label);
            (0,repo_events/* emitLabelEvent */.Yz)(ctx, repo, label, 'deleted');
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
        operationId: 'issues/list-labels-on-issue',
        docs: 'issues/labels#list-labels-for-an-issue',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            return okPage(ctx, issueLabels(ctx, repo, issue.labelIds));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
        operationId: 'issues/add-labels',
        docs: 'issues/labels#add-labels-to-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const { labels } = labelsBody(ctx);
            const current = issue.labelIds.map((id) => ctx.store.get('label', id)).filter(Boolean);
            await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, [
                ...current,
                ...(0,issues/* resolveLabels */.iW)(ctx, repo, labels).filter((l) => !current.includes(l)),
            ]);
            return (0,route.ok)(issueLabels(ctx, repo, issue.labelIds));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
        operationId: 'issues/set-labels',
        docs: 'issues/labels#set-labels-for-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const { labels } = labelsBody(ctx);
            await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, (0,issues/* resolveLabels */.iW)(ctx, repo, labels));
            return (0,route.ok)(issueLabels(ctx, repo, issue.labelIds));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
        operationId: 'issues/remove-all-labels',
        docs: 'issues/labels#remove-all-labels-from-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, []);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
        operationId: 'issues/remove-label',
        docs: 'issues/labels#remove-a-label-from-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const label = (0,issues/* labelOn */.kD)(ctx, repo, issue, ctx.params.name);
            const rest = issue.labelIds.filter((id) => id !== label.id).map((id) => ctx.store.get('label', id));
            await (0,issues/* setIssueLabels */.ZC)(ctx, repo, issue, rest);
            return (0,route.ok)(issueLabels(ctx, repo, issue.labelIds));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/meta.ts


const metaRoutes = [
    {
        method: 'GET',
        path: '/',
        operationId: 'meta/root',
        docs: 'meta/meta#github-api-root',
        auth: 'public',
        handler: (ctx) => {
            const api = ctx.urls.api;
            return (0,route.ok)({
                current_user_url: `${api}/user`,
                current_user_authorizations_html_url: `${ctx.urls.web}/settings/connections/applications{/client_id}`,
                authorizations_url: `${api}/authorizations`,
                code_search_url: `${api}/search/code?q={query}{&page,per_page,sort,order}`,
                commit_search_url: `${api}/search/commits?q={query}{&page,per_page,sort,order}`,
                emails_url: `${api}/user/emails`,
                emojis_url: `${api}/emojis`,
                events_url: `${api}/events`,
                feeds_url: `${api}/feeds`,
                followers_url: `${api}/user/followers`,
                following_url: `${api}/user/following{/target}`,
                gists_url: `${api}/gists{/gist_id}`,
                hub_url: `${api}/hub`,
                issue_search_url: `${api}/search/issues?q={query}{&page,per_page,sort,order}`,
                issues_url: `${api}/issues`,
                keys_url: `${api}/user/keys`,
                label_search_url: `${api}/search/labels?q={query}&repository_id={repository_id}{&page,per_page}`,
                notifications_url: `${api}/notifications`,
                organization_url: `${api}/orgs/{org}`,
                organization_repositories_url: `${api}/orgs/{org}/repos{?type,page,per_page,sort}`,
                organization_teams_url: `${api}/orgs/{org}/teams`,
                public_gists_url: `${api}/gists/public`,
                rate_limit_url: `${api}/rate_limit`,
                repository_url: `${api}/repos/{owner}/{repo}`,
                repository_search_url: `${api}/search/repositories?q={query}{&page,per_page,sort,order}`,
                current_user_repositories_url: `${api}/user/repos{?type,page,per_page,sort}`,
                starred_url: `${api}/user/starred{/owner}{/repo}`,
                starred_gists_url: `${api}/gists/starred`,
                topic_search_url: `${api}/search/topics?q={query}{&page,per_page}`,
                user_url: `${api}/users/{user}`,
                user_organizations_url: `${api}/user/orgs`,
                user_repositories_url: `${api}/users/{user}/repos{?type,page,per_page,sort}`,
                user_search_url: `${api}/search/users?q={query}{&page,per_page,sort,order}`,
            });
        },
    },
    {
        method: 'GET',
        path: '/rate_limit',
        operationId: 'rate-limit/get',
        docs: 'rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
        auth: 'public',
        handler: (ctx) => {
            const { key } = (0,actor/* actorKey */.B)(ctx.actor);
            const now = Date.now();
            const describe = (resource) => {
                const state = ctx.core.limiter.peek(key, resource, now);
                return { limit: state.limit, used: state.used, remaining: state.remaining, reset: state.reset };
            };
            const core = describe('core');
            return (0,route.ok)({
                resources: { core, search: describe('search'), graphql: describe('graphql'), integration_manifest: core },
                rate: core,
            });
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/milestones.ts











const milestones_createSchema = schemas/* object */.Ikc({
    title: schemas/* string */.YjP().min(1),
    state: schemas/* enum */.k5n(['open', 'closed']).optional(),
    description: schemas/* string */.YjP().nullable().optional(),
    due_on: schemas/* string */.YjP().nullable().optional(),
});
const milestones_updateSchema = milestones_createSchema.partial();
const assigneesSchema = schemas/* object */.Ikc({ assignees: schemas/* array */.YOg(schemas/* string */.YjP()).optional() });
function findMilestone(ctx, repo) {
    const number = (0,lookup/* intParam */.pL)(ctx, 'milestone_number');
    const milestone = ctx.store.where('milestone', `repo:${repo.id}`).find((m) => m.number === number);
    if (!milestone)
        throw (0,errors/* notFound */.mX)();
    return milestone;
}
function dueOn(value) {
    if (value === undefined || value === null)
        return value;
    const time = Date.parse(value);
    if (Number.isNaN(time))
        throw (0,errors/* validationFailed */.$Y)([{ resource: 'Milestone', code: 'invalid', field: 'due_on' }]);
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const milestoneRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/milestones',
        operationId: 'issues/list-milestones',
        docs: 'issues/milestones#list-milestones',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const state = ctx.query.get('state') ?? 'open';
            const sort = ctx.query.get('sort') ?? 'due_on';
            const direction = ctx.query.get('direction') ?? 'asc';
            const list = ctx.store
                .where('milestone', `repo:${repo.id}`)
                .filter((m) => state === 'all' || m.state === state)
                .sort((a, b) => {
                if (sort === 'completeness')
                    return a.number - b.number;
                const x = a.dueOn ?? '9999';
                const y = b.dueOn ?? '9999';
                return x < y ? -1 : x > y ? 1 : a.number - b.number;
            });
            if (direction === 'desc')
                list.reverse();
            return okPage(ctx, list, (m) => (0,render_issues/* renderMilestone */.TZ)(ctx, repo, m));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/milestones',
        operationId: 'issues/create-milestone',
        docs: 'issues/milestones#create-a-milestone',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const input = parseBody(ctx, milestones_createSchema);
            const existing = ctx.store.where('milestone', `repo:${repo.id}`);
            if (existing.some((m) => m.title === input.title))
                throw (0,errors/* validationFailed */.$Y)([{ resource: 'Milestone', code: 'already_exists', field: 'title' }]);
            const closed = input.state === 'closed';
            const milestone = ctx.store.insert(ctx.journal, 'milestone', {
                id: ctx.store.nextId('milestone'),
                repoId: repo.id,
                number: Math.max(0, ...existing.map((m) => m.number)) + 1,
                title: input.title,
                description: input.description ?? null,
                state: closed ? 'closed' : 'open',
                dueOn: dueOn(input.due_on) ?? null,
                creatorId: (0,actor/* actingUser */.e)(ctx.actor).id,
                createdAt: ctx.now,
                updatedAt: ctx.now,
                closedAt: closed ? ctx.now : null,
            });
            const body = (0,render_issues/* renderMilestone */.TZ)(ctx, repo, milestone);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
        operationId: 'issues/get-milestone',
        docs: 'issues/milestones#get-a-milestone',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            return (0,route.ok)((0,render_issues/* renderMilestone */.TZ)(ctx, repo, findMilestone(ctx, repo)));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
        operationId: 'issues/update-milestone',
        docs: 'issues/milestones#update-a-milestone',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const milestone = findMilestone(ctx, repo);
            const input = parseBody(ctx, milestones_updateSchema);
            const due = dueOn(input.due_on);
            ctx.store.update(ctx.journal, 'milestone', milestone, {
                ...(input.title !== undefined ? { title: input.title } : {}),
                ...(input.description !== undefined ? { description: input.description } : {}),
                ...(due !== undefined ? { dueOn: due } : {}),
                ...(input.state !== undefined
                    ? { state: input.state, closedAt: input.state === 'closed' ? (milestone.closedAt ?? ctx.now) : null }
                    : {}),
                updatedAt: ctx.now,
            });
            return (0,route.ok)((0,render_issues/* renderMilestone */.TZ)(ctx, repo, milestone));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/milestones/{milestone_number}',
        operationId: 'issues/delete-milestone',
        docs: 'issues/milestones#delete-a-milestone',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesAdmin);
            const milestone = findMilestone(ctx, repo);
            for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
                if (issue.milestoneId === milestone.id)
                    ctx.store.update(ctx.journal, 'issue', issue, { milestoneId: null });
            ctx.store.remove(ctx.journal, 'milestone', milestone);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/milestones/{milestone_number}/labels',
        operationId: 'issues/list-labels-for-milestone',
        docs: 'issues/labels#list-labels-for-issues-in-a-milestone',
        cache: true,
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const milestone = findMilestone(ctx, repo);
            // The labels on the milestone's issues and pull requests, each once, in label order.
            const ids = new Set();
            for (const issue of ctx.store.where('issue', `repo:${repo.id}`))
                if (issue.milestoneId === milestone.id)
                    for (const id of issue.labelIds)
                        ids.add(id);
            const labels = [...ids]
                .map((id) => ctx.store.get('label', id))
                .filter((label) => label !== undefined)
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, labels, (label) => (0,render_issues/* renderLabel */.Lx)(ctx, repo, label));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/assignees',
        operationId: 'issues/list-assignees',
        docs: 'issues/assignees#list-assignees',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const users = [...ctx.store.all('user')].filter((user) => (0,issues/* isAssignable */.Yp)(ctx, repo, user));
            return okPage(ctx, users, (user) => (0,render_users/* simpleUser */.U5)(ctx, user));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/assignees/{assignee}',
        operationId: 'issues/check-user-can-be-assigned',
        docs: 'issues/assignees#check-if-a-user-can-be-assigned',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesRead);
            const user = ctx.store.userByLogin(ctx.params.assignee);
            if (!user || !(0,permissions/* userRole */.KZ)(ctx.store, user.id, repo) || !(0,issues/* isAssignable */.Yp)(ctx, repo, user))
                throw (0,errors/* notFound */.mX)();
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
        operationId: 'issues/add-assignees',
        docs: 'issues/assignees#add-assignees-to-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const { assignees = [] } = parseBody(ctx, assigneesSchema);
            // Users who cannot be assigned are silently ignored here (unlike on create and update).
            const valid = assignees.filter((login) => {
                const user = ctx.store.userByLogin(login);
                return user !== undefined && (0,issues/* isAssignable */.Yp)(ctx, repo, user);
            });
            const current = issue.assigneeIds.map((id) => ctx.store.get('user', id));
            const added = (0,issues/* resolveAssignees */.Dj)(ctx, repo, valid).filter((user) => !current.includes(user));
            await (0,issues/* setIssueAssignees */.yL)(ctx, repo, issue, [...current, ...added].slice(0, 10));
            return (0,route/* created */.zu)((0,render_issues/* renderIssue */.yi)(ctx, repo, issue));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
        operationId: 'issues/remove-assignees',
        docs: 'reference/issues#remove-assignees-from-an-issue',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.issuesTriage);
            const issue = (0,lookup/* issueParam */.rJ)(ctx, repo);
            const { assignees = [] } = parseBody(ctx, assigneesSchema);
            const removed = new Set(assignees.map((login) => ctx.store.userByLogin(login)?.id));
            const kept = issue.assigneeIds.filter((id) => !removed.has(id)).map((id) => ctx.store.get('user', id));
            await (0,issues/* setIssueAssignees */.yL)(ctx, repo, issue, kept);
            return (0,route.ok)((0,render_issues/* renderIssue */.yi)(ctx, repo, issue));
        },
    },
];

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./src/clones/github/domain/notifications.ts



/**
 * The reasons of threads the user takes part in (`participating=true`), as GitHub's notification
 * reasons divide them: all but `subscribed` (watching the repository).
 */
const PARTICIPATING_REASONS = new Set([
    'mention',
    'team_mention',
    'review_requested',
    'assign',
    'author',
    'comment',
]);
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `text` @-mentions `login` (a whole login, case-insensitively, as GitHub links it). */
function mentions(text, login) {
    return new RegExp(`(^|[^\\w-])@${escapeRegExp(login)}(?![\\w-])`, 'i').test(text ?? '');
}
/** The `org/team` handles of the teams of the repository's organization that `user` belongs to. */
function teamHandles(view, user, repo) {
    const org = view.store.get('user', repo.ownerId);
    if (org?.type !== 'Organization')
        return [];
    return (0,state_teams/* teamsOf */.uk)(view.store, org.id)
        .filter((team) => (0,state_teams/* teamMemberIds */._s)(view.store, team).has(user.id))
        .map((team) => `${org.login}/${team.slug}`);
}
/**
 * The user's notification threads, derived from the state (what the user did with them — read,
 * done, a subscription — is stored apart, in `notificationThread` records), in the repositories
 * they can read; newest first. An issue or pull request is a thread when someone else mentions the
 * user (reason `mention`) or a team of theirs (`team_mention`), asks them for a review
 * (`review_requested`), when it is assigned to them (`assign`), when someone else comments on what
 * they opened (`author`) or after they commented (`comment`), and, in a repository they watch,
 * when someone else opened it or commented (`subscribed`). One reason per thread, the first that
 * applies in that order.
 */
function threads(view, user) {
    const found = [];
    for (const repo of view.store.all('repo')) {
        if (!(0,permissions/* userRole */.KZ)(view.store, user.id, repo))
            continue;
        // An ignored repository notifies of nothing, mentions included, as on GitHub.
        const subscription = repoSubscriptionOf(view, user.id, repo.id);
        if (subscription?.ignored)
            continue;
        const base = view.urls.repo((0,render_repos/* fullName */.fq)(view, repo));
        const teams = teamHandles(view, user, repo);
        for (const issue of view.store.where('issue', `repo:${repo.id}`)) {
            const issueUrl = `${base}/issues/${issue.number}`;
            const comments = view.store.where('comment', `issue:${issue.id}`).sort((a, b) => a.id - b.id);
            const others = comments.filter((comment) => comment.userId !== user.id);
            const latestOther = others[others.length - 1];
            const lastMentioning = (handles) => others.filter((comment) => handles.some((handle) => mentions(comment.body, handle))).pop();
            const pull = issue.pullId ? view.store.get('pull', issue.pullId) : undefined;
            const thread = (reason, updatedAt, latestUrl = issueUrl) => found.push({ issue, repo, reason, updatedAt, latestUrl });
            const commentThread = (reason, comment) => thread(reason, comment.createdAt, `${base}/issues/comments/${comment.id}`);
            const byOther = issue.userId !== user.id;
            const mentioning = lastMentioning([user.login]);
            const teamMentioning = teams.length > 0 ? lastMentioning(teams) : undefined;
            const firstOwn = comments.find((comment) => comment.userId === user.id);
            if (mentioning)
                commentThread('mention', mentioning);
            else if (byOther && mentions(issue.body, user.login))
                thread('mention', issue.createdAt);
            else if (pull?.requestedReviewerIds.includes(user.id))
                thread('review_requested', issue.updatedAt);
            else if (issue.assigneeIds.includes(user.id))
                thread('assign', issue.updatedAt);
            else if (teamMentioning)
                commentThread('team_mention', teamMentioning);
            else if (byOther && teams.some((handle) => mentions(issue.body, handle)))
                thread('team_mention', issue.createdAt);
            else if (!byOther && latestOther)
                commentThread('author', latestOther);
            else if (firstOwn && latestOther && latestOther.id > firstOwn.id)
                commentThread('comment', latestOther);
            else if (subscription && latestOther)
                commentThread('subscribed', latestOther);
            else if (subscription && byOther)
                thread('subscribed', issue.createdAt);
        }
    }
    return found.sort((a, b) => a.updatedAt === b.updatedAt ? b.issue.id - a.issue.id : a.updatedAt < b.updatedAt ? 1 : -1);
}
/** The user's subscription to a repository, if they set one. */
const repoSubscriptionOf = (view, userId, repoId) => view.store.where('repoSubscription', `user:${userId}:${repoId}`)[0];
/** A thread's version: it changes with any new activity, which undoes a read or done mark. */
const versionOf = (thread) => `${thread.updatedAt} ${thread.latestUrl}`;
/** What `user` did with the thread of `issueId`, when anything. */
function markOf(view, user, issueId) {
    return view.store.where('notificationThread', `user:${user.id}:${issueId}`)[0];
}
/** The user's record of `thread`, created (unread, no subscription) when they have none yet. */
function changeMark(view, user, thread, patch) {
    const existing = markOf(view, user, thread.issue.id);
    if (existing) {
        view.store.update(view.journal, 'notificationThread', existing, patch);
        return existing;
    }
    return view.store.insert(view.journal, 'notificationThread', {
        id: view.store.nextId('notificationThread'),
        userId: user.id,
        issueId: thread.issue.id,
        readVersion: null,
        lastReadAt: null,
        doneVersion: null,
        subscription: null,
        ...patch,
    });
}
/** A thread as GitHub's JSON shows it. */
function renderThread(view, user, thread) {
    const base = view.urls.repo((0,render_repos/* fullName */.fq)(view, thread.repo));
    const id = String(thread.issue.id);
    const mark = markOf(view, user, thread.issue.id);
    return {
        id,
        unread: mark?.readVersion !== versionOf(thread),
        reason: thread.reason,
        updated_at: thread.updatedAt,
        last_read_at: mark?.lastReadAt ?? null,
        subject: {
            title: thread.issue.title,
            url: `${base}/${thread.issue.pullId ? 'pulls' : 'issues'}/${thread.issue.number}`,
            latest_comment_url: thread.latestUrl,
            type: thread.issue.pullId ? 'PullRequest' : 'Issue',
        },
        repository: (0,render_repos/* renderRepo */.ZY)(view, thread.repo),
        url: `${view.urls.api}/notifications/threads/${id}`,
        subscription_url: `${view.urls.api}/notifications/threads/${id}/subscription`,
    };
}
/**
 * `GET /notifications` for `user`: their threads, less those marked done (until new activity) and,
 * unless `all`, those read.
 */
function notificationsOf(view, user, filter) {
    return threads(view, user)
        .filter((thread) => (filter.repoId === undefined || thread.repo.id === filter.repoId) &&
        (!filter.participating || PARTICIPATING_REASONS.has(thread.reason)) &&
        (!filter.since || thread.updatedAt >= filter.since) &&
        (!filter.before || thread.updatedAt < filter.before))
        .filter((thread) => {
        const mark = markOf(view, user, thread.issue.id);
        const version = versionOf(thread);
        return mark?.doneVersion !== version && (filter.all || mark?.readVersion !== version);
    })
        .map((thread) => renderThread(view, user, thread));
}

;// CONCATENATED MODULE: ./src/clones/github/routes/notifications.ts









/** GitHub keeps 300 events in a feed. */
const FEED_LIMIT = 300;
/** 205 Reset Content: what GitHub answers a request that marked notifications read. */
const resetContent = () => (0,route/* json */.Pq)(205);
const markAllSchema = schemas/* object */.Ikc({
    last_read_at: iso/* datetime */.w$({ offset: true }).optional(),
    read: schemas/* boolean */.zMY().optional(),
});
const subscriptionSchema = schemas/* object */.Ikc({ ignored: schemas/* boolean */.zMY().optional() });
/** The signed-in user's thread `{thread_id}` (404 when it is not one of theirs, as GitHub answers). */
function threadParam(ctx) {
    const user = signedInUser(ctx);
    const thread = threads(ctx, user).find((candidate) => String(candidate.issue.id) === ctx.params.thread_id);
    if (!thread)
        throw (0,errors/* notFound */.mX)();
    return { user, thread };
}
/** A thread subscription as GitHub shows it. */
function renderSubscription(ctx, thread, subscription) {
    const url = `${ctx.urls.api}/notifications/threads/${thread.issue.id}`;
    return {
        subscribed: !subscription.ignored,
        ignored: subscription.ignored,
        reason: null,
        created_at: subscription.createdAt,
        url: `${url}/subscription`,
        thread_url: url,
    };
}
/**
 * `GET /notifications`, or one repository's (`repo`): the signed-in user's threads, unread unless
 * `all=true`; with `participating=true` only those they take part in or are mentioned in.
 */
function listNotifications(ctx, repo) {
    const user = signedInUser(ctx);
    const since = ctx.query.get('since') ?? undefined;
    const before = ctx.query.get('before') ?? undefined;
    const all = ctx.query.get('all') === 'true';
    const participating = ctx.query.get('participating') === 'true';
    return okPage(ctx, notificationsOf(ctx, user, { all, participating, since, before, repoId: repo?.id }), (item) => item, 50);
}
/** `PUT /notifications`, or one repository's (`repo`): marks the threads updated until `last_read_at` read. */
function markAllRead(ctx, repo) {
    const user = signedInUser(ctx);
    const input = parseBody(ctx, markAllSchema);
    // `read: false` would mark them unread, which GitHub's own clients never send.
    if (input.read === false)
        throw new errors/* ApiError */.hD(422, '"read": false is not supported here: leave it out (or true) to mark notifications read.');
    const until = input.last_read_at ? new Date(input.last_read_at).toISOString().replace(/\.\d{3}Z$/, 'Z') : ctx.now;
    for (const thread of threads(ctx, user))
        if (thread.updatedAt <= until && (!repo || thread.repo.id === repo.id))
            changeMark(ctx, user, thread, { readVersion: versionOf(thread), lastReadAt: until });
    return resetContent();
}
const notificationRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/notifications',
        operationId: 'activity/list-repo-notifications-for-authenticated-user',
        docs: 'activity/notifications#list-repository-notifications-for-the-authenticated-user',
        handler: (ctx) => listNotifications(ctx, (0,lookup/* repoParam */.oq)(ctx)),
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/notifications',
        operationId: 'activity/mark-repo-notifications-as-read',
        docs: 'activity/notifications#mark-repository-notifications-as-read',
        handler: (ctx) => markAllRead(ctx, (0,lookup/* repoParam */.oq)(ctx)),
    },
    {
        method: 'GET',
        path: '/notifications',
        operationId: 'activity/list-notifications-for-authenticated-user',
        docs: 'activity/notifications#list-notifications-for-the-authenticated-user',
        handler: (ctx) => listNotifications(ctx),
    },
    {
        method: 'PUT',
        path: '/notifications',
        operationId: 'activity/mark-notifications-as-read',
        docs: 'activity/notifications#mark-notifications-as-read',
        handler: (ctx) => markAllRead(ctx),
    },
    {
        method: 'GET',
        path: '/notifications/threads/{thread_id}',
        operationId: 'activity/get-thread',
        docs: 'activity/notifications#get-a-thread',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            return (0,route.ok)(renderThread(ctx, user, thread));
        },
    },
    {
        method: 'PATCH',
        path: '/notifications/threads/{thread_id}',
        operationId: 'activity/mark-thread-as-read',
        docs: 'activity/notifications#mark-a-thread-as-read',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            changeMark(ctx, user, thread, { readVersion: versionOf(thread), lastReadAt: ctx.now });
            return resetContent();
        },
    },
    {
        method: 'DELETE',
        path: '/notifications/threads/{thread_id}',
        operationId: 'activity/mark-thread-as-done',
        docs: 'activity/notifications#mark-a-thread-as-done',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            const version = versionOf(thread);
            changeMark(ctx, user, thread, { doneVersion: version, readVersion: version, lastReadAt: ctx.now });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/notifications/threads/{thread_id}/subscription',
        operationId: 'activity/get-thread-subscription-for-authenticated-user',
        docs: 'activity/notifications#get-a-thread-subscription-for-the-authenticated-user',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            const subscription = markOf(ctx, user, thread.issue.id)?.subscription;
            if (!subscription)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(renderSubscription(ctx, thread, subscription));
        },
    },
    {
        method: 'PUT',
        path: '/notifications/threads/{thread_id}/subscription',
        operationId: 'activity/set-thread-subscription',
        docs: 'activity/notifications#set-a-thread-subscription',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            const input = parseBody(ctx, subscriptionSchema);
            const subscription = { ignored: input.ignored ?? false, createdAt: ctx.now };
            changeMark(ctx, user, thread, { subscription });
            return (0,route.ok)(renderSubscription(ctx, thread, subscription));
        },
    },
    {
        method: 'DELETE',
        path: '/notifications/threads/{thread_id}/subscription',
        operationId: 'activity/delete-thread-subscription',
        docs: 'activity/notifications#delete-a-thread-subscription',
        handler: (ctx) => {
            const { user, thread } = threadParam(ctx);
            if (markOf(ctx, user, thread.issue.id)?.subscription)
                changeMark(ctx, user, thread, { subscription: null });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/users/{username}/received_events',
        operationId: 'activity/list-received-events-for-user',
        docs: 'activity/events#list-events-received-by-the-authenticated-user',
        handler: (ctx) => {
            const user = (0,lookup/* userParam */.zO)(ctx);
            const self = ctx.actor.kind === 'user' && ctx.actor.user.id === user.id;
            // The activity of the repositories the user watches (owns, collaborates on, or whose
            // organization they belong to); others see only its public part.
            const watched = [...ctx.store.all('repo')].filter((repo) => {
                if (repo.private && !self)
                    return false;
                return (repo.ownerId === user.id ||
                    repo.collaborators.has(user.id) ||
                    ctx.store.get('org', repo.ownerId)?.members.has(user.id) === true);
            });
            const events = watched
                .flatMap((repo) => repoActivity(ctx, repo).map((render) => render()))
                .sort((a, b) => (a.created_at === b.created_at ? 0 : a.created_at < b.created_at ? 1 : -1))
                .slice(0, FEED_LIMIT);
            return okPage(ctx, events);
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/pulls.ts
var domain_pulls = __webpack_require__(44205);
;// CONCATENATED MODULE: ./src/clones/github/routes/pulls.ts
















const pulls_createSchema = schemas/* object */.Ikc({
    title: schemas/* string */.YjP().optional(),
    body: schemas/* string */.YjP().nullable().optional(),
    head: schemas/* string */.YjP().min(1),
    head_repo: schemas/* string */.YjP().optional(),
    base: schemas/* string */.YjP().min(1),
    draft: schemas/* boolean */.zMY().optional(),
    maintainer_can_modify: schemas/* boolean */.zMY().optional(),
    issue: schemas/* number */.aig().int().optional(),
});
const updateBranchSchema = schemas/* object */.Ikc({ expected_head_sha: schemas/* string */.YjP().optional() });
const pulls_updateSchema = schemas/* object */.Ikc({
    title: schemas/* string */.YjP().min(1).optional(),
    body: schemas/* string */.YjP().nullable().optional(),
    state: schemas/* enum */.k5n(['open', 'closed']).optional(),
    base: schemas/* string */.YjP().min(1).optional(),
    maintainer_can_modify: schemas/* boolean */.zMY().optional(),
});
const pulls_mergeSchema = schemas/* object */.Ikc({
    commit_title: schemas/* string */.YjP().optional(),
    commit_message: schemas/* string */.YjP().optional(),
    sha: schemas/* string */.YjP().optional(),
    merge_method: schemas/* enum */.k5n(['merge', 'squash', 'rebase']).optional(),
});
async function full(ctx, repo, issue, pull) {
    return (0,pulls/* renderPull */.S)(ctx, repo, issue, pull, await (0,pull_stats/* pullStats */.p)(ctx.core, repo, pull));
}
async function pullDiff(ctx, repo, pull, format) {
    const stats = await (0,pull_stats/* pullStats */.p)(ctx.core, repo, pull);
    const from = stats.mergeBaseSha ?? stats.baseSha;
    return diffReply(repo.git, format, from, pull.headSha, [`${from}..${pull.headSha}`]);
}
const pullRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls',
        operationId: 'pulls/list',
        docs: 'pulls/pulls#list-pull-requests',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const state = ctx.query.get('state') ?? 'open';
            const head = ctx.query.get('head');
            const base = ctx.query.get('base');
            const sort = ctx.query.get('sort') ?? 'created';
            const direction = ctx.query.get('direction') ?? (sort === 'long-running' ? 'asc' : 'desc');
            const headBranch = head?.includes(':') ? head.slice(head.indexOf(':') + 1) : head;
            const rows = ctx.store
                .where('pull', `repo:${repo.id}`)
                .map((pull) => ({ pull, issue: ctx.store.get('issue', pull.issueId) }))
                .filter(({ issue }) => state === 'all' || issue.state === state)
                .filter(({ pull }) => !headBranch || pull.headRef === headBranch)
                .filter(({ pull }) => !base || pull.baseRef === base);
            const key = ({ issue }) => (sort === 'updated' ? issue.updatedAt : issue.createdAt);
            rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.pull.number - b.pull.number));
            if (direction === 'desc')
                rows.reverse();
            return okPage(ctx, rows, ({ issue, pull }) => (0,pulls/* renderPull */.S)(ctx, repo, issue, pull));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls',
        operationId: 'pulls/create',
        docs: 'pulls/pulls#create-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const input = parseBody(ctx, pulls_createSchema);
            const { issue, pull } = await (0,domain_pulls/* createPull */.G7)(ctx, repo, input);
            const body = await full(ctx, repo, issue, pull);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}',
        operationId: 'pulls/get',
        docs: 'pulls/pulls#get-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const format = diffFormat(ctx);
            if (format)
                return pullDiff(ctx, repo, pull, format);
            return (0,route.ok)(await full(ctx, repo, issue, pull));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}',
        operationId: 'pulls/update',
        docs: 'pulls/pulls#update-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, pulls_updateSchema);
            (0,issues/* requireEditable */.Iz)(ctx, repo, issue);
            await (0,domain_pulls/* updatePull */.pZ)(ctx, repo, issue, pull, input);
            return (0,route.ok)(await full(ctx, repo, issue, pull));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
        operationId: 'pulls/list-files',
        docs: 'pulls/pulls#list-pull-requests-files',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const stats = await (0,pull_stats/* pullStats */.p)(ctx.core, repo, pull);
            const files = stats.mergeBaseSha ? await (0,diff/* diffCommits */.i)(repo.git, stats.mergeBaseSha, pull.headSha) : [];
            return okPage(ctx, files, (file) => (0,git/* renderDiffEntry */.G9)(ctx, repo, pull.headSha, file));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
        operationId: 'pulls/list-commits',
        docs: 'pulls/pulls#list-commits-on-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const stats = await (0,pull_stats/* pullStats */.p)(ctx.core, repo, pull);
            return okPage(ctx, (0,git_history/* commitsBetween */.$q)(repo.git, stats.baseSha, pull.headSha).slice(0, 250), ({ sha, commit }) => (0,git/* renderCommit */.ak)(ctx, repo, sha, commit));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
        operationId: 'pulls/merge',
        docs: 'pulls/pulls#merge-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, pulls_mergeSchema);
            const result = await (0,domain_pulls/* mergePull */.kv)(ctx, repo, issue, pull, input);
            return (0,route.ok)(result);
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/update-branch',
        operationId: 'pulls/update-branch',
        docs: 'pulls/pulls#update-a-pull-request-branch',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, updateBranchSchema);
            await (0,domain_pulls/* updatePullBranch */.zG)(ctx, repo, issue, pull, input.expected_head_sha);
            return (0,route/* json */.Pq)(202, {
                message: 'Updating pull request branch.',
                url: `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/pulls/${pull.number}`,
            });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
        operationId: 'pulls/check-if-merged',
        docs: 'pulls/pulls#check-if-a-pull-request-has-been-merged',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            if (!pull.merged)
                throw (0,errors/* notFound */.mX)();
            return { kind: 'json', status: 204 };
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/releases.ts
var releases = __webpack_require__(41707);
;// CONCATENATED MODULE: ./src/clones/github/routes/releases.ts









const releaseFields = {
    target_commitish: schemas/* string */.YjP().min(1).optional(),
    name: schemas/* string */.YjP().nullable().optional(),
    body: schemas/* string */.YjP().nullable().optional(),
    draft: schemas/* boolean */.zMY().optional(),
    prerelease: schemas/* boolean */.zMY().optional(),
    make_latest: schemas/* enum */.k5n(['true', 'false', 'legacy']).optional(),
    generate_release_notes: schemas/* boolean */.zMY().optional(),
};
const releases_createSchema = schemas/* object */.Ikc({ tag_name: schemas/* string */.YjP().min(1), ...releaseFields });
const releases_updateSchema = schemas/* object */.Ikc({ tag_name: schemas/* string */.YjP().min(1).optional(), ...releaseFields });
const releaseRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/releases',
        operationId: 'repos/list-releases',
        docs: 'releases/releases#list-releases',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            // Drafts are visible to those who may push, as on GitHub.
            const canWrite = (0,lookup/* may */._L)(ctx, repo, permissions/* NEED */.$B.contentsWrite);
            const releases = ctx.store
                .where('release', `repo:${repo.id}`)
                .filter((release) => canWrite || !release.draft)
                .sort((a, b) => b.id - a.id);
            return okPage(ctx, releases, (release) => renderRelease(ctx, repo, release));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/releases',
        operationId: 'repos/create-release',
        docs: 'releases/releases#create-a-release',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const release = await (0,releases/* createRelease */.YG)(ctx, repo, parseBody(ctx, releases_createSchema));
            const body = renderRelease(ctx, repo, release);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/releases/latest',
        operationId: 'repos/get-latest-release',
        docs: 'releases/releases#get-the-latest-release',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const release = (0,releases/* latestRelease */.JF)(ctx, repo);
            if (!release)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(renderRelease(ctx, repo, release));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/releases/tags/{tag+}',
        operationId: 'repos/get-release-by-tag',
        docs: 'releases/releases#get-a-release-by-tag-name',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const release = ctx.store
                .where('release', `repo:${repo.id}`)
                .find((candidate) => candidate.tagName === ctx.params.tag && !candidate.draft);
            if (!release)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(renderRelease(ctx, repo, release));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/releases/{release_id}',
        operationId: 'repos/get-release',
        docs: 'releases/releases#get-a-release',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            return (0,route.ok)(renderRelease(ctx, repo, (0,releases/* findRelease */.dv)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'release_id'))));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/releases/{release_id}',
        operationId: 'repos/update-release',
        docs: 'releases/releases#update-a-release',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            const release = (0,releases/* findRelease */.dv)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'release_id'));
            await (0,releases/* updateRelease */.BG)(ctx, repo, release, parseBody(ctx, releases_updateSchema));
            return (0,route.ok)(renderRelease(ctx, repo, release));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/releases/{release_id}',
        operationId: 'repos/delete-release',
        docs: 'releases/releases#delete-a-release',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsWrite);
            // The tag stays, as on GitHub.
            ctx.store.remove(ctx.journal, 'release', (0,releases/* findRelease */.dv)(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'release_id')));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/tags',
        operationId: 'repos/list-tags',
        docs: 'repos/repos#list-repository-tags',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const tags = [];
            for (const ref of repo.git.refs.list('refs/tags/').keys()) {
                const commit = repo.git.resolveCommit(ref);
                if (commit)
                    tags.push([ref.slice(10), commit]);
            }
            // Newest version first, as GitHub orders tags.
            tags.sort(([a], [b]) => b.localeCompare(a, 'en', { numeric: true }));
            return okPage(ctx, tags, ([name, sha]) => renderTag(ctx, repo, name, sha));
        },
    },
];

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/clones/github/git/repo.ts
var git_repo = __webpack_require__(95287);
// EXTERNAL MODULE: ./src/clones/github/seed/defaults.ts
var defaults = __webpack_require__(55340);
;// CONCATENATED MODULE: ./src/clones/github/domain/repos.ts








const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** A new repository with GitHub's default labels; `auto_init` makes the first commit (a README). */
function createRepository(ctx, owner, creator, input) {
    const name = input.name.trim();
    if (!NAME.test(name) || name === '.' || name === '..' || name.toLowerCase().endsWith('.git'))
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Repository', code: 'custom', field: 'name', message: 'name is not a valid repository name' },
        ]);
    const taken = ctx.store.repoNamed(owner.id, name) !== undefined;
    if (taken)
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
        ]);
    const id = ctx.store.nextId('repo');
    const gitDir = (0,external_node_path_.join)(ctx.core.repositoriesDir, `${id}.git`);
    (0,git_repo/* initBareRepo */.rC)(gitDir, 'main');
    const git = new git_repo/* GitRepo */.tr(gitDir);
    const repo = ctx.store.insert(ctx.journal, 'repo', {
        id,
        ownerId: owner.id,
        name,
        description: input.description ?? null,
        homepage: input.homepage ?? null,
        private: input.private ?? input.visibility === 'private',
        defaultBranch: 'main',
        topics: [],
        language: null,
        archived: false,
        hasIssues: input.has_issues ?? true,
        hasProjects: input.has_projects ?? true,
        hasWiki: input.has_wiki ?? true,
        allowMergeCommit: input.allow_merge_commit ?? true,
        allowSquashMerge: input.allow_squash_merge ?? true,
        allowRebaseMerge: input.allow_rebase_merge ?? true,
        deleteBranchOnMerge: input.delete_branch_on_merge ?? false,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        pushedAt: ctx.now,
        collaborators: new Map(),
        customRoles: new Map(),
        nextNumber: 1,
        forkOf: null,
        git,
    });
    for (const label of defaults/* DEFAULT_LABELS */.G)
        ctx.store.insert(ctx.journal, 'label', { id: ctx.store.nextId('label'), repoId: id, ...label, isDefault: true });
    if (input.auto_init) {
        const readme = `# ${name}\n${input.description ? `\n${input.description}\n` : ''}`;
        const tree = (0,tree_edit/* editTree */.n)(git, undefined, [
            { path: 'README.md', entry: { mode: '100644', sha: git.writeBlob(Buffer.from(readme)) } },
        ]);
        const who = (0,identity/* identity */.D)(creator);
        const at = (0,format/* personAt */.Td)(who.name, who.email, new Date(ctx.now));
        const sha = git.writeCommit({ tree, parents: [], author: at, committer: at, message: 'Initial commit\n' });
        git.refs.update('refs/heads/main', sha, null);
    }
    return repo;
}
/**
 * A fork: a new repository of the actor (or of `organization`, where the actor is a member) with
 * the source's branches and tags (only the default branch with `default_branch_only`), copied by
 * git itself. Issues, pull requests and settings are not copied, as on GitHub. Forking again
 * returns the existing fork.
 */
async function forkRepository(ctx, source, actor, input) {
    let owner = actor;
    if (input.organization) {
        const org = ctx.store.userByLogin(input.organization);
        const membership = org ? ctx.store.get('org', org.id)?.members.get(actor.id) : undefined;
        if (!org || org.type !== 'Organization' || !membership)
            throw (0,errors/* validationFailed */.$Y)([{ resource: 'Fork', code: 'invalid', field: 'organization', value: input.organization }]);
        owner = org;
    }
    const existing = ctx.store.where('repo', `owner:${owner.id}`).find((repo) => repo.forkOf === source.id);
    if (existing)
        return existing;
    if (owner.id === source.ownerId && !input.name)
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
        ]);
    const fork = createRepository(ctx, owner, actor, {
        name: input.name ?? source.name,
        description: source.description,
        homepage: source.homepage,
        private: source.private,
    });
    const refspecs = input.default_branch_only
        ? [`refs/heads/${source.defaultBranch}:refs/heads/${source.defaultBranch}`]
        : ['refs/heads/*:refs/heads/*', 'refs/tags/*:refs/tags/*'];
    const fetched = await (0,cli/* runGit */.E)(fork.git.gitDir, ['fetch', '--quiet', '--no-tags', source.git.gitDir, ...refspecs]);
    if (fetched.code !== 0)
        throw new Error(`forking ${source.name}: git fetch failed: ${fetched.stderr.trim()}`);
    fork.git.refs.setHead(`refs/heads/${source.defaultBranch}`);
    ctx.store.update(ctx.journal, 'repo', fork, {
        forkOf: source.id,
        defaultBranch: source.defaultBranch,
        language: source.language,
        topics: [...source.topics],
    });
    return fork;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/clones/github/webhooks/emit.ts
var emit = __webpack_require__(3424);
;// CONCATENATED MODULE: ./src/clones/github/domain/repo-delete.ts



const REPO_SCOPED = [
    'issue',
    'pull',
    'comment',
    'label',
    'milestone',
    'reaction',
    'event',
    'review',
    'reviewComment',
    'checkSuite',
    'checkRun',
    'status',
    'release',
    'workflow',
    'workflowRun',
    'workflowJob',
    'artifact',
    'protection',
    'deletedIssue',
    'secret',
    'variable',
    'repoSubscription',
    'environment',
    'environmentSecret',
    'environmentVariable',
];
/**
 * Deletes a repository as GitHub does: the repository, everything that lives in it (issues, pull
 * requests, comments, labels, checks, releases, workflow runs…) and its git data go; forks stay, as
 * repositories of their own; installations and teams forget it. The `repository.deleted` webhook
 * carries the repository as it was.
 */
function deleteRepository(ctx, repo) {
    (0,emit/* emit */.I)(ctx, 'repository', repo, () => ({ action: 'deleted' }));
    for (const kind of REPO_SCOPED) {
        const records = [...ctx.store.all(kind)].filter((record) => record.repoId === repo.id);
        for (const record of records)
            ctx.store.remove(ctx.journal, kind, record);
    }
    for (const fork of ctx.store.all('repo'))
        if (fork.forkOf === repo.id)
            ctx.store.update(ctx.journal, 'repo', fork, { forkOf: null });
    for (const installation of ctx.store.all('installation'))
        if (installation.repoIds.includes(repo.id))
            ctx.store.update(ctx.journal, 'installation', installation, {
                repoIds: installation.repoIds.filter((id) => id !== repo.id),
            });
    for (const team of ctx.store.all('team'))
        if (team.repos.has(repo.id)) {
            const repos = new Map(team.repos);
            repos.delete(repo.id);
            ctx.store.update(ctx.journal, 'team', team, { repos });
        }
    for (const kind of ['orgSecret', 'orgVariable'])
        for (const record of ctx.store.all(kind))
            if (record.selectedRepoIds.includes(repo.id))
                ctx.store.update(ctx.journal, kind, record, {
                    selectedRepoIds: record.selectedRepoIds.filter((id) => id !== repo.id),
                });
    ctx.store.remove(ctx.journal, 'repo', repo);
    (0,external_node_fs_.rmSync)(repo.git.gitDir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/clones/github/routes/repos.ts












const repos_createSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1),
    description: schemas/* string */.YjP().nullable().optional(),
    homepage: schemas/* string */.YjP().nullable().optional(),
    private: schemas/* boolean */.zMY().optional(),
    visibility: schemas/* enum */.k5n(['public', 'private', 'internal']).optional(),
    has_issues: schemas/* boolean */.zMY().optional(),
    has_projects: schemas/* boolean */.zMY().optional(),
    has_wiki: schemas/* boolean */.zMY().optional(),
    auto_init: schemas/* boolean */.zMY().optional(),
    allow_squash_merge: schemas/* boolean */.zMY().optional(),
    allow_merge_commit: schemas/* boolean */.zMY().optional(),
    allow_rebase_merge: schemas/* boolean */.zMY().optional(),
    delete_branch_on_merge: schemas/* boolean */.zMY().optional(),
});
const repos_updateSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1).optional(),
    description: schemas/* string */.YjP().nullable().optional(),
    homepage: schemas/* string */.YjP().nullable().optional(),
    private: schemas/* boolean */.zMY().optional(),
    has_issues: schemas/* boolean */.zMY().optional(),
    default_branch: schemas/* string */.YjP().optional(),
    archived: schemas/* boolean */.zMY().optional(),
    allow_squash_merge: schemas/* boolean */.zMY().optional(),
    allow_merge_commit: schemas/* boolean */.zMY().optional(),
    allow_rebase_merge: schemas/* boolean */.zMY().optional(),
    delete_branch_on_merge: schemas/* boolean */.zMY().optional(),
});
function sortRepos(ctx, repos, defaultSort) {
    const sort = ctx.query.get('sort') ?? defaultSort;
    const direction = ctx.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
    const key = (repo) => sort === 'created'
        ? repo.createdAt
        : sort === 'pushed'
            ? repo.pushedAt
            : sort === 'updated'
                ? repo.updatedAt
                : repo.name.toLowerCase();
    const sorted = [...repos].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
    return direction === 'desc' ? sorted.reverse() : sorted;
}
function visibleTo(ctx, repos) {
    return repos.filter((repo) => (0,permissions/* actorRole */.k_)(ctx.store, ctx.actor, repo) !== undefined);
}
function listRepos(ctx, repos, defaultSort) {
    const type = ctx.query.get('type') ?? 'all';
    const filtered = repos.filter((repo) => type === 'public' ? !repo.private : type === 'private' ? repo.private : true);
    return okPage(ctx, sortRepos(ctx, visibleTo(ctx, filtered), defaultSort), (repo) => (0,render_repos/* renderRepo */.ZY)(ctx, repo));
}
function collaboratorsOf(ctx, repo) {
    const result = [];
    for (const user of ctx.store.all('user')) {
        if (user.type !== 'User')
            continue;
        const direct = repo.collaborators.has(user.id) ||
            repo.ownerId === user.id ||
            ctx.store.get('org', repo.ownerId)?.members.has(user.id);
        if (!direct)
            continue;
        const role = (0,permissions/* userRole */.KZ)(ctx.store, user.id, repo);
        if (role)
            result.push({ user, role });
    }
    return result;
}
/** What `role_name` shows: a custom repository role's name when that role is what the user has here. */
function roleName(repo, userId, role) {
    const custom = repo.customRoles.get(userId);
    return custom !== undefined && role === repo.collaborators.get(userId) ? custom : (role ?? 'none');
}
const LEGACY_PERMISSION = {
    admin: 'admin',
    maintain: 'write',
    write: 'write',
    triage: 'read',
    read: 'read',
};
const forkSchema = schemas/* object */.Ikc({
    organization: schemas/* string */.YjP().optional(),
    name: schemas/* string */.YjP().min(1).optional(),
    default_branch_only: schemas/* boolean */.zMY().optional(),
});
const repoRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/forks',
        operationId: 'repos/list-forks',
        docs: 'repos/forks#list-forks',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx);
            const forks = [...ctx.store.all('repo')].filter((candidate) => candidate.forkOf === repo.id && (0,permissions/* actorRole */.k_)(ctx.store, ctx.actor, candidate) !== undefined);
            const sort = ctx.query.get('sort') ?? 'newest';
            forks.sort((a, b) => (sort === 'oldest' ? a.id - b.id : b.id - a.id));
            return okPage(ctx, forks, (fork) => (0,render_repos/* renderRepo */.ZY)(ctx, fork));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/forks',
        operationId: 'repos/create-fork',
        docs: 'repos/forks#create-a-fork',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx);
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (!user || ctx.actor.kind !== 'user')
                throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
            const input = parseBody(ctx, forkSchema);
            const fork = await forkRepository(ctx, repo, user, input);
            return (0,route/* json */.Pq)(202, (0,render_repos/* renderRepo */.ZY)(ctx, fork));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}',
        operationId: 'repos/get',
        docs: 'repos/repos#get-a-repository',
        handler: (ctx) => (0,route.ok)((0,render_repos/* renderRepo */.ZY)(ctx, (0,lookup/* repoParam */.oq)(ctx))),
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}',
        operationId: 'repos/update',
        docs: 'repos/repos#update-a-repository',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.adminEvenArchived);
            const input = parseBody(ctx, repos_updateSchema);
            // An archived repository takes one change: being unarchived.
            if (repo.archived && input.archived !== false)
                throw new errors/* ApiError */.hD(403, 'Repository was archived so is read-only.');
            if (input.default_branch !== undefined && !repo.git.branch(input.default_branch))
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'Repository', code: 'invalid', field: 'default_branch' }],
                });
            if (input.name !== undefined && input.name.toLowerCase() !== repo.name.toLowerCase()) {
                const taken = ctx.store.repoNamed(repo.ownerId, input.name) !== undefined;
                if (taken)
                    throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                        errors: [
                            { resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' },
                        ],
                    });
            }
            const patch = { updatedAt: ctx.now };
            if (input.name !== undefined)
                patch.name = input.name;
            if (input.description !== undefined)
                patch.description = input.description;
            if (input.homepage !== undefined)
                patch.homepage = input.homepage;
            if (input.private !== undefined)
                patch.private = input.private;
            if (input.has_issues !== undefined)
                patch.hasIssues = input.has_issues;
            if (input.archived !== undefined)
                patch.archived = input.archived;
            if (input.allow_squash_merge !== undefined)
                patch.allowSquashMerge = input.allow_squash_merge;
            if (input.allow_merge_commit !== undefined)
                patch.allowMergeCommit = input.allow_merge_commit;
            if (input.allow_rebase_merge !== undefined)
                patch.allowRebaseMerge = input.allow_rebase_merge;
            if (input.delete_branch_on_merge !== undefined)
                patch.deleteBranchOnMerge = input.delete_branch_on_merge;
            if (input.default_branch !== undefined) {
                patch.defaultBranch = input.default_branch;
                repo.git.refs.setHead(`refs/heads/${input.default_branch}`);
            }
            ctx.store.update(ctx.journal, 'repo', repo, patch);
            return (0,route.ok)((0,render_repos/* renderRepo */.ZY)(ctx, repo));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}',
        operationId: 'repos/delete',
        docs: 'repos/repos#delete-a-repository',
        handler: (ctx) => {
            deleteRepository(ctx, (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.adminEvenArchived));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/user/repos',
        operationId: 'repos/list-for-authenticated-user',
        docs: 'repos/repos#list-repositories-for-the-authenticated-user',
        handler: (ctx) => {
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (!user || ctx.actor.kind !== 'user')
                throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
            const affiliation = (ctx.query.get('affiliation') ?? 'owner,collaborator,organization_member').split(',');
            const repos = [...ctx.store.all('repo')].filter((repo) => {
                if (affiliation.includes('owner') && repo.ownerId === user.id)
                    return true;
                if (affiliation.includes('collaborator') && repo.collaborators.has(user.id))
                    return true;
                return (affiliation.includes('organization_member') &&
                    ctx.store.get('org', repo.ownerId)?.members.has(user.id) === true);
            });
            return listRepos(ctx, repos, 'full_name');
        },
    },
    {
        method: 'POST',
        path: '/user/repos',
        operationId: 'repos/create-for-authenticated-user',
        docs: 'repos/repos#create-a-repository-for-the-authenticated-user',
        handler: (ctx) => {
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (!user || ctx.actor.kind !== 'user')
                throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
            const input = parseBody(ctx, repos_createSchema);
            return (0,route/* created */.zu)((0,render_repos/* renderRepo */.ZY)(ctx, createRepository(ctx, user, user, input)));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/repos',
        operationId: 'repos/list-for-org',
        docs: 'repos/repos#list-organization-repositories',
        handler: (ctx) => {
            const org = (0,lookup/* userParam */.zO)(ctx, 'org');
            if (org.type !== 'Organization')
                throw (0,errors/* notFound */.mX)();
            return listRepos(ctx, ctx.store.where('repo', `owner:${org.id}`), 'created');
        },
    },
    {
        method: 'POST',
        path: '/orgs/{org}/repos',
        operationId: 'repos/create-in-org',
        docs: 'repos/repos#create-an-organization-repository',
        handler: (ctx) => {
            const org = (0,lookup/* userParam */.zO)(ctx, 'org');
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (org.type !== 'Organization' || !user)
                throw (0,errors/* notFound */.mX)();
            const membership = ctx.store.get('org', org.id)?.members.get(user.id);
            if (ctx.actor.kind !== 'user' || !membership)
                throw new errors/* ApiError */.hD(403, 'You need admin access to the organization before adding a repository to it.');
            const input = parseBody(ctx, repos_createSchema);
            return (0,route/* created */.zu)((0,render_repos/* renderRepo */.ZY)(ctx, createRepository(ctx, org, user, input)));
        },
    },
    {
        method: 'GET',
        path: '/users/{username}/repos',
        operationId: 'repos/list-for-user',
        docs: 'repos/repos#list-repositories-for-a-user',
        handler: (ctx) => {
            const user = (0,lookup/* userParam */.zO)(ctx);
            return listRepos(ctx, ctx.store.where('repo', `owner:${user.id}`).filter((repo) => !repo.private), 'full_name');
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/collaborators',
        operationId: 'repos/list-collaborators',
        docs: 'collaborators/collaborators#list-repository-collaborators',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
            return okPage(ctx, collaboratorsOf(ctx, repo), ({ user, role }) => ({
                ...(0,render_users/* simpleUser */.U5)(ctx, user),
                email: user.email,
                name: user.name,
                permissions: (0,permissions/* permissionFlags */.j1)(role),
                role_name: roleName(repo, user.id, role),
            }));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/collaborators/{username}',
        operationId: 'repos/check-collaborator',
        docs: 'collaborators/collaborators#check-if-a-user-is-a-repository-collaborator',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
            const user = (0,lookup/* userParam */.zO)(ctx);
            if (!collaboratorsOf(ctx, repo).some((entry) => entry.user.id === user.id))
                throw (0,errors/* notFound */.mX)();
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/collaborators/{username}/permission',
        operationId: 'repos/get-collaborator-permission-level',
        docs: 'collaborators/collaborators#get-repository-permissions-for-a-user',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
            const user = (0,lookup/* userParam */.zO)(ctx);
            const role = (0,permissions/* userRole */.KZ)(ctx.store, user.id, repo);
            const legacy = role ? LEGACY_PERMISSION[role] : 'none';
            return (0,route.ok)({
                permission: legacy,
                role_name: roleName(repo, user.id, role),
                user: {
                    ...(0,render_users/* simpleUser */.U5)(ctx, user),
                    permissions: (0,permissions/* permissionFlags */.j1)(role),
                    role_name: roleName(repo, user.id, role),
                },
            });
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/reviews.ts
var reviews = __webpack_require__(8084);
;// CONCATENATED MODULE: ./src/clones/github/domain/review-edits.ts




/** Whether `review` is visible to the actor: a pending review is its author's alone, as on GitHub. */
function reviewVisible(ctx, review) {
    return review !== undefined && (review.state !== 'PENDING' || review.userId === (0,actor/* actingUser */.e)(ctx.actor)?.id);
}
/** A review comment of `repo` by id (404 when it is not there or belongs to someone else's pending review). */
function findReviewComment(ctx, repo, id) {
    const comment = ctx.store.get('reviewComment', id);
    if (!comment || comment.repoId !== repo.id)
        throw (0,errors/* notFound */.mX)();
    if (comment.reviewId !== null && !reviewVisible(ctx, ctx.store.get('review', comment.reviewId)))
        throw (0,errors/* notFound */.mX)();
    return comment;
}
/** Authors edit their own comments and reviews; others need triage rights on pull requests (maintainers). */
function review_edits_requireOwnOrTriage(ctx, repo, authorId) {
    if ((0,actor/* actingUser */.e)(ctx.actor)?.id === authorId || (0,issues/* canTriage */.TH)(ctx, repo, true))
        return;
    throw new errors/* ApiError */.hD(403, ctx.actor.kind === 'installation'
        ? 'Resource not accessible by integration'
        : 'You do not have permission to modify this comment.');
}
function touchPull(ctx, pull) {
    const issue = ctx.store.get('issue', pull.issueId);
    ctx.store.update(ctx.journal, 'issue', issue, { updatedAt: ctx.now });
}
async function updateReviewComment(ctx, repo, id, body) {
    const comment = findReviewComment(ctx, repo, id);
    review_edits_requireOwnOrTriage(ctx, repo, comment.userId);
    if (comment.body !== body) {
        const from = comment.body;
        ctx.store.update(ctx.journal, 'reviewComment', comment, { body, updatedAt: ctx.now });
        await (0,repo_events/* emitReviewCommentEvent */.ZU)(ctx, repo, comment, 'edited', { body: { from } });
    }
    return comment;
}
/** Deletes a review comment with its reactions; replies to it stay, as on GitHub. */
async function deleteReviewComment(ctx, repo, id) {
    const comment = findReviewComment(ctx, repo, id);
    review_edits_requireOwnOrTriage(ctx, repo, comment.userId);
    for (const reaction of ctx.store.where('reaction', `review-comment:${comment.id}`))
        ctx.store.remove(ctx.journal, 'reaction', reaction);
    // The payload shows the comment as it was, so it is rendered before the record goes.
    await (0,repo_events/* emitReviewCommentEvent */.ZU)(ctx, repo, comment, 'deleted');
    ctx.store.remove(ctx.journal, 'reviewComment', comment);
    touchPull(ctx, ctx.store.get('pull', comment.pullId));
}
/** Changes a review's summary (its body); only its author may, as on GitHub. */
async function updateReview(ctx, repo, review, body) {
    if (review.userId !== (0,actor/* actingUser */.e)(ctx.actor)?.id)
        throw new errors/* ApiError */.hD(403, 'You do not have permission to update this review.');
    if (review.body !== body) {
        const from = review.body;
        ctx.store.update(ctx.journal, 'review', review, { body });
        if (review.state !== 'PENDING')
            await (0,repo_events/* emitReviewEvent */._j)(ctx, repo, review, 'edited', { body: { from } });
    }
    return review;
}
/** Deletes a review that was never submitted, with its comments (200 with the review as it was). */
function deletePendingReview(ctx, review) {
    if (review.state !== 'PENDING')
        throw (0,errors/* simpleValidationFailed */.jb)('Can not delete a non-pending pull request review');
    for (const comment of ctx.store.where('reviewComment', `review:${review.id}`))
        ctx.store.remove(ctx.journal, 'reviewComment', comment);
    ctx.store.remove(ctx.journal, 'review', review);
}
/**
 * Dismisses an approval or a change request (writers only): its state becomes `DISMISSED`, so it
 * no longer counts towards required approvals, and `pull_request_review.dismissed` goes out.
 */
async function dismissReview(ctx, repo, pull, review) {
    if (review.state === 'PENDING')
        throw (0,errors/* simpleValidationFailed */.jb)('Can not dismiss a pending pull request review');
    if (review.state === 'COMMENTED')
        throw (0,errors/* simpleValidationFailed */.jb)('Can not dismiss a commented pull request review');
    if (review.state === 'DISMISSED')
        return review;
    ctx.store.update(ctx.journal, 'review', review, { state: 'DISMISSED' });
    touchPull(ctx, pull);
    await (0,repo_events/* emitReviewEvent */._j)(ctx, repo, review, 'dismissed');
    return review;
}

;// CONCATENATED MODULE: ./src/clones/github/routes/review-comments.ts











const review_comments_bodySchema = schemas/* object */.Ikc({ body: schemas/* string */.YjP().min(1).max(65536) });
/**
 * Review comments addressed by id (`/pulls/comments/{comment_id}`), the repository-wide list, replies
 * and reactions: what review bots call to read, answer, edit and clean up their inline comments.
 * These come before `/pulls/{pull_number}` in the route table.
 */
const reviewCommentRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/comments',
        operationId: 'pulls/list-review-comments-for-repo',
        docs: 'pulls/comments#list-review-comments-in-a-repository',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const since = ctx.query.get('since');
            const sinceTime = since ? Date.parse(since) : undefined;
            if (since && Number.isNaN(sinceTime))
                throw new errors/* ApiError */.hD(422, 'Validation Failed', {
                    errors: [{ resource: 'PullRequestReviewComment', field: 'since', code: 'invalid' }],
                });
            const key = (c) => (ctx.query.get('sort') === 'updated' ? c.updatedAt : c.createdAt);
            const comments = ctx.store
                .where('reviewComment', `repo:${repo.id}`)
                .filter((c) => c.reviewId === null || reviewVisible(ctx, ctx.store.get('review', c.reviewId)))
                .filter((c) => sinceTime === undefined || Date.parse(c.updatedAt) >= sinceTime)
                .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
            if (ctx.query.get('direction') === 'desc')
                comments.reverse();
            return okPage(ctx, comments, (c) => (0,render_reviews/* renderReviewComment */.s)(ctx, repo, c));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
        operationId: 'pulls/get-review-comment',
        docs: 'pulls/comments#get-a-review-comment-for-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            return (0,route.ok)((0,render_reviews/* renderReviewComment */.s)(ctx, repo, findReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'))));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
        operationId: 'pulls/update-review-comment',
        docs: 'pulls/comments#update-a-review-comment-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const id = (0,lookup/* intParam */.pL)(ctx, 'comment_id');
            const { body } = parseBody(ctx, review_comments_bodySchema);
            return (0,route.ok)((0,render_reviews/* renderReviewComment */.s)(ctx, repo, await updateReviewComment(ctx, repo, id, body)));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
        operationId: 'pulls/delete-review-comment',
        docs: 'pulls/comments#delete-a-review-comment-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            await deleteReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
        operationId: 'pulls/create-reply-for-review-comment',
        docs: 'pulls/comments#create-a-reply-for-a-review-comment',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const parent = findReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            if (parent.pullId !== pull.id)
                throw (0,errors/* notFound */.mX)();
            const { body } = parseBody(ctx, review_comments_bodySchema);
            const comment = await (0,reviews/* commentOnDiff */.mu)(ctx, repo, issue, pull, { body, in_reply_to: parent.id });
            const rendered = (0,render_reviews/* renderReviewComment */.s)(ctx, repo, comment);
            return (0,route/* created */.zu)(rendered, { location: rendered.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions',
        operationId: 'reactions/list-for-pull-request-review-comment',
        docs: 'reactions/reactions#list-reactions-for-a-pull-request-review-comment',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const comment = findReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return listReactions(ctx, ctx.store.where('reaction', `review-comment:${comment.id}`));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions',
        operationId: 'reactions/create-for-pull-request-review-comment',
        docs: 'reactions/reactions#create-reaction-for-a-pull-request-review-comment',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const comment = findReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return react(ctx, repo, { kind: 'pull_request_review_comment', commentId: comment.id }, ctx.store.where('reaction', `review-comment:${comment.id}`));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}',
        operationId: 'reactions/delete-for-pull-request-comment',
        docs: 'reactions/reactions#delete-a-pull-request-comment-reaction',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const comment = findReviewComment(ctx, repo, (0,lookup/* intParam */.pL)(ctx, 'comment_id'));
            return unreact(ctx, ctx.store.where('reaction', `review-comment:${comment.id}`));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/reviews.ts














const reviews_event = schemas/* enum */.k5n(['APPROVE', 'REQUEST_CHANGES', 'COMMENT']);
const inline = schemas/* object */.Ikc({
    path: schemas/* string */.YjP().min(1),
    body: schemas/* string */.YjP().min(1),
    line: schemas/* number */.aig().int().positive().optional(),
    position: schemas/* number */.aig().int().positive().optional(),
    side: schemas/* enum */.k5n(['LEFT', 'RIGHT']).optional(),
    start_line: schemas/* number */.aig().int().positive().optional(),
    start_side: schemas/* enum */.k5n(['LEFT', 'RIGHT']).optional(),
});
const reviews_createSchema = schemas/* object */.Ikc({
    commit_id: schemas/* string */.YjP().optional(),
    body: schemas/* string */.YjP().optional(),
    event: reviews_event.optional(),
    comments: schemas/* array */.YOg(inline).optional(),
});
const submitSchema = schemas/* object */.Ikc({ body: schemas/* string */.YjP().optional(), event: reviews_event });
const reviews_updateSchema = schemas/* object */.Ikc({ body: schemas/* string */.YjP() });
const dismissSchema = schemas/* object */.Ikc({ message: schemas/* string */.YjP(), event: schemas/* literal */.euz('DISMISS').optional() });
const reviewersSchema = schemas/* object */.Ikc({
    reviewers: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    team_reviewers: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
});
const commentSchema = schemas/* union */.KCZ([
    schemas/* object */.Ikc({ body: schemas/* string */.YjP().min(1), in_reply_to: schemas/* number */.aig().int() }),
    inline.extend({ commit_id: schemas/* string */.YjP().min(1), subject_type: schemas/* enum */.k5n(['line', 'file']).optional() }),
]);
function findReview(ctx, pull) {
    const review = ctx.store.get('review', (0,lookup/* intParam */.pL)(ctx, 'review_id'));
    if (!reviewVisible(ctx, review) || review.pullId !== pull.id)
        throw (0,errors/* notFound */.mX)();
    return review;
}
function simplePull(ctx, repo, pull) {
    return (0,pulls/* renderPull */.S)(ctx, repo, ctx.store.get('issue', pull.issueId), pull);
}
const reviewRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        operationId: 'pulls/list-reviews',
        docs: 'pulls/reviews#list-reviews-for-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const me = (0,actor/* actingUser */.e)(ctx.actor)?.id;
            const reviews = ctx.store
                .where('review', `pull:${pull.id}`)
                .filter((review) => review.state !== 'PENDING' || review.userId === me)
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, reviews, (review) => (0,render_reviews/* renderReview */.F)(ctx, repo, review));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        operationId: 'pulls/create-review',
        docs: 'pulls/reviews#create-a-review-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, reviews_createSchema);
            return (0,route.ok)((0,render_reviews/* renderReview */.F)(ctx, repo, await (0,reviews/* createReview */.bx)(ctx, repo, issue, pull, input)));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
        operationId: 'pulls/get-review',
        docs: 'pulls/reviews#get-a-review-for-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            return (0,route.ok)((0,render_reviews/* renderReview */.F)(ctx, repo, findReview(ctx, pull)));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
        operationId: 'pulls/update-review',
        docs: 'pulls/reviews#update-a-review-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const review = findReview(ctx, pull);
            const { body } = parseBody(ctx, reviews_updateSchema);
            return (0,route.ok)((0,render_reviews/* renderReview */.F)(ctx, repo, await updateReview(ctx, repo, review, body)));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
        operationId: 'pulls/delete-pending-review',
        docs: 'pulls/reviews#delete-a-pending-review-for-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const review = findReview(ctx, pull);
            const rendered = (0,render_reviews/* renderReview */.F)(ctx, repo, review);
            deletePendingReview(ctx, review);
            return (0,route.ok)(rendered);
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments',
        operationId: 'pulls/list-comments-for-review',
        docs: 'pulls/reviews#list-comments-for-a-pull-request-review',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const review = findReview(ctx, pull);
            const comments = ctx.store.where('reviewComment', `review:${review.id}`).sort((a, b) => a.id - b.id);
            return okPage(ctx, comments, (c) => (0,render_reviews/* renderReviewComment */.s)(ctx, repo, c));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals',
        operationId: 'pulls/dismiss-review',
        docs: 'pulls/reviews#dismiss-a-review-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsWrite);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const review = findReview(ctx, pull);
            parseBody(ctx, dismissSchema);
            return (0,route.ok)((0,render_reviews/* renderReview */.F)(ctx, repo, await dismissReview(ctx, repo, pull, review)));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events',
        operationId: 'pulls/submit-review',
        docs: 'pulls/reviews#submit-a-review-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const review = findReview(ctx, pull);
            const input = parseBody(ctx, submitSchema);
            await (0,reviews/* submitReview */.h6)(ctx, repo, issue, pull, review, input.event, input.body);
            return (0,route.ok)((0,render_reviews/* renderReview */.F)(ctx, repo, review));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
        operationId: 'pulls/list-requested-reviewers',
        docs: 'pulls/review-requests#get-all-requested-reviewers-for-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            return (0,route.ok)({
                users: pull.requestedReviewerIds.map((id) => (0,render_users/* simpleUserById */.kF)(ctx, id)).filter((u) => u !== null),
                teams: pull.requestedTeamIds
                    .map((id) => ctx.store.get('team', id))
                    .filter((team) => team !== undefined)
                    .map((team) => (0,render_teams/* renderTeam */.CW)(ctx, team)),
            });
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
        operationId: 'pulls/request-reviewers',
        docs: 'reference/pulls#request-reviewers-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsTriage);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, reviewersSchema);
            await (0,reviews/* requestReviewers */.i5)(ctx, repo, issue, pull, input.reviewers ?? [], input.team_reviewers ?? []);
            return (0,route/* created */.zu)(simplePull(ctx, repo, pull));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
        operationId: 'pulls/remove-requested-reviewers',
        docs: 'pulls/review-requests#remove-requested-reviewers-from-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsTriage);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, reviewersSchema);
            await (0,reviews/* removeReviewers */.px)(ctx, repo, issue, pull, input.reviewers ?? [], input.team_reviewers ?? []);
            return (0,route.ok)(simplePull(ctx, repo, pull));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
        operationId: 'pulls/list-review-comments',
        docs: 'pulls/comments#list-review-comments-on-a-pull-request',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsRead);
            const { pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const me = (0,actor/* actingUser */.e)(ctx.actor)?.id;
            const comments = ctx.store
                .where('reviewComment', `pull:${pull.id}`)
                .filter((c) => {
                const review = ctx.store.get('review', c.reviewId);
                return review?.state !== 'PENDING' || review.userId === me;
            })
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, comments, (c) => (0,render_reviews/* renderReviewComment */.s)(ctx, repo, c));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
        operationId: 'pulls/create-review-comment',
        docs: 'pulls/comments#create-a-review-comment-for-a-pull-request',
        handler: async (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.pullsParticipate);
            const { issue, pull } = (0,lookup/* pullParam */.rI)(ctx, repo);
            const input = parseBody(ctx, commentSchema);
            const comment = await (0,reviews/* commentOnDiff */.mu)(ctx, repo, issue, pull, input);
            const body = (0,render_reviews/* renderReviewComment */.s)(ctx, repo, comment);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/search.ts
var search = __webpack_require__(77173);
;// CONCATENATED MODULE: ./src/clones/github/domain/search-more.ts


const REPO_QUALIFIERS = new Set([
    'user',
    'org',
    'repo',
    'in',
    'language',
    'topic',
    'is',
    'archived',
    'fork',
    'created',
    'pushed',
]);
const USER_QUALIFIERS = new Set(['type', 'in', 'repos', 'location', 'fullname', 'created']);
const CODE_QUALIFIERS = new Set([
    'repo',
    'user',
    'org',
    'path',
    'filename',
    'extension',
    'language',
    'in',
]);
const texts = (terms) => terms.filter((t) => t.kind === 'text' && t.value !== '');
const qualifiers = (terms) => terms.filter((t) => t.kind === 'qualifier');
const search_more_time = (text) => Date.parse(text);
/** How well `needles` match weighted `haystacks` (0: some needle is missing, or a negated one present). */
function textScore(needles, haystacks) {
    let score = 1;
    for (const term of needles) {
        const needle = term.value.toLowerCase();
        const weight = haystacks.reduce((sum, [hay, w]) => sum + (hay.includes(needle) ? w : 0), 0);
        if (weight > 0 === term.negated)
            return 0;
        score += weight;
    }
    return score;
}
const ownerLogin = (store, repo) => store.get('user', repo.ownerId)?.login.toLowerCase() ?? '';
/** Repository search over the repositories the searcher can see. */
function searchRepos(store, canRead, terms) {
    const where = qualifiers(terms);
    const inFields = where
        .find((q) => q.key === 'in')
        ?.value.toLowerCase()
        .split(',') ?? ['name', 'description', 'topics'];
    const matches = (repo, q) => {
        const value = q.value.toLowerCase();
        switch (q.key) {
            case 'user':
            case 'org':
                return ownerLogin(store, repo) === value;
            case 'repo':
                return `${ownerLogin(store, repo)}/${repo.name.toLowerCase()}` === value;
            case 'language':
                return (repo.language ?? '').toLowerCase() === value;
            case 'topic':
                return repo.topics.some((topic) => topic.toLowerCase() === value);
            case 'is':
                return value === 'public'
                    ? !repo.private
                    : value === 'private'
                        ? repo.private
                        : value === 'archived'
                            ? repo.archived
                            : true;
            case 'archived':
                return repo.archived === (value === 'true');
            case 'fork':
                return value === 'only' ? repo.forkOf !== null : value === 'true' ? true : repo.forkOf === null;
            case 'created':
                return (0,search/* range */.y1)(q.value, search_more_time)(search_more_time(repo.createdAt));
            case 'pushed':
                return (0,search/* range */.y1)(q.value, search_more_time)(search_more_time(repo.pushedAt));
            default:
                return true;
        }
    };
    const forkFilter = where.some((q) => q.key === 'fork');
    const hits = [];
    for (const repo of store.all('repo')) {
        if (!canRead(repo))
            continue;
        // Forks are left out unless asked for, as GitHub does.
        if (!forkFilter && repo.forkOf !== null)
            continue;
        if (!where.every((q) => matches(repo, q) !== q.negated))
            continue;
        const haystacks = [];
        if (inFields.includes('name'))
            haystacks.push([repo.name.toLowerCase(), 3]);
        if (inFields.includes('description'))
            haystacks.push([(repo.description ?? '').toLowerCase(), 1]);
        if (inFields.includes('topics'))
            haystacks.push([repo.topics.join(' ').toLowerCase(), 2]);
        const score = textScore(texts(terms), haystacks);
        if (score > 0)
            hits.push({ item: repo, score });
    }
    return hits;
}
/** User and organization search. */
function searchUsers(store, terms) {
    const where = qualifiers(terms);
    const inFields = where
        .find((q) => q.key === 'in')
        ?.value.toLowerCase()
        .split(',') ?? ['login', 'name', 'email'];
    const matches = (user, q) => {
        const value = q.value.toLowerCase();
        switch (q.key) {
            case 'type':
                return value === 'org' ? user.type === 'Organization' : value === 'user' ? user.type === 'User' : true;
            case 'repos':
                return (0,search/* range */.y1)(q.value, Number)(store.countWhere('repo', `owner:${user.id}`));
            case 'location':
                return (user.location ?? '').toLowerCase().includes(value);
            case 'fullname':
                return (user.name ?? '').toLowerCase().includes(value);
            case 'created':
                return (0,search/* range */.y1)(q.value, search_more_time)(search_more_time(user.createdAt));
            default:
                return true;
        }
    };
    const hits = [];
    for (const user of store.all('user')) {
        if (user.type === 'Bot')
            continue;
        if (!where.every((q) => matches(user, q) !== q.negated))
            continue;
        const haystacks = [];
        if (inFields.includes('login'))
            haystacks.push([user.login.toLowerCase(), 3]);
        if (inFields.includes('name'))
            haystacks.push([(user.name ?? '').toLowerCase(), 2]);
        if (inFields.includes('email'))
            haystacks.push([(user.email ?? '').toLowerCase(), 1]);
        const score = textScore(texts(terms), haystacks);
        if (score > 0)
            hits.push({ item: user, score });
    }
    return hits;
}
const LANGUAGE_EXTENSIONS = {
    javascript: ['js', 'mjs', 'cjs', 'jsx'],
    typescript: ['ts', 'tsx', 'mts', 'cts'],
    python: ['py'],
    go: ['go'],
    ruby: ['rb'],
    java: ['java'],
    rust: ['rs'],
    markdown: ['md', 'markdown'],
    json: ['json'],
    yaml: ['yml', 'yaml'],
    shell: ['sh', 'bash'],
    css: ['css'],
    html: ['html', 'htm'],
};
/** Files larger than this are not indexed (GitHub's limit is 384 KB). */
const MAX_INDEXED_BYTES = 384 * 1024;
/** Code search: files of the default branches whose content (or path, `in:path`) has every term. */
function searchCode(store, canRead, terms) {
    const where = qualifiers(terms);
    const inPath = where.some((q) => q.key === 'in' && q.value.toLowerCase().split(',').includes('path'));
    const inFile = !where.some((q) => q.key === 'in') ||
        where.some((q) => q.key === 'in' && q.value.toLowerCase().split(',').includes('file'));
    const REPO_LEVEL = ['repo', 'user', 'org'];
    const repoLevel = where.filter((q) => REPO_LEVEL.includes(q.key));
    const fileLevel = where.filter((q) => !REPO_LEVEL.includes(q.key) && q.key !== 'in');
    const repoMatches = (repo, q) => {
        const value = q.value.toLowerCase();
        if (q.key === 'repo')
            return `${ownerLogin(store, repo)}/${repo.name.toLowerCase()}` === value;
        return ownerLogin(store, repo) === value;
    };
    const fileMatches = (path, q) => {
        const value = q.value.toLowerCase();
        const lower = path.toLowerCase();
        const name = lower.split('/').pop();
        const extension = name.includes('.') ? name.split('.').pop() : '';
        switch (q.key) {
            case 'path':
                return lower.startsWith(value.replace(/^\/+/, '')) || lower.includes(`${value.replace(/^\/+|\/+$/g, '')}/`);
            case 'filename':
                return name === value;
            case 'extension':
                return extension === value.replace(/^\./, '');
            case 'language':
                return (LANGUAGE_EXTENSIONS[value] ?? [value]).includes(extension);
            default:
                return true;
        }
    };
    const needles = texts(terms);
    const hits = [];
    for (const repo of store.all('repo')) {
        if (!canRead(repo) || repo.forkOf !== null)
            continue;
        if (!repoLevel.every((q) => repoMatches(repo, q) !== q.negated))
            continue;
        const commit = repo.git.branch(repo.defaultBranch);
        const tree = commit ? repo.git.readCommit(commit)?.tree : undefined;
        if (!commit || !tree)
            continue;
        for (const file of files(repo, tree, '')) {
            if (!fileLevel.every((q) => fileMatches(file.path, q) !== q.negated))
                continue;
            const haystacks = [];
            if (inPath)
                haystacks.push([file.path.toLowerCase(), 2]);
            if (inFile) {
                const data = repo.git.readBlob(file.sha);
                if (data && data.length <= MAX_INDEXED_BYTES && !data.includes(0))
                    haystacks.push([data.toString('utf8').toLowerCase(), 1]);
            }
            const score = needles.length === 0 ? 1 : textScore(needles, haystacks);
            if (score > 0)
                hits.push({ item: { repo, commit, path: file.path, sha: file.sha }, score });
        }
    }
    return hits;
}
function* files(repo, tree, prefix) {
    for (const entry of repo.git.readTree(tree) ?? []) {
        const path = `${prefix}${entry.name}`;
        if ((0,format/* isTreeMode */.AY)(entry.mode))
            yield* files(repo, entry.sha, `${path}/`);
        else if (entry.mode !== '160000')
            yield { path, sha: entry.sha };
    }
}
/** At most this many fragments per file, as GitHub shows a few snippets of a code search hit. */
const MAX_FRAGMENTS = 3;
/**
 * Code search's `text_matches` (the text-match media type) for a file: each line holding one of
 * `needles` (lowercase) is a fragment, with where each needle is in it.
 */
function codeTextMatches(repo, sha, needles, objectUrl) {
    const data = repo.git.readBlob(sha);
    if (!data || data.includes(0) || needles.length === 0)
        return [];
    const fragments = [];
    for (const line of data.toString('utf8').split('\n')) {
        const lower = line.toLowerCase();
        const matches = [];
        for (const needle of needles)
            for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
                matches.push({ text: line.slice(at, at + needle.length), indices: [at, at + needle.length] });
        if (matches.length === 0)
            continue;
        matches.sort((a, b) => a.indices[0] - b.indices[0]);
        fragments.push({ object_url: objectUrl, object_type: 'FileContent', property: 'content', fragment: line, matches });
        if (fragments.length === MAX_FRAGMENTS)
            break;
    }
    return fragments;
}

;// CONCATENATED MODULE: ./src/clones/github/domain/search-commits.ts



const COMMIT_QUALIFIERS = new Set([
    'repo',
    'user',
    'org',
    'author',
    'committer',
    'author-name',
    'committer-name',
    'author-email',
    'committer-email',
    'author-date',
    'committer-date',
    'merge',
    'hash',
    'parent',
    'tree',
    'is',
]);
/** A date qualifier's value (`2024-01-01`, `>=2024-01-01T10:00:00Z`) against a commit time in ms. */
const dateMatches = (spec, person) => (0,search/* range */.y1)(spec, (text) => Date.parse(text))(person.seconds * 1000);
function matches(view, repo, sha, commit, q) {
    const value = q.value.toLowerCase();
    const owner = view.store.get('user', repo.ownerId)?.login.toLowerCase() ?? '';
    switch (q.key) {
        case 'repo':
            return `${owner}/${repo.name.toLowerCase()}` === value;
        case 'user':
        case 'org':
            return owner === value;
        case 'author':
            return (0,git/* userForEmail */.$M)(view, commit.author.email)?.login.toLowerCase() === value;
        case 'committer':
            return (0,git/* userForEmail */.$M)(view, commit.committer.email)?.login.toLowerCase() === value;
        case 'author-name':
            return commit.author.name.toLowerCase().includes(value);
        case 'committer-name':
            return commit.committer.name.toLowerCase().includes(value);
        case 'author-email':
            return commit.author.email.toLowerCase() === value;
        case 'committer-email':
            return commit.committer.email.toLowerCase() === value;
        case 'author-date':
            return dateMatches(q.value, commit.author);
        case 'committer-date':
            return dateMatches(q.value, commit.committer);
        case 'merge':
            return commit.parents.length > 1 === (value === 'true');
        case 'hash':
            return sha.startsWith(value);
        case 'parent':
            return commit.parents.some((parent) => parent.startsWith(value));
        case 'tree':
            return commit.tree.startsWith(value);
        case 'is':
            return value === 'public' ? !repo.private : value === 'private' ? repo.private : true;
        default:
            return true;
    }
}
/**
 * Commit search as GitHub does it: the commits of the default branches of the repositories the
 * searcher can see (forks are not searched), whose message has every free-text term.
 */
function searchCommits(view, canRead, terms) {
    const where = terms.filter((t) => t.kind === 'qualifier');
    const needles = terms.filter((t) => t.kind === 'text' && t.value !== '');
    const hits = [];
    for (const repo of view.store.all('repo')) {
        if (!canRead(repo) || repo.forkOf !== null)
            continue;
        const tip = repo.git.branch(repo.defaultBranch);
        if (!tip)
            continue;
        for (const { sha, commit } of (0,git_history/* logCommits */.Vg)(repo.git, [tip])) {
            if (!where.every((q) => matches(view, repo, sha, commit, q) !== q.negated))
                continue;
            const message = commit.message.toLowerCase();
            if (!needles.every((term) => message.includes(term.value.toLowerCase()) !== term.negated))
                continue;
            hits.push({ item: { repo, sha, commit }, score: 1 });
        }
    }
    return hits;
}

;// CONCATENATED MODULE: ./src/clones/github/routes/search.ts












/** GitHub serves at most the first 1,000 results of a search; asking past them is a 422. */
const MAX_RESULTS = 1000;
function queryOf(ctx) {
    const q = ctx.query.get('q')?.trim();
    if (!q)
        throw (0,errors/* validationFailed */.$Y)([{ resource: 'Search', field: 'q', code: 'missing' }]);
    if (q.length > 256)
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Search', field: 'q', code: 'invalid', message: 'The search is longer than 256 characters.' },
        ]);
    return q;
}
const canRead = (ctx) => (repo) => (0,permissions/* actorRole */.k_)(ctx.store, ctx.actor, repo) !== undefined;
const SEARCH_DOCS = 'https://docs.github.com/v3/search/';
/**
 * GitHub refuses a search scoped to an account or repository that does not exist (or that the
 * searcher cannot see) instead of answering nothing, so a misspelt `repo:` is not taken for an
 * empty result. `users` are the qualifiers naming a person (`author:` in issue search).
 */
function checkScopes(ctx, terms, users = new Set()) {
    const invalid = (message) => new errors/* ApiError */.hD(422, 'Validation Failed', {
        errors: [{ message, resource: 'Search', field: 'q', code: 'invalid' }],
        documentationUrl: SEARCH_DOCS,
    });
    const read = canRead(ctx);
    for (const term of terms) {
        if (term.kind !== 'qualifier' || term.negated)
            continue;
        const value = term.value;
        if (term.key === 'repo') {
            const [owner, name, extra] = value.split('/');
            const repo = owner && name && extra === undefined ? ctx.store.repoByFullName(owner, name) : undefined;
            if (!repo || !read(repo))
                throw invalid(search/* UNSEARCHABLE_SCOPES */.WB);
        }
        else if ((term.key === 'user' || term.key === 'org') && !ctx.store.userByLogin(value)) {
            throw invalid(search/* UNSEARCHABLE_SCOPES */.WB);
        }
        else if (users.has(term.key) && !/^(@me|app\/.+)$/i.test(value) && !ctx.store.userByLogin(value)) {
            throw invalid(search/* UNSEARCHABLE_USERS */.xk);
        }
    }
    return terms;
}
/** Sorted hits (`order` asc or desc, best match first by default, newest first on ties). */
function sortHits(ctx, hits, keys, created, qualifier, 
/** Orders equal keys (times have a second's precision) in the direction asked, as listings do. */
tie = () => 0) {
    const sort = qualifier?.sort ?? ctx.query.get('sort') ?? '';
    const order = (qualifier?.order ?? ctx.query.get('order')) === 'asc' ? 1 : -1;
    const key = keys[sort];
    hits.sort((a, b) => key
        ? order * (key(a.item) - key(b.item) || tie(a.item) - tie(b.item)) || created(b.item) - created(a.item)
        : order * (a.score - b.score) || created(b.item) - created(a.item));
    return hits;
}
/** One page of the first 1,000 hits as `{total_count, incomplete_results, items}`. */
function searchReply(ctx, hits, render, extra = {}) {
    const { page, perPage } = pageParams(ctx.query);
    if ((page - 1) * perPage >= MAX_RESULTS)
        throw new errors/* ApiError */.hD(422, 'Only the first 1000 search results are available', {
            documentationUrl: 'https://docs.github.com/v3/search/',
        });
    const shown = paginate(ctx, hits.slice(0, MAX_RESULTS));
    return (0,route.ok)({ total_count: hits.length, incomplete_results: false, items: shown.items.map(render), ...extra }, shown.headers);
}
const searchRoutes = [
    {
        method: 'GET',
        path: '/search/issues',
        operationId: 'search/issues-and-pull-requests',
        docs: 'search/search#search-issues-and-pull-requests',
        resource: 'search',
        handler: (ctx) => {
            const read = canRead(ctx);
            const terms = checkScopes(ctx, (0,search/* parseQuery */.mA)(queryOf(ctx)), new Set(['author']));
            const hits = (0,search/* searchIssues */.to)({
                store: ctx.store,
                canRead: (repoId) => read(ctx.store.get('repo', repoId)),
                me: (0,actor/* actingUser */.e)(ctx.actor)?.login,
            }, terms).map(({ issue, score }) => ({ item: issue, score }));
            sortHits(ctx, hits, {
                created: (issue) => Date.parse(issue.createdAt),
                updated: (issue) => Date.parse(issue.updatedAt),
                comments: (issue) => ctx.store.countWhere('comment', `issue:${issue.id}`),
                reactions: (issue) => ctx.store.countWhere('reaction', `issue:${issue.id}`),
                interactions: (issue) => ctx.store.countWhere('comment', `issue:${issue.id}`) +
                    ctx.store.countWhere('reaction', `issue:${issue.id}`),
            }, (issue) => Date.parse(issue.createdAt), (0,search/* sortQualifier */.fE)(terms), (issue) => issue.id);
            return searchReply(ctx, hits, ({ item, score }) => ({ ...(0,render_issues/* renderIssue */.yi)(ctx, ctx.store.get('repo', item.repoId), item), score }), { search_type: 'lexical' });
        },
    },
    {
        method: 'GET',
        path: '/search/repositories',
        operationId: 'search/repos',
        docs: 'search/search#search-repositories',
        resource: 'search',
        handler: (ctx) => {
            const hits = searchRepos(ctx.store, canRead(ctx), checkScopes(ctx, (0,search/* parseQuery */.mA)(queryOf(ctx), REPO_QUALIFIERS)));
            sortHits(ctx, hits, { updated: (repo) => Date.parse(repo.updatedAt), stars: () => 0, forks: (repo) => (0,render_repos/* forkCount */.C6)(ctx, repo) }, (repo) => Date.parse(repo.createdAt));
            return searchReply(ctx, hits, ({ item, score }) => ({ ...(0,render_repos/* renderRepo */.ZY)(ctx, item), score }));
        },
    },
    {
        method: 'GET',
        path: '/search/users',
        operationId: 'search/users',
        docs: 'search/search#search-users',
        resource: 'search',
        handler: (ctx) => {
            const hits = searchUsers(ctx.store, (0,search/* parseQuery */.mA)(queryOf(ctx), USER_QUALIFIERS));
            sortHits(ctx, hits, {
                joined: (user) => Date.parse(user.createdAt),
                repositories: (user) => ctx.store.countWhere('repo', `owner:${user.id}`),
                followers: () => 0,
            }, (user) => Date.parse(user.createdAt));
            return searchReply(ctx, hits, ({ item, score }) => ({ ...(0,render_users/* simpleUser */.U5)(ctx, item), score }));
        },
    },
    {
        method: 'GET',
        path: '/search/code',
        operationId: 'search/code',
        docs: 'search/search#search-code',
        resource: 'search',
        handler: (ctx) => {
            const terms = checkScopes(ctx, (0,search/* parseQuery */.mA)(queryOf(ctx), CODE_QUALIFIERS));
            const hits = searchCode(ctx.store, canRead(ctx), terms);
            hits.sort((a, b) => b.score - a.score || (a.item.path < b.item.path ? -1 : 1));
            // GitHub adds the matched fragments only for its text-match media type.
            const needles = /text-match/.test(String(ctx.headers.accept ?? ''))
                ? terms.flatMap((term) => term.kind === 'text' && !term.negated && term.value ? [term.value.toLowerCase()] : [])
                : undefined;
            return searchReply(ctx, hits, ({ item, score }) => {
                const name = (0,render_repos/* fullName */.fq)(ctx, item.repo);
                const repoUrl = ctx.urls.repo(name);
                const path = item.path.split('/').map(encodeURIComponent).join('/');
                const url = `${repoUrl}/contents/${path}?ref=${item.commit}`;
                return {
                    name: item.path.split('/').pop(),
                    path: item.path,
                    sha: item.sha,
                    url,
                    git_url: `${repoUrl}/git/blobs/${item.sha}`,
                    html_url: `${ctx.urls.repoHtml(name)}/blob/${item.commit}/${path}`,
                    repository: (0,render_repos/* renderRepo */.ZY)(ctx, item.repo),
                    score,
                    ...(needles ? { text_matches: codeTextMatches(item.repo, item.sha, needles, url) } : {}),
                };
            });
        },
    },
    {
        method: 'GET',
        path: '/search/commits',
        operationId: 'search/commits',
        docs: 'search/search#search-commits',
        resource: 'search',
        handler: (ctx) => {
            const terms = checkScopes(ctx, (0,search/* parseQuery */.mA)(queryOf(ctx), COMMIT_QUALIFIERS), new Set(['author', 'committer']));
            const hits = searchCommits(ctx, canRead(ctx), terms);
            sortHits(ctx, hits, {
                'author-date': ({ commit }) => commit.author.seconds,
                'committer-date': ({ commit }) => commit.committer.seconds,
            }, ({ commit }) => commit.committer.seconds);
            return searchReply(ctx, hits, ({ item, score }) => {
                const { url, sha, node_id, html_url, comments_url, commit, author, committer, parents } = (0,git/* renderCommit */.ak)(ctx, item.repo, item.sha, item.commit);
                return {
                    url,
                    sha,
                    node_id,
                    html_url,
                    comments_url,
                    commit,
                    author,
                    committer,
                    parents,
                    repository: (0,render_repos/* renderRepo */.ZY)(ctx, item.repo),
                    score,
                };
            });
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/actions-names.ts

/**
 * The name of an Actions secret or variable as GitHub stores it (upper-cased), after GitHub's rules:
 * letters, digits and underscores, not starting with a digit or `GITHUB_`.
 */
function actionsName(name, noun) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name))
        throw new errors/* ApiError */.hD(422, `${noun} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), must not start with a number, and must not start with the GITHUB_ prefix. '${name}' is not valid.`);
    return name.toUpperCase();
}
/**
 * A variable name for `self` (a new variable when undefined) that none of `siblings` (the variables of
 * the same repository, organization or environment) has: 409 as GitHub answers otherwise.
 */
function freeVariableName(siblings, raw, self) {
    const name = actionsName(raw, 'Variable');
    const taken = siblings.find((variable) => variable.name === name);
    if (taken && taken !== self)
        throw new errors/* ApiError */.hD(409, 'Already exists - Variable already exists');
    return name;
}
/** The secret or variable of `rows` (one repository's, organization's or environment's) named `name`, in any case. */
const named = (rows, name) => rows.find((row) => row.name === name.toUpperCase());
/** The same for the `{secret_name}` or `{name}` of a path: 404 when there is none. */
function namedParam(rows, name) {
    const found = named(rows, name ?? '');
    if (!found)
        throw (0,errors/* notFound */.mX)();
    return found;
}

;// CONCATENATED MODULE: ./src/clones/github/routes/secrets.ts









/** A sealed box is the sender's 32-byte ephemeral public key and a 16-byte MAC ahead of the ciphertext. */
const SEALED_BOX_OVERHEAD = 48;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const secrets_putSchema = schemas/* object */.Ikc({ encrypted_value: schemas/* string */.YjP(), key_id: schemas/* string */.YjP() });
/**
 * The public key for sealing the secrets of `scope` (a repository's or an organization's): 32 bytes,
 * fixed per scope, so a client may fetch it once. Any 32 bytes are a valid X25519 public key; nobody
 * here ever opens the boxes.
 */
function publicKeyOf(scope) {
    const key = (0,external_node_crypto_.createHash)('sha256').update(`actions-secrets:${scope}`).digest();
    const keyId = BigInt(`0x${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 15)}`).toString();
    return { key_id: keyId, key: key.toString('base64') };
}
const repoPublicKey = (repo) => publicKeyOf(String(repo.id));
/** A sealed value as `PUT …/secrets/{name}` sends it: refused (422) unless sealed with `key`, the owner's current key. */
function sealedInput(input, key, owner) {
    if (input.key_id !== key.key_id)
        throw new errors/* ApiError */.hD(422, `key_id '${input.key_id}' is not the ${owner}'s current public key; fetch it again from actions/secrets/public-key.`);
    const sealed = BASE64.test(input.encrypted_value) ? Buffer.from(input.encrypted_value, 'base64') : undefined;
    if (!sealed || sealed.length < SEALED_BOX_OVERHEAD)
        throw new errors/* ApiError */.hD(422, `encrypted_value must be a base64 libsodium sealed box made with the ${owner}'s public key.`);
    return input;
}
const secretName = (ctx) => actionsName(ctx.params.secret_name ?? '', 'Secret');
const secretsOf = (ctx, repo) => ctx.store.where('secret', `repo:${repo.id}`);
/** What GitHub shows of a secret: its name and dates, never its value. */
const renderSecret = (secret) => ({
    name: secret.name,
    created_at: secret.createdAt,
    updated_at: secret.updatedAt,
});
const secretRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/secrets',
        operationId: 'actions/list-repo-secrets',
        docs: 'actions/secrets#list-repository-secrets',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsRead);
            const secrets = ctx.store.where('secret', `repo:${repo.id}`).sort((a, b) => a.name.localeCompare(b.name));
            return okCountedPage(ctx, secrets, 'secrets', renderSecret);
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/secrets/public-key',
        operationId: 'actions/get-repo-public-key',
        docs: 'actions/secrets#get-a-repository-public-key',
        handler: (ctx) => (0,route.ok)(repoPublicKey((0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsRead))),
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
        operationId: 'actions/get-repo-secret',
        docs: 'actions/secrets#get-a-repository-secret',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsRead);
            const secret = namedParam(secretsOf(ctx, repo), ctx.params.secret_name);
            return (0,route.ok)(renderSecret(secret));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
        operationId: 'actions/create-or-update-repo-secret',
        docs: 'actions/secrets#create-or-update-a-repository-secret',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsWrite);
            const name = secretName(ctx);
            const input = sealedInput(parseBody(ctx, secrets_putSchema), repoPublicKey(repo), 'repository');
            const existing = named(secretsOf(ctx, repo), name);
            const patch = { encryptedValue: input.encrypted_value, keyId: input.key_id, updatedAt: ctx.now };
            if (existing) {
                ctx.store.update(ctx.journal, 'secret', existing, patch);
                return (0,route/* noContent */.V$)();
            }
            ctx.store.insert(ctx.journal, 'secret', {
                id: ctx.store.nextId('secret'),
                repoId: repo.id,
                name,
                createdAt: ctx.now,
                ...patch,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/actions/secrets/{secret_name}',
        operationId: 'actions/delete-repo-secret',
        docs: 'actions/secrets#delete-a-repository-secret',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsWrite);
            const secret = namedParam(secretsOf(ctx, repo), ctx.params.secret_name);
            ctx.store.remove(ctx.journal, 'secret', secret);
            return (0,route/* noContent */.V$)();
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/state/environment-protection.ts
var environment_protection = __webpack_require__(41247);
;// CONCATENATED MODULE: ./src/clones/github/routes/environment-rules.ts












/** GitHub's bounds: a wait of at most 30 days, at most six reviewers. */
const MAX_WAIT_TIMER = 43_200;
const MAX_REVIEWERS = 6;
/** The `{environment_name}` of the path, in any case as on GitHub. */
function findEnvironment(ctx, repo) {
    const name = (ctx.params.environment_name ?? '').toLowerCase();
    return ctx.store.where('environment', `repo:${repo.id}`).find((env) => env.name.toLowerCase() === name);
}
/** The environment of the path (404 when the repository has none of that name). */
function environmentParam(ctx, need) {
    const repo = (0,lookup/* repoParam */.oq)(ctx, need);
    const environment = findEnvironment(ctx, repo);
    if (!environment)
        throw (0,errors/* notFound */.mX)();
    return { repo, environment };
}
const branchPolicySchema = schemas/* object */.Ikc({ protected_branches: schemas/* boolean */.zMY(), custom_branch_policies: schemas/* boolean */.zMY() });
/** The body of `PUT /repos/{owner}/{repo}/environments/{environment_name}`. */
const environmentSchema = schemas/* object */.Ikc({
    wait_timer: schemas/* number */.aig().int().optional(),
    prevent_self_review: schemas/* boolean */.zMY().optional(),
    reviewers: schemas/* array */.YOg(schemas/* object */.Ikc({ type: schemas/* enum */.k5n(['User', 'Team']), id: schemas/* number */.aig().int() }))
        .nullable()
        .optional(),
    deployment_branch_policy: branchPolicySchema.nullable().optional(),
});
/**
 * The protection a PUT asks for, checked as GitHub checks it (422): a field left out keeps what the
 * environment had; `null` clears the reviewers or the branch policy.
 */
function protectionInput(ctx, repo, existing) {
    const input = parseBody(ctx, environmentSchema);
    const before = existing?.protection ?? environment_protection/* NO_PROTECTION */.W;
    const waitTimer = input.wait_timer ?? before.waitTimer;
    if (waitTimer < 0 || waitTimer > MAX_WAIT_TIMER)
        throw (0,errors/* unprocessable */.Pq)('Environment', `wait_timer must be an integer between 0 and ${MAX_WAIT_TIMER} (minutes), not ${waitTimer}.`, 'wait_timer');
    const reviewers = input.reviewers === undefined ? before.reviewers : (input.reviewers ?? []);
    if (reviewers.length > MAX_REVIEWERS)
        throw (0,errors/* unprocessable */.Pq)('Environment', `An environment has at most ${MAX_REVIEWERS} reviewers; ${reviewers.length} were given.`, 'reviewers');
    for (const reviewer of reviewers)
        checkReviewer(ctx, repo, reviewer);
    const branchPolicy = input.deployment_branch_policy === undefined
        ? before.branchPolicy
        : input.deployment_branch_policy && {
            protectedBranches: input.deployment_branch_policy.protected_branches,
            customBranchPolicies: input.deployment_branch_policy.custom_branch_policies,
        };
    if (branchPolicy && branchPolicy.protectedBranches === branchPolicy.customBranchPolicies)
        throw (0,errors/* unprocessable */.Pq)('Environment', 'deployment_branch_policy: set exactly one of protected_branches and custom_branch_policies to true (or the policy to null to let any branch deploy).', 'deployment_branch_policy');
    return {
        waitTimer,
        preventSelfReview: input.prevent_self_review ?? before.preventSelfReview,
        reviewers: [...new Map(reviewers.map((reviewer) => [`${reviewer.type}:${reviewer.id}`, reviewer])).values()],
        branchPolicy,
    };
}
/** A reviewer must be a user who can read the repository, or a team of its organization. */
function checkReviewer(ctx, repo, reviewer) {
    if (reviewer.type === 'User') {
        const user = ctx.store.get('user', reviewer.id);
        if (!user || user.type !== 'User')
            throw (0,errors/* unprocessable */.Pq)('Environment', `No user with id ${reviewer.id} can be a reviewer.`, 'reviewers');
        if (!(0,permissions/* userRole */.KZ)(ctx.store, user.id, repo))
            throw (0,errors/* unprocessable */.Pq)('Environment', `${user.login} cannot be a reviewer: reviewers need at least read access to ${(0,render_repos/* fullName */.fq)(ctx, repo)}.`, 'reviewers');
        return;
    }
    const team = ctx.store.get('team', reviewer.id);
    if (!team || team.orgId !== repo.ownerId)
        throw (0,errors/* unprocessable */.Pq)('Environment', `No team with id ${reviewer.id} in the organization of ${(0,render_repos/* fullName */.fq)(ctx, repo)} can be a reviewer.`, 'reviewers');
}
/** Switching custom branch policies off drops the name patterns, as GitHub does. */
function applyProtection(ctx, environment, protection) {
    ctx.store.update(ctx.journal, 'environment', environment, { protection, updatedAt: ctx.now });
    if (!protection.branchPolicy?.customBranchPolicies)
        removeBranchPolicies(ctx, environment);
}
function removeBranchPolicies(ctx, environment) {
    for (const policy of branchPoliciesOf(ctx, environment))
        ctx.store.remove(ctx.journal, 'environmentBranchPolicy', policy);
}
/** An environment's `protection_rules` and `deployment_branch_policy`, shaped as GitHub's REST API shows them. */
function renderProtection(ctx, environment) {
    const branchPolicy = environment.protection?.branchPolicy ?? null;
    return {
        protection_rules: (0,environment_protection/* protectionRules */.v)(environment).map((rule) => {
            const base = { id: rule.id, node_id: (0,urls/* nodeId */.s5)('Gate', rule.id), type: rule.type };
            switch (rule.type) {
                case 'wait_timer':
                    return { ...base, wait_timer: rule.waitTimer };
                case 'required_reviewers':
                    return {
                        ...base,
                        prevent_self_review: rule.preventSelfReview,
                        reviewers: rule.reviewers.flatMap((reviewer) => {
                            const shown = renderReviewer(ctx, reviewer);
                            return shown ? [{ type: reviewer.type, reviewer: shown }] : [];
                        }),
                    };
                case 'branch_policy':
                    return base;
            }
        }),
        deployment_branch_policy: branchPolicy && {
            protected_branches: branchPolicy.protectedBranches,
            custom_branch_policies: branchPolicy.customBranchPolicies,
        },
    };
}
/** A reviewer removed since (a deleted user or team) is left out. */
function renderReviewer(ctx, reviewer) {
    if (reviewer.type === 'User') {
        const user = ctx.store.get('user', reviewer.id);
        return user && (0,render_users/* simpleUser */.U5)(ctx, user);
    }
    const team = ctx.store.get('team', reviewer.id);
    return team && (0,render_teams/* renderTeam */.CW)(ctx, team);
}
const branchPoliciesOf = (ctx, environment) => ctx.store.where('environmentBranchPolicy', `environment:${environment.id}`).sort((a, b) => a.id - b.id);
const renderBranchPolicy = (policy) => ({
    id: policy.id,
    node_id: (0,urls/* nodeId */.s5)('GateBranchPolicy', policy.id),
    name: policy.name,
    type: policy.type,
});
function branchPolicyParam(ctx, environment) {
    const policy = branchPoliciesOf(ctx, environment).find((found) => String(found.id) === ctx.params.branch_policy_id);
    if (!policy)
        throw (0,errors/* notFound */.mX)();
    return policy;
}
const policyNameSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP().min(1) });
const policyCreateSchema = policyNameSchema.extend({ type: schemas/* enum */.k5n(['branch', 'tag']).optional() });
const POLICIES = '/repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies';
/** The name patterns of an environment with custom branch policies: `…/deployment-branch-policies`. */
const branchPolicyRoutes = [
    {
        method: 'GET',
        path: POLICIES,
        operationId: 'repos/list-deployment-branch-policies',
        docs: 'deployments/branch-policies#list-deployment-branch-policies',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.metadata);
            return okCountedPage(ctx, branchPoliciesOf(ctx, environment), 'branch_policies', renderBranchPolicy);
        },
    },
    {
        method: 'POST',
        path: POLICIES,
        operationId: 'repos/create-deployment-branch-policy',
        docs: 'deployments/branch-policies#create-a-deployment-branch-policy',
        handler: (ctx) => {
            const { repo, environment } = environmentParam(ctx, permissions/* NEED */.$B.admin);
            // GitHub answers 404 while the environment does not use custom branch policies.
            if (!environment.protection?.branchPolicy?.customBranchPolicies)
                throw (0,errors/* notFound */.mX)();
            const input = parseBody(ctx, policyCreateSchema);
            const type = input.type ?? 'branch';
            const same = branchPoliciesOf(ctx, environment).find((policy) => policy.name === input.name && policy.type === type);
            if (same)
                return (0,route/* json */.Pq)(303, undefined, {
                    location: `${ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo))}/environments/${encodeURIComponent(environment.name)}/deployment-branch-policies/${same.id}`,
                });
            const policy = ctx.store.insert(ctx.journal, 'environmentBranchPolicy', {
                id: ctx.store.nextId('environmentBranchPolicy'),
                repoId: repo.id,
                environmentId: environment.id,
                name: input.name,
                type,
            });
            return (0,route.ok)(renderBranchPolicy(policy));
        },
    },
    {
        method: 'GET',
        path: `${POLICIES}/{branch_policy_id}`,
        operationId: 'repos/get-deployment-branch-policy',
        docs: 'deployments/branch-policies#get-a-deployment-branch-policy',
        handler: (ctx) => (0,route.ok)(renderBranchPolicy(branchPolicyParam(ctx, environmentParam(ctx, permissions/* NEED */.$B.metadata).environment))),
    },
    {
        method: 'PUT',
        path: `${POLICIES}/{branch_policy_id}`,
        operationId: 'repos/update-deployment-branch-policy',
        docs: 'deployments/branch-policies#update-a-deployment-branch-policy',
        handler: (ctx) => {
            const policy = branchPolicyParam(ctx, environmentParam(ctx, permissions/* NEED */.$B.admin).environment);
            const input = parseBody(ctx, policyNameSchema);
            ctx.store.update(ctx.journal, 'environmentBranchPolicy', policy, { name: input.name });
            return (0,route.ok)(renderBranchPolicy(policy));
        },
    },
    {
        method: 'DELETE',
        path: `${POLICIES}/{branch_policy_id}`,
        operationId: 'repos/delete-deployment-branch-policy',
        docs: 'deployments/branch-policies#delete-a-deployment-branch-policy',
        handler: (ctx) => {
            const policy = branchPolicyParam(ctx, environmentParam(ctx, permissions/* NEED */.$B.admin).environment);
            ctx.store.remove(ctx.journal, 'environmentBranchPolicy', policy);
            return (0,route/* noContent */.V$)();
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/variables.ts







const variables_createSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), value: schemas/* string */.YjP() });
const variables_updateSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP().optional(), value: schemas/* string */.YjP().optional() });
const variablesOf = (ctx, repo) => ctx.store.where('variable', `repo:${repo.id}`);
/** The `{name}` of the path: the repository's variable of that name, in any case (404 when there is none). */
const variableParam = (ctx, repo) => namedParam(variablesOf(ctx, repo), ctx.params.name);
/** Variables are not secrets: GitHub shows their values to whoever may read them. */
const renderVariable = (variable) => ({
    name: variable.name,
    value: variable.value,
    created_at: variable.createdAt,
    updated_at: variable.updatedAt,
});
const variableRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/variables',
        operationId: 'actions/list-repo-variables',
        docs: 'actions/variables#list-repository-variables',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesRead);
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
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesWrite);
            const input = parseBody(ctx, variables_createSchema);
            const name = freeVariableName(variablesOf(ctx, repo), input.name);
            ctx.store.insert(ctx.journal, 'variable', {
                id: ctx.store.nextId('variable'),
                repoId: repo.id,
                name,
                value: input.value,
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/variables/{name}',
        operationId: 'actions/get-repo-variable',
        docs: 'actions/variables#get-a-repository-variable',
        handler: (ctx) => (0,route.ok)(renderVariable(variableParam(ctx, (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesRead)))),
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/actions/variables/{name}',
        operationId: 'actions/update-repo-variable',
        docs: 'actions/variables#update-a-repository-variable',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesWrite);
            const variable = variableParam(ctx, repo);
            const input = parseBody(ctx, variables_updateSchema);
            const name = input.name === undefined ? variable.name : freeVariableName(variablesOf(ctx, repo), input.name, variable);
            ctx.store.update(ctx.journal, 'variable', variable, {
                name,
                value: input.value ?? variable.value,
                updatedAt: ctx.now,
            });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/actions/variables/{name}',
        operationId: 'actions/delete-repo-variable',
        docs: 'actions/variables#delete-a-repository-variable',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesWrite);
            ctx.store.remove(ctx.journal, 'variable', variableParam(ctx, repo));
            return (0,route/* noContent */.V$)();
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/environments.ts











/** An environment as GitHub shows it. */
function renderEnvironment(ctx, repo, environment) {
    const name = (0,render_repos/* fullName */.fq)(ctx, repo);
    const path = encodeURIComponent(environment.name);
    return {
        id: environment.id,
        node_id: (0,urls/* nodeId */.s5)('Environment', environment.id),
        name: environment.name,
        url: `${ctx.urls.repo(name)}/environments/${path}`,
        html_url: `${ctx.urls.repoHtml(name)}/settings/environments/${environment.id}/edit`,
        created_at: environment.createdAt,
        updated_at: environment.updatedAt,
        ...renderProtection(ctx, environment),
    };
}
const environmentKey = (environment) => publicKeyOf(`environment:${environment.id}`);
const secretParam = (ctx, environment) => namedParam(ctx.store.where('environmentSecret', `environment:${environment.id}`), ctx.params.secret_name);
const environments_variablesOf = (ctx, environment) => ctx.store.where('environmentVariable', `environment:${environment.id}`);
const environments_variableParam = (ctx, environment) => namedParam(environments_variablesOf(ctx, environment), ctx.params.name);
const environmentRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/environments',
        operationId: 'repos/get-all-environments',
        docs: 'deployments/environments#list-environments',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
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
            const { repo, environment } = environmentParam(ctx, permissions/* NEED */.$B.metadata);
            return (0,route.ok)(renderEnvironment(ctx, repo, environment));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/environments/{environment_name}',
        operationId: 'repos/create-or-update-environment',
        docs: 'deployments/environments#create-or-update-an-environment',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const existing = findEnvironment(ctx, repo);
            const protection = protectionInput(ctx, repo, existing);
            const environment = existing ??
                ctx.store.insert(ctx.journal, 'environment', {
                    id: ctx.store.nextId('environment'),
                    repoId: repo.id,
                    name: ctx.params.environment_name ?? '',
                    createdAt: ctx.now,
                    updatedAt: ctx.now,
                });
            applyProtection(ctx, environment, protection);
            return (0,route.ok)(renderEnvironment(ctx, repo, environment));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/environments/{environment_name}',
        operationId: 'repos/delete-an-environment',
        docs: 'deployments/environments#delete-an-environment',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.admin);
            for (const secret of ctx.store.where('environmentSecret', `environment:${environment.id}`))
                ctx.store.remove(ctx.journal, 'environmentSecret', secret);
            for (const variable of ctx.store.where('environmentVariable', `environment:${environment.id}`))
                ctx.store.remove(ctx.journal, 'environmentVariable', variable);
            removeBranchPolicies(ctx, environment);
            ctx.store.remove(ctx.journal, 'environment', environment);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
        operationId: 'actions/list-environment-secrets',
        docs: 'actions/secrets#list-environment-secrets',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.secretsRead);
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
        handler: (ctx) => (0,route.ok)(environmentKey(environmentParam(ctx, permissions/* NEED */.$B.secretsRead).environment)),
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
        operationId: 'actions/get-environment-secret',
        docs: 'actions/secrets#get-an-environment-secret',
        handler: (ctx) => (0,route.ok)(renderSecret(secretParam(ctx, environmentParam(ctx, permissions/* NEED */.$B.secretsRead).environment))),
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
        operationId: 'actions/create-or-update-environment-secret',
        docs: 'actions/secrets#create-or-update-an-environment-secret',
        handler: (ctx) => {
            const { repo, environment } = environmentParam(ctx, permissions/* NEED */.$B.secretsWrite);
            const name = actionsName(ctx.params.secret_name ?? '', 'Secret');
            const input = sealedInput(parseBody(ctx, secrets_putSchema), environmentKey(environment), 'environment');
            const patch = { encryptedValue: input.encrypted_value, keyId: input.key_id, updatedAt: ctx.now };
            const existing = ctx.store
                .where('environmentSecret', `environment:${environment.id}`)
                .find((candidate) => candidate.name === name);
            if (existing) {
                ctx.store.update(ctx.journal, 'environmentSecret', existing, patch);
                return (0,route/* noContent */.V$)();
            }
            ctx.store.insert(ctx.journal, 'environmentSecret', {
                id: ctx.store.nextId('environmentSecret'),
                repoId: repo.id,
                environmentId: environment.id,
                name,
                createdAt: ctx.now,
                ...patch,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
        operationId: 'actions/delete-environment-secret',
        docs: 'actions/secrets#delete-an-environment-secret',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.secretsWrite);
            ctx.store.remove(ctx.journal, 'environmentSecret', secretParam(ctx, environment));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/variables',
        operationId: 'actions/list-environment-variables',
        docs: 'actions/variables#list-environment-variables',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.variablesRead);
            const variables = environments_variablesOf(ctx, environment).sort((a, b) => a.name.localeCompare(b.name));
            return okCountedPage(ctx, variables, 'variables', renderVariable);
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/variables',
        operationId: 'actions/create-environment-variable',
        docs: 'actions/variables#create-an-environment-variable',
        handler: (ctx) => {
            const { repo, environment } = environmentParam(ctx, permissions/* NEED */.$B.variablesWrite);
            const input = parseBody(ctx, variables_createSchema);
            ctx.store.insert(ctx.journal, 'environmentVariable', {
                id: ctx.store.nextId('environmentVariable'),
                repoId: repo.id,
                environmentId: environment.id,
                name: freeVariableName(environments_variablesOf(ctx, environment), input.name),
                value: input.value,
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
        operationId: 'actions/get-environment-variable',
        docs: 'actions/variables#get-an-environment-variable',
        handler: (ctx) => (0,route.ok)(renderVariable(environments_variableParam(ctx, environmentParam(ctx, permissions/* NEED */.$B.variablesRead).environment))),
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
        operationId: 'actions/update-environment-variable',
        docs: 'actions/variables#update-an-environment-variable',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.variablesWrite);
            const variable = environments_variableParam(ctx, environment);
            const input = parseBody(ctx, variables_updateSchema);
            ctx.store.update(ctx.journal, 'environmentVariable', variable, {
                name: input.name === undefined
                    ? variable.name
                    : freeVariableName(environments_variablesOf(ctx, environment), input.name, variable),
                value: input.value ?? variable.value,
                updatedAt: ctx.now,
            });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}',
        operationId: 'actions/delete-environment-variable',
        docs: 'actions/variables#delete-an-environment-variable',
        handler: (ctx) => {
            const { environment } = environmentParam(ctx, permissions/* NEED */.$B.variablesWrite);
            ctx.store.remove(ctx.journal, 'environmentVariable', environments_variableParam(ctx, environment));
            return (0,route/* noContent */.V$)();
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/org-actions.ts













const scopeSchema = {
    visibility: schemas/* enum */.k5n(model/* ORG_VISIBILITIES */.uh),
    selected_repository_ids: schemas/* array */.YOg(schemas/* number */.aig().int()).optional(),
};
const secretSchema = secrets_putSchema.extend(scopeSchema);
const createVariableSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), value: schemas/* string */.YjP(), ...scopeSchema });
const updateVariableSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().optional(),
    value: schemas/* string */.YjP().optional(),
    visibility: scopeSchema.visibility.optional(),
    selected_repository_ids: scopeSchema.selected_repository_ids,
});
/**
 * The `{org}` of the path, if the actor may manage its Actions secrets or variables: its owners
 * (admins), or an app installed on it with `permission` (`organization_secrets`,
 * `organization_actions_variables`). 404 for a user account or an unknown name, as GitHub answers.
 */
function orgAdminParam(ctx, permission, level) {
    const { account, org } = (0,lookup/* orgParam */.kC)(ctx);
    if (ctx.actor.kind === 'installation') {
        const granted = ctx.actor.token.permissions[permission];
        if (ctx.actor.installation.accountId === org.id && (granted === 'write' || granted === level))
            return { account, org };
        throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
    }
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (user && (user.siteAdmin || org.members.get(user.id) === 'admin'))
        return { account, org };
    throw new errors/* ApiError */.hD(403, `You must be an owner of the ${account.login} organization to manage its Actions secrets and variables.`);
}
const secretsNeed = (ctx, level) => orgAdminParam(ctx, 'organization_secrets', level);
const variablesNeed = (ctx, level) => orgAdminParam(ctx, 'organization_actions_variables', level);
const orgPublicKey = (org) => publicKeyOf(`org:${org.id}`);
/**
 * Where a secret or variable applies: `selected` takes `selected_repository_ids`, each a repository of
 * the organization (422 otherwise); the others apply to every (or every private) repository of it.
 */
function scopeOf(ctx, { account }, visibility, ids) {
    if (visibility !== 'selected')
        return { visibility, selectedRepoIds: [] };
    for (const id of ids ?? [])
        if (ctx.store.get('repo', id)?.ownerId !== account.id)
            throw new errors/* ApiError */.hD(422, `selected_repository_ids: ${id} is not a repository of the ${account.login} organization.`);
    return { visibility, selectedRepoIds: [...new Set(ids ?? [])] };
}
/** What GitHub adds to an organization's secret or variable: its visibility, and where its selection is listed. */
function orgScoped(ctx, { account }, path, record) {
    return {
        visibility: record.visibility,
        ...(record.visibility === 'selected'
            ? {
                selected_repositories_url: `${ctx.urls.api}/orgs/${account.login}/actions/${path}/${record.name}/repositories`,
            }
            : {}),
    };
}
const org_actions_secretsOf = (ctx, { org }) => ctx.store.where('orgSecret', `org:${org.id}`);
const org_actions_variablesOf = (ctx, { org }) => ctx.store.where('orgVariable', `org:${org.id}`);
const org_actions_secretParam = (ctx, org) => namedParam(org_actions_secretsOf(ctx, org), ctx.params.secret_name);
const org_actions_variableParam = (ctx, org) => namedParam(org_actions_variablesOf(ctx, org), ctx.params.name);
/** `…/{name}/repositories`: the repositories a `selected` secret or variable applies to (none for the others). */
function selectedRepos(ctx, record) {
    const repos = record.selectedRepoIds.flatMap((id) => ctx.store.get('repo', id) ?? []);
    return okCountedPage(ctx, repos, 'repositories', (repo) => (0,render_repos/* renderRepo */.ZY)(ctx, repo));
}
/** Whether an organization's secret or variable reaches `repo`, by its visibility. */
function reaches(record, repo) {
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
function reachingRepo(ctx, repo, kind) {
    return byName(ctx.store.where(kind, `org:${repo.ownerId}`).filter((record) => reaches(record, repo)));
}
const selectionSchema = schemas/* object */.Ikc({ selected_repository_ids: scopeSchema.selected_repository_ids.unwrap() });
/**
 * Set, add and remove the repositories a `selected` secret or variable reaches (each a repository of
 * the organization, 422 otherwise); one with another visibility has none to manage (409, as GitHub
 * answers).
 */
function selectionRoutes({ kind, plural, param, need, find }) {
    const noun = plural.slice(0, -1);
    const base = `/orgs/{org}/actions/${plural}/{${param}}/repositories`;
    const reselect = (ctx, change) => {
        const org = need(ctx, 'write');
        const record = find(ctx, org);
        if (record.visibility !== 'selected')
            throw new errors/* ApiError */.hD(409, `The visibility of the ${noun} ${record.name} is "${record.visibility}": set it to "selected" to choose its repositories.`);
        const { selectedRepoIds } = scopeOf(ctx, org, 'selected', change(record.selectedRepoIds));
        ctx.store.update(ctx.journal, kind, record, { selectedRepoIds });
        return (0,route/* noContent */.V$)();
    };
    const repositoryId = (ctx) => (0,lookup/* intParam */.pL)(ctx, 'repository_id');
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
const byName = (items) => items.sort((a, b) => a.name.localeCompare(b.name));
const orgActionsRoutes = [
    {
        method: 'GET',
        path: '/orgs/{org}/actions/secrets',
        operationId: 'actions/list-org-secrets',
        docs: 'actions/secrets#list-organization-secrets',
        handler: (ctx) => {
            const org = secretsNeed(ctx, 'read');
            const secrets = byName(org_actions_secretsOf(ctx, org));
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
        handler: (ctx) => (0,route.ok)(orgPublicKey(secretsNeed(ctx, 'read').org)),
    },
    {
        method: 'GET',
        path: '/orgs/{org}/actions/secrets/{secret_name}',
        operationId: 'actions/get-org-secret',
        docs: 'actions/secrets#get-an-organization-secret',
        handler: (ctx) => {
            const org = secretsNeed(ctx, 'read');
            const secret = org_actions_secretParam(ctx, org);
            return (0,route.ok)({ ...renderSecret(secret), ...orgScoped(ctx, org, 'secrets', secret) });
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
            const existing = named(org_actions_secretsOf(ctx, org), name);
            if (existing) {
                ctx.store.update(ctx.journal, 'orgSecret', existing, patch);
                return (0,route/* noContent */.V$)();
            }
            ctx.store.insert(ctx.journal, 'orgSecret', {
                id: ctx.store.nextId('orgSecret'),
                orgId: org.org.id,
                name,
                createdAt: ctx.now,
                ...patch,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/actions/secrets/{secret_name}/repositories',
        operationId: 'actions/list-selected-repos-for-org-secret',
        docs: 'actions/secrets#list-selected-repositories-for-an-organization-secret',
        handler: (ctx) => selectedRepos(ctx, org_actions_secretParam(ctx, secretsNeed(ctx, 'read'))),
    },
    {
        method: 'DELETE',
        path: '/orgs/{org}/actions/secrets/{secret_name}',
        operationId: 'actions/delete-org-secret',
        docs: 'actions/secrets#delete-an-organization-secret',
        handler: (ctx) => {
            const org = secretsNeed(ctx, 'write');
            ctx.store.remove(ctx.journal, 'orgSecret', org_actions_secretParam(ctx, org));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/actions/variables',
        operationId: 'actions/list-org-variables',
        docs: 'actions/variables#list-organization-variables',
        handler: (ctx) => {
            const org = variablesNeed(ctx, 'read');
            const variables = byName(org_actions_variablesOf(ctx, org));
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
                name: freeVariableName(org_actions_variablesOf(ctx, org), input.name),
                value: input.value,
                ...scopeOf(ctx, org, input.visibility, input.selected_repository_ids),
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            return (0,route/* created */.zu)({});
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/actions/variables/{name}',
        operationId: 'actions/get-org-variable',
        docs: 'actions/variables#get-an-organization-variable',
        handler: (ctx) => {
            const org = variablesNeed(ctx, 'read');
            const variable = org_actions_variableParam(ctx, org);
            return (0,route.ok)({ ...renderVariable(variable), ...orgScoped(ctx, org, 'variables', variable) });
        },
    },
    {
        method: 'PATCH',
        path: '/orgs/{org}/actions/variables/{name}',
        operationId: 'actions/update-org-variable',
        docs: 'actions/variables#update-an-organization-variable',
        handler: (ctx) => {
            const org = variablesNeed(ctx, 'write');
            const variable = org_actions_variableParam(ctx, org);
            const input = parseBody(ctx, updateVariableSchema);
            ctx.store.update(ctx.journal, 'orgVariable', variable, {
                name: input.name === undefined ? variable.name : freeVariableName(org_actions_variablesOf(ctx, org), input.name, variable),
                value: input.value ?? variable.value,
                ...scopeOf(ctx, org, input.visibility ?? variable.visibility, input.selected_repository_ids ?? variable.selectedRepoIds),
                updatedAt: ctx.now,
            });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/actions/variables/{name}/repositories',
        operationId: 'actions/list-selected-repos-for-org-variable',
        docs: 'actions/variables#list-selected-repositories-for-an-organization-variable',
        handler: (ctx) => selectedRepos(ctx, org_actions_variableParam(ctx, variablesNeed(ctx, 'read'))),
    },
    {
        method: 'DELETE',
        path: '/orgs/{org}/actions/variables/{name}',
        operationId: 'actions/delete-org-variable',
        docs: 'actions/variables#delete-an-organization-variable',
        handler: (ctx) => {
            const org = variablesNeed(ctx, 'write');
            ctx.store.remove(ctx.journal, 'orgVariable', org_actions_variableParam(ctx, org));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/organization-secrets',
        operationId: 'actions/list-repo-organization-secrets',
        docs: 'actions/secrets#list-repository-organization-secrets',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.secretsRead);
            return okCountedPage(ctx, reachingRepo(ctx, repo, 'orgSecret'), 'secrets', renderSecret);
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/actions/organization-variables',
        operationId: 'actions/list-repo-organization-variables',
        docs: 'actions/variables#list-repository-organization-variables',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.variablesRead);
            return okCountedPage(ctx, reachingRepo(ctx, repo, 'orgVariable'), 'variables', renderVariable);
        },
    },
    ...selectionRoutes({
        kind: 'orgSecret',
        plural: 'secrets',
        param: 'secret_name',
        need: secretsNeed,
        find: org_actions_secretParam,
    }),
    ...selectionRoutes({
        kind: 'orgVariable',
        plural: 'variables',
        param: 'name',
        need: variablesNeed,
        find: org_actions_variableParam,
    }),
];

;// CONCATENATED MODULE: ./src/clones/github/routes/repo-subscription.ts








const repo_subscription_subscriptionSchema = schemas/* object */.Ikc({ subscribed: schemas/* boolean */.zMY().optional(), ignored: schemas/* boolean */.zMY().optional() });
/** A repository subscription as GitHub shows it. */
function repo_subscription_renderSubscription(ctx, repo, subscription) {
    const repositoryUrl = `${ctx.urls.api}/repos/${(0,render_repos/* fullName */.fq)(ctx, repo)}`;
    return {
        subscribed: !subscription.ignored,
        ignored: subscription.ignored,
        reason: null,
        created_at: subscription.createdAt,
        url: `${repositoryUrl}/subscription`,
        repository_url: repositoryUrl,
    };
}
/** The signed-in user and the `{owner}/{repo}` of the path, with the user's subscription to it if any. */
function subscriptionParam(ctx) {
    const user = signedInUser(ctx);
    const repo = (0,lookup/* repoParam */.oq)(ctx);
    return { user, repo, subscription: repoSubscriptionOf(ctx, user.id, repo.id) };
}
const repoSubscriptionRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/subscription',
        operationId: 'activity/get-repo-subscription',
        docs: 'activity/watching#get-a-repository-subscription',
        handler: (ctx) => {
            const { repo, subscription } = subscriptionParam(ctx);
            if (!subscription)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)(repo_subscription_renderSubscription(ctx, repo, subscription));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/subscription',
        operationId: 'activity/set-repo-subscription',
        docs: 'activity/watching#set-a-repository-subscription',
        handler: (ctx) => {
            const { user, repo, subscription } = subscriptionParam(ctx);
            const input = parseBody(ctx, repo_subscription_subscriptionSchema);
            // Ignoring wins over subscribing, as on GitHub; neither given means watching.
            const ignored = input.ignored ?? false;
            if (subscription) {
                ctx.store.update(ctx.journal, 'repoSubscription', subscription, { ignored });
                return (0,route.ok)(repo_subscription_renderSubscription(ctx, repo, subscription));
            }
            const record = ctx.store.insert(ctx.journal, 'repoSubscription', {
                id: ctx.store.nextId('repoSubscription'),
                userId: user.id,
                repoId: repo.id,
                ignored,
                createdAt: ctx.now,
            });
            return (0,route.ok)(repo_subscription_renderSubscription(ctx, repo, record));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/subscription',
        operationId: 'activity/delete-repo-subscription',
        docs: 'activity/watching#delete-a-repository-subscription',
        handler: (ctx) => {
            const { subscription } = subscriptionParam(ctx);
            if (subscription)
                ctx.store.remove(ctx.journal, 'repoSubscription', subscription);
            return (0,route/* noContent */.V$)();
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/statuses.ts












const statuses_createSchema = schemas/* object */.Ikc({
    state: schemas/* enum */.k5n(['error', 'failure', 'pending', 'success']),
    target_url: schemas/* string */.YjP().nullable().optional(),
    description: schemas/* string */.YjP().nullable().optional(),
    context: schemas/* string */.YjP().min(1).optional(),
});
/** The newest status of each context, and GitHub's combination rule over them. */
function combine(statuses) {
    const latest = new Map();
    for (const status of [...statuses].sort((a, b) => a.id - b.id))
        latest.set(status.context, status);
    const list = [...latest.values()];
    const state = list.some((s) => s.state === 'error' || s.state === 'failure')
        ? 'failure'
        : list.length === 0 || list.some((s) => s.state === 'pending')
            ? 'pending'
            : 'success';
    return { state, list };
}
function shaOf(repo, ref) {
    const sha = (0,revision/* resolveRevision */.e)(repo, ref);
    if (!sha)
        throw new errors/* ApiError */.hD(404, 'No commit found for SHA: ' + ref);
    return sha;
}
const statusRoutes = [
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/statuses/{sha}',
        operationId: 'repos/create-commit-status',
        docs: 'commits/statuses#create-a-commit-status',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.statusesWrite);
            const input = parseBody(ctx, statuses_createSchema);
            const sha = ctx.params.sha;
            if (!/^[0-9a-f]{40}$/.test(sha) || !repo.git.readCommit(sha))
                throw new errors/* ApiError */.hD(422, `No commit found for SHA: ${sha}`);
            const context = input.context ?? 'default';
            if (ctx.store.where('status', `sha:${repo.id}:${sha}`).filter((s) => s.context === context).length >= 1000)
                throw (0,errors/* unprocessable */.Pq)('Status', 'This SHA and context has reached the maximum number of statuses.');
            const status = ctx.store.insert(ctx.journal, 'status', {
                id: ctx.store.nextId('status'),
                repoId: repo.id,
                sha,
                state: input.state,
                context,
                description: input.description ?? null,
                targetUrl: input.target_url ?? null,
                creatorId: (0,actor/* actingUser */.e)(ctx.actor).id,
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            (0,repo_events/* emitStatusEvent */.W2)(ctx, repo, status);
            const body = (0,render_checks/* renderStatus */.LG)(ctx, repo, status);
            return (0,route/* created */.zu)(body, { location: body.url });
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{ref+}/status',
        operationId: 'repos/get-combined-status-for-ref',
        docs: 'commits/statuses#get-the-combined-status-for-a-specific-reference',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.statusesRead);
            const sha = shaOf(repo, ctx.params.ref);
            const { state, list } = combine(ctx.store.where('status', `sha:${repo.id}:${sha}`));
            const repoUrl = ctx.urls.repo((0,render_repos/* fullName */.fq)(ctx, repo));
            const page = paginate(ctx, list.sort((a, b) => a.id - b.id), 100);
            return (0,route.ok)({
                state,
                statuses: page.items.map((status) => {
                    const { creator: _creator, ...rest } = (0,render_checks/* renderStatus */.LG)(ctx, repo, status);
                    return rest;
                }),
                sha,
                total_count: list.length,
                repository: (0,render_repos/* renderRepo */.ZY)(ctx, repo),
                commit_url: `${repoUrl}/commits/${sha}`,
                url: `${repoUrl}/commits/${sha}/status`,
            }, page.headers);
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/commits/{ref+}/statuses',
        operationId: 'repos/list-commit-statuses-for-ref',
        docs: 'commits/statuses#list-commit-statuses-for-a-reference',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.statusesRead);
            const sha = shaOf(repo, ctx.params.ref);
            return okPage(ctx, ctx.store.where('status', `sha:${repo.id}:${sha}`).sort((a, b) => b.id - a.id), (status) => (0,render_checks/* renderStatus */.LG)(ctx, repo, status));
        },
    },
];

// EXTERNAL MODULE: ./src/clones/github/domain/codeowners.ts
var codeowners = __webpack_require__(74196);
;// CONCATENATED MODULE: ./src/clones/github/routes/protection.ts









/** Classic branch protection (`/branches/{branch}/protection`) and CODEOWNERS errors. */
const statusChecksSchema = schemas/* object */.Ikc({
    strict: schemas/* boolean */.zMY().optional(),
    contexts: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    checks: schemas/* array */.YOg(schemas/* object */.Ikc({ context: schemas/* string */.YjP(), app_id: schemas/* number */.aig().int().optional() })).optional(),
})
    .nullable();
const reviewsSchema = schemas/* object */.Ikc({
    dismiss_stale_reviews: schemas/* boolean */.zMY().optional(),
    require_code_owner_reviews: schemas/* boolean */.zMY().optional(),
    required_approving_review_count: schemas/* number */.aig().int().min(0).max(6).optional(),
    require_last_push_approval: schemas/* boolean */.zMY().optional(),
    dismissal_restrictions: schemas/* unknown */.L5J().optional(),
    bypass_pull_request_allowances: schemas/* unknown */.L5J().optional(),
})
    .nullable();
const protection_updateSchema = schemas/* object */.Ikc({
    required_status_checks: statusChecksSchema,
    enforce_admins: schemas/* boolean */.zMY().nullable(),
    required_pull_request_reviews: reviewsSchema,
    restrictions: schemas/* unknown */.L5J().nullable(),
    required_linear_history: schemas/* boolean */.zMY().optional(),
    allow_force_pushes: schemas/* boolean */.zMY().nullable().optional(),
    allow_deletions: schemas/* boolean */.zMY().optional(),
    block_creations: schemas/* boolean */.zMY().optional(),
    required_conversation_resolution: schemas/* boolean */.zMY().optional(),
    lock_branch: schemas/* boolean */.zMY().optional(),
    allow_fork_syncing: schemas/* boolean */.zMY().optional(),
});
function branchParam(ctx, repo) {
    const branch = ctx.params.branch;
    if (!repo.git.branch(branch))
        throw (0,errors/* notFound */.mX)('Branch not found');
    return branch;
}
function protectionParam(ctx, repo) {
    const protection = (0,state_teams/* protectionOf */.fA)(ctx.store, repo, branchParam(ctx, repo));
    if (!protection)
        throw (0,errors/* notFound */.mX)('Branch not protected');
    return protection;
}
function contextsOf(checks) {
    if (!checks)
        return null;
    const contexts = [...(checks.contexts ?? []), ...(checks.checks ?? []).map((check) => check.context)];
    return { strict: checks.strict ?? false, contexts: [...new Set(contexts)] };
}
function reviewsOf(reviews) {
    if (!reviews)
        return null;
    return {
        count: reviews.required_approving_review_count ?? 1,
        dismissStale: reviews.dismiss_stale_reviews ?? false,
        requireCodeOwners: reviews.require_code_owner_reviews ?? false,
        requireLastPush: reviews.require_last_push_approval ?? false,
    };
}
const protectionRoutes = [
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
        operationId: 'repos/get-branch-protection',
        docs: 'branches/branch-protection#get-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            return (0,route.ok)((0,render_teams/* renderProtection */.g4)(ctx, repo, protectionParam(ctx, repo)));
        },
    },
    {
        method: 'PUT',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
        operationId: 'repos/update-branch-protection',
        docs: 'branches/branch-protection#update-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const branch = branchParam(ctx, repo);
            const input = parseBody(ctx, protection_updateSchema);
            const fields = {
                requiredStatusChecks: contextsOf(input.required_status_checks),
                enforceAdmins: input.enforce_admins ?? false,
                requiredReviews: reviewsOf(input.required_pull_request_reviews),
                requiredLinearHistory: input.required_linear_history ?? false,
                allowForcePushes: input.allow_force_pushes ?? false,
                allowDeletions: input.allow_deletions ?? false,
                requiredConversationResolution: input.required_conversation_resolution ?? false,
                lockBranch: input.lock_branch ?? false,
                blockCreations: input.block_creations ?? false,
            };
            const existing = (0,state_teams/* protectionOf */.fA)(ctx.store, repo, branch);
            const protection = existing ??
                ctx.store.insert(ctx.journal, 'protection', {
                    id: ctx.store.nextId('protection'),
                    repoId: repo.id,
                    branch,
                    ...fields,
                });
            if (existing)
                ctx.store.update(ctx.journal, 'protection', existing, fields);
            return (0,route.ok)((0,render_teams/* renderProtection */.g4)(ctx, repo, protection));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection',
        operationId: 'repos/delete-branch-protection',
        docs: 'branches/branch-protection#delete-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = (0,state_teams/* protectionOf */.fA)(ctx.store, repo, branchParam(ctx, repo));
            if (!protection)
                throw new errors/* ApiError */.hD(404, 'Branch not protected');
            ctx.store.remove(ctx.journal, 'protection', protection);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks',
        operationId: 'repos/get-status-checks-protection',
        docs: 'branches/branch-protection#get-status-checks-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            if (!protection.requiredStatusChecks)
                throw (0,errors/* notFound */.mX)('Required status checks not enabled');
            return (0,route.ok)((0,render_teams/* renderStatusChecks */.YK)(ctx, repo, protection));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks',
        operationId: 'repos/update-status-check-protection',
        docs: 'branches/branch-protection#update-status-check-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            if (!protection.requiredStatusChecks)
                throw (0,errors/* notFound */.mX)('Required status checks not enabled');
            const input = parseBody(ctx, statusChecksSchema.unwrap());
            const given = contextsOf(input);
            ctx.store.update(ctx.journal, 'protection', protection, {
                requiredStatusChecks: {
                    strict: input.strict ?? protection.requiredStatusChecks.strict,
                    contexts: input.contexts === undefined && input.checks === undefined
                        ? protection.requiredStatusChecks.contexts
                        : given.contexts,
                },
            });
            return (0,route.ok)((0,render_teams/* renderStatusChecks */.YK)(ctx, repo, protection));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_pull_request_reviews',
        operationId: 'repos/get-pull-request-review-protection',
        docs: 'branches/branch-protection#get-pull-request-review-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            if (!protection.requiredReviews)
                throw (0,errors/* notFound */.mX)('Pull request reviews not enabled');
            return (0,route.ok)((0,render_teams/* renderReviewProtection */.mL)(ctx, repo, protection));
        },
    },
    {
        method: 'PATCH',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/required_pull_request_reviews',
        operationId: 'repos/update-pull-request-review-protection',
        docs: 'branches/branch-protection#update-pull-request-review-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            const input = parseBody(ctx, reviewsSchema.unwrap());
            const current = protection.requiredReviews ?? reviewsOf({});
            if (input.required_approving_review_count !== undefined && input.required_approving_review_count > 6)
                throw (0,errors/* validationFailed */.$Y)([{ resource: 'Protection', code: 'invalid', field: 'required_approving_review_count' }]);
            ctx.store.update(ctx.journal, 'protection', protection, {
                requiredReviews: {
                    count: input.required_approving_review_count ?? current.count,
                    dismissStale: input.dismiss_stale_reviews ?? current.dismissStale,
                    requireCodeOwners: input.require_code_owner_reviews ?? current.requireCodeOwners,
                    requireLastPush: input.require_last_push_approval ?? current.requireLastPush,
                },
            });
            return (0,route.ok)((0,render_teams/* renderReviewProtection */.mL)(ctx, repo, protection));
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
        operationId: 'repos/get-admin-branch-protection',
        docs: 'branches/branch-protection#get-admin-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            return (0,route.ok)((0,render_teams/* renderAdminEnforced */.iH)(ctx, repo, protectionParam(ctx, repo)));
        },
    },
    {
        method: 'POST',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
        operationId: 'repos/set-admin-branch-protection',
        docs: 'branches/branch-protection#set-admin-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            ctx.store.update(ctx.journal, 'protection', protection, { enforceAdmins: true });
            return (0,route.ok)((0,render_teams/* renderAdminEnforced */.iH)(ctx, repo, protection));
        },
    },
    {
        method: 'DELETE',
        path: '/repos/{owner}/{repo}/branches/{branch+}/protection/enforce_admins',
        operationId: 'repos/delete-admin-branch-protection',
        docs: 'branches/branch-protection#delete-admin-branch-protection',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            const protection = protectionParam(ctx, repo);
            ctx.store.update(ctx.journal, 'protection', protection, { enforceAdmins: false });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/codeowners/errors',
        operationId: 'repos/codeowners-errors',
        docs: 'repos/repos#list-codeowners-errors',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.contentsRead);
            const ref = ctx.query.get('ref') ?? repo.defaultBranch;
            const file = (0,codeowners/* readCodeowners */.oZ)(repo.git, ref);
            if (!file)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)({ errors: (0,codeowners/* codeownersErrors */.v0)(ctx.store, repo, file) });
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/teams.ts












/** Teams of organizations: the teams, their members and the repositories they give access to. */
const teams_createSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1).max(255),
    description: schemas/* string */.YjP().nullable().optional(),
    maintainers: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    repo_names: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    privacy: schemas/* enum */.k5n(['secret', 'closed']).optional(),
    notification_setting: schemas/* enum */.k5n(['notifications_enabled', 'notifications_disabled']).optional(),
    permission: schemas/* enum */.k5n(['pull', 'push']).optional(),
    parent_team_id: schemas/* number */.aig().int().nullable().optional(),
});
const teams_updateSchema = teams_createSchema.partial();
const membershipSchema = schemas/* object */.Ikc({ role: schemas/* enum */.k5n(['member', 'maintainer']).optional() });
const repoPermissionSchema = schemas/* object */.Ikc({ permission: schemas/* string */.YjP().optional() });
/** The acting user's role in the organization (apps act through an installation on it). */
function orgRole(ctx, { org }, write = false) {
    if (ctx.actor.kind === 'installation') {
        if (ctx.actor.installation.accountId !== org.id)
            return undefined;
        const level = ctx.actor.token.permissions.members;
        if (!level || (write && level === 'read'))
            throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
        return write ? 'admin' : 'member';
    }
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (!user)
        return undefined;
    if (user.siteAdmin)
        return 'admin';
    return org.members.get(user.id);
}
function requireMember(ctx, org) {
    const role = orgRole(ctx, org);
    if (!role)
        throw new errors/* ApiError */.hD(403, `You must be a member of ${org.account.login} to see its teams.`);
    return role;
}
/** Secret teams are seen by their members and the organization's admins only. */
function visible(ctx, org, team) {
    if (team.privacy === 'closed')
        return orgRole(ctx, org) !== undefined;
    if (orgRole(ctx, org) === 'admin')
        return true;
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    return user !== undefined && (0,state_teams/* teamMemberIds */._s)(ctx.store, team).has(user.id);
}
function teamParam(ctx, org) {
    const team = (0,state_teams/* teamBySlug */.Uq)(ctx.store, org.org.id, ctx.params.team_slug ?? '');
    if (!team || !visible(ctx, org, team))
        throw (0,errors/* notFound */.mX)();
    return team;
}
/** Organization admins and the team's maintainers may change a team. */
function requireTeamAdmin(ctx, org, team) {
    if (orgRole(ctx, org, true) === 'admin')
        return;
    const user = (0,actor/* actingUser */.e)(ctx.actor);
    if (user && (0,state_teams/* lineage */.OZ)(ctx.store, team).some((t) => t.members.get(user.id) === 'maintainer'))
        return;
    throw new errors/* ApiError */.hD(403, 'You must be an organization owner or team maintainer to do that.');
}
function parentTeam(ctx, org, id, self) {
    if (id === null || id === undefined)
        return null;
    const parent = ctx.store.get('team', id);
    if (!parent || parent.orgId !== org.org.id)
        throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: 'invalid', field: 'parent_team_id' }]);
    if (self && (0,state_teams/* lineage */.OZ)(ctx.store, parent).includes(self))
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Team', code: 'custom', field: 'parent_team_id', message: 'A team cannot be its own ancestor' },
        ]);
    if (parent.privacy === 'secret')
        throw (0,errors/* validationFailed */.$Y)([
            { resource: 'Team', code: 'custom', field: 'parent_team_id', message: 'Secret teams cannot be parents' },
        ]);
    return parent.id;
}
const teamRoutes = [
    {
        method: 'GET',
        path: '/orgs/{org}/teams',
        operationId: 'teams/list',
        docs: 'teams/teams#list-teams',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            requireMember(ctx, org);
            const teams = (0,state_teams/* teamsOf */.uk)(ctx.store, org.org.id).filter((team) => visible(ctx, org, team));
            return okPage(ctx, teams, (team) => (0,render_teams/* renderTeam */.CW)(ctx, team));
        },
    },
    {
        method: 'POST',
        path: '/orgs/{org}/teams',
        operationId: 'teams/create',
        docs: 'teams/teams#create-a-team',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            requireMember(ctx, org);
            const input = parseBody(ctx, teams_createSchema);
            const slug = (0,state_teams/* teamSlug */.RZ)(input.name);
            if (!slug || (0,state_teams/* teamBySlug */.Uq)(ctx.store, org.org.id, slug))
                throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: slug ? 'already_exists' : 'invalid', field: 'name' }]);
            const parentId = parentTeam(ctx, org, input.parent_team_id);
            const members = new Map();
            for (const login of input.maintainers ?? []) {
                const user = ctx.store.userByLogin(login);
                if (!user || !org.org.members.has(user.id))
                    throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: 'invalid', field: 'maintainers', value: login }]);
                members.set(user.id, 'maintainer');
            }
            // The creator maintains the team they make (unless they are an admin naming its maintainers).
            const creator = (0,actor/* actingUser */.e)(ctx.actor);
            if (creator && ctx.actor.kind === 'user' && members.size === 0)
                members.set(creator.id, 'maintainer');
            const repos = new Map();
            for (const fullName of input.repo_names ?? []) {
                const [owner, name] = fullName.includes('/') ? fullName.split('/') : [org.account.login, fullName];
                const repo = (0,lookup/* findRepo */.O7)(ctx, owner, name);
                if (!repo || repo.ownerId !== org.org.id)
                    throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: 'invalid', field: 'repo_names', value: fullName }]);
                repos.set(repo.id, input.permission === 'push' ? 'write' : 'read');
            }
            const team = ctx.store.insert(ctx.journal, 'team', {
                id: ctx.store.nextId('team'),
                orgId: org.org.id,
                name: input.name,
                slug,
                description: input.description ?? null,
                privacy: parentId !== null ? 'closed' : (input.privacy ?? 'secret'),
                notificationSetting: input.notification_setting ?? 'notifications_enabled',
                parentId,
                members,
                repos,
                createdAt: ctx.now,
                updatedAt: ctx.now,
            });
            return (0,route/* created */.zu)((0,render_teams/* renderTeamFull */.B)(ctx, team));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/teams/{team_slug}',
        operationId: 'teams/get-by-name',
        docs: 'teams/teams#get-a-team-by-name',
        handler: (ctx) => (0,route.ok)((0,render_teams/* renderTeamFull */.B)(ctx, teamParam(ctx, (0,lookup/* orgParam */.kC)(ctx)))),
    },
    {
        method: 'PATCH',
        path: '/orgs/{org}/teams/{team_slug}',
        operationId: 'teams/update-in-org',
        docs: 'teams/teams#update-a-team',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            requireTeamAdmin(ctx, org, team);
            const input = parseBody(ctx, teams_updateSchema);
            const patch = { updatedAt: ctx.now };
            if (input.name !== undefined && input.name !== team.name) {
                const slug = (0,state_teams/* teamSlug */.RZ)(input.name);
                const clash = (0,state_teams/* teamBySlug */.Uq)(ctx.store, org.org.id, slug);
                if (!slug || (clash && clash !== team))
                    throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: 'already_exists', field: 'name' }]);
                patch.name = input.name;
                patch.slug = slug;
            }
            if (input.description !== undefined)
                patch.description = input.description;
            if (input.privacy !== undefined)
                patch.privacy = input.privacy;
            if (input.notification_setting !== undefined)
                patch.notificationSetting = input.notification_setting;
            if (input.parent_team_id !== undefined)
                patch.parentId = parentTeam(ctx, org, input.parent_team_id, team);
            ctx.store.update(ctx.journal, 'team', team, patch);
            return (0,route.ok)((0,render_teams/* renderTeamFull */.B)(ctx, team));
        },
    },
    {
        method: 'DELETE',
        path: '/orgs/{org}/teams/{team_slug}',
        operationId: 'teams/delete-in-org',
        docs: 'teams/teams#delete-a-team',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            requireTeamAdmin(ctx, org, team);
            // Deleting a parent team deletes its child teams too.
            for (const child of (0,state_teams/* teamsOf */.uk)(ctx.store, org.org.id))
                if (child !== team && (0,state_teams/* lineage */.OZ)(ctx.store, child).includes(team))
                    ctx.store.remove(ctx.journal, 'team', child);
            ctx.store.remove(ctx.journal, 'team', team);
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/teams/{team_slug}/members',
        operationId: 'teams/list-members-in-org',
        docs: 'teams/members#list-team-members',
        handler: (ctx) => {
            const team = teamParam(ctx, (0,lookup/* orgParam */.kC)(ctx));
            const role = ctx.query.get('role') ?? 'all';
            const members = [...(0,state_teams/* teamMemberIds */._s)(ctx.store, team)]
                .filter(([, memberRole]) => role === 'all' || memberRole === role)
                .map(([id]) => id)
                .sort((a, b) => a - b);
            return okPage(ctx, members, (id) => (0,render_teams/* renderTeamMember */.mP)(ctx, id));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
        operationId: 'teams/get-membership-for-user-in-org',
        docs: 'teams/members#get-team-membership-for-a-user',
        handler: (ctx) => {
            const team = teamParam(ctx, (0,lookup/* orgParam */.kC)(ctx));
            const user = (0,lookup/* userParam */.zO)(ctx);
            const role = (0,state_teams/* teamMemberIds */._s)(ctx.store, team).get(user.id);
            if (!role)
                throw (0,errors/* notFound */.mX)();
            return (0,route.ok)((0,render_teams/* renderTeamMembership */.SS)(ctx, team, user.id, role));
        },
    },
    {
        method: 'PUT',
        path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
        operationId: 'teams/add-or-update-membership-for-user-in-org',
        docs: 'teams/members#add-or-update-team-membership-for-a-user',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            requireTeamAdmin(ctx, org, team);
            const user = (0,lookup/* userParam */.zO)(ctx);
            if (user.type !== 'User')
                throw new errors/* ApiError */.hD(422, 'Only users can be team members.');
            const input = parseBody(ctx, membershipSchema);
            // GitHub invites a non-member to the organization; here the invitation is accepted at once.
            if (!org.org.members.has(user.id)) {
                const members = new Map(org.org.members);
                members.set(user.id, 'member');
                ctx.store.update(ctx.journal, 'org', org.org, { members });
            }
            const members = new Map(team.members);
            members.set(user.id, input.role ?? team.members.get(user.id) ?? 'member');
            ctx.store.update(ctx.journal, 'team', team, { members, updatedAt: ctx.now });
            return (0,route.ok)((0,render_teams/* renderTeamMembership */.SS)(ctx, team, user.id, members.get(user.id)));
        },
    },
    {
        method: 'DELETE',
        path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
        operationId: 'teams/remove-membership-for-user-in-org',
        docs: 'teams/members#remove-team-membership-for-a-user',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            requireTeamAdmin(ctx, org, team);
            const user = (0,lookup/* userParam */.zO)(ctx);
            if (team.members.has(user.id)) {
                const members = new Map(team.members);
                members.delete(user.id);
                ctx.store.update(ctx.journal, 'team', team, { members, updatedAt: ctx.now });
            }
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/teams/{team_slug}/repos',
        operationId: 'teams/list-repos-in-org',
        docs: 'teams/teams#list-team-repositories',
        handler: (ctx) => {
            const team = teamParam(ctx, (0,lookup/* orgParam */.kC)(ctx));
            const repos = [...new Set((0,state_teams/* lineage */.OZ)(ctx.store, team).flatMap((t) => [...t.repos.keys()]))]
                .map((id) => ctx.store.get('repo', id))
                .filter((repo) => repo !== undefined)
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, repos, (repo) => (0,render_repos/* renderRepo */.ZY)(ctx, repo, false));
        },
    },
    {
        method: 'GET',
        path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
        operationId: 'teams/check-permissions-for-repo-in-org',
        docs: 'teams/teams#check-team-permissions-for-a-repository',
        handler: (ctx) => {
            const team = teamParam(ctx, (0,lookup/* orgParam */.kC)(ctx));
            const repo = (0,lookup/* findRepo */.O7)(ctx, ctx.params.owner, ctx.params.repo);
            const role = repo ? (0,state_teams/* teamRepoRole */.__)(ctx.store, team, repo) : undefined;
            if (!repo || !role)
                throw (0,errors/* notFound */.mX)();
            if (/application\/vnd\.github(\.v3)?\.repository\+json/.test(String(ctx.headers.accept ?? '')))
                return (0,route.ok)((0,render_teams/* renderTeamRepository */.EF)(ctx, repo, role));
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'PUT',
        path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
        operationId: 'teams/add-or-update-repo-permissions-in-org',
        docs: 'teams/teams#add-or-update-team-repository-permissions',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            if (repo.ownerId !== org.org.id)
                throw new errors/* ApiError */.hD(422, 'The repository must belong to the organization the team is in.');
            const input = parseBody(ctx, repoPermissionSchema);
            const role = model/* ROLE_OF_PERMISSION */.hV[input.permission ?? 'push'];
            if (!role)
                throw (0,errors/* validationFailed */.$Y)([{ resource: 'Team', code: 'invalid', field: 'permission' }]);
            const repos = new Map(team.repos);
            repos.set(repo.id, role);
            ctx.store.update(ctx.journal, 'team', team, { repos, updatedAt: ctx.now });
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'DELETE',
        path: '/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}',
        operationId: 'teams/remove-repo-in-org',
        docs: 'teams/teams#remove-a-repository-from-a-team',
        handler: (ctx) => {
            const org = (0,lookup/* orgParam */.kC)(ctx);
            const team = teamParam(ctx, org);
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.admin);
            if (team.repos.has(repo.id)) {
                const repos = new Map(team.repos);
                repos.delete(repo.id);
                ctx.store.update(ctx.journal, 'team', team, { repos, updatedAt: ctx.now });
            }
            return (0,route/* noContent */.V$)();
        },
    },
    {
        method: 'GET',
        path: '/repos/{owner}/{repo}/teams',
        operationId: 'repos/list-teams',
        docs: 'repos/repos#list-repository-teams',
        handler: (ctx) => {
            const repo = (0,lookup/* repoParam */.oq)(ctx, permissions/* NEED */.$B.metadata);
            const teams = (0,state_teams/* teamsOf */.uk)(ctx.store, repo.ownerId)
                .map((team) => ({ team, role: team.repos.get(repo.id) }))
                .filter((entry) => entry.role !== undefined);
            return okPage(ctx, teams, ({ team, role }) => (0,render_teams/* renderTeam */.CW)(ctx, team, role));
        },
    },
    {
        method: 'GET',
        path: '/user/teams',
        operationId: 'teams/list-for-authenticated-user',
        docs: 'teams/teams#list-teams-for-the-authenticated-user',
        handler: (ctx) => {
            const user = (0,actor/* actingUser */.e)(ctx.actor);
            if (!user || ctx.actor.kind !== 'user')
                throw new errors/* ApiError */.hD(403, 'Resource not accessible by integration');
            const teams = [...ctx.store.all('team')]
                .filter((team) => (0,state_teams/* teamMemberIds */._s)(ctx.store, team).has(user.id))
                .sort((a, b) => a.id - b.id);
            return okPage(ctx, teams, (team) => (0,render_teams/* renderTeamFull */.B)(ctx, team));
        },
    },
];

;// CONCATENATED MODULE: ./src/clones/github/routes/index.ts



































/**
 * Every implemented operation. Order matters where templates overlap: literal segments
 * (`issues/comments`) and suffixed greedy refs (`commits/{ref+}/status`) come before the general
 * template (`issues/{issue_number}`, `commits/{ref+}`).
 */
const ROUTES = [
    ...metaRoutes,
    ...userRoutes,
    ...appRoutes,
    ...repoRoutes,
    ...insightRoutes,
    ...collaboratorRoutes,
    ...commentRoutes,
    ...eventRoutes,
    ...notificationRoutes,
    ...gistRoutes,
    ...gistCommentRoutes,
    ...labelRoutes,
    ...milestoneRoutes,
    ...issueRoutes,
    ...reviewCommentRoutes,
    ...reviewRoutes,
    ...pullRoutes,
    ...gitDataRoutes,
    ...gitTagRoutes,
    ...contentRoutes,
    ...checkRoutes,
    ...statusRoutes,
    // Before commitRoutes: `branches/{branch+}/protection…` must win over `branches/{branch+}`.
    ...protectionRoutes,
    ...commitRoutes,
    ...searchRoutes,
    ...releaseRoutes,
    ...secretRoutes,
    ...variableRoutes,
    ...orgActionsRoutes,
    ...repoSubscriptionRoutes,
    ...environmentRoutes,
    ...branchPolicyRoutes,
    ...actionRoutes,
    ...teamRoutes,
];
/**
 * GitHub operations the clone lacks whose paths another template would read as a name: the branch
 * `main/protection/restrictions`, the ref `<sha>/comments`, the gist `public`. The router knows
 * them (as `null`) so that they answer GitHub's 404 and are logged as not implemented, as every
 * other missing route is, instead of a "Branch not found" that blames the caller.
 */
const LACKED = [
    ['GET', '/gists/public'],
    ['GET', '/gists/starred'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/required_signatures'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks/contexts'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/apps'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/teams'],
    ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/users'],
    ['GET', '/repos/{owner}/{repo}/commits/{commit_sha+}/comments'],
];
let routes_router;
/** The REST routes; a match whose value is `null` is an operation of GitHub's the clone lacks. */
function restRouter() {
    if (routes_router)
        return routes_router;
    routes_router = new router/* Router */.I();
    for (const [method, path] of LACKED)
        routes_router.add(method, path, null);
    for (const route of ROUTES)
        routes_router.add(route.method, route.path, route);
    return routes_router;
}


/***/ })

};
