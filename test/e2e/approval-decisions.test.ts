import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** `archal workflow approve --decision <id>`: an approval's declared decisions other than approve/reject. */

const workflow = `name: review-gate
description: a person chooses how the run goes on
nodes:
  - id: gate
    approval:
      message: "Ship the plan?"
      decisions:
        - { id: approve, label: Ship it }
        - { id: reject }
        - { id: needs-revision, label: Send it back }
  - id: ship
    depends_on: [gate]
    when: "$gate.output.decision == 'approve'"
    bash: printf shipped
  - id: revise
    depends_on: [gate]
    when: "$gate.output.decision == 'needs-revision'"
    bash: "printf 'revising: %s' $gate.output.text"
`;

interface RunResult {
  status: string;
  nodes: Record<string, { state: string; output?: string }>;
}

describe('archal workflow approve --decision', () => {
  it('records a declared decision as the gate output, and refuses undeclared ones with exit 2', async () => {
    const dir = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    writeFiles(dir, { '.archal/workflows/gate.yaml': workflow });
    const started = await runCli(['--cwd', dir, 'workflow', 'run', 'review-gate', '--json'], { env });
    const runId = /archal workflow approve (\S+)/.exec(started.stderr)![1]!;

    const unknown = await runCli(['--cwd', dir, 'workflow', 'approve', runId, '--decision', 'maybe'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "approval 'gate' has no decision 'maybe'; its decisions are approve, reject, needs-revision",
    );

    const decided = await runCli(
      ['--cwd', dir, 'workflow', 'approve', runId, 'tighten', 'the', 'scope', '--decision', 'needs-revision', '--json'],
      { env },
    );
    expect(decided.code).toBe(0);
    const result = json<RunResult>(decided);
    expect(result.status).toBe('completed');
    expect(result.nodes.revise).toMatchObject({ state: 'completed', output: 'revising: tighten the scope' });
    expect(result.nodes.ship!.state).toBe('skipped');

    const again = await runCli(['--cwd', dir, 'workflow', 'approve', runId, '--decision', 'approve'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not waiting for an approval');
  }, 120_000);

  it('takes --decision approve like a plain approve, and refuses --decision on an approval without decisions', async () => {
    const dir = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' };
    const plain = `name: plain-gate
description: no decisions
nodes:
  - id: gate
    approval: { message: "ok?" }
  - id: after
    depends_on: [gate]
    bash: printf after
`;
    writeFiles(dir, { '.archal/workflows/gate.yaml': workflow, '.archal/workflows/plain.yaml': plain });
    const first = await runCli(['--cwd', dir, 'workflow', 'run', 'plain-gate'], { env });
    const plainId = /archal workflow approve (\S+)/.exec(first.stderr)![1]!;
    const refused = await runCli(['--cwd', dir, 'workflow', 'approve', plainId, '--decision', 'approve'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("'gate' declares no decisions");
    expect((await runCli(['--cwd', dir, 'workflow', 'approve', plainId], { env })).code).toBe(0);

    const second = await runCli(['--cwd', dir, 'workflow', 'run', 'review-gate'], { env });
    const gateId = /archal workflow approve (\S+)/.exec(second.stderr)![1]!;
    const approved = await runCli(['--cwd', dir, 'workflow', 'approve', gateId, '--decision', 'approve', '--json'], {
      env,
    });
    expect(approved.code).toBe(0);
    const result = json<RunResult>(approved);
    expect(result.nodes.ship).toMatchObject({ state: 'completed', output: 'shipped' });
    expect(result.nodes.revise!.state).toBe('skipped');
  }, 120_000);
});
