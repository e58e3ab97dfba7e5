export const id = 176;
export const ids = [176];
export const modules = {

/***/ 74970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/**
 * A pull request from another repository than the one it targets. The head repository's own `fork`
 * flag says nothing of that (every pull request of a repository that is itself a fork carries it);
 * a head repository that is gone (a deleted fork: `null`) counts as another, to be safe.
 */
function fromAnotherRepository(pull, repository) {
    const head = pull.head?.repo;
    if (!head)
        return true;
    const base = pull.base?.repo;
    if (head.id !== undefined && base?.id !== undefined)
        return head.id !== base.id;
    const baseName = base?.full_name ?? repository;
    return head.full_name === undefined || head.full_name.toLowerCase() !== baseName.toLowerCase();
}
function readRunContext(context) {
    const { owner, repo } = context.repo;
    const pull = context.payload.pull_request;
    const pullRequest = pull?.number && pull.head?.sha && pull.base?.sha
        ? {
            number: pull.number,
            url: pull.html_url ?? `${context.serverUrl}/${owner}/${repo}/pull/${pull.number}`,
            headSha: pull.head.sha,
            headRef: pull.head.ref ?? '',
            baseSha: pull.base.sha,
            baseRef: pull.base.ref ?? '',
            fork: fromAnotherRepository(pull, `${owner}/${repo}`),
        }
        : null;
    return {
        eventName: context.eventName,
        owner,
        repo,
        headSha: pullRequest?.headSha ?? context.sha,
        branch: context.ref.startsWith('refs/heads/') ? context.ref.slice('refs/heads/'.length) : null,
        runId: context.runId,
        runUrl: context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : null,
        serverUrl: context.serverUrl,
        apiUrl: context.apiUrl,
        pullRequest,
    };
}


/***/ }),

/***/ 37391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IB: () => (/* reexport */ closePull),
  Fp: () => (/* reexport */ completeCheckRun),
  PC: () => (/* reexport */ createCompletedCheckRun),
  fZ: () => (/* reexport */ createGitHubApiClient),
  zl: () => (/* reexport */ findOpenPull),
  gj: () => (/* reexport */ isPermissionError),
  GQ: () => (/* reexport */ isServerError),
  pG: () => (/* reexport */ listPullFiles),
  dK: () => (/* reexport */ parseGitHubRemote),
  aK: () => (/* reexport */ pullNumberIn),
  aF: () => (/* reexport */ startCheckRun),
  Q6: () => (/* reexport */ upsertDraftPull),
  qD: () => (/* reexport */ upsertStickyComment),
  p7: () => (/* reexport */ verifyPull)
});

// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 1 modules
var dist_src = __webpack_require__(11303);
;// CONCATENATED MODULE: ./src/github/pulls.ts

function createGitHubApiClient(apiUrl, token, retry) {
    const octokit = new dist_src/* Octokit */.E({ baseUrl: apiUrl, auth: token, userAgent: 'archal', request: { retries: 0 } });
    if (retry && retry.retries > 0)
        octokit.hook.wrap('request', async (request, options) => {
            const beforeRetry = options.request?.beforeRetry;
            for (let attempt = 0;; attempt++) {
                try {
                    return await request(options);
                }
                catch (error) {
                    // Only GitHub's own failures: a 4xx says the request itself is wrong and would fail again.
                    const status = error.status;
                    if (attempt >= retry.retries || typeof status !== 'number' || status < 500)
                        throw error;
                    await new Promise((resolve) => setTimeout(resolve, retry.delayMs * (attempt + 1)));
                    const found = await beforeRetry?.();
                    if (found)
                        return { status: 200, url: options.url, headers: {}, data: found.data };
                }
            }
        });
    return octokit;
}
function summary(pull) {
    return {
        number: pull.number,
        url: pull.html_url,
        headSha: pull.head.sha,
        draft: pull.draft ?? false,
        state: pull.state,
    };
}
/** The open pull request from `branch` (of the same repository), if any. */
async function findOpenPull(github, remote, branch) {
    const { data } = await github.rest.pulls.list({
        owner: remote.owner,
        repo: remote.repo,
        head: `${remote.owner}:${branch}`,
        state: 'open',
        per_page: 10,
    });
    const pull = data.find((candidate) => candidate.head.ref === branch);
    return pull && summary(pull);
}
/** Creates a draft pull request from `branch`, or updates the open one (one PR per branch, never two). */
async function upsertDraftPull(github, remote, pull) {
    const existing = await findOpenPull(github, remote, pull.branch);
    if (existing) {
        const { data } = await github.rest.pulls.update({
            owner: remote.owner,
            repo: remote.repo,
            pull_number: existing.number,
            title: pull.title,
            body: pull.body,
            base: pull.base,
        });
        return { action: 'updated', pull: summary(data) };
    }
    const { data } = await github.rest.pulls.create({
        owner: remote.owner,
        repo: remote.repo,
        head: pull.branch,
        base: pull.base,
        title: pull.title,
        body: pull.body,
        draft: true,
    });
    return { action: 'created', pull: summary(data) };
}
async function closePull(github, remote, number, comment) {
    await github.rest.issues.createComment({
        owner: remote.owner,
        repo: remote.repo,
        issue_number: number,
        body: comment,
    });
    await github.rest.pulls.update({ owner: remote.owner, repo: remote.repo, pull_number: number, state: 'closed' });
}
/** The paths a pull request changes, sorted. */
async function listPullFiles(github, remote, number) {
    const files = await github.paginate(github.rest.pulls.listFiles, {
        owner: remote.owner,
        repo: remote.repo,
        pull_number: number,
        per_page: 100,
    });
    return files.map((file) => file.filename).sort();
}
const FAILED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure']);
/**
 * Checks a pull request is what was meant to be published: its head is the pushed commit, its files
 * are the fix's files, it is a draft, and no check on it has already failed.
 */
async function verifyPull(github, remote, number, expected) {
    const target = { owner: remote.owner, repo: remote.repo };
    const { data } = await github.rest.pulls.get({ ...target, pull_number: number });
    const pull = summary(data);
    const files = await listPullFiles(github, remote, number);
    const problems = [];
    if (expected.headSha && pull.headSha !== expected.headSha)
        problems.push(`its head is ${pull.headSha}, not the pushed commit ${expected.headSha}`);
    if (!pull.draft)
        problems.push('it is not a draft');
    if (pull.state !== 'open')
        problems.push(`it is ${pull.state}`);
    if (expected.files) {
        const want = [...expected.files].sort();
        const missing = want.filter((file) => !files.includes(file));
        const extra = files.filter((file) => !want.includes(file));
        if (missing.length > 0 || extra.length > 0)
            problems.push(`its files differ from the fix's: ${[...missing.map((file) => `missing ${file}`), ...extra.map((file) => `unexpected ${file}`)].join(', ')}`);
    }
    const checks = await github.rest.checks.listForRef({ ...target, ref: pull.headSha, per_page: 100 }).then(({ data: found }) => found.check_runs, () => []);
    for (const check of checks)
        if (check.conclusion && FAILED_CONCLUSIONS.has(check.conclusion))
            problems.push(`check "${check.name}" already ${check.conclusion}`);
    const combined = await github.rest.repos.getCombinedStatusForRef({ ...target, ref: pull.headSha }).then(({ data: found }) => found, () => undefined);
    for (const status of combined?.statuses ?? [])
        if (status.state === 'failure' || status.state === 'error')
            problems.push(`status "${status.context}" is ${status.state}`);
    return { problems, pull, files };
}
/** A pull request URL or `#123` in a command's output. */
function pullNumberIn(output, remote) {
    const url = new RegExp(`/${pulls_escape(remote.owner)}/${pulls_escape(remote.repo)}/pull/(\\d+)`).exec(output);
    if (url)
        return Number(url[1]);
    const api = new RegExp(`/repos/${pulls_escape(remote.owner)}/${pulls_escape(remote.repo)}/pulls/(\\d+)`).exec(output);
    return api ? Number(api[1]) : undefined;
}
function pulls_escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
;// CONCATENATED MODULE: ./src/github/remote.ts

/**
 * Parses `https://github.com/o/r(.git)`, `git@github.com:o/r.git` and `ssh://…`. A host other than
 * github.com counts as GitHub only when `apiUrl` says where its API is (GitHub Enterprise, Archal's
 * clone; the CLI takes it from GITHUB_API_URL).
 */
function parseGitHubRemote(url, options = {}) {
    const trimmed = url.trim();
    const match = /^(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/:]+(?::\d+)?)\/(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(trimmed) ??
        /^(?:[^@/]+@)?([^/:]+):(?:.*\/)?([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(trimmed);
    if (!match)
        return {
            ok: false,
            reason: `origin ${JSON.stringify((0,redact/* maskUrlPassword */.j6)(trimmed))} is not a repository URL of the form <host>/<owner>/<repo>`,
        };
    const [, hostWithPort, owner, repo] = match;
    const host = hostWithPort.replace(/:\d+$/, '');
    const configured = options.apiUrl?.trim();
    if (configured)
        return {
            ok: true,
            remote: { owner, repo, apiUrl: configured.replace(/\/$/, ''), url: trimmed, host: hostWithPort },
        };
    if (host === 'github.com' || host === 'www.github.com')
        return { ok: true, remote: { owner, repo, apiUrl: 'https://api.github.com', url: trimmed, host } };
    return {
        ok: false,
        reason: `origin is on ${host}, not github.com; set GITHUB_API_URL to its GitHub API (GitHub Enterprise: https://${host}/api/v3)`,
    };
}
/**
 * GitHub refused a write for lack of permission: a read-only token (a fork's pull request), an
 * installation without the permission, or a user without access.
 */
function isPermissionError(error) {
    const status = error?.status;
    const message = error instanceof Error ? error.message : '';
    return status === 403 || (status === 404 && /not accessible|not found/i.test(message)) || status === 401;
}
/** GitHub failed on its side (a 5xx) rather than refusing the request. */
function isServerError(error) {
    const status = error?.status;
    return typeof status === 'number' && status >= 500 && status <= 599;
}

// EXTERNAL MODULE: ./src/preprod/annotations.ts
var annotations = __webpack_require__(4110);
;// CONCATENATED MODULE: ./src/github/checks.ts

/**
 * Starts a check run on a commit, `in_progress`. A retry of the create (after a 5xx) first looks for
 * the check run its earlier attempt may have made (same name on the commit, still in progress,
 * started no earlier, the same external id) and takes that one instead of making a second.
 */
async function startCheckRun(github, target, check) {
    const startedAt = new Date();
    const { data } = await github.rest.checks.create({
        ...target,
        name: check.name,
        head_sha: check.headSha,
        status: 'in_progress',
        started_at: startedAt.toISOString(),
        ...(check.detailsUrl ? { details_url: check.detailsUrl } : {}),
        ...(check.externalId ? { external_id: check.externalId } : {}),
        request: { beforeRetry: () => startedBefore(github, target, check, startedAt) },
    });
    return { id: data.id, url: data.html_url ?? '' };
}
/** The check run an earlier attempt of `startCheckRun` made, if GitHub has one. */
async function startedBefore(github, target, check, startedAt) {
    const { data } = await github.rest.checks.listForRef({
        ...target,
        ref: check.headSha,
        check_name: check.name,
        filter: 'latest',
    });
    // GitHub may keep started_at to the second.
    const since = Math.floor(startedAt.getTime() / 1000) * 1000;
    const found = data.check_runs.find((run) => run.name === check.name &&
        run.status !== 'completed' &&
        run.started_at !== null &&
        Date.parse(run.started_at) >= since &&
        (check.externalId === undefined || run.external_id === check.externalId));
    return found && { data: found };
}
/**
 * Completes a check run with its output. GitHub takes at most 50 annotations per request and
 * appends those of later updates, so the rest follow in batches of 50.
 */
async function completeCheckRun(github, target, id, completion) {
    const [first = [], ...rest] = (0,annotations/* batches */.X)(completion.annotations, 50);
    const output = (annotations) => ({
        title: completion.title,
        summary: completion.summary,
        annotations,
    });
    await github.rest.checks.update({
        ...target,
        check_run_id: id,
        status: 'completed',
        conclusion: completion.conclusion,
        completed_at: new Date().toISOString(),
        output: output(first),
    });
    for (const batch of rest)
        await github.rest.checks.update({ ...target, check_run_id: id, output: output(batch) });
}
/** A check run created already completed (when it could not be started earlier). */
async function createCompletedCheckRun(github, target, check, completion) {
    const started = await startCheckRun(github, target, check);
    await completeCheckRun(github, target, started.id, completion);
    return started;
}

;// CONCATENATED MODULE: ./src/github/comments.ts
/**
 * The login the token acts as, when GitHub says (a personal token); installation tokens may not
 * ask (`GET /user` is refused), and then act as a bot.
 */
async function ownLogin(github) {
    try {
        const { data } = await github.rest.users.getAuthenticated();
        return data.login;
    }
    catch {
        return null;
    }
}
/**
 * One comment per pull request and marker, updated in place on every push, never a second one.
 * The comment is found by its hidden marker at the start of its body, among those written by this
 * token's identity (a bot, or the token's own user), so a marker pasted by someone else is not
 * taken over. `create: false` only updates a comment that already exists. A retried create (after
 * a 5xx) first looks again: GitHub may have made the comment before failing to answer.
 */
async function upsertStickyComment(github, target, issueNumber, comment) {
    const existing = await findSticky(github, target, issueNumber, comment.marker);
    const body = comment.body.startsWith(comment.marker) ? comment.body : `${comment.marker}\n${comment.body}`;
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.html_url };
        const { data } = await github.rest.issues.updateComment({ ...target, comment_id: existing.id, body });
        return { action: 'updated', id: data.id, url: data.html_url };
    }
    if (!comment.create)
        return { action: 'skipped', id: null, url: null };
    const { data } = await github.rest.issues.createComment({
        ...target,
        issue_number: issueNumber,
        body,
        request: {
            beforeRetry: async () => {
                const made = await findSticky(github, target, issueNumber, comment.marker);
                return made?.body === body ? { data: made } : undefined;
            },
        },
    });
    return { action: 'created', id: data.id, url: data.html_url };
}
/** The comment with `marker` this token's identity wrote on the issue or pull request, if any. */
async function findSticky(github, target, issueNumber, marker) {
    const comments = await github.paginate(github.rest.issues.listComments, {
        ...target,
        issue_number: issueNumber,
        per_page: 100,
    });
    const marked = comments.filter((candidate) => candidate.body?.startsWith(marker));
    const bot = marked.find((candidate) => candidate.user?.type === 'Bot');
    if (bot || marked.length === 0)
        return bot;
    const login = await ownLogin(github);
    return marked.find((candidate) => login !== null && candidate.user?.login === login);
}

;// CONCATENATED MODULE: ./src/github/index.ts
/**
 * The real GitHub, through its REST API: the pull-request operations the pre-prod loop, the Action
 * and the App share, check runs and the sticky comment, and how a git remote maps to a repository on
 * GitHub. (Archal's own local GitHub is src/clones/github: `startGitHubClone` and friends.)
 */






/***/ }),

/***/ 60310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OF: () => (/* binding */ redactInPlace),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   j6: () => (/* binding */ maskUrlPassword),
/* harmony export */   pE: () => (/* binding */ SecretRedactor),
/* harmony export */   rq: () => (/* binding */ redactTokenFormats),
/* harmony export */   uE: () => (/* binding */ isSecretKey)
/* harmony export */ });
/* unused harmony exports isSecretName, secretValues */
/**
 * Removes secrets from text and JSON before it reaches a log, a cache file, an artifact or a third
 * party (a judge's model provider): well-known token formats, bearer and basic credentials, secrets
 * in URLs and query strings, `NAME=value` of secret-named variables, `password=x` / `token: x` in any
 * case, and the values of secrets Archal knows (secret-named variables of an environment, tokens it
 * hands out) in their plain, URL-encoded and base64 forms.
 */
const REDACTED = '[REDACTED]';
/**
 * Where a token may start: the start of the text, after a character that cannot be part of it, after
 * an escape (`\n` or `\u0007` in JSON text, where a plain word boundary would not be), or after a
 * terminal escape sequence (a colour `ESC[32m`, `ESC[38:5:196m`, `ESC[K`, `ESC M`; raw or JSON-escaped
 * as `\u001b[32m`), any that `stripAnsi` drops: a program that colours a token it prints ends the
 * colour with a letter, and a viewer that drops the colour would otherwise show the token whole.
 */
const START = String.raw `(?<=^|[^A-Za-z0-9_]|\\[nrtbf]|\\u[0-9a-fA-F]{4}|(?:\u001b|\\u001b)(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_]))`;
const token = (pattern, flags = 'g') => new RegExp(`${START}${pattern}`, flags);
/**
 * Token formats, each recognisable without context. Shared with the clone's request log, which
 * applies the same formats (src/clones/github/redact.ts).
 */
const TOKEN_PATTERNS = [
    token(String.raw `gh[pousr]_[A-Za-z0-9_]{16,255}\b`), // GitHub classic, OAuth, user-to-server, server-to-server (app), refresh
    token(String.raw `github_pat_[A-Za-z0-9_]{20,255}\b`), // GitHub fine-grained
    token(String.raw `v1\.[0-9a-f]{40}\b`), // GitHub App installation tokens (legacy format)
    token(String.raw `sk-ant-[A-Za-z0-9_-]{16,}`), // Anthropic
    token(String.raw `sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}`), // OpenAI
    token(String.raw `(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b`), // AWS access key ids
    token(String.raw `xox[abeoprs]-[A-Za-z0-9-]{10,}`), // Slack tokens
    /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+/g, // Slack webhooks
    token(String.raw `(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`), // Stripe secret and restricted keys
    token(String.raw `whsec_[A-Za-z0-9+/=]{16,}`), // Stripe webhook secrets
    token(String.raw `AIza[0-9A-Za-z_-]{35}\b`), // Google API keys
    token(String.raw `npm_[A-Za-z0-9]{36}\b`), // npm tokens
    token(String.raw `eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`), // JWTs
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];
/** Cheap test for "may contain a token format" (most text does not, and then nothing else runs). */
const TOKEN_HINT = /gh[pousr]_|github_pat_|v1\.|sk-|AKIA|ASIA|AROA|AIDA|xox|hooks\.slack|sk_|rk_|whsec_|AIza|npm_|eyJ|PRIVATE KEY/;
/**
 * Query and form parameters whose values are credentials (`?access_token=`, `&client_secret=`,
 * `sig=` of a signed URL…), in URLs and in `a=b&c=d` bodies.
 */
const SECRET_PARAMETER = /([?&;](?:[A-Za-z0-9_.-]*(?:token|secret|password|passwd|apikey|api_key|api-key|credential)[A-Za-z0-9_.-]*|key|sig|signature|auth|code)=)([^&#\s"'<>]+)/gi;
/** Token formats and secret query parameters: what both redactors remove from any text. */
function redactTokenFormats(text) {
    let output = text;
    if (TOKEN_HINT.test(output))
        for (const pattern of TOKEN_PATTERNS)
            output = output.replace(pattern, REDACTED);
    if (output.includes('='))
        output = output.replace(SECRET_PARAMETER, (_m, head) => `${head}${REDACTED}`);
    return output;
}
/** Names that end like these hold a secret, whatever their case (`password`, `db_passwd`, `client_secret`, `apiKey`…). */
const LOWER_SECRET_NAME = String.raw `(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)`;
/**
 * Values after `name:` or `name=` that are a type or a placeholder in code (`password: string`,
 * `token=None`), not a secret.
 */
const TYPE_WORDS = new Set([
    'string',
    'str',
    'number',
    'int',
    'integer',
    'boolean',
    'bool',
    'bytes',
    'null',
    'none',
    'nil',
    'undefined',
    'true',
    'false',
    'any',
    'optional',
    'required',
    '[redacted]',
]);
/**
 * Credentials recognised by what surrounds them: `Authorization: Bearer x` (`token x`, `Basic x`),
 * AWS secret keys given by name, `://user:pass@`, and `NAME=value` / `"name": "value"` where the
 * name says it is a secret.
 */
const CONTEXT_PATTERNS = [
    [
        token(String.raw `(Bearer|Basic|token)(\s+)([A-Za-z0-9._~+/=-]{8,})`, 'gi'),
        (_m, scheme, space) => `${scheme}${space}${REDACTED}`,
    ],
    [
        /(aws_secret_access_key|secret_access_key|aws_session_token)(["'\s:=]+)([A-Za-z0-9/+=]{20,})/gi,
        (_m, name, sep) => `${name}${sep}${REDACTED}`,
    ],
    [
        /\b([A-Za-z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?))(\s*[=:]\s*)(["']?)([^\s"'&,;]{6,})/g,
        (_m, name, sep, quote) => `${name}${sep}${quote}${REDACTED}`,
    ],
    [
        /("[A-Za-z0-9_-]*(?:token|secret|password|passwd|api[_-]?key|private[_-]?key|access[_-]?key|credentials?)"\s*:\s*")([^"]{6,})(")/gi,
        (_m, head, _secret, close) => `${head}${REDACTED}${close}`,
    ],
    // In any case, and whatever the value's length: `password=x`, `api_key: x`, `client_secret = "x"`,
    // `"password": "x"`, `'token': 'x'`, also JSON-escaped (`\\"password\\": \\"x\\"`). The name must be followed by `=` or `:`, so prose that only
    // mentions one ("the token expired", "password reset page") stays.
    [
        token(String.raw `(\\?["']|)([A-Za-z0-9_-]{0,64}${LOWER_SECRET_NAME}\1\s*(?:=|:(?!:))\s*)(\\"[^"\\\n]+\\"|"[^"\n]+"|'[^'\n]+'|[^\s"'&,;:\\][^\s"'&,;]*)`, 'gi'),
        (match, keyQuote, head, value) => {
            const quote = (/^\\?["']/.exec(value) ?? [''])[0];
            const secret = quote ? value.slice(quote.length, -quote.length) : value;
            // A secret has letters or digits: `token=[]` or `password=***` shows there is none.
            return TYPE_WORDS.has(secret.toLowerCase()) || !/[A-Za-z0-9]/.test(secret)
                ? match
                : `${keyQuote}${head}${quote}${REDACTED}${quote}`;
        },
    ],
];
/** `scheme://user:password@`. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)([^@\s/]+)(@)/gi;
/**
 * Text the context patterns can match contains one of these; most text (bodies full of ordinary
 * words and URLs) contains none and skips running them.
 */
const CONTEXT_HINT = /bearer|basic|token|secret|password|passwd|api[_-]?key|private[_-]?key|access[_-]?key|credential/i;
const SECRET_NAME = /(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL)/i;
/** Environment variable names that hold secrets (GITHUB_TOKEN, OPENAI_API_KEY, DB_PASSWORD…). */
function isSecretName(name) {
    return SECRET_NAME.test(name);
}
const SECRET_KEY_ENDINGS = [
    'token',
    'secret',
    'password',
    'passwd',
    'apikey',
    'privatekey',
    'accesskey',
    'authorization',
    'credential',
    'credentials',
    // A sealed box (an Actions secret's `encrypted_value`) is still the secret, only encrypted.
    'encryptedvalue',
];
/** JSON keys whose string values are secrets (`token`, `accessToken`, `client_secret`, `api-key`, `encrypted_value`…). */
function isSecretKey(key) {
    let secret = secretKeys.get(key);
    if (secret === undefined) {
        const normalised = key.toLowerCase().replace(/[_-]/g, '');
        secret = SECRET_KEY_ENDINGS.some((ending) => normalised.endsWith(ending));
        // JSON keys repeat endlessly (every issue has a "title"): remember the answer for a bounded set.
        if (secretKeys.size < 10_000)
            secretKeys.set(key, secret);
    }
    return secret;
}
const secretKeys = new Map();
/** Shorter values could be ordinary words; replacing them would mangle text. */
const MIN_SECRET_LENGTH = 6;
/** Values of secret-named variables in `env`, long enough that replacing them cannot mangle ordinary text. */
function secretValues(env) {
    return Object.entries(env)
        .filter(([name, value]) => isSecretName(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
        .map(([, value]) => value)
        .sort((a, b) => b.length - a.length);
}
/** A secret as it may appear: as is, URL-encoded (a query string, a form), base64 (a header, a config blob). */
function encodings(value) {
    const base64 = Buffer.from(value).toString('base64');
    return [
        value,
        encodeURIComponent(value),
        encodeURIComponent(value).replace(/%20/g, '+'),
        base64,
        base64.replace(/=+$/, ''),
        Buffer.from(value).toString('base64url'),
    ];
}
/**
 * Redacts what a log, cache file or artifact must not keep: the values of the secret-named variables
 * of a host's environment, secrets it is told about, and well-known token formats. (The clone's
 * request log has its own redactor of the tokens the clone knows, with the same formats.)
 */
class SecretRedactor {
    secrets;
    values;
    constructor(extraSecrets, env) {
        this.secrets = [
            ...new Set([...secretValues(env), ...[...extraSecrets].filter((value) => value.length >= MIN_SECRET_LENGTH)]),
        ];
        this.values = [...new Set(this.secrets.flatMap(encodings))]
            .filter((value) => value.length >= MIN_SECRET_LENGTH)
            .sort((a, b) => b.length - a.length);
    }
    /** The same redaction, also knowing `secrets` (the values a run gives an agent, say). */
    with(secrets) {
        return new SecretRedactor([...this.secrets, ...secrets], {});
    }
    text(input) {
        let output = input;
        for (const value of this.values)
            if (output.includes(value))
                output = output.split(value).join(REDACTED);
        output = redactTokenFormats(output);
        if (CONTEXT_HINT.test(output))
            for (const [pattern, replace] of CONTEXT_PATTERNS)
                output = output.replace(pattern, replace);
        if (output.includes('@') && output.includes('://'))
            output = output.replace(URL_CREDENTIALS, (_m, head, _secret, at) => `${head}${REDACTED}${at}`);
        return output;
    }
    /** A deep copy with every string redacted, and every value under a secret-named key replaced. */
    value(input) {
        return this.walk(input, 0);
    }
    /**
     * The same as `value`, done on `input` itself: for large values the caller owns (freshly parsed
     * JSON), where a copy would double the memory and the work.
     */
    valueInPlace(input) {
        return redactInPlace(input, (text) => this.text(text));
    }
    walk(input, depth) {
        if (depth > 64)
            return REDACTED;
        if (typeof input === 'string')
            return this.text(input);
        if (Array.isArray(input))
            return input.map((item) => this.walk(item, depth + 1));
        if (input && typeof input === 'object') {
            const output = {};
            for (const [key, value] of Object.entries(input)) {
                output[key] =
                    isSecretKey(key) && typeof value === 'string' && value.length > 0 ? REDACTED : this.walk(value, depth + 1);
            }
            return output;
        }
        return input;
    }
}
/**
 * `input` itself (parsed JSON the caller owns), with every non-empty string under a secret-named key
 * replaced and every other string passed through `text`.
 */
function redactInPlace(input, text, depth = 0) {
    if (typeof input === 'string')
        return text(input);
    if (input === null || typeof input !== 'object')
        return input;
    if (depth > 64)
        return REDACTED;
    if (Array.isArray(input)) {
        for (let index = 0; index < input.length; index++)
            input[index] = redactInPlace(input[index], text, depth + 1);
        return input;
    }
    const record = input;
    for (const key of Object.keys(record)) {
        const value = record[key];
        record[key] =
            isSecretKey(key) && typeof value === 'string' && value.length > 0
                ? REDACTED
                : redactInPlace(value, text, depth + 1);
    }
    return record;
}
/**
 * A URL with the password of its credentials (`//user:password@host`) masked, for messages. The
 * password ends at the authority's last `@` (people paste passwords with an unencoded `@`); a
 * libpq keyword/value string (`host=… password=…`) has its `password` masked too.
 */
function maskUrlPassword(url) {
    return url
        .replace(/\/\/([^:/@]+):[^/]*@/, '//$1:***@')
        .replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, '$1***');
}


/***/ }),

/***/ 79112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   u: () => (/* binding */ capPerFile),
/* harmony export */   xx: () => (/* binding */ visibleControls)
/* harmony export */ });
/** `text` cut to at most `max` characters, with an ellipsis when it was longer. */
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/**
 * `text` with its control characters (other than newline and tab) written as `\u001b`: a message
 * that quotes a user's file is shown in a terminal, which would act on them (clear it, recolour it).
 */
function visibleControls(text) {
    return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * `text` without terminal escape sequences (colours, cursor moves, titles): output captured from a
 * program, shown where a terminal does not interpret them, such as a report file.
 */
function stripAnsi(text) {
    // CSI sequences (colours, cursor), OSC sequences (titles, links) ended by BEL or ST, then other two-byte escapes.
    // eslint-disable-next-line no-control-regex
    return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g, '');
}
/**
 * At most `limit` items of each file (`fileOf`), in their order; a file with more gets one `more`
 * entry after its last listed item. What a person reads of a file with thousands of problems.
 */
function capPerFile(items, fileOf, limit) {
    const counts = new Map();
    for (const item of items)
        counts.set(fileOf(item), (counts.get(fileOf(item)) ?? 0) + 1);
    const listed = new Map();
    const out = [];
    for (const item of items) {
        const file = fileOf(item);
        const seen = (listed.get(file) ?? 0) + 1;
        listed.set(file, seen);
        if (seen > limit)
            continue;
        out.push({ kind: 'item', value: item });
        const total = counts.get(file);
        if (seen === limit && total > limit)
            out.push({ kind: 'more', file, more: total - limit });
    }
    return out;
}


/***/ }),

/***/ 4110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ batches),
/* harmony export */   r: () => (/* binding */ failureAnnotations)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79112);


/**
 * One annotation per failure, on the scenario file at the line of the failing criterion (line 1,
 * the title, when no criterion is at fault): `failure`, or `warning` when the scenario is flaky.
 * The message holds the criterion, the values it compared, the failure category and its hint.
 * `pathPrefix` is where the scenario files' directory sits in the repository (the Action's
 * `working-directory`), since annotation paths are relative to the repository root.
 */
function failureAnnotations(failures, pathPrefix = '') {
    return failures.map((failure) => {
        const line = failure.criterion?.line ?? 1;
        const evidence = failure.evidence[0];
        const compared = evidence?.criterion?.detail ?? evidence?.excerpt;
        return {
            path: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(pathPrefix.split('\\').join('/') || '.', failure.scenario.file.split('\\').join('/'))),
            start_line: line,
            end_line: line,
            annotation_level: failure.flaky ? 'warning' : 'failure',
            title: (0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(`${failure.scenario.title}: ${failure.criterion ? `[${failure.criterion.kind}] ${failure.criterion.text}` : failure.category}`, 255),
            message: (0,_lib_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)([
                `${failure.criterion ? `Criterion ${failure.criterion.id}: ${failure.criterion.text}` : 'The run failed'} — failed ${failure.failedRuns} of ${failure.runs} run(s)${failure.flaky ? ' (flaky)' : ''}.`,
                compared ? `Compared: ${compared}` : '',
                `Category: ${failure.category}. Hint: ${failure.hint}`,
            ]
                .filter(Boolean)
                .join('\n'), 64_000),
        };
    });
}
/** Annotations in batches of at most `size`: GitHub takes 50 per request. */
function batches(items, size = 50) {
    const out = [];
    for (let index = 0; index < items.length; index += size)
        out.push(items.slice(index, index + size));
    return out;
}


/***/ })

};
