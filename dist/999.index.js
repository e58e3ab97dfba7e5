export const id = 999;
export const ids = [999];
export const modules = {

/***/ 27236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  handleGraphql: () => (/* binding */ handleGraphql)
});

// EXTERNAL MODULE: ./src/clones/github/domain/context.ts
var context = __webpack_require__(7666);
// EXTERNAL MODULE: ./node_modules/graphql/index.js
var graphql = __webpack_require__(17645);
// EXTERNAL MODULE: ./src/clones/github/http/auth.ts + 1 modules
var auth = __webpack_require__(88747);
// EXTERNAL MODULE: ./src/clones/github/http/body.ts
var body = __webpack_require__(80561);
// EXTERNAL MODULE: ./src/clones/github/http/request-id.ts
var request_id = __webpack_require__(28964);
// EXTERNAL MODULE: ./src/clones/github/state/actor.ts
var state_actor = __webpack_require__(39991);
// EXTERNAL MODULE: ./src/clones/github/http/admission.ts
var admission = __webpack_require__(95452);
// EXTERNAL MODULE: ./src/clones/github/http/rate-limit.ts
var rate_limit = __webpack_require__(4529);
// EXTERNAL MODULE: ./src/clones/github/state/errors.ts
var errors = __webpack_require__(3435);
// EXTERNAL MODULE: ./src/clones/github/state/store.ts
var state_store = __webpack_require__(74803);
// EXTERNAL MODULE: ./src/clones/github/graphql/issues.ts + 1 modules
var issues = __webpack_require__(6986);
// EXTERNAL MODULE: ./src/clones/github/graphql/links.ts
var links = __webpack_require__(14827);
// EXTERNAL MODULE: ./src/clones/github/graphql/objects.ts + 1 modules
var objects = __webpack_require__(44673);
// EXTERNAL MODULE: ./src/clones/github/graphql/repository.ts + 3 modules
var repository = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/clones/github/graphql/wire.ts




links/* links */.y.repo = repository/* repoObject */.C;
links/* links */.y.pull = issues/* pullObject */.zD;
links/* links */.y.actor = objects/* actorById */.UY;

// EXTERNAL MODULE: ./src/clones/github/domain/pulls.ts
var pulls = __webpack_require__(44205);
// EXTERNAL MODULE: ./src/clones/github/webhooks/payloads.ts
var payloads = __webpack_require__(76588);
;// CONCATENATED MODULE: ./src/clones/github/domain/issue-delete.ts


/**
 * Deletes an issue as GitHub does (GraphQL's `deleteIssue`; REST has no such operation): the issue
 * with its comments, their reactions and its events. Its number is not given out again, and reading
 * it answers 410 Gone. The `issues.deleted` webhook carries the issue as it was.
 */
async function deleteIssue(ctx, issue) {
    const { store, journal } = ctx;
    const repo = store.get('repo', issue.repoId);
    if (repo)
        await (0,payloads/* emitIssueEvent */.xZ)(ctx, repo, issue, 'deleted');
    for (const comment of store.where('comment', `issue:${issue.id}`)) {
        for (const reaction of store.where('reaction', (0,state_store/* reactionKey */.Ph)({ kind: 'issue_comment', commentId: comment.id })))
            store.remove(journal, 'reaction', reaction);
        store.remove(journal, 'comment', comment);
    }
    for (const reaction of store.where('reaction', (0,state_store/* reactionKey */.Ph)({ kind: 'issue', issueId: issue.id })))
        store.remove(journal, 'reaction', reaction);
    for (const event of store.where('event', `issue:${issue.id}`))
        store.remove(journal, 'event', event);
    store.remove(journal, 'issue', issue);
    store.insert(journal, 'deletedIssue', {
        id: store.nextId('deletedIssue'),
        repoId: issue.repoId,
        number: issue.number,
        deletedAt: ctx.now,
    });
}

// EXTERNAL MODULE: ./src/clones/github/domain/issue-pin.ts
var issue_pin = __webpack_require__(87128);
// EXTERNAL MODULE: ./src/clones/github/domain/git-write.ts
var git_write = __webpack_require__(93115);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/graphql/context.ts
var graphql_context = __webpack_require__(47337);
// EXTERNAL MODULE: ./src/clones/github/graphql/query.ts
var query = __webpack_require__(35678);
// EXTERNAL MODULE: ./src/clones/github/routes/lookup.ts
var lookup = __webpack_require__(5701);
;// CONCATENATED MODULE: ./src/clones/github/graphql/git-mutations.ts





const str = (value) => (typeof value === 'string' ? value : undefined);
const list = (value) => (Array.isArray(value) ? value : []);
function repoByNodeId(ctx, id) {
    const decoded = (0,query/* decodeNodeId */.SV)(id);
    const repo = decoded?.type === 'Repository' ? ctx.domain.store.get('repo', decoded.id) : undefined;
    if (!repo)
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return located(ctx, repo);
}
function located(ctx, repo) {
    const [owner = '', name = ''] = (0,repos/* fullName */.fq)(ctx.domain, repo).split('/');
    return { repo, params: { owner, repo: name } };
}
/**
 * `createRef`, `createCommitOnBranch`: what agents and Actions use to commit without a clone of the
 * repository. Each runs the clone's git data REST operations, so permissions, push webhooks and
 * pull requests following their branch behave as for the REST calls.
 */
const GIT_MUTATIONS = {
    async createRef(ctx, input) {
        const { repo, params } = repoByNodeId(ctx, String(input.repositoryId));
        const name = String(input.name);
        const oid = String(input.oid);
        await (0,graphql_context/* operation */.MQ)(ctx, 'git/create-ref', { params, body: { ref: name, sha: oid } });
        return { ref: (0,objects/* refObject */.Zu)(ctx.domain, repo, name, oid) };
    },
    async createCommitOnBranch(ctx, input) {
        const branch = (input.branch ?? {});
        const nameWithOwner = str(branch.repositoryNameWithOwner);
        const branchName = str(branch.branchName)?.replace(/^refs\/heads\//, '');
        if (!nameWithOwner || !branchName)
            throw (0,graphql_context/* gqlError */.tr)('UNPROCESSABLE', 'createCommitOnBranch: give branch.repositoryNameWithOwner and branch.branchName (branch.id is not supported by the clone).');
        const [owner = '', repoName = ''] = nameWithOwner.split('/');
        const found = (0,lookup/* findRepo */.O7)(ctx.domain, owner, repoName);
        if (!found)
            throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
        const { repo, params } = located(ctx, found);
        const ref = (await (0,graphql_context/* operation */.MQ)(ctx, 'git/get-ref', { params: { ...params, ref: `heads/${branchName}` } }).catch(() => {
            throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `A ref named "refs/heads/${branchName}" does not exist in ${nameWithOwner}.`);
        }));
        const head = ref.object.sha;
        const expected = str(input.expectedHeadOid);
        if (expected !== head)
            throw (0,graphql_context/* gqlError */.tr)('STALE_DATA', `Expected branch to point to "${expected ?? ''}" but it did not. Pull and try again.`);
        const headCommit = (await (0,graphql_context/* operation */.MQ)(ctx, 'git/get-commit', { params: { ...params, commit_sha: head } }));
        const changes = (input.fileChanges ?? {});
        const tree = [];
        for (const addition of list(changes.additions)) {
            const blob = (await (0,graphql_context/* operation */.MQ)(ctx, 'git/create-blob', {
                params,
                body: { content: String(addition.contents ?? ''), encoding: 'base64' },
            }));
            tree.push({ path: String(addition.path), mode: '100644', type: 'blob', sha: blob.sha });
        }
        for (const deletion of list(changes.deletions))
            tree.push({ path: String(deletion.path), mode: '100644', type: 'blob', sha: null });
        const newTree = (await (0,graphql_context/* operation */.MQ)(ctx, 'git/create-tree', {
            params,
            body: { base_tree: headCommit.tree.sha, tree },
        }));
        const message = (input.message ?? {});
        const body = str(message.body);
        const commit = (await (0,graphql_context/* operation */.MQ)(ctx, 'git/create-commit', {
            params,
            body: {
                message: body ? `${String(message.headline ?? '')}\n\n${body}` : String(message.headline ?? ''),
                tree: newTree.sha,
                parents: [head],
            },
        }));
        await (0,graphql_context/* operation */.MQ)(ctx, 'git/update-ref', {
            params: { ...params, ref: `heads/${branchName}` },
            body: { sha: commit.sha, force: false },
        });
        return {
            commit: (0,objects/* commitObject */.zS)(ctx.domain, repo, commit.sha),
            ref: (0,objects/* refObject */.Zu)(ctx.domain, repo, `refs/heads/${branchName}`, commit.sha),
        };
    },
};

;// CONCATENATED MODULE: ./src/clones/github/graphql/reaction-mutations.ts





/**
 * The subject `subjectId` names: an issue, a pull request (its issue's reactions, as on GitHub) or
 * an issue comment the viewer can see; NOT_FOUND otherwise.
 */
function reactable(ctx, subjectId) {
    const node = (0,query/* requireNode */.Qj)(ctx, subjectId, 'Issue', 'PullRequest', 'IssueComment');
    const { store } = ctx.domain;
    const databaseId = node.databaseId;
    const issue = node.__typename === 'Issue'
        ? store.get('issue', databaseId)
        : node.__typename === 'PullRequest'
            ? store.get('issue', store.get('pull', databaseId)?.issueId)
            : undefined;
    const comment = node.__typename === 'IssueComment' ? store.get('comment', databaseId) : undefined;
    const repo = store.get('repo', issue?.repoId ?? comment?.repoId);
    if (!repo || (!issue && !comment))
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${subjectId}'`);
    const [owner = '', name = ''] = (0,repos/* fullName */.fq)(ctx.domain, repo).split('/');
    return issue
        ? {
            node,
            key: `issue:${issue.id}`,
            create: 'reactions/create-for-issue',
            remove: 'reactions/delete-for-issue',
            params: { owner, repo: name, issue_number: issue.number },
        }
        : {
            node,
            key: `comment:${comment.id}`,
            create: 'reactions/create-for-issue-comment',
            remove: 'reactions/delete-for-issue-comment',
            params: { owner, repo: name, comment_id: comment.id },
        };
}
/** GraphQL's `ReactionContent` (`THUMBS_UP`) as REST's content (`+1`). */
function restContent(value) {
    const content = Object.entries(issues/* REACTIONS */.nM).find(([, graphql]) => graphql === value)?.[0];
    if (!content)
        throw (0,graphql_context/* gqlError */.tr)('UNPROCESSABLE', `${String(value)} is not a valid reaction content.`);
    return content;
}
function payload(ctx, subject, reaction) {
    return {
        reaction: reaction ? (0,issues/* reactionObject */.f9)(ctx.domain, reaction) : null,
        subject: subject.node,
        reactionGroups: () => (0,issues/* reactionGroups */.Ao)(ctx.domain, subject.key),
    };
}
/**
 * `addReaction` and `removeReaction`, as bots acknowledge an issue or a comment: through the REST
 * reaction operations, so the rules (one reaction per user and content, only one's own removed) are theirs.
 */
const REACTION_MUTATIONS = {
    async addReaction(ctx, input) {
        const subject = reactable(ctx, String(input.subjectId));
        const created = (await (0,graphql_context/* operation */.MQ)(ctx, subject.create, {
            params: subject.params,
            body: { content: restContent(input.content) },
        }));
        return payload(ctx, subject, ctx.domain.store.get('reaction', created.id));
    },
    async removeReaction(ctx, input) {
        const subject = reactable(ctx, String(input.subjectId));
        const content = restContent(input.content);
        const viewer = (0,state_actor/* actingUser */.e)(ctx.domain.actor)?.id;
        const mine = ctx.domain.store
            .where('reaction', subject.key)
            .find((reaction) => reaction.userId === viewer && reaction.content === content);
        if (mine)
            await (0,graphql_context/* operation */.MQ)(ctx, subject.remove, { params: { ...subject.params, reaction_id: mine.id } });
        return payload(ctx, subject, mine);
    },
};

// EXTERNAL MODULE: ./src/clones/github/graphql/review-thread-mutations.ts
var review_thread_mutations = __webpack_require__(10188);
// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
;// CONCATENATED MODULE: ./src/clones/github/graphql/mutations.ts

















/** The issue or pull request a global id names (NOT_FOUND when there is none the viewer can see). */
function issueish(ctx, id, kinds = ['Issue', 'PullRequest']) {
    const { store } = ctx.domain;
    const decoded = (0,query/* decodeNodeId */.SV)(id);
    let issue;
    let pull;
    if (decoded?.type === 'Issue' && kinds.includes('Issue'))
        issue = store.get('issue', decoded.id);
    if (decoded?.type === 'PullRequest' && kinds.includes('PullRequest')) {
        pull = store.get('pull', decoded.id);
        issue = store.get('issue', pull?.issueId);
    }
    if (issue?.pullId && !pull)
        pull = store.get('pull', issue.pullId);
    const repo = store.get('repo', issue?.repoId);
    if (!issue || !repo || !canRead(ctx.domain, repo))
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    const [owner = '', name = ''] = (0,repos/* fullName */.fq)(ctx.domain, repo).split('/');
    return { repo, issue, pull, params: { owner, repo: name, issue_number: issue.number, pull_number: issue.number } };
}
function canRead(domain, repo) {
    try {
        (0,permissions/* authorize */.Gq)(domain.store, domain.actor, repo, permissions/* NEED */.$B.metadata);
        return true;
    }
    catch {
        return false;
    }
}
function mutations_repository(ctx, id) {
    const decoded = (0,query/* decodeNodeId */.SV)(id);
    const repo = decoded?.type === 'Repository' ? ctx.domain.store.get('repo', decoded.id) : undefined;
    if (!repo || !canRead(ctx.domain, repo))
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    const [owner = '', name = ''] = (0,repos/* fullName */.fq)(ctx.domain, repo).split('/');
    return { repo, params: { owner, repo: name } };
}
/** The issue comment a global id names, with the REST parameters that address it. */
function issueComment(ctx, id) {
    const decoded = (0,query/* decodeNodeId */.SV)(id);
    const comment = decoded?.type === 'IssueComment' ? ctx.domain.store.get('comment', decoded.id) : undefined;
    const repo = ctx.domain.store.get('repo', comment?.repoId);
    if (!comment || !repo || !canRead(ctx.domain, repo))
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    const [owner = '', name = ''] = (0,repos/* fullName */.fq)(ctx.domain, repo).split('/');
    return { repo, comment, params: { owner, repo: name, comment_id: comment.id } };
}
const recordId = (ctx, id, type) => {
    const decoded = (0,query/* decodeNodeId */.SV)(id);
    if (!decoded || decoded.type !== type)
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return decoded.id;
};
const logins = (ctx, ids) => ids?.map((id) => {
    const user = ctx.domain.store.get('user', recordId(ctx, id, (0,query/* decodeNodeId */.SV)(id)?.type === 'Bot' ? 'Bot' : 'User'));
    if (!user)
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return user.login;
});
/** Teams by node id; only a team of the organization that owns the repository can review there. */
const teamSlugs = (ctx, repo, ids) => ids?.map((id) => {
    const team = ctx.domain.store.get('team', recordId(ctx, id, 'Team'));
    if (!team)
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    if (team.orgId !== repo.ownerId)
        throw (0,graphql_context/* gqlError */.tr)('UNPROCESSABLE', `Reviews may only be requested from collaborators. ${team.slug} is not a team of the repository's organization.`);
    return team.slug;
});
const labelNames = (ctx, ids) => ids?.map((id) => {
    const label = ctx.domain.store.get('label', recordId(ctx, id, 'Label'));
    if (!label)
        throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
    return label.name;
});
const milestoneNumber = (ctx, id) => id === undefined
    ? undefined
    : id === null
        ? null
        : (ctx.domain.store.get('milestone', recordId(ctx, id, 'Milestone'))?.number ?? null);
const fresh = (ctx, target) => {
    const issue = ctx.domain.store.get('issue', target.issue.id);
    return (0,issues/* issueObject */.D8)(ctx.domain, target.repo, issue);
};
const issueFromRest = (ctx, repo, body) => {
    const issue = ctx.domain.store.issueByNumber(repo.id, body.number);
    return (0,issues/* issueObject */.D8)(ctx.domain, repo, issue);
};
/** GraphQL's `LockReason` as REST's `lock_reason`. */
const LOCK_REASONS = {
    OFF_TOPIC: 'off-topic',
    TOO_HEATED: 'too heated',
    RESOLVED: 'resolved',
    SPAM: 'spam',
};
const viewer = (ctx) => {
    const user = (0,state_actor/* actingUser */.e)(ctx.domain.actor);
    return user ? (0,objects/* actorObject */.rZ)(ctx.domain, user) : null;
};
/** Pins or unpins an issue: writers may (`issues` write for apps); pull requests cannot be pinned. */
async function pin(ctx, id, pinned) {
    const target = issueish(ctx, id, ['Issue']);
    try {
        (0,permissions/* authorize */.Gq)(ctx.domain.store, ctx.domain.actor, target.repo, permissions/* NEED */.$B.issuesAdmin);
        await (0,issue_pin/* setIssuePinned */.yw)(ctx.domain, target.repo, target.issue, pinned);
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD))
            throw error;
        if (error.status === 422)
            throw (0,graphql_context/* gqlError */.tr)('UNPROCESSABLE', error.message);
        throw (0,graphql_context/* gqlError */.tr)('FORBIDDEN', `${(0,state_actor/* actingUser */.e)(ctx.domain.actor)?.login ?? 'Viewer'} does not have the correct permissions to execute \`${pinned ? 'PinIssue' : 'UnpinIssue'}\``);
    }
    return fresh(ctx, target);
}
const mutations_str = (value) => (typeof value === 'string' ? value : undefined);
const num = (value) => (typeof value === 'number' ? value : undefined);
const strs = (value) => (Array.isArray(value) ? value : undefined);
/** The mutations `gh` and agents use, each through the REST operation that does the same. */
const MUTATIONS = {
    ...GIT_MUTATIONS,
    ...review_thread_mutations.REVIEW_THREAD_MUTATIONS,
    ...REACTION_MUTATIONS,
    async createIssue(ctx, input) {
        const { repo, params } = mutations_repository(ctx, String(input.repositoryId));
        const body = await (0,graphql_context/* operation */.MQ)(ctx, 'issues/create', {
            params,
            body: {
                title: input.title,
                body: mutations_str(input.body),
                assignees: logins(ctx, strs(input.assigneeIds)),
                labels: labelNames(ctx, strs(input.labelIds)),
                milestone: milestoneNumber(ctx, mutations_str(input.milestoneId)),
            },
        });
        return { issue: issueFromRest(ctx, repo, body) };
    },
    async updateIssue(ctx, input) {
        const target = issueish(ctx, String(input.id), ['Issue']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/update', {
            params: target.params,
            body: {
                title: mutations_str(input.title),
                body: mutations_str(input.body),
                state: mutations_str(input.state)?.toLowerCase(),
                assignees: logins(ctx, strs(input.assigneeIds)),
                labels: labelNames(ctx, strs(input.labelIds)),
                milestone: milestoneNumber(ctx, input.milestoneId),
            },
        });
        return { issue: fresh(ctx, target) };
    },
    async closeIssue(ctx, input) {
        const target = issueish(ctx, String(input.issueId), ['Issue']);
        const reason = mutations_str(input.stateReason)?.toLowerCase();
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/update', {
            params: target.params,
            body: { state: 'closed', state_reason: reason ?? 'completed' },
        });
        return { issue: fresh(ctx, target) };
    },
    async deleteIssue(ctx, input) {
        const target = issueish(ctx, String(input.issueId), ['Issue']);
        try {
            (0,permissions/* authorize */.Gq)(ctx.domain.store, ctx.domain.actor, target.repo, permissions/* NEED */.$B.admin);
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD)
                throw (0,graphql_context/* gqlError */.tr)('FORBIDDEN', `${(0,state_actor/* actingUser */.e)(ctx.domain.actor)?.login ?? 'Viewer'} does not have the correct permissions to execute \`DeleteIssue\``);
            throw error;
        }
        await deleteIssue(ctx.domain, target.issue);
        return { repository: (0,repository/* repoObject */.C)(ctx.domain, target.repo) };
    },
    async pinIssue(ctx, input) {
        return { issue: await pin(ctx, String(input.issueId), true) };
    },
    async unpinIssue(ctx, input) {
        return { issue: await pin(ctx, String(input.issueId), false) };
    },
    async lockLockable(ctx, input) {
        const target = issueish(ctx, String(input.lockableId));
        const reason = LOCK_REASONS[mutations_str(input.lockReason) ?? ''];
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/lock', { params: target.params, body: reason ? { lock_reason: reason } : {} });
        return { lockedRecord: fresh(ctx, target), actor: viewer(ctx) };
    },
    async unlockLockable(ctx, input) {
        const target = issueish(ctx, String(input.lockableId));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/unlock', { params: target.params });
        return { unlockedRecord: fresh(ctx, target), actor: viewer(ctx) };
    },
    async createRepository(ctx, input) {
        const owner = input.ownerId ? ctx.domain.store.get('user', (0,query/* decodeNodeId */.SV)(String(input.ownerId))?.id) : undefined;
        if (input.ownerId && !owner)
            throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${String(input.ownerId)}'`);
        const body = {
            name: mutations_str(input.name),
            description: mutations_str(input.description) ?? null,
            homepage: mutations_str(input.homepageUrl) ?? null,
            private: input.visibility === 'PRIVATE' || input.visibility === 'INTERNAL',
            ...(typeof input.hasIssuesEnabled === 'boolean' ? { has_issues: input.hasIssuesEnabled } : {}),
            ...(typeof input.hasWikiEnabled === 'boolean' ? { has_wiki: input.hasWikiEnabled } : {}),
        };
        const created = (await (owner?.type === 'Organization'
            ? (0,graphql_context/* operation */.MQ)(ctx, 'repos/create-in-org', { params: { org: owner.login }, body })
            : (0,graphql_context/* operation */.MQ)(ctx, 'repos/create-for-authenticated-user', { body })));
        return { repository: (0,repository/* repoObject */.C)(ctx.domain, ctx.domain.store.get('repo', created.id)) };
    },
    async reopenIssue(ctx, input) {
        const target = issueish(ctx, String(input.issueId), ['Issue']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/update', { params: target.params, body: { state: 'open' } });
        return { issue: fresh(ctx, target) };
    },
    async addComment(ctx, input) {
        const target = issueish(ctx, String(input.subjectId));
        const body = (await (0,graphql_context/* operation */.MQ)(ctx, 'issues/create-comment', {
            params: target.params,
            body: { body: input.body },
        }));
        const comment = (0,issues/* commentObject */.Zw)(ctx.domain, target.repo, ctx.domain.store.get('comment', body.id));
        return {
            commentEdge: { cursor: '', node: comment },
            subject: fresh(ctx, target),
            timelineEdge: { cursor: '', node: comment },
        };
    },
    // `gh issue comment --edit-last` and `gh pr comment --edit-last`.
    async updateIssueComment(ctx, input) {
        const { repo, comment, params } = issueComment(ctx, String(input.id));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/update-comment', { params, body: { body: input.body } });
        return { issueComment: (0,issues/* commentObject */.Zw)(ctx.domain, repo, ctx.domain.store.get('comment', comment.id)) };
    },
    async deleteIssueComment(ctx, input) {
        const { params } = issueComment(ctx, String(input.id));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/delete-comment', { params });
        return {};
    },
    async addLabelsToLabelable(ctx, input) {
        const target = issueish(ctx, String(input.labelableId));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/add-labels', {
            params: target.params,
            body: { labels: labelNames(ctx, strs(input.labelIds)) },
        });
        return { labelable: fresh(ctx, target) };
    },
    async removeLabelsFromLabelable(ctx, input) {
        const target = issueish(ctx, String(input.labelableId));
        for (const name of labelNames(ctx, strs(input.labelIds)) ?? [])
            await (0,graphql_context/* operation */.MQ)(ctx, 'issues/remove-label', { params: { ...target.params, name } });
        return { labelable: fresh(ctx, target) };
    },
    async addAssigneesToAssignable(ctx, input) {
        const target = issueish(ctx, String(input.assignableId));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/add-assignees', {
            params: target.params,
            body: { assignees: logins(ctx, strs(input.assigneeIds)) },
        });
        return { assignable: fresh(ctx, target) };
    },
    async removeAssigneesFromAssignable(ctx, input) {
        const target = issueish(ctx, String(input.assignableId));
        await (0,graphql_context/* operation */.MQ)(ctx, 'issues/remove-assignees', {
            params: target.params,
            body: { assignees: logins(ctx, strs(input.assigneeIds)) },
        });
        return { assignable: fresh(ctx, target) };
    },
    async createPullRequest(ctx, input) {
        const { repo, params } = mutations_repository(ctx, String(input.repositoryId));
        const body = await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/create', {
            params,
            body: {
                title: input.title,
                body: mutations_str(input.body),
                head: input.headRefName,
                base: input.baseRefName,
                draft: input.draft ?? undefined,
                maintainer_can_modify: input.maintainerCanModify ?? undefined,
            },
        });
        return { pullRequest: issueFromRest(ctx, repo, body) };
    },
    async updatePullRequest(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/update', {
            params: target.params,
            body: {
                title: mutations_str(input.title),
                body: mutations_str(input.body),
                base: mutations_str(input.baseRefName),
                state: mutations_str(input.state)?.toLowerCase(),
                maintainer_can_modify: input.maintainerCanModify ?? undefined,
            },
        });
        if (input.labelIds !== undefined && input.labelIds !== null)
            await (0,graphql_context/* operation */.MQ)(ctx, 'issues/set-labels', {
                params: target.params,
                body: { labels: labelNames(ctx, strs(input.labelIds)) },
            });
        if (input.assigneeIds !== undefined || input.milestoneId !== undefined)
            await (0,graphql_context/* operation */.MQ)(ctx, 'issues/update', {
                params: target.params,
                body: {
                    assignees: logins(ctx, strs(input.assigneeIds)),
                    milestone: milestoneNumber(ctx, input.milestoneId),
                },
            });
        return { pullRequest: fresh(ctx, target) };
    },
    async closePullRequest(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/update', { params: target.params, body: { state: 'closed' } });
        return { pullRequest: fresh(ctx, target) };
    },
    async reopenPullRequest(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/update', { params: target.params, body: { state: 'open' } });
        return { pullRequest: fresh(ctx, target) };
    },
    async mergePullRequest(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/merge', {
            params: target.params,
            body: {
                merge_method: mutations_str(input.mergeMethod)?.toLowerCase(),
                commit_title: mutations_str(input.commitHeadline),
                commit_message: mutations_str(input.commitBody),
                sha: mutations_str(input.expectedHeadOid),
            },
        });
        return { pullRequest: fresh(ctx, target), actor: ctx.viewer ? (0,objects/* actorObject */.rZ)(ctx.domain, ctx.viewer) : null };
    },
    async markPullRequestReadyForReview(ctx, input) {
        return { pullRequest: await draft(ctx, String(input.pullRequestId), false) };
    },
    async convertPullRequestToDraft(ctx, input) {
        return { pullRequest: await draft(ctx, String(input.pullRequestId), true) };
    },
    async addPullRequestReview(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        const body = (await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/create-review', {
            params: target.params,
            body: {
                body: mutations_str(input.body),
                event: mutations_str(input.event),
                commit_id: mutations_str(input.commitOID),
                comments: reviewComments(input),
            },
        }));
        const review = ctx.domain.store.get('review', body.id);
        return { pullRequestReview: (0,issues/* reviewObject */.o6)(ctx.domain, target.repo, target.pull, review) };
    },
    async submitPullRequestReview(ctx, input) {
        const id = recordId(ctx, String(input.pullRequestReviewId), 'PullRequestReview');
        const review = ctx.domain.store.get('review', id);
        const pull = ctx.domain.store.get('pull', review?.pullId);
        if (!review || !pull)
            throw (0,graphql_context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${String(input.pullRequestReviewId)}'`);
        const target = issueish(ctx, (0,urls/* nodeId */.s5)('PullRequest', pull.id), ['PullRequest']);
        await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/submit-review', {
            params: { ...target.params, review_id: review.id },
            body: { body: mutations_str(input.body), event: mutations_str(input.event) },
        });
        return { pullRequestReview: (0,issues/* reviewObject */.o6)(ctx.domain, target.repo, pull, ctx.domain.store.get('review', id)) };
    },
    async requestReviews(ctx, input) {
        const target = issueish(ctx, String(input.pullRequestId), ['PullRequest']);
        const wanted = logins(ctx, strs(input.userIds)) ?? [];
        const wantedTeams = teamSlugs(ctx, target.repo, strs(input.teamIds)) ?? [];
        const { store } = ctx.domain;
        const pull = store.get('pull', target.pull.id);
        // Without `union: true` the reviewers given replace the pending requests, as on GitHub. The new
        // requests go first: one GitHub refuses (a team without access) then changes nothing.
        const dropped = input.union === true ? [] : pendingLogins(ctx, pull.requestedReviewerIds, wanted);
        const droppedTeams = input.union === true
            ? []
            : pull.requestedTeamIds
                .map((id) => store.get('team', id)?.slug)
                .filter((slug) => slug !== undefined && !wantedTeams.includes(slug));
        if (wanted.length > 0 || wantedTeams.length > 0)
            await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/request-reviewers', {
                params: target.params,
                body: { reviewers: wanted, team_reviewers: wantedTeams },
            });
        if (dropped.length > 0 || droppedTeams.length > 0)
            await (0,graphql_context/* operation */.MQ)(ctx, 'pulls/remove-requested-reviewers', {
                params: target.params,
                body: { reviewers: dropped, team_reviewers: droppedTeams },
            });
        return { pullRequest: fresh(ctx, target) };
    },
};
/**
 * The inline comments of `addPullRequestReview` as REST's create-review takes them: `threads`
 * (by line, the current input) and the older `comments` (by diff position).
 */
function reviewComments(input) {
    const list = (value) => (Array.isArray(value) ? value : []);
    const threads = list(input.threads).map((thread) => ({
        path: mutations_str(thread.path),
        body: mutations_str(thread.body),
        line: num(thread.line),
        side: mutations_str(thread.side),
        start_line: num(thread.startLine),
        start_side: mutations_str(thread.startSide),
    }));
    const comments = list(input.comments).map((comment) => ({
        path: mutations_str(comment.path),
        body: mutations_str(comment.body),
        position: num(comment.position),
    }));
    const all = [...threads, ...comments];
    return all.length > 0 ? all : undefined;
}
function pendingLogins(ctx, ids, kept) {
    return ids
        .map((id) => ctx.domain.store.get('user', id)?.login)
        .filter((login) => login !== undefined && !kept.includes(login));
}
async function draft(ctx, id, value) {
    const target = issueish(ctx, id, ['PullRequest']);
    try {
        (0,permissions/* authorize */.Gq)(ctx.domain.store, ctx.domain.actor, target.repo, permissions/* NEED */.$B.pullsParticipate);
        await (0,git_write/* withRepoLock */.Aq)(ctx.domain, target.repo, () => (0,pulls/* setDraft */.iR)(ctx.domain, target.repo, target.issue, target.pull, value));
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD)
            throw (0,graphql_context/* gqlError */.tr)(error.status === 404 ? 'NOT_FOUND' : error.status === 403 ? 'FORBIDDEN' : 'UNPROCESSABLE', error.message);
        throw error;
    }
    return (0,issues/* pullObject */.zD)(ctx.domain, ctx.domain.store.get('pull', target.pull.id));
}
/** The root `Mutation` object: each mutation takes `input` and echoes its `clientMutationId`. */
function mutationRoot(ctx) {
    const root = { __typename: 'Mutation' };
    for (const [name, run] of Object.entries(MUTATIONS))
        root[name] = async (args) => ({
            __typename: `${name[0].toUpperCase()}${name.slice(1)}Payload`,
            clientMutationId: args.input.clientMutationId ?? null,
            ...(await run(ctx, args.input)),
        });
    return root;
}
const MUTATION_NAMES = Object.keys(MUTATIONS);

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(9927);
;// CONCATENATED MODULE: ./src/clones/github/graphql/schema.ts






/** The file name of the gzipped SDL the Action's bundle carries (it has no node_modules to read it from). */
const SHIPPED_SCHEMA = 'github-schema.graphql.gz';
let schema;
/**
 * GitHub's public GraphQL schema (`@octokit/graphql-schema`), built once per process (~1 s: the
 * SDL is 1.2 MB), when an agent first calls /graphql.
 */
function githubSchema() {
    schema ??= (0,graphql.buildSchema)(schemaSource(), { assumeValidSDL: true });
    return schema;
}
function schemaSource() {
    const shipped = (0,paths/* shippedFile */.kA)(SHIPPED_SCHEMA);
    if (shipped)
        return (0,external_node_zlib_.gunzipSync)((0,external_node_fs_.readFileSync)(shipped)).toString('utf8');
    return (0,external_node_fs_.readFileSync)(packageSchemaFile(), 'utf8');
}
/**
 * The package exports only its JavaScript, so its SDL file is found beside it. (createRequire through
 * the namespace: webpack would replace a bare one with its own require, which has no `resolve.paths`.)
 */
function packageSchemaFile() {
    for (const dir of external_node_module_.createRequire(import.meta.url).resolve.paths('@octokit/graphql-schema') ?? []) {
        const file = (0,external_node_path_.join)(dir, '@octokit', 'graphql-schema', 'schema.graphql');
        if ((0,external_node_fs_.existsSync)(file))
            return file;
    }
    throw new Error(`GitHub's GraphQL schema is missing: neither ${SHIPPED_SCHEMA} beside Archal's bundle nor the @octokit/graphql-schema package is here.`);
}

// EXTERNAL MODULE: ./src/lib/elapsed.ts
var elapsed = __webpack_require__(78987);
;// CONCATENATED MODULE: ./src/clones/github/graphql/handler.ts















const DOCS = 'https://docs.github.com/graphql';
// GitHub (graphql-ruby) accepts a field whose type differs between fragments on exclusive types
// (`... on Issue { state } ... on PullRequest { state }`, as gh asks it); graphql-js would refuse it.
const RULES = graphql.specifiedRules.filter((rule) => rule !== graphql.OverlappingFieldsCanBeMergedRule);
const JSON_TYPE = 'application/json; charset=utf-8';
/**
 * A field the clone implements is a property of the object its parent resolved to (a value, or a
 * function of the arguments); any other field is answered with GitHub's error shape and recorded
 * as not implemented.
 */
const fieldResolver = (source, args, ctx, info) => {
    if (source !== null && typeof source === 'object' && info.fieldName in source) {
        const value = source[info.fieldName];
        return typeof value === 'function' ? value(args, ctx, info) : value;
    }
    const name = `${info.parentType.name}.${info.fieldName}`;
    ctx.unsupported.add(name);
    throw new graphql.GraphQLError(`Field '${info.fieldName}' on type '${info.parentType.name}' is not implemented by the Archal GitHub clone.`, {
        extensions: { type: 'NOT_IMPLEMENTED' },
    });
};
const typeResolver = (value) => value !== null && typeof value === 'object' ? value.__typename : undefined;
/** Serves `POST /graphql` (and `/api/graphql`) over GitHub's schema, logging it like a REST request. */
async function handleGraphql(core, exchange, urls) {
    const started = (0,elapsed/* monotonicMs */.d)();
    const { req, res } = exchange;
    const requestId = (0,request_id/* nextRequestId */.w)();
    const journal = new state_store/* Journal */.CQ();
    const deliveries = [];
    let actor = { kind: 'anonymous' };
    let status = 200;
    let requestText;
    let responseText = '';
    let operationId = null;
    const unsupported = new Set();
    const headers = [];
    try {
        const raw = await (0,body/* readBody */.x)(req, core.config.maxBodyBytes).catch((error) => {
            if (error instanceof body/* BodyTooLargeError */.A)
                throw new errors/* ApiError */.hD(413, 'Request body too large');
            throw error;
        });
        requestText = raw.length > 0 ? raw.toString('utf8') : undefined;
        if (req.method !== 'POST')
            throw new errors/* ApiError */.hD(404, 'Not Found');
        actor = (0,auth/* resolveActor */.i)(core.store, (0,auth/* credential */.e)(req.headers.authorization), core.unknownTokenUserId, core.now());
        if (actor.kind === 'anonymous' || actor.kind === 'app')
            throw new errors/* ApiError */.hD(401, 'This endpoint requires you to be authenticated.');
        // GraphQL has its own bucket; past it GitHub still answers 200, with a RATE_LIMITED error.
        const { key, label } = (0,state_actor/* actorKey */.B)(actor);
        const rate = core.limiter.take(key, 'graphql', Date.now());
        headers.push(...(0,rate_limit/* rateHeaders */.h)(rate));
        if (rate.exceeded) {
            if (core.limiter.kind === 'secondary') {
                headers.push('retry-after', (0,admission/* retryAfter */.P9)(rate));
                throw new errors/* ApiError */.hD(403, (0,admission/* secondaryLimitMessage */.bE)(requestId));
            }
            responseText = JSON.stringify({
                errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for ${label}.` }],
            });
            return;
        }
        let request;
        try {
            request = JSON.parse(requestText ?? '');
        }
        catch {
            throw new errors/* ApiError */.hD(400, 'Problems parsing JSON');
        }
        const ctx = {
            domain: (0,context/* requestContext */.V)(core, { urls, actor, journal, requestId, deliveries }),
            viewer: (0,state_actor/* actingUser */.e)(actor),
            unsupported,
        };
        const result = await run(ctx, request);
        operationId = result.operationId;
        responseText = JSON.stringify(result.body);
    }
    catch (error) {
        if (!(error instanceof errors/* ApiError */.hD))
            throw error;
        status = error.status;
        responseText = JSON.stringify({ message: error.message, documentation_url: DOCS });
    }
    finally {
        if (!res.headersSent) {
            res.writeHead(status, [
                'content-type',
                JSON_TYPE,
                'content-length',
                String(Buffer.byteLength(responseText)),
                'x-github-request-id',
                requestId,
                'server',
                'GitHub.com',
                ...(status === 401 ? ['www-authenticate', 'Bearer realm="GitHub"'] : []),
                ...headers,
            ]);
            res.end(responseText);
        }
        core.log.add({
            requestId,
            kind: 'graphql',
            method: req.method ?? 'POST',
            path: exchange.path,
            query: exchange.search,
            operationId: unsupported.size > 0 ? `graphql:${[...unsupported].join(',')}` : operationId,
            notImplemented: unsupported.size > 0,
            status,
            durationMs: Math.round(((0,elapsed/* monotonicMs */.d)() - started) * 100) / 100,
            actor: actor.kind === 'app' ? `app:${actor.app.slug}` : ((0,state_actor/* actingUser */.e)(actor)?.login ?? null),
            changes: journal.changes,
            deliveries,
        }, { request: requestText, response: responseText });
    }
}
async function run(ctx, request) {
    if (typeof request.query !== 'string' || request.query.trim() === '')
        return {
            body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
            operationId: null,
        };
    let document;
    try {
        document = (0,graphql.parse)(request.query);
    }
    catch (error) {
        return { body: { errors: [formatError(error)] }, operationId: null };
    }
    const schema = githubSchema();
    const invalid = (0,graphql.validate)(schema, document, RULES);
    if (invalid.length > 0)
        return { body: { errors: invalid.map(formatError) }, operationId: null };
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName));
    const isMutation = operation?.operation === 'mutation';
    const result = await (0,graphql.execute)({
        schema,
        document,
        rootValue: isMutation ? mutationRoot(ctx) : (0,query/* queryRoot */.hX)(ctx),
        contextValue: ctx,
        variableValues: request.variables && typeof request.variables === 'object'
            ? request.variables
            : undefined,
        operationName,
        fieldResolver,
        typeResolver,
    });
    const body = {};
    if (result.data !== undefined)
        body.data = result.data;
    if (result.errors?.length)
        body.errors = result.errors.map(formatError);
    const firstField = operation?.selectionSet.selections.find((selection) => selection.kind === 'Field');
    const name = operation?.name?.value ?? (firstField?.kind === 'Field' ? firstField.name.value : 'anonymous');
    return { body, operationId: `graphql/${operation?.operation ?? 'query'} ${name}` };
}
/** GitHub's error entries: `type` (NOT_FOUND, FORBIDDEN…), `path`, `locations`, `message`. */
function formatError(error) {
    const type = error.extensions?.type;
    const original = error.originalError;
    const internal = original && !(original instanceof graphql.GraphQLError) && !type;
    return {
        ...(type ? { type } : {}),
        ...(error.path ? { path: error.path } : {}),
        ...(error.locations ? { locations: error.locations } : {}),
        message: internal
            ? `Something went wrong while executing your query. (${original.message})`
            : githubMessage(error.message),
    };
}
/** graphql-js validation messages in GitHub's wording where agents match on it. */
function githubMessage(message) {
    const field = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(message);
    return field ? `Field '${field[1]}' doesn't exist on type '${field[2]}'` : message;
}


/***/ }),

/***/ 70448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ failureText),
/* harmony export */   y: () => (/* binding */ callOperation)
/* harmony export */ });
/* harmony import */ var _routes_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90375);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);


const BY_OPERATION = new Map();
for (const route of _routes_index_js__WEBPACK_IMPORTED_MODULE_0__.ROUTES)
    if (!BY_OPERATION.has(route.operationId))
        BY_OPERATION.set(route.operationId, route);
/**
 * Runs a REST operation of the clone from inside another API (GraphQL, MCP), as the same actor
 * and into the same journal, so that both take exactly the REST path's checks, state changes and
 * webhooks. The caller's request is the one the request log records.
 */
async function callOperation(ctx, operationId, call = {}) {
    const route = BY_OPERATION.get(operationId);
    if (!route)
        throw new Error(`unknown operation ${operationId}`);
    const params = {};
    for (const [name, value] of Object.entries(call.params ?? {}))
        params[name] = String(value);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {}))
        if (value !== undefined)
            query.set(name, String(value));
    const path = route.path.replace(/\{(\w+)[+*]?\}/g, (_, name) => params[name] ?? '');
    try {
        const reply = await route.handler({
            ...ctx,
            method: route.method,
            path,
            params,
            query,
            body: call.body,
            headers: call.headers ?? {},
            selfUrl: `${ctx.urls.api}${path}`,
        });
        const body = reply.kind === 'raw' ? (typeof reply.data === 'string' ? reply.data : reply.data.toString('utf8')) : reply.body;
        return { ok: true, status: reply.status, body, headers: reply.headers ?? {} };
    }
    catch (error) {
        if (!(error instanceof _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD))
            throw error;
        const search = query.toString();
        return {
            ok: false,
            status: error.status,
            message: error.message,
            errors: error.extra.errors ?? [],
            request: { method: route.method, url: `${ctx.urls.api}${path}${search ? `?${search}` : ''}` },
        };
    }
}
/** One line for an operation's failure: GitHub's message and its validation errors. */
function failureText(result) {
    const details = result.errors
        .map((item) => typeof item === 'string'
        ? item
        : (item.message ??
            [item.field, item.code].filter(Boolean).join(' ')))
        .filter(Boolean);
    return details.length > 0 ? `${result.message}: ${details.join('; ')}` : result.message;
}


/***/ })

};
