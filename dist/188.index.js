export const id = 188;
export const ids = [188];
export const modules = {

/***/ 87128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ pinnedIssues),
/* harmony export */   yw: () => (/* binding */ setIssuePinned)
/* harmony export */ });
/* unused harmony export MAX_PINNED_ISSUES */
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39991);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3435);
/* harmony import */ var _webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76588);



/** GitHub pins at most this many issues to a repository. */
const MAX_PINNED_ISSUES = 3;
/** The issues pinned to a repository, in the order they were pinned. */
function pinnedIssues(ctx, repo) {
    return ctx.store
        .where('issue', `repo:${repo.id}`)
        .filter((issue) => issue.pinned !== undefined)
        .sort((a, b) => a.pinned.at.localeCompare(b.pinned.at) || a.number - b.number);
}
/**
 * Pins (or unpins) an issue as GraphQL's `pinIssue`/`unpinIssue` do: a no-op when it already is,
 * refused past three pinned issues; `issues.pinned`/`issues.unpinned` webhooks otherwise.
 */
async function setIssuePinned(ctx, repo, issue, pinned) {
    if ((issue.pinned !== undefined) === pinned)
        return;
    if (pinned && pinnedIssues(ctx, repo).length >= MAX_PINNED_ISSUES)
        throw new _state_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(422, `You can only pin up to ${MAX_PINNED_ISSUES} issues in a repository.`);
    const user = (0,_state_actor_js__WEBPACK_IMPORTED_MODULE_2__/* .actingUser */ .e)(ctx.actor);
    ctx.store.update(ctx.journal, 'issue', issue, {
        pinned: pinned ? { at: ctx.now, byId: user?.id ?? repo.ownerId } : undefined,
    });
    await (0,_webhooks_payloads_js__WEBPACK_IMPORTED_MODULE_1__/* .emitIssueEvent */ .xZ)(ctx, repo, issue, pinned ? 'pinned' : 'unpinned');
}


/***/ }),

/***/ 47337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ connection),
/* harmony export */   MQ: () => (/* binding */ operation),
/* harmony export */   cc: () => (/* binding */ emptyConnection),
/* harmony export */   js: () => (/* binding */ upper),
/* harmony export */   tr: () => (/* binding */ gqlError)
/* harmony export */ });
/* harmony import */ var graphql__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17645);
/* harmony import */ var _http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70448);


function gqlError(type, message) {
    return new graphql__WEBPACK_IMPORTED_MODULE_1__.GraphQLError(message, { extensions: { type } });
}
/** Runs a REST operation for a mutation; its failure becomes GitHub's GraphQL error. */
async function operation(ctx, operationId, call) {
    const result = await (0,_http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callOperation */ .y)(ctx.domain, operationId, call);
    if (result.ok)
        return result.body;
    const type = result.status === 404
        ? 'NOT_FOUND'
        : result.status === 403 || result.status === 401
            ? 'FORBIDDEN'
            : 'UNPROCESSABLE';
    throw gqlError(type, (0,_http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__/* .failureText */ .k)(result));
}
// Cursors are opaque to clients; here they are offsets into the ordered list.
const encodeCursor = (offset) => Buffer.from(`cursor:v2:${offset}`).toString('base64');
function decodeCursor(cursor) {
    const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match)
        throw gqlError('UNPROCESSABLE', `\`${cursor}\` does not appear to be a valid cursor.`);
    return Number(match[1]);
}
/**
 * A connection (nodes, edges with cursors, pageInfo, totalCount) over an ordered list, paginated as
 * GitHub does: asking for its nodes or edges needs `first` or `last` (at most 100); `totalCount`
 * alone does not.
 */
function connection(items, args, node, name = 'items') {
    for (const key of ['first', 'last']) {
        const value = args[key];
        if (value != null && (value < 0 || value > 100))
            throw gqlError('UNPROCESSABLE', value < 0
                ? `\`${key}\` on the \`${name}\` connection cannot be less than zero.`
                : `Requesting ${value} records on the \`${name}\` connection exceeds the \`${key}\` limit of 100 records.`);
    }
    const paginated = () => {
        if (args.first == null && args.last == null)
            throw gqlError('UNPROCESSABLE', `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
    };
    let start = 0;
    let end = items.length;
    if (args.after)
        start = Math.min(end, decodeCursor(args.after) + 1);
    if (args.before)
        end = Math.max(start, Math.min(end, decodeCursor(args.before)));
    if (args.first != null)
        end = Math.min(end, start + args.first);
    if (args.last != null)
        start = Math.max(start, end - args.last);
    const slice = items.slice(start, end);
    return {
        __typename: `${name}Connection`,
        totalCount: items.length,
        nodes: () => {
            paginated();
            return slice.map(node);
        },
        edges: () => {
            paginated();
            return slice.map((item, index) => ({ cursor: encodeCursor(start + index), node: node(item) }));
        },
        pageInfo: {
            hasNextPage: end < items.length,
            hasPreviousPage: start > 0,
            startCursor: slice.length > 0 ? encodeCursor(start) : null,
            endCursor: slice.length > 0 ? encodeCursor(end - 1) : null,
        },
    };
}
/** A connection of things the clone does not keep (projects, reactions…): always empty. */
const emptyConnection = (args) => connection([], args, () => null);
/** `OPEN` for `open`: GitHub's GraphQL enums are the REST values upper-cased. */
const upper = (value) => value.toUpperCase().replace(/[^A-Z0-9]/g, '_');


/***/ }),

/***/ 6986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nM: () => (/* binding */ REACTIONS),
  qu: () => (/* binding */ canResolveThreads),
  Zw: () => (/* binding */ commentObject),
  ZD: () => (/* binding */ escapeHtml),
  D8: () => (/* binding */ issueObject),
  zD: () => (/* binding */ pullObject),
  Ao: () => (/* binding */ reactionGroups),
  f9: () => (/* binding */ reactionObject),
  o6: () => (/* binding */ reviewObject),
  FI: () => (/* binding */ reviewThreadById)
});

// EXTERNAL MODULE: ./src/clones/github/domain/closing-references.ts
var closing_references = __webpack_require__(67713);
// EXTERNAL MODULE: ./src/clones/github/git/diff.ts
var diff = __webpack_require__(84648);
// EXTERNAL MODULE: ./src/clones/github/git/history.ts
var git_history = __webpack_require__(47523);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/state/pull-stats.ts
var pull_stats = __webpack_require__(1221);
// EXTERNAL MODULE: ./src/clones/github/graphql/context.ts
var context = __webpack_require__(47337);
// EXTERNAL MODULE: ./src/clones/github/graphql/objects.ts + 1 modules
var objects = __webpack_require__(44673);
// EXTERNAL MODULE: ./src/clones/github/graphql/links.ts
var links = __webpack_require__(14827);
// EXTERNAL MODULE: ./src/clones/github/graphql/teams.ts
var teams = __webpack_require__(33424);
// EXTERNAL MODULE: ./src/clones/github/domain/cross-references.ts
var cross_references = __webpack_require__(77692);
;// CONCATENATED MODULE: ./src/clones/github/graphql/timeline.ts






/** `labeled` → LabeledEvent, `head_ref_deleted` → HeadRefDeletedEvent; `renamed` is RenamedTitleEvent. */
function eventTypename(event) {
    if (event === 'renamed')
        return 'RenamedTitleEvent';
    return `${event.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}Event`;
}
/** LabeledEvent → LABELED_EVENT, as `itemTypes` names the types. */
const itemType = (typename) => typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
function eventObject(domain, repo, issue, event, { issueObject }) {
    const typename = eventTypename(event.event);
    const base = {
        __typename: typename,
        id: (0,urls/* nodeId */.s5)(typename, event.id),
        databaseId: event.id,
        actor: () => (0,objects/* actorById */.UY)(domain, event.actorId),
        createdAt: event.createdAt,
    };
    switch (event.event) {
        case 'labeled':
        case 'unlabeled': {
            const label = domain.store.where('label', `repo:${repo.id}`).find((entry) => entry.name === event.label?.name);
            return {
                ...base,
                labelable: () => issueObject(domain, repo, issue),
                label: label
                    ? (0,objects/* labelObject */.so)(domain, repo, label)
                    : { __typename: 'Label', name: event.label?.name ?? '', color: event.label?.color ?? '' },
            };
        }
        case 'assigned':
        case 'unassigned':
            return {
                ...base,
                assignable: () => issueObject(domain, repo, issue),
                assignee: () => (0,objects/* actorById */.UY)(domain, event.assigneeId),
                user: () => (0,objects/* actorById */.UY)(domain, event.assigneeId),
            };
        case 'closed':
            return {
                ...base,
                closable: () => issueObject(domain, repo, issue),
                stateReason: event.stateReason ? (0,context/* upper */.js)(event.stateReason) : null,
                closer: () => (event.commitId ? (0,objects/* commitObject */.zS)(domain, repo, event.commitId) : null),
            };
        case 'reopened':
            return {
                ...base,
                closable: () => issueObject(domain, repo, issue),
                stateReason: event.stateReason ? (0,context/* upper */.js)(event.stateReason) : null,
            };
        case 'milestoned':
        case 'demilestoned':
            return { ...base, milestoneTitle: event.milestone?.title ?? '', subject: () => issueObject(domain, repo, issue) };
        case 'renamed':
            return {
                ...base,
                previousTitle: event.rename?.from ?? '',
                currentTitle: event.rename?.to ?? '',
                subject: () => issueObject(domain, repo, issue),
            };
        case 'locked':
            return {
                ...base,
                lockReason: event.lockReason ? (0,context/* upper */.js)(event.lockReason) : null,
                lockable: () => issueObject(domain, repo, issue),
            };
        case 'unlocked':
            return { ...base, lockable: () => issueObject(domain, repo, issue) };
        case 'review_requested':
        case 'review_request_removed':
            return {
                ...base,
                pullRequest: () => issueObject(domain, repo, issue),
                requestedReviewer: () => {
                    if (event.reviewerTeamId !== undefined) {
                        const team = domain.store.get('team', event.reviewerTeamId);
                        return team ? (0,teams/* teamObject */.DU)(domain, team) : null;
                    }
                    return (0,objects/* actorById */.UY)(domain, event.reviewerId);
                },
            };
        case 'merged': {
            const pull = domain.store.get('pull', issue.pullId);
            return {
                ...base,
                pullRequest: () => issueObject(domain, repo, issue),
                commit: () => (event.commitId ? (0,objects/* commitObject */.zS)(domain, repo, event.commitId) : null),
                mergeRefName: pull?.baseRef ?? '',
            };
        }
        default:
            // head_ref_deleted, base_ref_changed, convert_to_draft, ready_for_review: what they share.
            return { ...base, pullRequest: () => issueObject(domain, repo, issue) };
    }
}
/** The cross-references to `issue` as `CrossReferencedEvent`s. */
function crossReferenceItems(domain, repo, issue, { issueObject }) {
    const target = (0,repos/* fullName */.fq)(domain, repo);
    return (0,cross_references/* crossReferences */.p)(domain, repo, issue).map((reference) => ({
        at: reference.at,
        order: domain.store.insertionOrder(reference.record),
        typename: 'CrossReferencedEvent',
        node: () => ({
            __typename: 'CrossReferencedEvent',
            id: (0,urls/* nodeId */.s5)('CrossReferencedEvent', reference.source.id * 100_000 + issue.id),
            actor: () => (0,objects/* actorById */.UY)(domain, reference.by),
            createdAt: reference.at,
            referencedAt: reference.at,
            isCrossRepository: reference.sourceRepo.id !== repo.id,
            willCloseTarget: reference.willClose,
            source: () => issueObject(domain, reference.sourceRepo, reference.source),
            target: () => issueObject(domain, repo, issue),
            url: `${domain.urls.repoHtml(target)}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#ref-${reference.source.pullId ? 'pullrequest' : 'issue'}-${reference.source.id}`,
            resourcePath: `/${target}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}`,
        }),
    }));
}
/**
 * `timelineItems` of an issue or pull request: its events, comments, reviews and the
 * cross-references to it, oldest first, filtered by `since` and `itemTypes` as GitHub filters
 * them. Event kinds the clone does not record (commits pushed, deployments…) never appear.
 */
function timelineItems(domain, repo, issue, args, objects) {
    const { commentObject, reviewObject } = objects;
    const items = [];
    for (const event of domain.store.where('event', `issue:${issue.id}`))
        items.push({
            at: event.createdAt,
            order: domain.store.insertionOrder(event),
            typename: eventTypename(event.event),
            node: () => eventObject(domain, repo, issue, event, objects),
        });
    for (const comment of domain.store.where('comment', `issue:${issue.id}`))
        items.push({
            at: comment.createdAt,
            order: domain.store.insertionOrder(comment),
            typename: 'IssueComment',
            node: () => commentObject(domain, repo, comment),
        });
    const pull = domain.store.get('pull', issue.pullId);
    if (pull)
        for (const review of domain.store.where('review', `pull:${pull.id}`)) {
            if (review.state === 'PENDING')
                continue;
            items.push({
                at: review.submittedAt ?? '',
                order: domain.store.insertionOrder(review),
                typename: 'PullRequestReview',
                node: () => reviewObject(domain, repo, pull, review),
            });
        }
    items.push(...crossReferenceItems(domain, repo, issue, objects));
    const wanted = args.itemTypes ? new Set(args.itemTypes) : undefined;
    const since = args.since ? Date.parse(args.since) : undefined;
    const kept = items
        .filter((item) => !wanted || wanted.has(itemType(item.typename)))
        .filter((item) => since === undefined || Date.parse(item.at) >= since)
        .sort((a, b) => (a.at === b.at ? a.order - b.order : a.at < b.at ? -1 : 1));
    const page = (0,context/* connection */.FI)(kept, args, (item) => item.node(), 'timelineItems');
    return {
        ...page,
        __typename: issue.pullId ? 'PullRequestTimelineItemsConnection' : 'IssueTimelineItemsConnection',
        filteredCount: kept.length,
        pageCount: kept.length,
        updatedAt: issue.updatedAt,
    };
}

;// CONCATENATED MODULE: ./src/clones/github/graphql/issues.ts












const viewerId = (domain) => domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : undefined;
/** The fields Issue and PullRequest share (the `Comment`, `Closable`, `Labelable`, `Assignable`… interfaces). */
function issueish(domain, repo, issue, kind) {
    const name = (0,repos/* fullName */.fq)(domain, repo);
    const path = `/${name}/${kind}/${issue.number}`;
    const viewer = viewerId(domain);
    return {
        number: issue.number,
        title: issue.title,
        body: issue.body ?? '',
        bodyText: issue.body ?? '',
        bodyHTML: escapeHtml(issue.body ?? ''),
        url: `${domain.urls.web}${path}`,
        resourcePath: path,
        state: (0,context/* upper */.js)(issue.state),
        closed: issue.state === 'closed',
        closedAt: issue.closedAt,
        createdAt: issue.createdAt,
        updatedAt: issue.updatedAt,
        publishedAt: issue.createdAt,
        lastEditedAt: null,
        includesCreatedEdit: false,
        author: () => (0,objects/* actorById */.UY)(domain, issue.userId),
        authorAssociation: (0,permissions/* authorAssociation */.X7)(domain.store, issue.userId, repo),
        editor: null,
        locked: issue.locked,
        activeLockReason: issue.activeLockReason ? (0,context/* upper */.js)(issue.activeLockReason) : null,
        isPinned: issue.pinned !== undefined,
        viewerDidAuthor: viewer === issue.userId,
        viewerCanUpdate: true,
        viewerCanReact: true,
        viewerSubscription: 'SUBSCRIBED',
        repository: () => links/* links */.y.repo(domain, repo),
        labels: (args) => (0,context/* connection */.FI)(issue.labelIds
            .map((id) => domain.store.get('label', id))
            .filter((label) => label !== undefined), args, (label) => (0,objects/* labelObject */.so)(domain, repo, label), 'Label'),
        assignees: (args) => (0,context/* connection */.FI)(issue.assigneeIds, args, (id) => (0,objects/* actorById */.UY)(domain, id), 'User'),
        milestone: () => {
            const milestone = domain.store.get('milestone', issue.milestoneId);
            return milestone ? (0,objects/* milestoneObject */.WX)(domain, repo, milestone) : null;
        },
        comments: (args) => (0,context/* connection */.FI)(domain.store.where('comment', `issue:${issue.id}`), args, (comment) => commentObject(domain, repo, comment), 'IssueComment'),
        timelineItems: (args) => timelineItems(domain, repo, issue, args, { issueObject, commentObject, reviewObject }),
        participants: (args) => {
            const ids = new Set([issue.userId, ...domain.store.where('comment', `issue:${issue.id}`).map((c) => c.userId)]);
            return (0,context/* connection */.FI)([...ids], args, (id) => (0,objects/* actorById */.UY)(domain, id), 'User');
        },
        reactionGroups: () => reactionGroups(domain, `issue:${issue.id}`),
        reactions: (args) => reactionConnection(domain, `issue:${issue.id}`, args),
        projectCards: context/* emptyConnection */.cc,
        projectItems: context/* emptyConnection */.cc,
        projectsV2: context/* emptyConnection */.cc,
        userContentEdits: context/* emptyConnection */.cc,
    };
}
/** REST's reaction contents and GraphQL's `ReactionContent` for each. */
const REACTIONS = {
    '+1': 'THUMBS_UP',
    '-1': 'THUMBS_DOWN',
    laugh: 'LAUGH',
    hooray: 'HOORAY',
    confused: 'CONFUSED',
    heart: 'HEART',
    rocket: 'ROCKET',
    eyes: 'EYES',
};
/** The reactions on a subject (its `reactionKey`: `issue:N`, `comment:N`, `review-comment:N`) by content. */
function reactionGroups(domain, key) {
    const reactions = domain.store.where('reaction', key);
    return Object.entries(REACTIONS).map(([content, value]) => {
        const matching = reactions.filter((reaction) => reaction.content === content);
        const users = (args) => (0,context/* connection */.FI)(matching, args, (r) => (0,objects/* actorById */.UY)(domain, r.userId), 'Reactor');
        return {
            __typename: 'ReactionGroup',
            content: value,
            createdAt: matching[0]?.createdAt ?? null,
            users,
            reactors: users,
            viewerHasReacted: matching.some((r) => r.userId === viewerId(domain)),
        };
    });
}
function reactionObject(domain, reaction) {
    return {
        __typename: 'Reaction',
        id: (0,urls/* nodeId */.s5)('Reaction', reaction.id),
        databaseId: reaction.id,
        content: REACTIONS[reaction.content],
        createdAt: reaction.createdAt,
        user: () => (0,objects/* actorById */.UY)(domain, reaction.userId),
    };
}
/** `reactions(content:)`: the subject's reactions, oldest first. */
function reactionConnection(domain, key, args) {
    const wanted = args.content ? Object.entries(REACTIONS).find(([, value]) => value === args.content)?.[0] : undefined;
    const reactions = domain.store
        .where('reaction', key)
        .filter((reaction) => wanted === undefined || reaction.content === wanted)
        .sort((a, b) => a.id - b.id);
    const page = (0,context/* connection */.FI)(reactions, args, (reaction) => reactionObject(domain, reaction), 'Reaction');
    return { ...page, viewerHasReacted: reactions.some((reaction) => reaction.userId === viewerId(domain)) };
}
function issueObject(domain, repo, issue) {
    if (issue.pullId) {
        const pull = domain.store.get('pull', issue.pullId);
        if (pull)
            return pullObject(domain, pull);
    }
    return {
        __typename: 'Issue',
        id: (0,urls/* nodeId */.s5)('Issue', issue.id),
        databaseId: issue.id,
        ...issueish(domain, repo, issue, 'issues'),
        stateReason: issue.stateReason ? (0,context/* upper */.js)(issue.stateReason) : null,
        trackedIssues: context/* emptyConnection */.cc,
        closedByPullRequestsReferences: (args) => (0,context/* connection */.FI)(closingPulls(domain, repo, issue).filter((pull) => args.includeClosedPrs === true || pull.merged || domain.store.get('issue', pull.issueId)?.state === 'open'), args, (pull) => pullObject(domain, pull), 'PullRequest'),
    };
}
/**
 * The pull requests into their default branch whose body closes `issue` (the reverse of
 * `closingIssuesReferences`), among the repositories the viewer can see, oldest first.
 */
function closingPulls(domain, repo, issue) {
    const target = `${(0,repos/* fullName */.fq)(domain, repo).toLowerCase()}#${issue.number}`;
    const found = [];
    for (const pull of domain.store.all('pull')) {
        const source = domain.store.get('repo', pull.repoId);
        const body = domain.store.get('issue', pull.issueId)?.body;
        if (!source || !body || pull.baseRef !== source.defaultBranch || !(0,objects/* canSee */.KI)(domain, source, permissions/* NEED */.$B.pullsRead))
            continue;
        const references = (0,closing_references/* closingReferences */.K)(body, (0,repos/* fullName */.fq)(domain, source));
        if (references.some((reference) => `${reference.repo}#${reference.number}` === target))
            found.push(pull);
    }
    return found.sort((a, b) => a.id - b.id);
}
function commentObject(domain, repo, comment) {
    const issue = domain.store.get('issue', comment.issueId);
    const url = `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/${issue.pullId ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`;
    return {
        __typename: 'IssueComment',
        id: (0,urls/* nodeId */.s5)('IssueComment', comment.id),
        databaseId: comment.id,
        ...commentFields(domain, repo, comment, `comment:${comment.id}`),
        url,
        issue: () => issueObject(domain, repo, issue),
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
function reviewObject(domain, repo, pull, review) {
    return {
        __typename: 'PullRequestReview',
        id: (0,urls/* nodeId */.s5)('PullRequestReview', review.id),
        databaseId: review.id,
        author: () => (0,objects/* actorById */.UY)(domain, review.userId),
        authorAssociation: (0,permissions/* authorAssociation */.X7)(domain.store, review.userId, repo),
        body: review.body,
        bodyText: review.body,
        state: review.state,
        submittedAt: review.submittedAt,
        createdAt: review.submittedAt ?? domain.now,
        updatedAt: review.submittedAt ?? domain.now,
        includesCreatedEdit: false,
        url: `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/pull/${pull.number}#pullrequestreview-${review.id}`,
        commit: () => (0,objects/* commitObject */.zS)(domain, repo, review.commitId),
        pullRequest: () => pullObject(domain, pull),
        comments: (args) => (0,context/* connection */.FI)(domain.store.where('reviewComment', `review:${review.id}`), args, (comment) => reviewCommentObject(domain, repo, pull, comment), 'PullRequestReviewComment'),
        reactionGroups: [],
    };
}
/** A `PullRequestReviewComment`, with the fields REST's review comment carries. */
function reviewCommentObject(domain, repo, pull, comment) {
    const path = `/${(0,repos/* fullName */.fq)(domain, repo)}/pull/${pull.number}#discussion_r${comment.id}`;
    const review = domain.store.get('review', comment.reviewId);
    return {
        __typename: 'PullRequestReviewComment',
        id: (0,urls/* nodeId */.s5)('PullRequestReviewComment', comment.id),
        databaseId: comment.id,
        fullDatabaseId: String(comment.id),
        ...commentFields(domain, repo, comment, `review-comment:${comment.id}`),
        path: comment.path,
        line: comment.line,
        originalLine: comment.line,
        startLine: comment.startLine,
        originalStartLine: comment.startLine,
        position: comment.position,
        originalPosition: comment.position,
        diffHunk: comment.diffHunk,
        subjectType: comment.subjectType === 'file' ? 'FILE' : 'LINE',
        outdated: comment.line === null && comment.subjectType !== 'file',
        state: review?.state === 'PENDING' ? 'PENDING' : 'SUBMITTED',
        url: `${domain.urls.web}${path}`,
        resourcePath: path,
        commit: () => (0,objects/* commitObject */.zS)(domain, repo, comment.commitId),
        originalCommit: () => (0,objects/* commitObject */.zS)(domain, repo, comment.commitId),
        replyTo: () => {
            const parent = domain.store.get('reviewComment', comment.inReplyToId);
            return parent ? reviewCommentObject(domain, repo, pull, parent) : null;
        },
        pullRequestReview: () => (review ? reviewObject(domain, repo, pull, review) : null),
        pullRequest: () => pullObject(domain, pull),
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
/**
 * A pull request's review threads: each first comment with its replies, oldest first. Hidden:
 * comments of other users' pending reviews, as REST hides them. A thread's resolution is kept on
 * its first comment.
 */
function reviewThreads(domain, repo, pull) {
    const viewer = viewerId(domain);
    const threads = new Map();
    const comments = domain.store
        .where('reviewComment', `pull:${pull.id}`)
        .filter((comment) => {
        const review = domain.store.get('review', comment.reviewId);
        return review?.state !== 'PENDING' || review.userId === viewer;
    })
        .sort((a, b) => a.id - b.id);
    for (const comment of comments) {
        const root = comment.inReplyToId ?? comment.id;
        threads.set(root, [...(threads.get(root) ?? []), comment]);
    }
    return [...threads.values()].map((list) => reviewThreadObject(domain, repo, pull, list));
}
/** Who may resolve a pull request's review threads: its author and those who can write to it. */
function canResolveThreads(domain, repo, pull) {
    const viewer = viewerId(domain);
    if (viewer === undefined)
        return false;
    if (domain.store.get('issue', pull.issueId)?.userId === viewer)
        return true;
    try {
        (0,permissions/* authorize */.Gq)(domain.store, domain.actor, repo, permissions/* NEED */.$B.pullsWrite);
        return true;
    }
    catch {
        return false;
    }
}
/** The thread whose first comment is `root`, as `reviewThreads` lists it. */
function reviewThreadById(domain, rootId) {
    const root = domain.store.get('reviewComment', rootId);
    const pull = domain.store.get('pull', root?.pullId);
    const repo = domain.store.get('repo', pull?.repoId);
    if (!root || !pull || !repo)
        return undefined;
    return reviewThreads(domain, repo, pull).find((thread) => thread.id === (0,urls/* nodeId */.s5)('PullRequestReviewThread', rootId));
}
function reviewThreadObject(domain, repo, pull, list) {
    const viewer = viewerId(domain);
    const first = list[0];
    const resolved = first.resolvedById !== undefined && first.resolvedById !== null;
    const canResolve = canResolveThreads(domain, repo, pull);
    return {
        __typename: 'PullRequestReviewThread',
        id: (0,urls/* nodeId */.s5)('PullRequestReviewThread', first.id),
        path: first.path,
        line: first.line,
        originalLine: first.line,
        startLine: first.startLine,
        originalStartLine: first.startLine,
        diffSide: first.side,
        startDiffSide: first.startLine ? first.side : null,
        subjectType: first.subjectType === 'file' ? 'FILE' : 'LINE',
        isOutdated: first.line === null && first.subjectType !== 'file',
        isResolved: resolved,
        isCollapsed: resolved,
        resolvedBy: () => (resolved ? (0,objects/* actorById */.UY)(domain, first.resolvedById) : null),
        viewerCanResolve: canResolve && !resolved,
        viewerCanUnresolve: canResolve && resolved,
        viewerCanReply: viewer !== undefined,
        comments: (args) => (0,context/* connection */.FI)(list, args, (comment) => reviewCommentObject(domain, repo, pull, comment), 'PullRequestReviewComment'),
        pullRequest: () => pullObject(domain, pull),
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
const MERGE_STATE = {
    clean: 'CLEAN',
    dirty: 'DIRTY',
    draft: 'DRAFT',
    blocked: 'BLOCKED',
    behind: 'BEHIND',
    unstable: 'UNSTABLE',
    unknown: 'UNKNOWN',
};
function pullObject(domain, pull) {
    const repo = domain.store.get('repo', pull.repoId);
    const issue = domain.store.get('issue', pull.issueId);
    const stats = () => (0,pull_stats/* pullStats */.p)(domain.core, repo, pull);
    const open = issue.state === 'open';
    const baseSha = () => (0,pull_stats/* effectiveBase */.B)(repo, pull, open);
    const reviews = () => domain.store
        .where('review', `pull:${pull.id}`)
        .filter((review) => review.state !== 'PENDING' || review.userId === viewerId(domain));
    const latestByAuthor = (opinionated) => {
        const latest = new Map();
        for (const review of reviews()) {
            if (review.state === 'PENDING')
                continue;
            if (opinionated && review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED')
                continue;
            latest.set(review.userId, review);
        }
        return [...latest.values()];
    };
    const headRepo = () => repo;
    return {
        __typename: 'PullRequest',
        id: (0,urls/* nodeId */.s5)('PullRequest', pull.id),
        databaseId: pull.id,
        ...issueish(domain, repo, issue, 'pull'),
        state: pull.merged ? 'MERGED' : (0,context/* upper */.js)(issue.state),
        isDraft: pull.draft,
        merged: pull.merged,
        mergedAt: pull.mergedAt,
        mergedBy: () => (0,objects/* actorById */.UY)(domain, pull.mergedById),
        mergeCommit: () => (pull.mergeCommitSha ? (0,objects/* commitObject */.zS)(domain, repo, pull.mergeCommitSha) : null),
        potentialMergeCommit: null,
        headRefName: pull.headRef,
        headRefOid: pull.headSha,
        headRef: () => {
            const sha = repo.git.branch(pull.headRef);
            return sha ? (0,objects/* refObject */.Zu)(domain, repo, `refs/heads/${pull.headRef}`, sha) : null;
        },
        headRepository: () => links/* links */.y.repo(domain, headRepo()),
        headRepositoryOwner: () => (0,objects/* actorById */.UY)(domain, headRepo().ownerId),
        baseRefName: pull.baseRef,
        baseRefOid: () => baseSha(),
        baseRef: () => {
            const sha = repo.git.branch(pull.baseRef);
            return sha ? (0,objects/* refObject */.Zu)(domain, repo, `refs/heads/${pull.baseRef}`, sha) : null;
        },
        baseRepository: () => links/* links */.y.repo(domain, repo),
        isCrossRepository: false,
        maintainerCanModify: pull.maintainerCanModify,
        autoMergeRequest: null,
        isInMergeQueue: false,
        isMergeQueueEnabled: false,
        mergeQueueEntry: null,
        mergeable: async () => {
            const { mergeable } = await stats();
            return mergeable === true ? 'MERGEABLE' : mergeable === false ? 'CONFLICTING' : 'UNKNOWN';
        },
        mergeStateStatus: async () => MERGE_STATE[(await stats()).mergeableState] ?? 'UNKNOWN',
        additions: async () => (await stats()).additions,
        deletions: async () => (await stats()).deletions,
        changedFiles: async () => (await stats()).changedFiles,
        permalink: `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/pull/${pull.number}`,
        commits: (args) => (0,context/* connection */.FI)((0,git_history/* commitsBetween */.$q)(repo.git, baseSha(), pull.headSha), args, ({ sha }) => ({
            __typename: 'PullRequestCommit',
            id: (0,urls/* nodeId */.s5)('PullRequestCommit', pull.id) + sha.slice(0, 8),
            commit: () => (0,objects/* commitObject */.zS)(domain, repo, sha),
            url: `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/pull/${pull.number}/commits/${sha}`,
            pullRequest: () => pullObject(domain, pull),
        }), 'PullRequestCommit'),
        files: async (args) => {
            const { mergeBaseSha } = await stats();
            const files = mergeBaseSha ? await (0,diff/* diffCommits */.i)(repo.git, mergeBaseSha, pull.headSha) : [];
            return (0,context/* connection */.FI)(files, args, (file) => ({
                __typename: 'PullRequestChangedFile',
                path: file.filename,
                additions: file.additions,
                deletions: file.deletions,
                changeType: CHANGE_TYPE[file.status] ?? 'MODIFIED',
                viewerViewedState: 'UNVIEWED',
            }), 'PullRequestChangedFile');
        },
        reviews: (args) => (0,context/* connection */.FI)(reviews()
            .filter((review) => !args.states || args.states.includes(review.state))
            .filter((review) => !args.author || domain.store.get('user', review.userId)?.login === args.author), args, (review) => reviewObject(domain, repo, pull, review), 'PullRequestReview'),
        latestReviews: (args) => (0,context/* connection */.FI)(latestByAuthor(false), args, (review) => reviewObject(domain, repo, pull, review), 'PullRequestReview'),
        latestOpinionatedReviews: (args) => (0,context/* connection */.FI)(latestByAuthor(true), args, (review) => reviewObject(domain, repo, pull, review), 'PullRequestReview'),
        reviewThreads: (args) => (0,context/* connection */.FI)(reviewThreads(domain, repo, pull), args, (thread) => thread, 'PullRequestReviewThread'),
        reviewDecision: () => {
            const latest = latestByAuthor(true);
            if (latest.some((review) => review.state === 'CHANGES_REQUESTED'))
                return 'CHANGES_REQUESTED';
            if (latest.some((review) => review.state === 'APPROVED'))
                return 'APPROVED';
            return null;
        },
        // Users, then teams; a team's request has an id of its own (user and team ids overlap).
        reviewRequests: (args) => (0,context/* connection */.FI)([
            ...pull.requestedReviewerIds.map((id) => ({ id, team: false })),
            ...pull.requestedTeamIds.map((id) => ({ id, team: true })),
        ], args, ({ id, team }) => ({
            __typename: 'ReviewRequest',
            id: (0,urls/* nodeId */.s5)(team ? 'TeamReviewRequest' : 'ReviewRequest', pull.id * 1000 + id),
            asCodeOwner: false,
            requestedReviewer: () => {
                const record = team ? domain.store.get('team', id) : undefined;
                return team ? (record ? (0,teams/* teamObject */.DU)(domain, record) : null) : (0,objects/* actorById */.UY)(domain, id);
            },
            pullRequest: () => pullObject(domain, pull),
        }), 'ReviewRequest'),
        // Only into the default branch do closing keywords link (and later close) issues, as on GitHub.
        closingIssuesReferences: (args) => (0,context/* connection */.FI)(pull.baseRef === repo.defaultBranch ? closingIssues(domain, repo, issue.body ?? '') : [], args, ([target, closed]) => issueObject(domain, target, closed), 'Issue'),
    };
}
const CHANGE_TYPE = {
    added: 'ADDED',
    removed: 'DELETED',
    modified: 'MODIFIED',
    renamed: 'RENAMED',
    copied: 'COPIED',
    changed: 'CHANGED',
};
/** The issues a pull request's body names with closing keywords that exist and the viewer may see. */
function closingIssues(domain, repo, body) {
    const found = [];
    for (const reference of (0,closing_references/* closingReferences */.K)(body, (0,repos/* fullName */.fq)(domain, repo))) {
        const [owner = '', name = ''] = reference.repo.split('/');
        const target = domain.store.repoByFullName(owner, name);
        if (!target || !(0,objects/* canSee */.KI)(domain, target, permissions/* NEED */.$B.issuesRead))
            continue;
        const issue = domain.store.issueByNumber(target.id, reference.number);
        if (issue && issue.pullId === null)
            found.push([target, issue]);
    }
    return found;
}
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
/**
 * The fields of GraphQL's Comment, Reactable and Updatable interfaces that an issue comment and a
 * review comment answer alike; `reactable` keys the comment's reactions.
 */
function commentFields(domain, repo, comment, reactable) {
    const mine = viewerId(domain) === comment.userId;
    return {
        body: comment.body,
        bodyText: comment.body,
        bodyHTML: escapeHtml(comment.body),
        author: () => (0,objects/* actorById */.UY)(domain, comment.userId),
        authorAssociation: (0,permissions/* authorAssociation */.X7)(domain.store, comment.userId, repo),
        createdAt: comment.createdAt,
        updatedAt: comment.updatedAt,
        publishedAt: comment.createdAt,
        lastEditedAt: comment.updatedAt === comment.createdAt ? null : comment.updatedAt,
        includesCreatedEdit: false,
        isMinimized: false,
        minimizedReason: null,
        viewerDidAuthor: mine,
        viewerCanUpdate: mine,
        viewerCanDelete: mine,
        reactionGroups: () => reactionGroups(domain, reactable),
        reactions: (args) => reactionConnection(domain, reactable, args),
    };
}


/***/ }),

/***/ 14827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ links)
/* harmony export */ });
/**
 * How objects reach each other (a Ref's pull requests, an Issue's repository…) without their
 * modules importing each other: the builders are set here once, by wire.ts.
 */
const links = {
    repo: (_domain, _repo) => {
        throw new Error('graphql/wire.ts was not loaded');
    },
    actor: (_domain, _id) => {
        throw new Error('graphql/wire.ts was not loaded');
    },
    pull: (_domain, _pull) => {
        throw new Error('graphql/wire.ts was not loaded');
    },
};


/***/ }),

/***/ 44673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UY: () => (/* binding */ actorById),
  rZ: () => (/* binding */ actorObject),
  KI: () => (/* binding */ canSee),
  zS: () => (/* binding */ commitObject),
  E7: () => (/* binding */ gitObject),
  so: () => (/* binding */ labelObject),
  WX: () => (/* binding */ milestoneObject),
  Zu: () => (/* binding */ refObject),
  aG: () => (/* binding */ viewerPermission),
  pI: () => (/* binding */ visibleRepo)
});

// UNUSED EXPORTS: gitActor, statusCheckRollup

// EXTERNAL MODULE: ./src/clones/github/git/format.ts
var format = __webpack_require__(34576);
// EXTERNAL MODULE: ./src/clones/github/git/history.ts
var git_history = __webpack_require__(47523);
// EXTERNAL MODULE: ./src/clones/github/state/check-rollup.ts
var check_rollup = __webpack_require__(36321);
// EXTERNAL MODULE: ./src/clones/github/render/git.ts
var git = __webpack_require__(24409);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/graphql/links.ts
var links = __webpack_require__(14827);
// EXTERNAL MODULE: ./src/clones/github/domain/languages.ts
var languages = __webpack_require__(13850);
// EXTERNAL MODULE: ./src/clones/github/graphql/context.ts
var context = __webpack_require__(47337);
;// CONCATENATED MODULE: ./src/clones/github/graphql/gists.ts



function gistObject(domain, owner, gist) {
    const url = `${domain.urls.web}/gist/${owner.login}/${gist.key}`;
    return {
        __typename: 'Gist',
        id: (0,urls/* nodeId */.s5)('Gist', gist.id),
        name: gist.key,
        description: gist.description,
        isPublic: gist.public,
        isFork: gist.forkOfId !== null,
        createdAt: gist.createdAt,
        updatedAt: gist.updatedAt,
        pushedAt: gist.updatedAt,
        url,
        resourcePath: new URL(url).pathname,
        stargazerCount: gist.starredBy.length,
        viewerHasStarred: 'user' in domain.actor && gist.starredBy.includes(domain.actor.user.id),
        files: (args) => [...gist.files].slice(0, args.limit ?? 10).map(([name, text]) => ({
            __typename: 'GistFile',
            name,
            encodedName: encodeURIComponent(name),
            extension: /\.[^.]+$/.exec(name)?.[0] ?? '',
            language: (0,languages/* languageOf */.e)(name) ? { name: (0,languages/* languageOf */.e)(name) } : null,
            size: Buffer.byteLength(text),
            text,
            isImage: false,
            isTruncated: false,
            encoding: 'UTF-8',
        })),
    };
}
/** `User.gists`: the owner sees their secret gists too, everyone else only the public ones. */
function userGists(domain, user, args) {
    const self = (domain.actor.kind === 'user' || domain.actor.kind === 'installation') && domain.actor.user.id === user.id;
    const privacy = args.privacy ?? 'PUBLIC';
    const field = args.orderBy?.field === 'CREATED_AT' ? 'createdAt' : 'updatedAt';
    const gists = domain.store
        .where('gist', `owner:${user.id}`)
        .filter((gist) => (gist.public ? privacy !== 'SECRET' : self && privacy !== 'PUBLIC'))
        .sort((a, b) => (a[field] === b[field] ? a.id - b.id : a[field] < b[field] ? -1 : 1));
    if (args.orderBy?.direction !== 'ASC')
        gists.reverse();
    return (0,context/* connection */.FI)(gists, args, (gist) => gistObject(domain, user, gist), 'Gist');
}

// EXTERNAL MODULE: ./src/clones/github/graphql/teams.ts
var teams = __webpack_require__(33424);
;// CONCATENATED MODULE: ./src/clones/github/graphql/objects.ts











/** A repository the viewer may see (`need`), or GitHub's NOT_FOUND. */
function visibleRepo(ctx, owner, name, need = permissions/* NEED */.$B.metadata) {
    const repo = ctx.domain.store.repoByFullName(owner, name);
    if (repo && canSee(ctx.domain, repo, need))
        return repo;
    throw (0,context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
}
function canSee(domain, repo, need = permissions/* NEED */.$B.metadata) {
    try {
        (0,permissions/* authorize */.Gq)(domain.store, domain.actor, repo, need);
        return true;
    }
    catch {
        return false;
    }
}
const avatar = (domain, id) => `${domain.urls.web}/avatars/u/${id}?v=4`;
/** A User, Bot or Organization (the `Actor`, `RepositoryOwner` and `Assignee` interfaces). */
function actorObject(domain, user) {
    const typename = user.type === 'Organization' ? 'Organization' : user.type === 'Bot' ? 'Bot' : 'User';
    const login = user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login;
    const url = user.type === 'Bot' ? `${domain.urls.web}/apps/${login}` : `${domain.urls.web}/${user.login}`;
    return {
        __typename: typename,
        id: (0,urls/* nodeId */.s5)(typename, user.id),
        databaseId: user.id,
        login,
        name: user.name,
        email: user.email ?? '',
        bio: user.bio,
        company: user.company,
        location: user.location,
        websiteUrl: user.blog || null,
        description: null,
        avatarUrl: avatar(domain, user.id),
        url,
        resourcePath: new URL(url).pathname,
        isSiteAdmin: user.siteAdmin,
        isViewer: domain.actor.kind !== 'anonymous' && 'user' in domain.actor && domain.actor.user.id === user.id,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
        repository: (args) => {
            const repo = domain.store.repoNamed(user.id, args.name);
            return repo && canSee(domain, repo) ? links/* links */.y.repo(domain, repo) : null;
        },
        repositories: (args) => (0,context/* connection */.FI)(domain.store
            .where('repo', `owner:${user.id}`)
            .filter((repo) => canSee(domain, repo))
            .filter((repo) => !args.privacy || (args.privacy === 'PRIVATE') === repo.private)
            .filter((repo) => args.isFork == null || args.isFork === (repo.forkOf !== null)), args, (repo) => links/* links */.y.repo(domain, repo), 'Repository'),
        ...(user.type === 'Organization'
            ? {
                teams: (args) => (0,teams/* organizationTeams */.a8)(domain, user, args),
                team: (args) => (0,teams/* organizationTeam */.no)(domain, user, args.slug),
            }
            : {}),
        gists: (args) => userGists(domain, user, args),
        organizations: (args) => (0,context/* connection */.FI)([...domain.store.all('org')].filter((org) => org.members.has(user.id)), args, (org) => actorObject(domain, domain.store.get('user', org.id)), 'Organization'),
    };
}
function actorById(domain, id) {
    const user = domain.store.get('user', id);
    return user ? actorObject(domain, user) : null;
}
/** A git author or committer, with the GitHub account its email belongs to. */
function gitActor(domain, person) {
    const user = (0,git/* userForEmail */.$M)(domain, person.email);
    return {
        __typename: 'GitActor',
        name: person.name,
        email: person.email,
        date: (0,format/* personDate */.IV)(person),
        avatarUrl: user ? avatar(domain, user.id) : `${domain.urls.web}/identicons/${encodeURIComponent(person.email)}.png`,
        user: user ? actorObject(domain, user) : null,
    };
}
function labelObject(domain, repo, label) {
    const name = (0,repos/* fullName */.fq)(domain, repo);
    return {
        __typename: 'Label',
        id: (0,urls/* nodeId */.s5)('Label', label.id),
        name: label.name,
        color: label.color,
        description: label.description,
        isDefault: label.isDefault,
        url: `${domain.urls.repoHtml(name)}/labels/${encodeURIComponent(label.name)}`,
        resourcePath: `/${name}/labels/${encodeURIComponent(label.name)}`,
        createdAt: null,
        updatedAt: null,
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
function milestoneObject(domain, repo, milestone) {
    const name = (0,repos/* fullName */.fq)(domain, repo);
    return {
        __typename: 'Milestone',
        id: (0,urls/* nodeId */.s5)('Milestone', milestone.id),
        number: milestone.number,
        title: milestone.title,
        description: milestone.description,
        state: (0,context/* upper */.js)(milestone.state),
        closed: milestone.state === 'closed',
        dueOn: milestone.dueOn,
        closedAt: milestone.closedAt,
        createdAt: milestone.createdAt,
        updatedAt: milestone.updatedAt,
        creator: () => actorById(domain, milestone.creatorId),
        url: `${domain.urls.repoHtml(name)}/milestone/${milestone.number}`,
        progressPercentage: () => {
            const issues = domain.store.where('issue', `repo:${repo.id}`).filter((i) => i.milestoneId === milestone.id);
            return issues.length === 0 ? 0 : (100 * issues.filter((i) => i.state === 'closed').length) / issues.length;
        },
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
/** A commit (`Commit`), read from the repository's git objects. */
function commitObject(domain, repo, sha) {
    const commit = repo.git.readCommit(sha);
    if (!commit)
        return null;
    const name = (0,repos/* fullName */.fq)(domain, repo);
    const [headline = '', ...rest] = commit.message.replace(/\n$/, '').split('\n');
    return {
        __typename: 'Commit',
        id: (0,urls/* shaNodeId */.g3)('Commit', sha),
        oid: sha,
        abbreviatedOid: sha.slice(0, 7),
        message: commit.message.replace(/\n$/, ''),
        messageHeadline: headline,
        messageBody: rest.join('\n').replace(/^\n/, ''),
        author: gitActor(domain, commit.author),
        committer: gitActor(domain, commit.committer),
        authors: (args) => (0,context/* connection */.FI)([commit.author], args, (person) => gitActor(domain, person), 'GitActor'),
        authoredDate: (0,format/* personDate */.IV)(commit.author),
        committedDate: (0,format/* personDate */.IV)(commit.committer),
        pushedDate: null,
        url: `${domain.urls.repoHtml(name)}/commit/${sha}`,
        commitUrl: `${domain.urls.repoHtml(name)}/commit/${sha}`,
        resourcePath: `/${name}/commit/${sha}`,
        treeUrl: `${domain.urls.repoHtml(name)}/tree/${sha}`,
        signature: null,
        parents: (args) => (0,context/* connection */.FI)(commit.parents, args, (parent) => commitObject(domain, repo, parent), 'Commit'),
        history: (args) => (0,context/* connection */.FI)(commitHistory(domain, repo, sha, args), args, (item) => commitObject(domain, repo, item), 'Commit'),
        tree: () => gitObject(domain, repo, commit.tree),
        treeResourcePath: `/${name}/tree/${sha}`,
        statusCheckRollup: () => statusCheckRollup(domain, repo, sha),
        status: () => statusObject(domain, repo, sha),
        repository: () => links/* links */.y.repo(domain, repo),
    };
}
/**
 * `Commit.history`: the commits reachable from `sha`, newest first as `git log` (and REST's list
 * of commits) orders them, filtered as GitHub filters them (a path they change, a committer date
 * window, an author by user id or email).
 */
function commitHistory(domain, repo, sha, args) {
    const path = args.path?.replace(/^\/+|\/+$/g, '');
    const since = args.since ? Date.parse(args.since) : undefined;
    const until = args.until ? Date.parse(args.until) : undefined;
    const emails = args.author?.emails?.map((email) => email.toLowerCase());
    const authorId = args.author?.id;
    const matches = [];
    for (const item of (0,git_history/* logCommits */.Vg)(repo.git, [sha])) {
        const date = item.commit.committer.seconds * 1000;
        if (since !== undefined && date < since)
            continue;
        if (until !== undefined && date > until)
            continue;
        if (path && !(0,git_history/* touchesPath */.Rz)(repo.git, item.commit, path))
            continue;
        if (emails && !emails.includes(item.commit.author.email.toLowerCase()))
            continue;
        if (authorId) {
            const user = (0,git/* userForEmail */.$M)(domain, item.commit.author.email);
            if (!user || (0,urls/* nodeId */.s5)('User', user.id) !== authorId)
                continue;
        }
        matches.push(item.sha);
    }
    return matches;
}
/** The combined state of check runs and commit statuses on a commit (`StatusCheckRollup`), as `gh pr checks` reads it. */
function statusCheckRollup(domain, repo, sha) {
    const state = (0,check_rollup/* rollupState */.c)(domain.store, repo.id, sha);
    if (state === null)
        return null;
    const runs = domain.store.where('checkRun', `sha:${repo.id}:${sha}`);
    const statuses = (0,check_rollup/* latestStatuses */.w)(domain.store, repo.id, sha);
    const contexts = [
        ...runs.map((run) => {
            const suite = domain.store.get('checkSuite', run.suiteId);
            const app = domain.store.get('app', run.appId);
            return {
                __typename: 'CheckRun',
                id: (0,urls/* nodeId */.s5)('CheckRun', run.id),
                databaseId: run.id,
                name: run.name,
                status: (0,context/* upper */.js)(run.status),
                conclusion: run.conclusion ? (0,context/* upper */.js)(run.conclusion) : null,
                startedAt: run.startedAt,
                completedAt: run.completedAt,
                detailsUrl: run.detailsUrl ?? `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/runs/${run.id}`,
                url: `${domain.urls.repoHtml((0,repos/* fullName */.fq)(domain, repo))}/runs/${run.id}`,
                title: run.output.title,
                summary: run.output.summary,
                text: run.output.text,
                isRequired: () => false,
                checkSuite: suite
                    ? {
                        __typename: 'CheckSuite',
                        id: (0,urls/* nodeId */.s5)('CheckSuite', suite.id),
                        databaseId: suite.id,
                        status: (0,context/* upper */.js)(suite.status),
                        conclusion: suite.conclusion ? (0,context/* upper */.js)(suite.conclusion) : null,
                        app: app ? { __typename: 'App', id: (0,urls/* nodeId */.s5)('App', app.id), name: app.name, slug: app.slug } : null,
                        workflowRun: null,
                    }
                    : null,
            };
        }),
        ...statuses.map((status) => ({
            __typename: 'StatusContext',
            id: (0,urls/* nodeId */.s5)('StatusContext', status.id),
            context: status.context,
            state: (0,context/* upper */.js)(status.state),
            description: status.description,
            targetUrl: status.targetUrl,
            createdAt: status.createdAt,
            isRequired: () => false,
            creator: () => actorById(domain, status.creatorId),
        })),
    ];
    return {
        __typename: 'StatusCheckRollup',
        id: (0,urls/* shaNodeId */.g3)('StatusCheckRollup', `${repo.id}:${sha}`),
        state,
        commit: () => commitObject(domain, repo, sha),
        contexts: (args) => ({
            ...(0,context/* connection */.FI)(contexts, args, (context) => context, 'StatusCheckRollupContext'),
            checkRunCount: runs.length,
            statusContextCount: statuses.length,
            checkRunCountsByState: [],
            statusContextCountsByState: [],
        }),
    };
}
function statusObject(domain, repo, sha) {
    const statuses = (0,check_rollup/* latestStatuses */.w)(domain.store, repo.id, sha);
    if (statuses.length === 0)
        return null;
    const rollup = statusCheckRollup(domain, repo, sha);
    return {
        __typename: 'Status',
        state: rollup.state,
        contexts: () => rollup.contexts({ first: 100 })
            .nodes()
            .filter((c) => c.__typename === 'StatusContext'),
    };
}
/** A branch or tag (`Ref`). */
function refObject(domain, repo, qualifiedName, sha) {
    const prefix = qualifiedName.startsWith('refs/heads/')
        ? 'refs/heads/'
        : qualifiedName.startsWith('refs/tags/')
            ? 'refs/tags/'
            : 'refs/';
    return {
        __typename: 'Ref',
        id: (0,urls/* shaNodeId */.g3)('Ref', `${repo.id}:${qualifiedName}`),
        name: qualifiedName.slice(prefix.length),
        prefix,
        branchProtectionRule: null,
        refUpdateRule: null,
        target: () => gitObject(domain, repo, sha),
        repository: () => links/* links */.y.repo(domain, repo),
        associatedPullRequests: (args) => {
            const branch = qualifiedName.slice('refs/heads/'.length);
            const pulls = domain.store.where('pull', `repo:${repo.id}`).filter((pull) => pull.headRef === branch);
            return (0,context/* connection */.FI)(pulls, args, (pull) => pullById(domain, pull.id), 'PullRequest');
        },
    };
}
/** A git object by SHA: a Commit, Tree, Blob or Tag. */
function gitObject(domain, repo, sha) {
    const object = repo.git.objects.read(sha);
    if (!object)
        return null;
    const name = (0,repos/* fullName */.fq)(domain, repo);
    switch (object.type) {
        case 'commit':
            return commitObject(domain, repo, sha);
        case 'blob': {
            const binary = object.data.subarray(0, 8000).includes(0);
            return {
                __typename: 'Blob',
                id: (0,urls/* shaNodeId */.g3)('Blob', sha),
                oid: sha,
                abbreviatedOid: sha.slice(0, 7),
                byteSize: object.data.length,
                isBinary: binary,
                isTruncated: false,
                text: binary ? null : object.data.toString('utf8'),
                commitUrl: `${domain.urls.repoHtml(name)}`,
                repository: () => links/* links */.y.repo(domain, repo),
            };
        }
        case 'tree':
            return {
                __typename: 'Tree',
                id: (0,urls/* shaNodeId */.g3)('Tree', sha),
                oid: sha,
                abbreviatedOid: sha.slice(0, 7),
                entries: () => (repo.git.readTree(sha) ?? []).map((entry) => ({
                    __typename: 'TreeEntry',
                    name: entry.name,
                    path: entry.name,
                    oid: entry.sha,
                    mode: Number.parseInt(entry.mode, 8),
                    type: (0,format/* isTreeMode */.AY)(entry.mode) ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob',
                    object: () => gitObject(domain, repo, entry.sha),
                })),
                repository: () => links/* links */.y.repo(domain, repo),
            };
        case 'tag':
            return { __typename: 'Tag', id: (0,urls/* shaNodeId */.g3)('Tag', sha), oid: sha, abbreviatedOid: sha.slice(0, 7) };
        default:
            return null;
    }
}
const pullById = (domain, id) => {
    const pull = domain.store.get('pull', id);
    return pull ? links/* links */.y.pull(domain, pull) : null;
};
/** The viewer's permission on a repository (`RepositoryPermission`). */
function viewerPermission(domain, repo) {
    const role = (0,permissions/* actorRole */.k_)(domain.store, domain.actor, repo);
    return role ? (0,context/* upper */.js)(role === 'maintain' ? 'MAINTAIN' : role) : null;
}


/***/ }),

/***/ 35678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ requireNode),
/* harmony export */   SV: () => (/* binding */ decodeNodeId),
/* harmony export */   hX: () => (/* binding */ queryRoot)
/* harmony export */ });
/* unused harmony export nodeById */
/* harmony import */ var _domain_search_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77173);
/* harmony import */ var _state_actor_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(39991);
/* harmony import */ var _http_operations_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70448);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28478);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47337);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6986);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44673);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(421);








/** A legacy global id (`MDU6SXNzdWUx`: base64 of `05:Issue1`) split into its type and database id. */
function decodeNodeId(id) {
    const text = Buffer.from(id, 'base64').toString('utf8');
    const match = /^0(\d+):(.+)$/.exec(text);
    if (!match)
        return undefined;
    const length = Number(match[1]);
    const type = match[2].slice(0, length);
    const rest = match[2].slice(length);
    return /^\d+$/.test(rest) ? { type, id: Number(rest) } : undefined;
}
/** The object a global id names, if it exists and the viewer may see it. */
function nodeById(domain, id) {
    const decoded = decodeNodeId(id);
    if (!decoded)
        return null;
    const { store } = domain;
    const seen = (repo, need = _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.metadata) => repo && (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .canSee */ .KI)(domain, repo, need) ? repo : undefined;
    switch (decoded.type) {
        case 'Issue': {
            const issue = store.get('issue', decoded.id);
            const repo = seen(store.get('repo', issue?.repoId), _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.issuesRead);
            return issue && repo ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .issueObject */ .D8)(domain, repo, issue) : null;
        }
        case 'PullRequest': {
            const pull = store.get('pull', decoded.id);
            return pull && seen(store.get('repo', pull.repoId), _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.pullsRead) ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .pullObject */ .zD)(domain, pull) : null;
        }
        case 'IssueComment': {
            const comment = store.get('comment', decoded.id);
            const repo = seen(store.get('repo', comment?.repoId), _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.issuesRead);
            return comment && repo ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .commentObject */ .Zw)(domain, repo, comment) : null;
        }
        case 'PullRequestReview': {
            const review = store.get('review', decoded.id);
            const pull = store.get('pull', review?.pullId);
            const repo = seen(store.get('repo', pull?.repoId), _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.pullsRead);
            return review && pull && repo ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .reviewObject */ .o6)(domain, repo, pull, review) : null;
        }
        case 'Label': {
            const label = store.get('label', decoded.id);
            const repo = seen(store.get('repo', label?.repoId));
            return label && repo ? (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .labelObject */ .so)(domain, repo, label) : null;
        }
        case 'Milestone': {
            const milestone = store.get('milestone', decoded.id);
            const repo = seen(store.get('repo', milestone?.repoId), _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.issuesRead);
            return milestone && repo ? (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .milestoneObject */ .WX)(domain, repo, milestone) : null;
        }
        case 'Repository': {
            const repo = seen(store.get('repo', decoded.id));
            return repo ? (0,_repository_js__WEBPACK_IMPORTED_MODULE_6__/* .repoObject */ .C)(domain, repo) : null;
        }
        case 'User':
        case 'Bot':
        case 'Organization': {
            const user = store.get('user', decoded.id);
            return user ? (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .actorObject */ .rZ)(domain, user) : null;
        }
        default:
            return null;
    }
}
const unresolved = (id) => (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
/** `node(id)`: GitHub answers null with a NOT_FOUND error for an id it cannot resolve. */
function nodeOrError(domain, id) {
    return nodeById(domain, id) ?? unresolved(id);
}
/** `node(id)` that must be of one kind (mutation inputs): GitHub's NOT_FOUND otherwise. */
function requireNode(ctx, id, ...types) {
    const node = nodeById(ctx.domain, id);
    if (!node || (types.length > 0 && !types.includes(node.__typename)))
        throw unresolved(id);
    return node;
}
const SEARCH = {
    ISSUE: { operationId: 'search/issues-and-pull-requests', count: 'issueCount' },
    ISSUE_ADVANCED: { operationId: 'search/issues-and-pull-requests', count: 'issueCount' },
    REPOSITORY: { operationId: 'search/repos', count: 'repositoryCount' },
    USER: { operationId: 'search/users', count: 'userCount' },
};
/** `search(query, type)`: the REST search (same qualifiers and ranking), its results as GraphQL nodes. */
async function search(ctx, args) {
    const kind = SEARCH[args.type];
    if (!kind)
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('NOT_IMPLEMENTED', `search of type ${args.type} is not supported by the Archal GitHub clone`);
    const offset = args.after
        ? Number(/:(\d+)$/.exec(Buffer.from(args.after, 'base64').toString('utf8'))?.[1] ?? -1) + 1
        : 0;
    const needed = Math.min(1000, offset + (args.first ?? args.last ?? 10));
    const items = [];
    let total = 0;
    for (let page = 1; items.length < needed; page++) {
        const result = await (0,_http_operations_call_js__WEBPACK_IMPORTED_MODULE_1__/* .callOperation */ .y)(ctx.domain, kind.operationId, { query: { q: args.query, per_page: 100, page } });
        if (!result.ok) {
            // REST refuses a search scoped to a repository or user that does not exist; GraphQL's
            // search answers it with no results.
            if ((0,_domain_search_js__WEBPACK_IMPORTED_MODULE_0__/* .isUnsearchableScope */ .cg)(result.errors))
                break;
            throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('UNPROCESSABLE', result.message);
        }
        const body = result.body;
        total = body.total_count;
        items.push(...body.items);
        if (body.items.length < 100)
            break;
    }
    const { store } = ctx.domain;
    const nodes = items.map((item) => {
        if (args.type === 'REPOSITORY') {
            const repo = store.get('repo', item.id);
            return repo ? (0,_repository_js__WEBPACK_IMPORTED_MODULE_6__/* .repoObject */ .C)(ctx.domain, repo) : null;
        }
        if (args.type === 'USER') {
            const user = store.get('user', item.id);
            return user ? (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .actorObject */ .rZ)(ctx.domain, user) : null;
        }
        const issue = store.get('issue', item.id);
        const repo = store.get('repo', issue?.repoId);
        return issue && repo ? (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .issueObject */ .D8)(ctx.domain, repo, issue) : null;
    });
    return {
        ...(0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .connection */ .FI)(nodes, args, (node) => node, 'SearchResultItem'),
        issueCount: args.type.startsWith('ISSUE') ? total : 0,
        repositoryCount: args.type === 'REPOSITORY' ? total : 0,
        userCount: args.type === 'USER' ? total : 0,
        discussionCount: 0,
        wikiCount: 0,
        codeCount: 0,
    };
}
/** The root `Query` object. */
function queryRoot(ctx) {
    const { domain } = ctx;
    const account = (login, type) => {
        const user = domain.store.userByLogin(login);
        if (!user || (type && user.type !== type) || (!type && user.type === 'Organization'))
            throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('NOT_FOUND', `Could not resolve to a${type ? 'n Organization' : ' User'} with the login of '${login}'.`);
        return (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .actorObject */ .rZ)(domain, user);
    };
    return {
        __typename: 'Query',
        viewer: () => {
            if (!ctx.viewer)
                throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('FORBIDDEN', 'This endpoint requires a user or installation token.');
            return (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .actorObject */ .rZ)(domain, ctx.viewer);
        },
        repository: (args) => (0,_repository_js__WEBPACK_IMPORTED_MODULE_6__/* .repoObject */ .C)(domain, (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .visibleRepo */ .pI)(ctx, args.owner, args.name)),
        user: (args) => account(args.login),
        organization: (args) => account(args.login, 'Organization'),
        repositoryOwner: (args) => {
            const user = domain.store.userByLogin(args.login);
            return user ? (0,_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .actorObject */ .rZ)(domain, user) : null;
        },
        node: (args) => nodeOrError(domain, args.id),
        nodes: (args) => {
            if (args.ids.length > 100)
                throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('UNPROCESSABLE', 'You may not request more than 100 nodes at once.');
            // graphql-js reports an Error in a list at its index (`path: ["nodes", 1]`) and nulls that entry.
            return args.ids.map((id) => nodeOrError(domain, id));
        },
        search: (args) => search(ctx, args),
        rateLimit: () => {
            // The bucket this query was counted against (the one `/rate_limit` reports as `graphql`).
            const rate = domain.core.limiter.peek((0,_state_actor_js__WEBPACK_IMPORTED_MODULE_7__/* .actorKey */ .B)(domain.actor).key, 'graphql', Date.now());
            return {
                __typename: 'RateLimit',
                cost: 1,
                limit: rate.limit,
                nodeCount: 0,
                remaining: rate.remaining,
                used: rate.used,
                resetAt: new Date(rate.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            };
        },
        meta: () => ({
            __typename: 'GitHubMetadata',
            isPasswordAuthenticationVerifiable: false,
            gitHubServicesSha: '0'.repeat(40),
        }),
        id: 'Query',
        relay: () => queryRoot(ctx),
    };
}


/***/ }),

/***/ 421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ repoObject)
});

// EXTERNAL MODULE: ./src/clones/github/domain/languages.ts
var languages = __webpack_require__(13850);
// EXTERNAL MODULE: ./src/clones/github/render/urls.ts
var urls = __webpack_require__(22903);
// EXTERNAL MODULE: ./src/clones/github/graphql/context.ts
var context = __webpack_require__(47337);
;// CONCATENATED MODULE: ./src/clones/github/graphql/languages.ts



/** A `Language` object; its id is derived from its name, so it is the same in every repository. */
function languageNode(name) {
    return { __typename: 'Language', id: (0,urls/* nodeId */.s5)('Language', hashName(name)), name, color: null };
}
function hashName(name) {
    let hash = 0;
    for (const char of name)
        hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
    return hash;
}
/** `Repository.languages`: the REST languages (bytes per language) as a connection whose edges carry `size`. */
function languagesConnection(repo, args) {
    const list = (0,languages/* repoLanguages */.C)(repo);
    if (args.orderBy?.direction === 'ASC')
        list.reverse();
    const sizes = new Map(list);
    const base = (0,context/* connection */.FI)(list, args, ([name]) => languageNode(name), 'Language');
    return {
        ...base,
        totalSize: list.reduce((sum, [, size]) => sum + size, 0),
        edges: () => base.edges().map((edge) => ({ ...edge, size: sizes.get(edge.node.name) ?? 0 })),
    };
}

// EXTERNAL MODULE: ./src/clones/github/domain/issues.ts
var issues = __webpack_require__(43953);
// EXTERNAL MODULE: ./src/clones/github/domain/issue-pin.ts
var issue_pin = __webpack_require__(87128);
// EXTERNAL MODULE: ./src/clones/github/render/repos.ts
var repos = __webpack_require__(91052);
// EXTERNAL MODULE: ./src/clones/github/state/permissions.ts
var permissions = __webpack_require__(28478);
// EXTERNAL MODULE: ./src/clones/github/state/environment-protection.ts
var environment_protection = __webpack_require__(41247);
// EXTERNAL MODULE: ./src/clones/github/graphql/objects.ts + 1 modules
var objects = __webpack_require__(44673);
// EXTERNAL MODULE: ./src/clones/github/graphql/teams.ts
var teams = __webpack_require__(33424);
;// CONCATENATED MODULE: ./src/clones/github/graphql/environments.ts





/** `Repository.environments`: the repository's environments by name (none is pinned here). */
function environmentConnection(domain, repo, args) {
    const names = new Set((args.names ?? []).map((name) => name.toLowerCase()));
    const environments = domain.store
        .where('environment', `repo:${repo.id}`)
        .filter((environment) => names.size === 0 || names.has(environment.name.toLowerCase()))
        .filter(() => args.pinnedEnvironmentFilter !== 'ONLY')
        .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    if (args.orderBy?.direction === 'DESC')
        environments.reverse();
    return (0,context/* connection */.FI)(environments, args, (environment) => environmentObject(domain, environment), 'Environment');
}
function environmentObject(domain, environment) {
    return {
        __typename: 'Environment',
        id: (0,urls/* nodeId */.s5)('Environment', environment.id),
        databaseId: environment.id,
        name: environment.name,
        isPinned: false,
        pinnedPosition: null,
        latestCompletedDeployment: null,
        protectionRules: (args) => (0,context/* connection */.FI)((0,environment_protection/* protectionRules */.v)(environment), args, (rule) => protectionRuleObject(domain, rule), 'DeploymentProtectionRule'),
    };
}
function protectionRuleObject(domain, rule) {
    const reviewers = rule.type === 'required_reviewers' ? rule.reviewers : [];
    return {
        __typename: 'DeploymentProtectionRule',
        databaseId: rule.id,
        type: (0,context/* upper */.js)(rule.type),
        timeout: rule.type === 'wait_timer' ? rule.waitTimer : 0,
        preventSelfReview: rule.type === 'required_reviewers' ? rule.preventSelfReview : false,
        reviewers: (args) => (0,context/* connection */.FI)(reviewers.flatMap((reviewer) => {
            if (reviewer.type === 'User') {
                const user = domain.store.get('user', reviewer.id);
                return user ? [(0,objects/* actorObject */.rZ)(domain, user)] : [];
            }
            const team = domain.store.get('team', reviewer.id);
            return team ? [(0,teams/* teamObject */.DU)(domain, team)] : [];
        }), args, (reviewer) => reviewer, 'DeploymentReviewer'),
    };
}

// EXTERNAL MODULE: ./src/clones/github/graphql/issues.ts + 1 modules
var graphql_issues = __webpack_require__(6986);
// EXTERNAL MODULE: ./src/clones/github/domain/releases.ts
var domain_releases = __webpack_require__(41707);
// EXTERNAL MODULE: ./src/clones/github/graphql/links.ts
var links = __webpack_require__(14827);
;// CONCATENATED MODULE: ./src/clones/github/graphql/releases.ts








/**
 * `Repository.releases`: the releases REST lists (drafts only for those who may push), newest
 * first unless `orderBy` says otherwise.
 */
function releaseConnection(domain, repo, args) {
    const drafts = (0,objects/* canSee */.KI)(domain, repo, permissions/* NEED */.$B.contentsWrite);
    const field = args.orderBy?.field ?? 'CREATED_AT';
    const key = (release) => (field === 'NAME' ? (release.name ?? release.tagName) : release.createdAt);
    const releases = domain.store
        .where('release', `repo:${repo.id}`)
        .filter((release) => drafts || !release.draft)
        .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
    if ((args.orderBy?.direction ?? 'DESC') === 'DESC')
        releases.reverse();
    const latest = (0,domain_releases/* latestRelease */.JF)(domain, repo)?.id;
    return (0,context/* connection */.FI)(releases, args, (release) => releaseObject(domain, repo, release, latest), 'Release');
}
/** `Repository.latestRelease`: the newest published release that is not a prerelease, as REST's /releases/latest. */
function latestReleaseObject(domain, repo) {
    const latest = (0,domain_releases/* latestRelease */.JF)(domain, repo);
    return latest ? releaseObject(domain, repo, latest, latest.id) : null;
}
/** `Repository.release(tagName)`: the release of that tag (a draft only for those who may push). */
function releaseByTag(domain, repo, tagName) {
    const drafts = (0,objects/* canSee */.KI)(domain, repo, permissions/* NEED */.$B.contentsWrite);
    const release = domain.store
        .where('release', `repo:${repo.id}`)
        .find((candidate) => candidate.tagName === tagName && (drafts || !candidate.draft));
    return release ? releaseObject(domain, repo, release, (0,domain_releases/* latestRelease */.JF)(domain, repo)?.id) : null;
}
function releaseObject(domain, repo, release, latestId) {
    const name = (0,repos/* fullName */.fq)(domain, repo);
    const path = `/${name}/releases/${release.draft ? `untagged-${release.id}` : `tag/${encodeURIComponent(release.tagName)}`}`;
    const tagRef = `refs/tags/${release.tagName}`;
    return {
        __typename: 'Release',
        id: (0,urls/* nodeId */.s5)('Release', release.id),
        databaseId: release.id,
        name: release.name,
        tagName: release.tagName,
        description: release.body,
        descriptionHTML: release.body === null ? null : (0,graphql_issues/* escapeHtml */.ZD)(release.body),
        shortDescriptionHTML: (args) => release.body === null ? null : (0,graphql_issues/* escapeHtml */.ZD)(release.body.slice(0, args.limit ?? 200)),
        isDraft: release.draft,
        isPrerelease: release.prerelease,
        isLatest: release.id === latestId,
        createdAt: release.createdAt,
        publishedAt: release.publishedAt,
        updatedAt: release.publishedAt ?? release.createdAt,
        url: `${domain.urls.web}${path}`,
        resourcePath: path,
        author: () => (0,objects/* actorById */.UY)(domain, release.authorId),
        // The clone stores no release assets (REST cannot upload them either).
        releaseAssets: context/* emptyConnection */.cc,
        repository: () => links/* links */.y.repo(domain, repo),
        tag: () => {
            const sha = repo.git.refs.get(tagRef);
            return sha ? (0,objects/* refObject */.Zu)(domain, repo, tagRef, sha) : null;
        },
        tagCommit: () => {
            const sha = repo.git.resolveCommit(tagRef);
            return sha ? (0,objects/* commitObject */.zS)(domain, repo, sha) : null;
        },
    };
}

// EXTERNAL MODULE: ./src/clones/github/domain/revision.ts
var domain_revision = __webpack_require__(32612);
;// CONCATENATED MODULE: ./src/clones/github/graphql/repository.ts












const login = (domain, id) => domain.store.get('user', id)?.login.toLowerCase();
/** Sorts as GitHub's `IssueOrder` does (default: oldest first). */
function ordered(domain, issues, order) {
    const field = order?.field ?? 'CREATED_AT';
    const key = (issue) => field === 'UPDATED_AT'
        ? issue.updatedAt
        : field === 'COMMENTS'
            ? domain.store.countWhere('comment', `issue:${issue.id}`)
            : issue.createdAt;
    const sorted = issues.slice().sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return x < y ? -1 : x > y ? 1 : a.number - b.number;
    });
    return order?.direction === 'DESC' ? sorted.reverse() : sorted;
}
function filterIssues(domain, repo, issues, filters) {
    const states = filters.states?.map((state) => state.toLowerCase());
    const labels = filters.labels?.map((label) => label.toLowerCase());
    return issues.filter((issue) => {
        if (states && !states.includes(issue.state))
            return false;
        if (labels) {
            const names = issue.labelIds.map((id) => domain.store.get('label', id)?.name.toLowerCase());
            if (!labels.some((label) => names.includes(label)))
                return false;
        }
        if (filters.assignee) {
            const wanted = filters.assignee.toLowerCase();
            if (wanted === '*' ? issue.assigneeIds.length === 0 : !issue.assigneeIds.some((id) => login(domain, id) === wanted))
                return false;
        }
        if (filters.createdBy && login(domain, issue.userId) !== filters.createdBy.toLowerCase())
            return false;
        if (filters.mentioned && !(issue.body ?? '').toLowerCase().includes(`@${filters.mentioned.toLowerCase()}`))
            return false;
        if (filters.milestoneNumber || filters.milestone) {
            const milestone = domain.store.get('milestone', issue.milestoneId);
            const wanted = filters.milestoneNumber ?? filters.milestone;
            if (wanted === '*'
                ? !milestone
                : wanted === 'none'
                    ? milestone
                    : String(milestone?.number) !== wanted && milestone?.title !== wanted)
                return false;
        }
        if (filters.since && issue.updatedAt < filters.since)
            return false;
        return true;
    });
}
/** A Repository and the connections agents and `gh` read from it. */
function repoObject(domain, repo) {
    const owner = domain.store.get('user', repo.ownerId);
    const name = (0,repos/* fullName */.fq)(domain, repo);
    const url = domain.urls.repoHtml(name);
    const issuesOf = (pulls) => (0,objects/* canSee */.KI)(domain, repo, pulls ? permissions/* NEED */.$B.pullsRead : permissions/* NEED */.$B.issuesRead)
        ? domain.store.where('issue', `repo:${repo.id}`).filter((issue) => (issue.pullId !== null) === pulls)
        : [];
    const issueByNumber = (number, pulls) => {
        const issue = domain.store.issueByNumber(repo.id, number);
        if (!issue || (pulls !== null && (issue.pullId !== null) !== pulls))
            throw (0,context/* gqlError */.tr)('NOT_FOUND', `Could not resolve to ${pulls === false ? 'an Issue' : pulls ? 'a PullRequest' : 'an issue or pull request'} with the number of ${number}.`);
        return (0,graphql_issues/* issueObject */.D8)(domain, repo, issue);
    };
    const branchRef = (branch) => {
        const sha = repo.git.branch(branch);
        return sha ? (0,objects/* refObject */.Zu)(domain, repo, `refs/heads/${branch}`, sha) : null;
    };
    const users = (args, admits = () => true) => {
        const ids = new Set([repo.ownerId, ...repo.collaborators.keys()]);
        const org = domain.store.get('org', repo.ownerId);
        if (org && org.memberRole !== 'none')
            for (const id of org.members.keys())
                ids.add(id);
        const query = args.query?.toLowerCase();
        const list = [...ids]
            .map((id) => domain.store.get('user', id))
            .filter((user) => user !== undefined && user.type === 'User' && (0,permissions/* userRole */.KZ)(domain.store, user.id, repo) !== undefined)
            .filter(admits)
            .filter((user) => !query || user.login.toLowerCase().includes(query) || (user.name ?? '').toLowerCase().includes(query));
        return (0,context/* connection */.FI)(list, args, (user) => (0,objects/* actorObject */.rZ)(domain, user), 'User');
    };
    return {
        __typename: 'Repository',
        id: (0,urls/* nodeId */.s5)('Repository', repo.id),
        databaseId: repo.id,
        name: repo.name,
        nameWithOwner: name,
        owner: () => (0,objects/* actorObject */.rZ)(domain, owner),
        description: repo.description,
        homepageUrl: repo.homepage,
        url,
        resourcePath: `/${name}`,
        sshUrl: `git@${domain.urls.host}:${name}.git`,
        isPrivate: repo.private,
        visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
        isArchived: repo.archived,
        isFork: repo.forkOf !== null,
        isTemplate: false,
        isMirror: false,
        isLocked: false,
        isDisabled: false,
        isEmpty: repo.git.branches().size === 0,
        isInOrganization: owner.type === 'Organization',
        createdAt: repo.createdAt,
        updatedAt: repo.updatedAt,
        pushedAt: repo.pushedAt,
        hasIssuesEnabled: repo.hasIssues,
        hasWikiEnabled: repo.hasWiki,
        hasProjectsEnabled: repo.hasProjects,
        hasDiscussionsEnabled: false,
        mergeCommitAllowed: repo.allowMergeCommit,
        squashMergeAllowed: repo.allowSquashMerge,
        rebaseMergeAllowed: repo.allowRebaseMerge,
        deleteBranchOnMerge: repo.deleteBranchOnMerge,
        autoMergeAllowed: false,
        mergeQueue: null,
        viewerPermission: (0,objects/* viewerPermission */.aG)(domain, repo),
        viewerCanAdminister: (0,objects/* viewerPermission */.aG)(domain, repo) === 'ADMIN',
        viewerCanPush: ['ADMIN', 'MAINTAIN', 'WRITE'].includes((0,objects/* viewerPermission */.aG)(domain, repo) ?? ''),
        viewerHasStarred: false,
        viewerSubscription: 'SUBSCRIBED',
        stargazerCount: 0,
        forkCount: () => (0,repos/* forkCount */.C6)(domain, repo),
        watchers: context/* emptyConnection */.cc,
        stargazers: context/* emptyConnection */.cc,
        primaryLanguage: repo.language
            ? { __typename: 'Language', id: (0,urls/* nodeId */.s5)('Language', 1), name: repo.language, color: null }
            : null,
        languages: (args) => languagesConnection(repo, args),
        licenseInfo: null,
        repositoryTopics: (args) => (0,context/* connection */.FI)(repo.topics, args, (topic) => ({
            __typename: 'RepositoryTopic',
            topic: { __typename: 'Topic', name: topic },
            url: `${domain.urls.web}/topics/${topic}`,
        }), 'RepositoryTopic'),
        parent: () => {
            const parent = domain.store.get('repo', repo.forkOf);
            return parent && (0,objects/* canSee */.KI)(domain, parent) ? repoObject(domain, parent) : null;
        },
        templateRepository: null,
        // What the clone has no state for answers as a repository without it (gh repo view asks for all of these).
        codeOfConduct: null,
        fundingLinks: [],
        isBlankIssuesEnabled: true,
        isSecurityPolicyEnabled: false,
        securityPolicyUrl: null,
        isUserConfigurationRepository: repo.name.toLowerCase() === owner.login.toLowerCase(),
        mirrorUrl: null,
        openGraphImageUrl: `${domain.urls.web}/opengraph/${name}.png`,
        usesCustomOpenGraphImage: false,
        viewerPossibleCommitEmails: () => {
            const viewer = domain.actor.kind === 'user' ? domain.actor.user : undefined;
            return viewer?.email ? [viewer.email] : [];
        },
        defaultBranchRef: () => branchRef(repo.defaultBranch),
        issue: (args) => issueByNumber(args.number, false),
        pullRequest: (args) => issueByNumber(args.number, true),
        issueOrPullRequest: (args) => issueByNumber(args.number, null),
        issues: (args) => (0,context/* connection */.FI)(ordered(domain, filterIssues(domain, repo, issuesOf(false), {
            ...args,
            ...(args.filterBy ?? {}),
            states: args.filterBy?.states ?? args.states,
            labels: args.filterBy?.labels ?? args.labels,
        }), args.orderBy), args, (issue) => (0,graphql_issues/* issueObject */.D8)(domain, repo, issue), 'Issue'),
        pullRequests: (args) => {
            const states = args.states?.map((state) => state.toUpperCase());
            const labels = args.labels;
            const list = issuesOf(true).filter((issue) => {
                const pull = domain.store.get('pull', issue.pullId);
                const state = pull.merged ? 'MERGED' : (0,context/* upper */.js)(issue.state);
                if (states && !states.includes(state))
                    return false;
                if (args.headRefName && pull.headRef !== args.headRefName)
                    return false;
                if (args.baseRefName && pull.baseRef !== args.baseRefName)
                    return false;
                return !labels || filterIssues(domain, repo, [issue], { labels }).length > 0;
            });
            return (0,context/* connection */.FI)(ordered(domain, list, args.orderBy), args, (issue) => (0,graphql_issues/* pullObject */.zD)(domain, domain.store.get('pull', issue.pullId)), 'PullRequest');
        },
        labels: (args) => {
            const query = args.query?.toLowerCase();
            let labels = domain.store
                .where('label', `repo:${repo.id}`)
                .filter((label) => !query ||
                label.name.toLowerCase().includes(query) ||
                (label.description ?? '').toLowerCase().includes(query));
            if (args.orderBy?.field === 'NAME')
                labels = labels.slice().sort((a, b) => a.name.localeCompare(b.name));
            if (args.orderBy?.direction === 'DESC')
                labels = labels.slice().reverse();
            return (0,context/* connection */.FI)(labels, args, (label) => (0,objects/* labelObject */.so)(domain, repo, label), 'Label');
        },
        label: (args) => {
            const label = domain.store
                .where('label', `repo:${repo.id}`)
                .find((candidate) => candidate.name.toLowerCase() === args.name.toLowerCase());
            return label ? (0,objects/* labelObject */.so)(domain, repo, label) : null;
        },
        milestones: (args) => (0,context/* connection */.FI)(domain.store
            .where('milestone', `repo:${repo.id}`)
            .filter((milestone) => !args.states || args.states.includes((0,context/* upper */.js)(milestone.state)))
            .filter((milestone) => !args.query || milestone.title.toLowerCase().includes(args.query.toLowerCase())), args, (milestone) => (0,objects/* milestoneObject */.WX)(domain, repo, milestone), 'Milestone'),
        milestone: (args) => {
            const milestone = domain.store
                .where('milestone', `repo:${repo.id}`)
                .find((candidate) => candidate.number === args.number);
            return milestone ? (0,objects/* milestoneObject */.WX)(domain, repo, milestone) : null;
        },
        refs: (args) => {
            const refs = [...repo.git.refs.list(args.refPrefix)]
                .filter(([ref]) => !args.query || ref.slice(args.refPrefix.length).includes(args.query))
                .sort(([a], [b]) => a.localeCompare(b));
            if (args.direction === 'DESC')
                refs.reverse();
            return (0,context/* connection */.FI)(refs, args, ([ref, sha]) => (0,objects/* refObject */.Zu)(domain, repo, ref, sha), 'Ref');
        },
        ref: (args) => {
            const qualified = args.qualifiedName.startsWith('refs/')
                ? args.qualifiedName
                : `refs/heads/${args.qualifiedName}`;
            const sha = repo.git.refs.get(qualified) ?? repo.git.refs.get(`refs/tags/${args.qualifiedName}`);
            return sha
                ? (0,objects/* refObject */.Zu)(domain, repo, repo.git.refs.get(qualified) ? qualified : `refs/tags/${args.qualifiedName}`, sha)
                : null;
        },
        object: (args) => {
            if (args.oid)
                return (0,objects/* gitObject */.E7)(domain, repo, args.oid);
            const expression = args.expression ?? '';
            const colon = expression.indexOf(':');
            const revision = colon === -1 ? expression : expression.slice(0, colon);
            // `HEAD:path`, the idiom of most scripts, reads the default branch.
            const commit = (0,domain_revision/* resolveRevision */.e)(repo, revision || 'HEAD');
            if (!commit)
                return null;
            if (colon === -1)
                return (0,objects/* commitObject */.zS)(domain, repo, commit);
            const tree = repo.git.readCommit(commit).tree;
            const entry = repo.git.entryAt(tree, expression.slice(colon + 1).replace(/^\/|\/$/g, ''));
            return entry ? (0,objects/* gitObject */.E7)(domain, repo, entry.sha) : null;
        },
        // Who REST's /assignees lists and updateIssue accepts (triage or more), so gh offers no one it then refuses.
        assignableUsers: (args) => users(args, (user) => (0,issues/* isAssignable */.Yp)(domain, repo, user)),
        mentionableUsers: (args) => users(args),
        collaborators: (args) => users(args),
        latestRelease: () => latestReleaseObject(domain, repo),
        release: (args) => releaseByTag(domain, repo, args.tagName),
        releases: (args) => releaseConnection(domain, repo, args),
        discussions: context/* emptyConnection */.cc,
        projects: context/* emptyConnection */.cc,
        projectsV2: context/* emptyConnection */.cc,
        environments: (args) => environmentConnection(domain, repo, args),
        pinnedIssues: (args) => (0,context/* connection */.FI)((0,issue_pin/* pinnedIssues */.$O)(domain, repo), args, (issue) => ({
            __typename: 'PinnedIssue',
            id: (0,urls/* nodeId */.s5)('PinnedIssue', issue.id),
            databaseId: issue.id,
            fullDatabaseId: String(issue.id),
            isReadByViewer: true,
            issue: (0,graphql_issues/* issueObject */.D8)(domain, repo, issue),
            pinnedBy: () => (0,objects/* actorById */.UY)(domain, issue.pinned.byId),
            repository: () => repoObject(domain, repo),
        }), 'PinnedIssue'),
        forks: (args) => (0,context/* connection */.FI)([...domain.store.all('repo')].filter((fork) => fork.forkOf === repo.id && (0,objects/* canSee */.KI)(domain, fork)), args, (fork) => repoObject(domain, fork), 'Repository'),
        codeOwners: null,
        diskUsage: 0,
        issueTemplates: [],
        pullRequestTemplates: [],
        contactLinks: [],
        viewerDefaultMergeMethod: repo.allowMergeCommit ? 'MERGE' : repo.allowSquashMerge ? 'SQUASH' : 'REBASE',
        viewerDefaultCommitEmail: null,
    };
}


/***/ }),

/***/ 10188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   REVIEW_THREAD_MUTATIONS: () => (/* binding */ REVIEW_THREAD_MUTATIONS)
/* harmony export */ });
/* harmony import */ var _domain_reviews_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8084);
/* harmony import */ var _state_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3435);
/* harmony import */ var _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28478);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47337);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6986);
/* harmony import */ var _query_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(35678);






/**
 * Marks the thread `input.threadId` names resolved (or not): the state is kept on the thread's
 * first comment. Its pull request's author and its writers may; others get FORBIDDEN.
 */
function setResolved(ctx, input, resolved) {
    const { domain } = ctx;
    const threadId = String(input.threadId);
    const decoded = (0,_query_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeNodeId */ .SV)(threadId);
    const root = decoded?.type === 'PullRequestReviewThread' ? domain.store.get('reviewComment', decoded.id) : undefined;
    const pull = domain.store.get('pull', root?.pullId);
    const repo = domain.store.get('repo', pull?.repoId);
    // A thread the viewer cannot see (another user's pending review) is as unknown as a wrong id.
    if (!root || !pull || !repo || !(0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .reviewThreadById */ .FI)(domain, root.id))
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('NOT_FOUND', `Could not resolve to a node with the global id of '${threadId}'`);
    const mutation = resolved ? 'ResolveReviewThread' : 'UnresolveReviewThread';
    if (!(0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .canResolveThreads */ .qu)(domain, repo, pull))
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('FORBIDDEN', `${domain.actor.kind === 'user' ? domain.actor.user.login : 'The viewer'} does not have the correct permissions to execute \`${mutation}\``);
    const viewer = domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : null;
    domain.store.update(domain.journal, 'reviewComment', root, { resolvedById: resolved ? viewer : null });
    return Promise.resolve({ thread: (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .reviewThreadById */ .FI)(domain, root.id) ?? null });
}
/**
 * `addPullRequestReviewThread`: a comment on a line (or, with `subjectType: FILE`, a whole file)
 * added to the viewer's pending review (`pullRequestReviewId`, or theirs on `pullRequestId`), as
 * the REST review comments of a pending review are; published when the review is submitted.
 */
async function addThread(ctx, input) {
    const { domain } = ctx;
    const viewer = domain.actor.kind === 'user' || domain.actor.kind === 'installation' ? domain.actor.user.id : null;
    const reviewId = (0,_query_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeNodeId */ .SV)(String(input.pullRequestReviewId ?? ''));
    const pullId = (0,_query_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeNodeId */ .SV)(String(input.pullRequestId ?? ''));
    let review = reviewId?.type === 'PullRequestReview' ? domain.store.get('review', reviewId.id) : undefined;
    if (!review && pullId?.type === 'PullRequest')
        review = domain.store
            .where('review', `pull:${pullId.id}`)
            .find((candidate) => candidate.state === 'PENDING' && candidate.userId === viewer);
    const pull = domain.store.get('pull', review?.pullId);
    const repo = domain.store.get('repo', pull?.repoId);
    if (!review || !pull || !repo || review.userId !== viewer)
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('NOT_FOUND', `Could not resolve to a pending review of the viewer (give pullRequestReviewId, or pullRequestId with a pending review).`);
    if (review.state !== 'PENDING')
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('UNPROCESSABLE', 'The review is not pending: it was already submitted.');
    const number = (value) => (typeof value === 'number' ? value : undefined);
    const side = (value) => (value === 'LEFT' || value === 'RIGHT' ? value : undefined);
    try {
        (0,_state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .authorize */ .Gq)(domain.store, domain.actor, repo, _state_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .NEED */ .$B.pullsParticipate);
        const comment = await (0,_domain_reviews_js__WEBPACK_IMPORTED_MODULE_0__/* .addReviewComment */ .dU)(domain, repo, pull, {
            body: String(input.body ?? ''),
            path: String(input.path ?? ''),
            commit_id: pull.headSha,
            ...(input.subjectType === 'FILE'
                ? { subject_type: 'file' }
                : { line: number(input.line), side: side(input.side), start_line: number(input.startLine) }),
        }, review.id);
        return { thread: (0,_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .reviewThreadById */ .FI)(domain, comment.id) ?? null };
    }
    catch (error) {
        if (error instanceof _state_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD)
            throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)(error.status === 403 || error.status === 404 ? 'FORBIDDEN' : 'UNPROCESSABLE', error.message);
        throw error;
    }
}
const REVIEW_THREAD_MUTATIONS = {
    addPullRequestReviewThread: addThread,
    resolveReviewThread: (ctx, input) => setResolved(ctx, input, true),
    unresolveReviewThread: (ctx, input) => setResolved(ctx, input, false),
};


/***/ }),

/***/ 33424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ teamObject),
/* harmony export */   a8: () => (/* binding */ organizationTeams),
/* harmony export */   no: () => (/* binding */ organizationTeam)
/* harmony export */ });
/* harmony import */ var _http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70448);
/* harmony import */ var _render_urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22903);
/* harmony import */ var _state_teams_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74048);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47337);
/* harmony import */ var _links_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14827);





/** A team of an organization (`Team`). */
function teamObject(domain, team) {
    const org = domain.store.get('user', team.orgId);
    const path = `/orgs/${org.login}/teams/${team.slug}`;
    return {
        __typename: 'Team',
        id: (0,_render_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeId */ .s5)('Team', team.id),
        databaseId: team.id,
        name: team.name,
        slug: team.slug,
        combinedSlug: `${org.login}/${team.slug}`,
        description: team.description,
        privacy: team.privacy === 'secret' ? 'SECRET' : 'VISIBLE',
        notificationSetting: (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .upper */ .js)(team.notificationSetting),
        url: `${domain.urls.web}${path}`,
        resourcePath: path,
        createdAt: team.createdAt,
        updatedAt: team.updatedAt,
        organization: () => _links_js__WEBPACK_IMPORTED_MODULE_4__/* .links */ .y.actor(domain, team.orgId),
        parentTeam: () => {
            const parent = domain.store.get('team', team.parentId);
            return parent ? teamObject(domain, parent) : null;
        },
        members: (args) => (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .connection */ .FI)([...(0,_state_teams_js__WEBPACK_IMPORTED_MODULE_2__/* .teamMemberIds */ ._s)(domain.store, team).keys()]
            .map((id) => domain.store.get('user', id))
            .filter((user) => user !== undefined)
            .sort((a, b) => a.login.localeCompare(b.login)), args, (user) => _links_js__WEBPACK_IMPORTED_MODULE_4__/* .links */ .y.actor(domain, user.id), 'TeamMember'),
    };
}
/** `Organization.team(slug)`: the team REST's `GET /orgs/{org}/teams/{slug}` shows the viewer, else null. */
async function organizationTeam(domain, org, slug) {
    const result = await (0,_http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callOperation */ .y)(domain, 'teams/get-by-name', { params: { org: org.login, team_slug: slug } });
    if (!result.ok) {
        if (result.status === 403 || result.status === 404)
            return null;
        throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('UNPROCESSABLE', result.message);
    }
    const team = domain.store.get('team', result.body.id);
    return team ? teamObject(domain, team) : null;
}
/**
 * `Organization.teams`: the teams the viewer may see (REST's `GET /orgs/{org}/teams`, so secret
 * teams only for their members and the organization's admins, none for outsiders), filtered and
 * ordered as the arguments ask.
 */
async function organizationTeams(domain, org, args) {
    const teams = [];
    for (let page = 1;; page++) {
        const result = await (0,_http_operations_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callOperation */ .y)(domain, 'teams/list', {
            params: { org: org.login },
            query: { per_page: 100, page },
        });
        if (!result.ok) {
            if (result.status === 403 || result.status === 404)
                break;
            throw (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .gqlError */ .tr)('UNPROCESSABLE', result.message);
        }
        const items = result.body;
        for (const item of items) {
            const team = domain.store.get('team', item.id);
            if (team)
                teams.push(team);
        }
        if (items.length < 100)
            break;
    }
    const query = args.query?.toLowerCase();
    const members = args.userLogins?.map((login) => domain.store.userByLogin(login)?.id);
    const selected = teams
        .filter((team) => !args.privacy || (args.privacy === 'SECRET') === (team.privacy === 'secret'))
        .filter((team) => !args.rootTeamsOnly || team.parentId === null)
        .filter((team) => !query || team.name.toLowerCase().includes(query) || team.slug.includes(query))
        .filter((team) => {
        if (!members)
            return true;
        const ids = (0,_state_teams_js__WEBPACK_IMPORTED_MODULE_2__/* .teamMemberIds */ ._s)(domain.store, team);
        return members.some((id) => id !== undefined && ids.has(id));
    })
        .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
    if (args.orderBy?.direction === 'DESC')
        selected.reverse();
    return (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .connection */ .FI)(selected, args, (team) => teamObject(domain, team), 'Team');
}


/***/ })

};
