import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { codeBlock, codeSpan, defusedMarkdown, inline } from '../../app/markdown.js';
import { applyEvent, renderProgress, type ProgressNode } from '../../app/progress.js';
import { route, SUBSCRIBED_EVENTS } from '../../app/route.js';
import { agentEnvironment } from '../../app/worker/agent-env.js';
import { REPO_ROOT } from '../helpers/cli.js';

const APP_ID = 7;
const envelope = (sender: Record<string, unknown> = { login: 'alice', type: 'User' }) => ({
  repository: { full_name: 'acme/widgets' },
  installation: { id: 3 },
  sender,
});
const commentEvent = (body: string, extra: Record<string, unknown> = {}) => ({
  action: 'created',
  issue: { number: 5 },
  comment: { id: 11, body },
  ...envelope(),
  ...extra,
});

describe('routing deliveries', () => {
  it('turns commands into jobs with their dedupe key, and says why anything else is ignored', () => {
    expect(route('issue_comment', commentEvent('/archal fix quickly'), APP_ID)).toEqual({
      kind: 'job',
      job: {
        kind: 'fix',
        repo: 'acme/widgets',
        installationId: 3,
        number: 5,
        isPull: false,
        dedupeKey: 'acme/widgets#5:fix',
        payload: { sender: 'alice', trigger: 'comment', commentId: 11, text: 'quickly' },
      },
    });
    const onPull = route(
      'issue_comment',
      commentEvent('/archal run triage', { issue: { number: 8, pull_request: {} } }),
      APP_ID,
    );
    expect(onPull).toMatchObject({ job: { kind: 'run', isPull: true, dedupeKey: 'acme/widgets#8:run:triage' } });
    expect(route('issue_comment', commentEvent('/archal status'), APP_ID)).toMatchObject({
      job: { kind: 'status' },
    });
    expect(route('issue_comment', { ...commentEvent('/archal fix'), action: 'edited' }, APP_ID)).toEqual({
      kind: 'ignore',
      reason: 'issue_comment.edited: only new comments are commands',
    });
    expect(route('issue_comment', commentEvent('nice work'), APP_ID)).toEqual({
      kind: 'ignore',
      reason: 'no /archal command',
    });
    expect(
      route(
        'issue_comment',
        { ...commentEvent('/archal fix'), ...envelope({ login: 'archal[bot]', type: 'Bot' }) },
        APP_ID,
      ),
    ).toEqual({ kind: 'ignore', reason: 'comment by the bot archal[bot]' });
    expect(route('issue_comment', { ...commentEvent('/archal fix'), installation: undefined }, APP_ID)).toMatchObject({
      kind: 'ignore',
      reason: 'issue_comment has no installation',
    });
    expect(route('push', envelope(), APP_ID)).toEqual({ kind: 'ignore', reason: 'push events start nothing' });
  });

  it('reads commands in pull request review comments and review bodies too, as users type them there', () => {
    const reviewComment = (body: string, extra: Record<string, unknown> = {}) => ({
      action: 'created',
      pull_request: { number: 8 },
      comment: { id: 21, body, path: 'src/add.js', line: 1 },
      ...envelope(),
      ...extra,
    });
    expect(route('pull_request_review_comment', reviewComment('/archal fix this line'), APP_ID)).toEqual({
      kind: 'job',
      job: {
        kind: 'fix',
        repo: 'acme/widgets',
        installationId: 3,
        number: 8,
        isPull: true,
        dedupeKey: 'acme/widgets#8:fix',
        payload: { sender: 'alice', trigger: 'comment', text: 'this line' },
      },
    });
    expect(route('pull_request_review_comment', { ...reviewComment('/archal fix'), action: 'edited' }, APP_ID)).toEqual(
      { kind: 'ignore', reason: 'pull_request_review_comment.edited: only new comments are commands' },
    );
    expect(
      route(
        'pull_request_review_comment',
        { ...reviewComment('/archal fix'), ...envelope({ login: 'archal[bot]', type: 'Bot' }) },
        APP_ID,
      ),
    ).toEqual({ kind: 'ignore', reason: 'comment by the bot archal[bot]' });
    const review = (body: string | null, action = 'submitted') => ({
      action,
      pull_request: { number: 8 },
      review: { id: 31, body, state: 'changes_requested' },
      ...envelope(),
    });
    expect(route('pull_request_review', review('Close, but:\n/archal fix keep the API'), APP_ID)).toMatchObject({
      job: { kind: 'fix', number: 8, isPull: true, payload: { trigger: 'comment', text: 'keep the API' } },
    });
    // An approval with no body, and a review's later edit, run nothing.
    expect(route('pull_request_review', review(null), APP_ID)).toEqual({
      kind: 'ignore',
      reason: 'no /archal command',
    });
    expect(route('pull_request_review', review('/archal fix', 'edited'), APP_ID)).toEqual({
      kind: 'ignore',
      reason: 'pull_request_review.edited: only submitted reviews are commands',
    });
  });

  it('labels, closed pull requests, failing checks and the button', () => {
    expect(
      route(
        'issues',
        { action: 'labeled', issue: { number: 2 }, label: { name: 'archal:fix' }, ...envelope() },
        APP_ID,
      ),
    ).toMatchObject({ job: { kind: 'label', number: 2, payload: { label: 'archal:fix', trigger: 'label' } } });
    // A label added to a pull request comes as pull_request.labeled (GitHub sends no issues event for it).
    expect(
      route(
        'pull_request',
        { action: 'labeled', pull_request: { number: 4 }, label: { name: 'archal:fix' }, ...envelope() },
        APP_ID,
      ),
    ).toEqual({
      kind: 'job',
      job: {
        kind: 'label',
        repo: 'acme/widgets',
        installationId: 3,
        number: 4,
        isPull: true,
        dedupeKey: 'acme/widgets#4:label:archal:fix',
        payload: { sender: 'alice', trigger: 'label', label: 'archal:fix' },
      },
    });
    expect(
      route(
        'pull_request',
        {
          action: 'labeled',
          pull_request: { number: 4 },
          label: { name: 'archal:fix' },
          ...envelope({ login: 'archal[bot]', type: 'Bot' }),
        },
        APP_ID,
      ),
    ).toEqual({ kind: 'ignore', reason: 'label added by the bot archal[bot]' });
    expect(
      route('pull_request', { action: 'closed', pull_request: { number: 4 }, ...envelope() }, APP_ID),
    ).toMatchObject({
      job: { kind: 'pr_closed', number: 4, isPull: true },
    });
    expect(
      route(
        'pull_request',
        { action: 'closed', pull_request: { number: 4 }, ...envelope({ login: 'merge-queue[bot]', type: 'Bot' }) },
        APP_ID,
      ),
    ).toEqual({ kind: 'ignore', reason: 'pull request closed by the bot merge-queue[bot]' });
    const check = (
      extra: Record<string, unknown>,
      action = 'completed',
      sender = { login: 'ci[bot]', type: 'Bot' },
    ) => ({
      action,
      check_run: {
        id: 99,
        name: 'Archal',
        head_sha: 'abc',
        conclusion: 'failure',
        app: { id: 2 },
        pull_requests: [{ number: 4 }],
        ...extra,
      },
      ...envelope(sender),
    });
    // A bot completes checks: that is how checks fail, so the bot rule does not apply here.
    expect(route('check_run', check({}), APP_ID)).toMatchObject({
      job: { kind: 'check_failed', number: 4, payload: { check: { id: 99, name: 'Archal', headSha: 'abc' } } },
    });
    expect(route('check_run', check({ conclusion: 'success' }), APP_ID)).toMatchObject({ kind: 'ignore' });
    expect(route('check_run', check({ app: { id: APP_ID } }), APP_ID)).toMatchObject({
      kind: 'ignore',
      reason: expect.stringContaining("this App's own check run"),
    });
    expect(route('check_run', check({ pull_requests: [] }), APP_ID)).toMatchObject({ kind: 'ignore' });
    const pressed = {
      ...check({ app: { id: APP_ID }, external_id: '99', name: 'Archal fix' }, 'requested_action', {
        login: 'alice',
        type: 'User',
      }),
      requested_action: { identifier: 'archal-fix' },
    };
    expect(route('check_run', pressed, APP_ID)).toMatchObject({
      job: {
        kind: 'fix',
        number: 4,
        isPull: true,
        dedupeKey: 'acme/widgets#4:fix',
        payload: { trigger: 'button', check: { id: 99 } },
      },
    });
    expect(route('check_run', { ...pressed, requested_action: { identifier: 'other' } }, APP_ID)).toMatchObject({
      kind: 'ignore',
    });
  });
});

describe('app.yml, the manifest GitHub registers the App from', () => {
  const manifest = parse(readFileSync(join(REPO_ROOT, 'app.yml'), 'utf8')) as {
    default_events: string[];
    default_permissions: Record<string, string>;
  };

  it('subscribes to exactly the events the App acts on, and none GitHub delivers unasked', () => {
    // GitHub sends installation and installation_repositories to every App, and refuses a manifest
    // that lists them; any other event the router ignores is traffic the App asked for and drops.
    expect([...manifest.default_events].sort()).toEqual([...SUBSCRIBED_EVENTS].sort());
    for (const always of ['installation', 'installation_repositories', 'github_app_authorization'])
      expect(manifest.default_events).not.toContain(always);
    for (const event of SUBSCRIBED_EVENTS)
      expect(route(event, { action: 'anything', ...envelope() }, APP_ID)).not.toEqual({
        kind: 'ignore',
        reason: `${event} events start nothing`,
      });
  });

  it('asks for no permission the App does not use', () => {
    // The permission gate reads the collaborator permission (metadata); nothing reads organization members.
    expect(manifest.default_permissions).toEqual({
      contents: 'write',
      pull_requests: 'write',
      issues: 'write',
      checks: 'write',
      metadata: 'read',
    });
  });
});

describe('the progress comment', () => {
  it('draws the graph with each node’s state and reports the end', () => {
    const nodes = new Map<string, ProgressNode>([
      ['a', { id: 'a', dependsOn: [], state: 'pending' }],
      ['b', { id: 'b', dependsOn: ['a'], state: 'pending' }],
      ['c', { id: 'c', dependsOn: ['a'], state: 'pending' }],
    ]);
    const at = (s: number) => new Date(1_000_000 + s * 1000).toISOString();
    applyEvent(nodes, { type: 'node_started', runId: 'r', nodeId: 'a', data: {}, ts: at(0) });
    applyEvent(nodes, { type: 'node_completed', runId: 'r', nodeId: 'a', data: { duration_ms: 65_000 }, ts: at(65) });
    applyEvent(nodes, { type: 'node_started', runId: 'r', nodeId: 'b', data: {}, ts: at(65) });
    applyEvent(nodes, { type: 'node_failed', runId: 'r', nodeId: 'b', data: { error: 'boom' }, ts: at(70) });
    applyEvent(nodes, { type: 'node_skipped', runId: 'r', nodeId: 'c', data: {}, ts: at(70) });
    const body = renderProgress(
      {
        workflow: 'wf',
        target: '#3',
        runId: 'r',
        phase: 'failed',
        startedAt: 1_000_000,
        endedAt: 1_000_000 + 70_000,
        nodes: [...nodes.values()],
        result: { failure: { node: 'b', reason: '<img src=x onerror=alert(1)> ask @alice' } },
      },
      1_000_000 + 70_000,
    );
    expect(body).toContain('<!-- archal:progress run=r -->');
    expect(body).toContain('### Archal · `wf` · ❌ failed');
    expect(body).toContain('n0["a · completed · 1m 5s"]');
    expect(body).toContain('n0 --> n1');
    expect(body).toContain('class n1 failed');
    expect(body).toContain('| `b` | ❌ failed | 5s |');
    expect(body).toContain('| `c` | ⏭️ skipped |  |');
    expect(body).toContain('**Failed at `b`:**');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('@alice');
    expect(body).toContain('Run `r` for #3 · 1m 10s');
  });
});

describe('untrusted text and the agent environment', () => {
  it('escapes markup, defuses mentions and redacts tokens', () => {
    expect(inline('a | b <b>x</b> @bob ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe(
      'a \\| b &lt;b&gt;x&lt;/b&gt; @\u200bbob \\[REDACTED\\]',
    );
    expect(codeSpan('fix `it` @bob')).toBe('``fix `it` @bob``');
    expect(codeBlock('```\nescape')).toBe('````text\n```\nescape\n````');
    expect(defusedMarkdown('Done. </details><!-- x --> @carol')).toBe('Done. &lt;/details>&lt;!-- x --> @\u200bcarol');
    // An unclosed backtick is shown as is, and the mention after it pings: defused as any other.
    expect(defusedMarkdown('Fixed, thanks `@dave')).toBe('Fixed, thanks `@\u200bdave');
  });

  it('gives agents no App secret and no write token, only a read token when asked', () => {
    const env = agentEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/app',
        ANTHROPIC_API_KEY: 'sk-ant-keep-this-one-for-the-agent',
        APP_ID: '1',
        PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----',
        WEBHOOK_SECRET: 's3cret',
        GITHUB_TOKEN: 'ghp_operatorToken0000000000000000000000001',
        SOME_OTHER: 'ghs_installationTokenLooking00000000000001',
        ARCHAL_DATABASE_URL: 'postgres://u:p@db/archal',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: 'Authorization: Basic xyz',
      },
      { apiUrl: 'https://api.github.com', repository: 'acme/widgets', readToken: 'ghs_read', testCommand: 'npm test' },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/app',
      ANTHROPIC_API_KEY: 'sk-ant-keep-this-one-for-the-agent',
      GITHUB_API_URL: 'https://api.github.com',
      GITHUB_REPOSITORY: 'acme/widgets',
      GIT_TERMINAL_PROMPT: '0',
      GITHUB_TOKEN: 'ghs_read',
      GH_TOKEN: 'ghs_read',
      ARCHAL_TEST_COMMAND: 'npm test',
    });
    const none = agentEnvironment({ GITHUB_TOKEN: 'ghp_x' }, { apiUrl: 'u', repository: 'r' });
    expect(none.GITHUB_TOKEN).toBeUndefined();
    expect(none.GH_TOKEN).toBeUndefined();
  });
});
