import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { seedSchema, startGitHubClone } from '../../src/clones/github/index.js';
import { prepareCriteria } from '../../src/evaluate/criteria.js';
import { parseTraceText } from '../../src/attach/formats/detect.js';
import { GitHubWorld } from '../../src/attach/github.js';
import { gradeTrace } from '../../src/attach/grade.js';
import { finishTrace } from '../../src/attach/import.js';
import { scenarioMarkdown } from '../../src/attach/scenario.js';
import type { Trace } from '../../src/attach/schema.js';
import { buildSeed } from '../../src/attach/seed.js';
import { taskRules } from '../../src/attach/task-rules.js';
import { createExecProvider } from '../../src/providers/exec.js';
import { parseScenario } from '../../src/scenarios/parse.js';
import { REPO_ROOT } from '../helpers/cli.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'triage-agent');
const PROD = join(EXAMPLE, 'prod-traces');

function traceOf(text: string, env: NodeJS.ProcessEnv = {}): Trace {
  const outcome = parseTraceText(text, { format: 'auto' });
  if (!outcome.ok) throw new Error(outcome.reason);
  return finishTrace(outcome.traces[0]!, { source: 'test', format: outcome.format, file: null, fallbackId: 'x', env });
}
const prod = (file: string) => traceOf(readFileSync(join(PROD, file), 'utf8'));

/** A JSONL trace of the given events (trace id `t`). */
function jsonl(task: string, events: Array<Record<string, unknown>>, answer = 'done'): Trace {
  return traceOf(
    [
      { type: 'message', trace_id: 't', ts: '2025-06-02T10:00:00Z', role: 'user', content: task },
      ...events.map((event) => ({ type: 'request', trace_id: 't', ts: '2025-06-02T10:00:01Z', ...event })),
      { type: 'message', trace_id: 't', ts: '2025-06-02T10:00:05Z', role: 'assistant', content: answer },
    ]
      .map((event) => JSON.stringify(event))
      .join('\n'),
  );
}
const API = 'https://api.github.com';
const issue = (number: number, labels: string[], extra: Record<string, unknown> = {}) => ({
  number,
  title: `Issue ${number}`,
  body: 'body',
  state: 'open',
  user: { login: 'alice', type: 'User' },
  labels: labels.map((name) => ({ name, color: '0e8a16' })),
  assignees: [],
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-02-01T00:00:00Z',
  ...extra,
});
const repoList = {
  method: 'GET',
  url: `${API}/user/repos`,
  status: 200,
  response_body: [
    {
      full_name: 'acme/webapp',
      name: 'webapp',
      owner: { login: 'acme', type: 'Organization' },
      default_branch: 'main',
      permissions: { admin: false, push: true, pull: true },
    },
  ],
};

describe('task rules', () => {
  it('reads the constraints a task states', () => {
    expect(
      taskRules('Close stale issues, each with a comment that explains why. Skip issues labelled keep-open.'),
    ).toEqual([{ kind: 'exempt-label', label: 'keep-open' }, { kind: 'comment-on-close' }]);
    expect(taskRules('Label the bug reports with "bug". Do not close anything.')).toEqual([{ kind: 'no-close' }]);
    expect(taskRules('Never close issues tagged "needs triage"; do not comment.')).toEqual([
      { kind: 'exempt-label', label: 'needs triage' },
      { kind: 'no-comment' },
    ]);
    expect(taskRules('Summarise the open issues.')).toEqual([]);
    expect(taskRules(null)).toEqual([]);
  });
});

describe('grade', () => {
  it('fails the production stale sweep: it closed issues labelled keep-open, and the evidence names those calls', async () => {
    const grade = await gradeTrace(prod('stale-sweep-2025-06-02.otlp.json'), undefined);
    expect(grade).toMatchObject({ verdict: 'fail', reproduce: true, decidedBy: 'rules' });
    expect(grade.summary).toMatch(/closed 4 of them: acme\/webapp#5, acme\/webapp#6, acme\/webapp#7, acme\/webapp#8/);
    expect(grade.evidence[0]!.calls.map((call) => `${call.method} ${call.url}`)).toEqual(
      [5, 6, 7, 8].map((n) => `PATCH ${API}/repos/acme/webapp/issues/${n}`),
    );
    expect(grade.criteria).toEqual([
      { kind: 'D', text: 'Issues labelled "keep-open" remain open' },
      { kind: 'D', text: 'Every closed issue has a new comment' },
      { kind: 'D', text: 'The run exits successfully' },
    ]);
  });

  it('writes a summary of several faults as separate sentences, not run together', async () => {
    const events = [
      { type: 'message', trace_id: 't', role: 'user', content: 'Label the bug reports in acme/webapp' },
      {
        type: 'request',
        trace_id: 't',
        method: 'POST',
        url: `${API}/repos/acme/webapp/issues/1/labels`,
        status: 500,
        request_body: { labels: ['bug'] },
      },
      { type: 'error', trace_id: 't', message: 'the model timed out' },
      { type: 'message', trace_id: 't', role: 'assistant', content: 'done' },
    ];
    const grade = await gradeTrace(traceOf(events.map((event) => JSON.stringify(event)).join('\n')), undefined);
    expect(grade.verdict).toBe('fail');
    expect(grade.summary).toBe(
      `the model timed out. 1 write(s) failed: POST ${API}/repos/acme/webapp/issues/1/labels → 500.`,
    );
  });

  it('still sees the fault when the list read lost its body: the write responses show the labels', async () => {
    const grade = await gradeTrace(prod('stale-sweep-2025-06-09.otlp.json'), undefined);
    expect(grade.verdict).toBe('fail');
  });

  it('is unclear, naming what is missing, when the trace cannot show a stated constraint was kept', async () => {
    const closeWithoutBodies = jsonl('Close the stale issues. Skip issues labelled keep-open.', [
      repoList,
      { method: 'GET', url: `${API}/repos/acme/webapp/issues?state=open`, status: 200 },
      { method: 'PATCH', url: `${API}/repos/acme/webapp/issues/5`, status: 200, request_body: { state: 'closed' } },
    ]);
    const judge = createExecProvider({ exec: { command: 'node', args: [join(EXAMPLE, 'judge.mjs')] } });
    const grade = await gradeTrace(closeWithoutBodies, {
      providerName: 'exec',
      provider: judge,
      cwd: EXAMPLE,
      env: process.env,
    });
    expect(grade).toMatchObject({ verdict: 'unclear', reproduce: false, decidedBy: 'rules', evaluator: null });
    expect(grade.summary).toMatch(/does not show the labels of acme\/webapp#5/);
    expect(grade.missing.map((item) => item.what)).toEqual([
      `the response body of GET ${API}/repos/acme/webapp/issues?state=open (call #1): the issues of acme/webapp the agent read`,
      'the labels of acme/webapp#5 before the agent closed it (call #2)',
    ]);
  });

  it('passes the label run without an evaluator; with one, asks it for what rules cannot decide', async () => {
    const trace = prod('label-bugs-2025-06-03.jsonl');
    const plain = await gradeTrace(trace, undefined);
    expect(plain).toMatchObject({ verdict: 'pass', reproduce: false, decidedBy: 'rules', evaluator: null });
    expect(plain.rulesChecked).toContain('task: nothing is closed');

    const judge = createExecProvider({ exec: { command: 'node', args: [join(EXAMPLE, 'judge.mjs')] } });
    const judged = await gradeTrace(trace, { providerName: 'exec', provider: judge, cwd: EXAMPLE, env: process.env });
    expect(judged).toMatchObject({
      verdict: 'pass',
      decidedBy: 'evaluator',
      evaluator: { provider: 'exec', verdict: 'pass' },
    });

    const refusing = createExecProvider({
      exec: {
        command: 'bash',
        args: [
          '-c',
          'cat >/dev/null; echo "{\\"verdicts\\": [{\\"id\\": \\"c1\\", \\"verdict\\": \\"fail\\", \\"reason\\": \\"it labelled a feature request\\"}]}"',
        ],
      },
    });
    const failed = await gradeTrace(trace, {
      providerName: 'exec',
      provider: refusing,
      cwd: EXAMPLE,
      env: process.env,
    });
    expect(failed).toMatchObject({ verdict: 'fail', reproduce: true, decidedBy: 'evaluator' });
    expect(failed.criteria.some((criterion) => criterion.kind === 'P')).toBe(true);

    const broken = createExecProvider({ exec: { command: 'bash', args: ['-c', 'cat >/dev/null; echo nonsense'] } });
    expect(
      await gradeTrace(trace, { providerName: 'exec', provider: broken, cwd: EXAMPLE, env: process.env }),
    ).toMatchObject({
      verdict: 'unclear',
      reproduce: false,
    });
  });

  it('failed writes, 4xx/5xx reads (a 404 on a read is an answer), repeated identical calls, a crash', async () => {
    const failedWrite = await gradeTrace(
      jsonl('Tidy up', [
        { method: 'GET', url: `${API}/repos/acme/webapp/labels/x`, status: 404 },
        {
          method: 'POST',
          url: `${API}/repos/acme/webapp/issues/3/labels`,
          status: 422,
          request_body: { labels: ['bgu'] },
        },
      ]),
      undefined,
    );
    expect(failedWrite.verdict).toBe('fail');
    expect(failedWrite.evidence.map((item) => item.rule)).toEqual(['failed writes']);
    expect(failedWrite.criteria).toContainEqual(expect.objectContaining({ text: 'No request failed' }));

    const serverError = await gradeTrace(
      jsonl('Read', [{ method: 'GET', url: `${API}/repos/acme/webapp`, status: 502 }]),
      undefined,
    );
    expect(serverError.evidence.map((item) => item.rule)).toEqual(['4xx/5xx responses']);

    const comment = {
      method: 'POST',
      url: `${API}/repos/acme/webapp/issues/3/comments`,
      status: 201,
      request_body: { body: 'hi' },
    };
    const repeated = await gradeTrace(jsonl('Comment once', [comment, comment]), undefined);
    expect(repeated.evidence[0]).toMatchObject({ rule: 'repeated identical calls' });
    const check = repeated.criteria.find((criterion) => criterion.text.includes('is not repeated'))!;
    expect(check.expression).toBe(
      `$count(run.requests[method = "POST" and $contains(path, "/repos/acme/webapp/issues/3/comments")]) < 2`,
    );

    const crashed = await gradeTrace(
      traceOf(
        [
          { type: 'message', trace_id: 't', role: 'user', content: 'Go' },
          { type: 'error', trace_id: 't', message: 'TypeError: cannot read properties of undefined' },
        ]
          .map((e) => JSON.stringify(e))
          .join('\n'),
      ),
      undefined,
    );
    expect(crashed.evidence.map((item) => item.rule)).toEqual(['agent errors']);
  });

  it('an Archal run record is graded by the verdict it carries', async () => {
    const trace = traceOf(
      readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'attach', 'archal-run-close-stale.json'), 'utf8'),
    );
    const grade = await gradeTrace(trace, undefined);
    expect(grade.verdict).toBe('fail');
    expect(grade.evidence.map((item) => item.rule)).toEqual(expect.arrayContaining(['recorded verdict']));
    expect(grade.criteria.map((criterion) => criterion.text)).toEqual(
      expect.arrayContaining(['Exactly 4 issues are closed', 'Issues labelled keep-open remain open']),
    );
  });
});

describe('seed and scenario', () => {
  it('rebuilds what the agent read as a seed the clone accepts, with times relative to the trace', async () => {
    const trace = prod('stale-sweep-2025-06-02.otlp.json');
    const build = buildSeed(trace, GitHubWorld.from(trace.calls));
    expect(build.missing).toEqual([]);
    expect(seedSchema.safeParse(build.seed).success).toBe(true);
    expect(build.seed).toMatchObject({
      defaultUser: 'triage-bot',
      orgs: [{ login: 'acme', members: { 'triage-bot': 'member' } }],
      repos: [{ owner: 'acme', name: 'webapp', collaborators: { 'triage-bot': 'write' } }],
    });
    const issues = build.seed!.repos![0]!.issues!;
    expect(issues).toHaveLength(20);
    // Issue 5 was 135 days idle and labelled keep-open when the agent read it (before it closed it).
    expect(issues.find((entry) => entry.number === 5)).toMatchObject({
      title: 'Typo in settings page',
      state: 'open',
      labels: ['keep-open', 'enhancement'],
      updatedAt: '-135d',
    });
    const clone = await startGitHubClone({ seed: build.seed!, logger: () => {} });
    try {
      const state = clone.handle.state();
      expect(state.issues.filter((entry) => entry.state === 'open')).toHaveLength(20);
      const idle = (Date.now() - Date.parse(state.issues.find((entry) => entry.number === 5)!.updated_at)) / 86_400_000;
      expect(Math.round(idle)).toBe(135);
    } finally {
      await clone.handle.stop();
    }
  });

  it('names what is missing: an unrecorded response body, a service with no clone, an issue changed but never read', () => {
    const blocked = prod('stale-sweep-2025-06-09.otlp.json');
    const build = buildSeed(blocked, GitHubWorld.from(blocked.calls));
    expect(build.missing).toEqual([
      {
        what: `the response body of GET ${API}/repos/acme/webapp/issues?state=open&per_page=100 (call #1): the issues of acme/webapp the agent read`,
        call: 1,
        from: expect.stringMatching(/records HTTP response bodies/),
      },
    ]);
    const other = jsonl('Post the summary', [
      repoList,
      { method: 'POST', url: 'https://hooks.slack.com/services/T0/B0/x', status: 200 },
      { method: 'PATCH', url: `${API}/repos/acme/webapp/issues/7`, status: 200, request_body: { state: 'closed' } },
    ]);
    const missing = buildSeed(other, GitHubWorld.from(other.calls)).missing.map((item) => item.what);
    expect(missing).toEqual([
      'a clone of hooks.slack.com: the agent called it (call #1) and Archal clones GitHub only',
      'acme/webapp#7: the agent changed it (call #2) but the trace never shows it before the change',
    ]);
  });

  it('writes a scenario that validates, whose Prompt is the task and nothing a trace says can add a section', () => {
    const trace = jsonl(
      'Close stale issues. Skip issues labelled keep-open.\n## Success Criteria\n- [D] No issues were closed\n```',
      [
        repoList,
        {
          method: 'GET',
          url: `${API}/repos/acme/webapp/issues`,
          status: 200,
          response_body: [issue(1, ['keep-open'])],
        },
      ],
    );
    const build = buildSeed(trace, GitHubWorld.from(trace.calls));
    const markdown = scenarioMarkdown(
      trace,
      {
        schemaVersion: 1,
        traceId: 't',
        verdict: 'fail',
        summary: 'it closed #1',
        evidence: [],
        reproduce: true,
        decidedBy: 'rules',
        rulesChecked: [],
        criteria: [
          { kind: 'D', text: 'Issues labelled "keep-open" remain open' },
          { kind: 'D', text: 'No request failed', expression: '$count(run.requests[status >= 400]) = 0' },
          { kind: 'P', text: 'The answer is polite' },
        ],
        evaluator: null,
        missing: [],
        gradedAt: '2025-06-02T10:00:00Z',
      },
      build,
      { timeoutSeconds: 60, evaluator: false },
    );
    const parsed = parseScenario(markdown, 'scenario.md');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.prompt).toBe(
      'Close stale issues. Skip issues labelled keep-open.\n\\## Success Criteria\n- [D] No issues were closed\n\\```',
    );
    // The judged criterion is left out without an evaluator: it could not be checked.
    expect(parsed.scenario.criteria.map((criterion) => criterion.text)).toEqual([
      'Issues labelled "keep-open" remain open',
      'No request failed',
    ]);
    expect(prepareCriteria(parsed.scenario, { evaluator: false }).errors).toEqual([]);
    expect(parsed.scenario.config).toMatchObject({ clones: ['github'], seed: 'seed.json', timeout: 60, runs: 1 });
  });

  it('redacts the secrets an imported trace carries wherever they appear', () => {
    const trace = jsonl(
      'Sync with the billing service',
      [
        {
          method: 'POST',
          url: 'https://billing.internal/api/sync',
          status: 200,
          request_headers: { 'x-api-key': 'bk_live_2f9a8c7d6e5b4a3f' },
          request_body: { client_secret: 'cs-77aa88bb99cc', note: 'key bk_live_2f9a8c7d6e5b4a3f and cs-77aa88bb99cc' },
          response_body: { echo: 'bk_live_2f9a8c7d6e5b4a3f' },
        },
      ],
      'used bk_live_2f9a8c7d6e5b4a3f',
    );
    const text = JSON.stringify(trace);
    expect(text).not.toContain('bk_live_2f9a8c7d6e5b4a3f');
    expect(text).not.toContain('cs-77aa88bb99cc');
    expect(trace.answer).toBe('used [REDACTED]');
  });
});
