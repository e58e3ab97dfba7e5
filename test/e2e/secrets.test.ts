import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CLI, runCli, type CliResult } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * No secret anywhere: every token format (and the values of secret-named variables, as they are,
 * URL-encoded and base64) is planted in every channel — an agent's answer, stderr, trace, metrics
 * and requests; a judge's input; workflow node outputs, errors and emitted events; a fix command's
 * output and usage report; a validation command's output — and then every file Archal wrote and
 * every byte it printed is searched for them.
 */

const ENV_SECRET = 'p@ss/w+rd:Secret!2024 plain';
const AGENT_ENV_VALUE = 'agent-env-opaque-value-7731';
const BASIC = Buffer.from('alice:basic-password-77').toString('base64');
/** An Actions secret's sealed value: of no token format, a credential only by the field that holds it. */
const SEALED = Buffer.alloc(64, 'sealed-by-the-agent-').toString('base64');

/** Each secret as it is planted (in text), and the strings that must never be found. */
const PLANTED: Array<{ name: string; text: string; secret: string[] }> = [
  { name: 'GitHub classic', text: `ghp_${'Ab1'.repeat(12)}`, secret: [`ghp_${'Ab1'.repeat(12)}`] },
  { name: 'GitHub fine-grained', text: `github_pat_11ABCDEFG0${'Fg7'.repeat(24)}`, secret: ['Fg7'.repeat(24)] },
  { name: 'GitHub app', text: `ghs_${'Q2w'.repeat(12)}`, secret: [`ghs_${'Q2w'.repeat(12)}`] },
  { name: 'GitHub OAuth', text: `gho_${'Z9y'.repeat(12)}`, secret: [`gho_${'Z9y'.repeat(12)}`] },
  { name: 'Anthropic', text: `sk-ant-api03-${'k'.repeat(90)}AA`, secret: ['k'.repeat(90)] },
  { name: 'OpenAI', text: `sk-proj-${'o'.repeat(48)}`, secret: ['o'.repeat(48)] },
  { name: 'AWS key id', text: 'AKIAIOSFODNN7EXAMPLE', secret: ['AKIAIOSFODNN7EXAMPLE'] },
  {
    name: 'AWS secret key',
    text: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secret: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  },
  { name: 'Slack', text: 'xoxb-1234567890-abcdefghijklmnop', secret: ['xoxb-1234567890-abcdefghijklmnop'] },
  { name: 'Stripe', text: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', secret: ['4eC39HqLyjWDarjtT1zdp7dc'] },
  {
    name: 'JWT',
    text: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    secret: ['SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0'],
  },
  {
    name: 'bearer',
    text: 'Authorization: Bearer opaque-bearer-credential-99',
    secret: ['opaque-bearer-credential-99'],
  },
  { name: 'basic', text: `Authorization: Basic ${BASIC}`, secret: [BASIC] },
  {
    name: 'URL credentials',
    text: 'https://deploy:url-pass-w0rd-55@example.com/x',
    secret: ['url-pass-w0rd-55'],
  },
  { name: 'secret-named variable', text: `value ${ENV_SECRET} end`, secret: [ENV_SECRET] },
  {
    name: 'URL-encoded',
    text: `https://example.com/cb?state=${encodeURIComponent(ENV_SECRET)}`,
    secret: [encodeURIComponent(ENV_SECRET)],
  },
  {
    name: 'base64',
    text: `blob ${Buffer.from(ENV_SECRET).toString('base64')}`,
    secret: [Buffer.from(ENV_SECRET).toString('base64')],
  },
  // Given to the agent through .archal.json agent.env (under a name that does not say it is secret).
  { name: 'agent.env value', text: '', secret: [AGENT_ENV_VALUE] },
  // Sent by the agent as an Actions secret's `encrypted_value`.
  { name: 'sealed Actions secret', text: '', secret: [SEALED] },
];

const ALL_TEXT = PLANTED.map((entry) => entry.text)
  .filter(Boolean)
  .join('\n');

/** Every file under `dir` (recursively), path → bytes. */
function filesUnder(dir: string, found: Array<[string, Buffer]> = []): Array<[string, Buffer]> {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) filesUnder(path, found);
    else found.push([path, readFileSync(path)]);
  }
  return found;
}

/** Where each planted secret was found: `<secret name> in <place>`. */
function leaks(places: Array<[string, Buffer | string]>): string[] {
  const found: string[] = [];
  for (const [place, content] of places) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    for (const entry of PLANTED)
      for (const secret of entry.secret) if (bytes.includes(secret)) found.push(`${entry.name} in ${place}`);
  }
  return found;
}

const printed = (label: string, result: CliResult): Array<[string, string]> => [
  [`${label} stdout`, result.stdout],
  [`${label} stderr`, result.stderr],
];

// The agent under test puts every secret everywhere it can: answer, stderr, trace, metrics, a
// request's query string, an Actions secret it stores (twice, so the update is journaled) and an issue it creates (so the state diff the judge sees has them too).
// After the fix (a `fixed` file), it creates nothing, so the pre-prod loop's rerun passes.
const AGENT = `import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const planted = readFileSync(process.env.PLANT_FILE, 'utf8') + '\\nsetting ' + process.env.AGENT_SETTING;
const api = process.env.GITHUB_API_URL;
const headers = { authorization: 'token ' + process.env.GITHUB_TOKEN, 'content-type': 'application/json' };
writeFileSync(process.env.AGENT_TRACE_FILE, JSON.stringify({ steps: [planted], token: 'trace-token-value-1' }));
writeFileSync(process.env.AGENT_METRICS_FILE, JSON.stringify({ note: planted }));
const query = new URLSearchParams({ state: 'open', note: ${JSON.stringify(ENV_SECRET)}, access_token: ${JSON.stringify(PLANTED[0]!.text)} });
await fetch(api + '/repos/acme/widgets/issues?' + query, { headers });
const key = await (await fetch(api + '/repos/acme/widgets/actions/secrets/public-key', { headers })).json();
for (let i = 0; i < 2; i++)
  await fetch(api + '/repos/acme/widgets/actions/secrets/DEPLOY_KEY', { method: 'PUT', headers, body: JSON.stringify({ encrypted_value: ${JSON.stringify(SEALED)}, key_id: key.key_id }) });
if (!existsSync('fixed'))
  await fetch(api + '/repos/acme/widgets/issues', { method: 'POST', headers, body: JSON.stringify({ title: 'Leak', body: planted }) });
process.stderr.write(planted + '\\n');
process.stdout.write(JSON.stringify({ text: 'Done. ' + planted }));
`;

// A judge that keeps what it was sent, and passes everything.
const JUDGE = `import { appendFileSync, readFileSync } from 'node:fs';
const prompt = readFileSync(0, 'utf8');
appendFileSync(process.env.JUDGE_INPUT, prompt + '\\n');
const ids = [...prompt.matchAll(/^- (c\\d+): /gm)].map(([, id]) => id);
process.stdout.write(JSON.stringify({ verdicts: ids.map((id) => ({ id, verdict: 'pass', reason: 'fine' })) }));
`;

const FIX = `import { readFileSync, writeFileSync } from 'node:fs';
const planted = readFileSync(process.env.PLANT_FILE, 'utf8');
console.log(planted);
console.error(planted);
writeFileSync(process.env.ARCHAL_PREPROD_USAGE_PATH, JSON.stringify({
  inputTokens: 10, outputTokens: 2, provider: ${JSON.stringify(PLANTED[0]!.text)}, model: ${JSON.stringify(PLANTED[4]!.text)},
  apiKey: ${JSON.stringify(PLANTED[5]!.text)}, note: planted,
}));
writeFileSync('fixed', 'yes');
`;

const SCENARIO = `# Leaky agent

## Prompt
Look at acme/widgets and report.

## Success Criteria
- [D] No issue was created by the run => $count(diff.github.issues.created) = 0
- [P] The answer is polite

## Config
seed: small-project
timeout: 30
`;

describe('no secret anywhere', () => {
  it('redacts every format in every channel of archal run, workflows and the pre-prod loop', async () => {
    const home = tempDir('archal-home-');
    const outside = tempDir('archal-plant-');
    const plantFile = join(outside, 'planted.txt');
    writeFileSync(plantFile, ALL_TEXT);
    const judgeInput = join(outside, 'judge-input.txt');
    const env = {
      ARCHAL_HOME: home,
      ARCHAL_DATABASE_URL: '',
      DATABASE_URL: '',
      PLANT_FILE: plantFile,
      JUDGE_INPUT: judgeInput,
      MY_SERVICE_PASSWORD: ENV_SECRET,
    };

    // archal run, and the pre-prod loop, on a repository with the leaky agent.
    const project = tempRepo('archal-leaky-');
    writeFiles(project, {
      'agent.mjs': AGENT,
      'judge.mjs': JUDGE,
      'fix.mjs': FIX,
      'validate.mjs': `import { readFileSync } from 'node:fs';\nconsole.log(readFileSync(process.env.PLANT_FILE, 'utf8'));\n`,
      'archal/leak.md': SCENARIO,
      '.archal.json': JSON.stringify({
        agent: { command: 'node', args: ['agent.mjs'], env: { AGENT_SETTING: AGENT_ENV_VALUE } },
        scenarios: ['archal'],
        evaluator: { provider: 'exec' },
        assistants: { exec: { command: 'node', args: ['judge.mjs'] } },
      }),
    });
    const run = await runCli(['--cwd', project, 'run', '-o', 'json', '--pass-threshold', '100'], {
      env,
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[REDACTED]');
    const preprod = await runCli(
      [
        '--cwd',
        project,
        'preprod',
        'run',
        '--json',
        '--allow-external-execution',
        '--fix-command',
        'node fix.mjs',
        '--max-fix-attempts',
        '1',
        '--validation-command',
        'node validate.mjs',
        '--pass-env',
        'PLANT_FILE',
      ],
      { env, timeoutMs: 90_000 },
    );
    expect(JSON.parse(preprod.stdout)).toMatchObject({ status: 'passed' });
    expect(existsSync(join(project, '.archal', 'preprod', 'attempt-1', 'usage.json'))).toBe(true);

    // A workflow whose nodes print them, fail with them, spill them and emit them.
    const repo = tempRepo();
    const emit = `node ${CLI} workflow event emit --run-id "$ARCHAL_RUN_ID" --type task_activity --data "$(node -e 'console.log(JSON.stringify({ note: require("node:fs").readFileSync(process.env.PLANT_FILE, "utf8") }))')"`;
    writeFiles(repo, {
      '.archal/workflows/leaky.yaml': `name: leaky
description: nodes that leak
nodes:
  - id: leak
    output_type: report
    bash: cat "$PLANT_FILE"; echo "env $MY_SERVICE_PASSWORD"
  - id: big
    bash: head -c 40000 /dev/zero | tr '\\0' 'x'; echo; cat "$PLANT_FILE"
  - id: broken
    continue_on_error: true
    bash: cat "$PLANT_FILE" >&2; exit 3
  - id: emits
    bash: ${JSON.stringify(emit)}
  - id: after
    depends_on: [leak, big]
    bash: printf '%s' $leak.output | wc -c
`,
    });
    const workflow = await runCli(['--cwd', repo, 'workflow', 'run', 'leaky', '--json'], { env, timeoutMs: 60_000 });
    expect(workflow.code).toBe(0);
    expect(workflow.stdout).toContain('[REDACTED]');
    // Downstream nodes still read the real output (only records are redacted).
    const after = (JSON.parse(workflow.stdout) as { nodes: { after: { output: string } } }).nodes.after.output;
    expect(Number(after.trim())).toBeGreaterThan(ALL_TEXT.length);
    const status = await runCli(['--cwd', repo, 'workflow', 'status', '--json'], { env });

    const places: Array<[string, Buffer | string]> = [
      ...printed('archal run', run),
      ...printed('preprod run', preprod),
      ...printed('workflow run', workflow),
      ...printed('workflow status', status),
      ['the judge input', readFileSync(judgeInput)],
      ...filesUnder(join(project, '.archal')),
      ...filesUnder(join(repo, '.archal')),
      ...filesUnder(home),
    ];
    // The channels were all exercised: each wrote something.
    const written = places.map(([place]) => place);
    for (const expected of [
      'cache/runs/',
      'preprod-result.json',
      'attempt-1/usage.json',
      'validation.json',
      '.jsonl',
      'archal.db',
    ])
      expect(written.some((place) => place.includes(expected))).toBe(true);
    expect(written.some((place) => place.includes('outputs/big.txt'))).toBe(true);
    expect(readFileSync(judgeInput, 'utf8')).toContain('<evidence name="state changes">');
    expect(leaks(places)).toEqual([]);
  }, 240_000);
});

describe('secrets given in lower case in free text', () => {
  it('leaves no password=… value of a workflow node in its log, artifacts or the run store', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    // The node reads the lines from a file outside the repository, so the workflow does not hold them.
    const plant = join(tempDir('archal-outside-'), 'lines.txt');
    writeFileSync(
      plant,
      'connecting with password=hunter2xyz\ntoken: tok3nValue\nclient api_key=k3yValue\n{"password": "js0nPass"}\n',
    );
    const env = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '', DATABASE_URL: '', PLANT_FILE: plant };
    const values = ['hunter2xyz', 'tok3nValue', 'k3yValue', 'js0nPass'];
    writeFiles(repo, {
      '.archal/workflows/chatty.yaml': `name: chatty
description: a node that prints its credentials
nodes:
  - id: login
    bash: cat "$PLANT_FILE"
  - id: big
    bash: head -c 40000 /dev/zero | tr '\\0' 'x'; echo; cat "$PLANT_FILE"
  - id: after
    depends_on: [login]
    bash: printf '%s' "$login.output" | grep -c 'password=hunter2[x]yz'
`,
    });
    const run = await runCli(['--cwd', repo, 'workflow', 'run', 'chatty', '--json'], { env, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('password=[REDACTED]');
    // Downstream nodes still read the real output (only records are redacted).
    expect((JSON.parse(run.stdout) as { nodes: { after: { output: string } } }).nodes.after.output.trim()).toBe('1');

    const places: Array<[string, Buffer | string]> = [
      ...printed('workflow run', run),
      ...filesUnder(join(repo, '.archal')),
      ...filesUnder(home),
    ];
    const written = places.map(([place]) => place);
    for (const expected of ['.jsonl', 'outputs/big.txt', 'archal.db'])
      expect(written.some((place) => place.includes(expected))).toBe(true);
    const found = places.flatMap(([place, content]) =>
      values.filter((value) => Buffer.from(content).includes(value)).map((value) => `${value} in ${place}`),
    );
    expect(found).toEqual([]);
  }, 90_000);
});
