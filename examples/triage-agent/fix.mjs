// A deterministic stand-in for a coding agent, used as the pre-prod demo's --fix-command. It reads
// the failures Archal classified (ARCHAL_PREPROD_FAILURES_JSON) and patches the one bug it knows:
// the exempt label is spelled "keep_open" where the scenarios (and GitHub) say "keep-open".
// A real fixer would be e.g. `codex exec "Fix the failures in $ARCHAL_PREPROD_FAILURES_JSON"`.
import { readFileSync, writeFileSync } from 'node:fs';

const { failures } = JSON.parse(readFileSync(process.env.ARCHAL_PREPROD_FAILURES_JSON, 'utf8'));
console.log(`attempt ${process.env.ARCHAL_PREPROD_ATTEMPT}: ${failures.length} failure(s) to fix`);
for (const failure of failures)
  console.log(`- [${failure.category}] ${failure.scenario.title}: ${failure.criterion?.text ?? ''}`);

const aboutKeepOpen = failures.some((failure) =>
  /keep-open|exactly \d+ issues are closed/i.test(
    `${failure.criterion?.text ?? ''} ${failure.evidence.map((e) => e.excerpt).join(' ')}`,
  ),
);
const source = readFileSync('triage.mjs', 'utf8');
if (aboutKeepOpen && source.includes("EXEMPT_LABEL = 'keep_open'")) {
  writeFileSync('triage.mjs', source.replace("EXEMPT_LABEL = 'keep_open'", "EXEMPT_LABEL = 'keep-open'"));
  console.log('patched triage.mjs: EXEMPT_LABEL is now "keep-open"');
} else console.log('nothing I know how to fix');

// What this attempt cost: nothing, it is not a model. Real fixers report their tokens and cost here.
writeFileSync(
  process.env.ARCHAL_PREPROD_USAGE_PATH,
  JSON.stringify({
    inputTokens: 0,
    outputTokens: 0,
    provider: 'example',
    model: 'deterministic-fixer',
    isByok: false,
    costUsd: 0,
  }),
);
