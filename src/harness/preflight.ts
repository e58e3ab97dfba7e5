import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startGitHubClone } from '../clones/github/entry.js';
import { SecretRedactor } from '../lib/redact.js';
import { agentSecrets, type AgentCommand } from './agent.js';
import { outcomeDetail, runHarness, withheldKeysHint } from './run.js';

export interface Preflight {
  passed: boolean;
  /** What happened, in a line: "starts and exits 0 …" or "exited with code 1 … — <the error>". */
  detail: string;
  durationMs: number;
  /** The agent's answer (redacted), when it printed one. */
  answer: string;
  /** The end of its stderr (redacted). */
  stderrTail: string;
}

/**
 * Starts the harness once in preflight mode (ARCHAL_PREFLIGHT=1, a "reply OK" task) against an
 * empty clone. A harness that cannot even do that is setup work, not something a fix can patch.
 */
export async function preflightHarness(options: {
  agent: AgentCommand;
  cwd: string;
  env: NodeJS.ProcessEnv;
  model?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<Preflight> {
  const clone = await startGitHubClone({
    seed: 'empty',
    logger: () => {},
    controlToken: randomBytes(24).toString('hex'),
  });
  try {
    const run = await runHarness({
      agent: options.agent,
      task: 'Preflight check: reply OK and do not use tools.',
      model: options.model,
      cloneUrls: { github: clone.apiUrl },
      github: { apiUrl: clone.apiUrl, token: clone.token },
      cwd: options.cwd,
      runDir: join(clone.dir, 'preflight'),
      timeoutMs: options.timeoutMs ?? 30_000,
      env: options.env,
      preflight: true,
      signal: options.signal,
    });
    const redactor = new SecretRedactor([clone.token, ...agentSecrets(options.agent)], {
      ...options.env,
      ...options.agent.env,
    });
    const durationMs = Math.round(run.durationMs);
    const stderrTail = redactor.text(run.stderrTail).trim();
    const failure = outcomeDetail(run.outcome);
    const result = { durationMs, answer: redactor.text(run.answer.text), stderrTail };
    if (!failure) return { ...result, passed: true, detail: `starts and exits 0 in preflight mode (${durationMs} ms)` };
    const lines = stderrTail.split('\n');
    const decisive =
      lines.find((line) => /^\s*(\w*Error\b|Error \[)|not found|cannot/i.test(line)) ?? lines.slice(-2).join(' ');
    const hint = withheldKeysHint(options.env, options.agent);
    return {
      ...result,
      passed: false,
      detail: `${failure} in preflight mode${decisive ? ` — ${decisive.trim()}` : ''}${hint}`,
    };
  } finally {
    await clone.handle.stop();
  }
}
