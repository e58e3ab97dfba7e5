import { join } from 'node:path';
import type { RecordProblem } from '../../view/records/json-files.js';
import { ScenarioRecords, type StoredSuiteHead } from '../../view/records/scenarios.js';
import { EXIT } from '../errors.js';
import { configRoot, workDir, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

const FIRST_LINE: Record<'login' | 'logout' | 'whoami', string> = {
  login: 'Nothing to log in to: this Archal is open source and runs on this machine, with no account.',
  logout: 'Nothing to log out of: this Archal has no account and keeps no credentials.',
  whoami: 'There is no account: this Archal is open source and runs on this machine.',
};

/** What a user of Archal's hosted service sets up with an account, and what takes its place here. */
const INSTEAD = [
  'There is no workspace, API key or usage quota; ARCHAL_TOKEN is not needed (a harness that reads it',
  "still gets it: each run sets it to the run's GitHub clone token).",
  'What to set instead:',
  "  - your agent's model keys (ANTHROPIC_API_KEY, OPENAI_API_KEY, ...) in the environment, .env or",
  '    $ARCHAL_HOME/.env (~/.archal/.env), and name them in .archal.json "agentPassEnv": credentials',
  '    reach the agent under test only when named there',
  '  - .archal.json "evaluator" ({"provider": "claude" | "codex" | ...}) to judge [P] criteria',
  '  - GITHUB_TOKEN (or GH_TOKEN) and an origin remote only for a loop that opens a pull request (--open-pr)',
  'Then: npx archal init, AGENT_TASK="Reply with OK and do not use tools." node ./.archal/harness.mjs,',
  '      npm install --save-dev @octokit/rest, npx archal run --preflight-only.',
].join('\n');

/** `archal login`, `logout`, `whoami`: exit 0 with what to set instead; a hosted `--token` is never echoed. */
export function accountCommand(name: 'login' | 'logout' | 'whoami', options: { json?: boolean }): number {
  const message = `${FIRST_LINE[name]}\n${INSTEAD}`;
  if (options.json) printJson({ account: null, message });
  else out(message);
  return EXIT.ok;
}

export interface UsagePeriod {
  suites: number;
  scenarioRuns: number;
  passedRuns: number;
  /** The suites' wall time: what Archal's hosted service counts as session minutes. */
  durationMs: number;
}

function sum(suites: readonly StoredSuiteHead[]): UsagePeriod {
  return suites.reduce<UsagePeriod>(
    (total, { suite }) => ({
      suites: total.suites + 1,
      scenarioRuns: total.scenarioRuns + suite.totals.runs,
      passedRuns: total.passedRuns + suite.totals.passedRuns,
      durationMs: total.durationMs + suite.durationMs,
    }),
    { suites: 0, scenarioRuns: 0, passedRuns: 0, durationMs: 0 },
  );
}

/**
 * `archal usage`: Archal's hosted command shows the plan and the session minutes of the billing
 * period. Here there is no plan; what was used is the scenario suites `archal run` and the pre-prod
 * loop recorded in this repository's `.archal/cache/suites/`, this calendar month (UTC) and in all.
 */
export function usageCommand(globals: GlobalOptions, options: { json?: boolean }): number {
  const root = configRoot(workDir(globals));
  const cacheDir = join(root, '.archal', 'cache');
  const problems: RecordProblem[] = [];
  const suites = new ScenarioRecords(cacheDir).listSuites(problems);
  for (const problem of problems) err(`warning: ${problem.file}: ${problem.message} (not counted)`);
  const now = new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
  const thisMonth = { since, ...sum(suites.filter(({ suite }) => suite.startedAt >= since)) };
  const all = sum(suites);
  if (options.json) {
    printJson({ account: null, cacheDir, thisMonth, all });
    return EXIT.ok;
  }
  out(
    [
      'There is no account, plan or quota: this Archal runs on this machine. Model tokens are spent under',
      'your own provider keys.',
      `Scenario runs recorded in ${cacheDir}:`,
      `  this month (since ${since.slice(0, 10)}): ${describe(thisMonth)}`,
      `  in all:                        ${describe(all)}`,
    ].join('\n'),
  );
  return EXIT.ok;
}

function describe(period: UsagePeriod): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const time =
    period.durationMs < 60_000
      ? `${(period.durationMs / 1000).toFixed(1)} s`
      : `${(period.durationMs / 60_000).toFixed(1)} min`;
  return `${plural(period.suites, 'suite')}, ${plural(period.scenarioRuns, 'scenario run')} (${period.passedRuns} passed), ${time}`;
}
