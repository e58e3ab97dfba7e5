// A deterministic stand-in for an AI model, speaking the exec provider's protocol:
// the prompt arrives on stdin, the answer goes to stdout. When ARCHAL_OUTPUT_SCHEMA is set the
// node wants JSON matching that schema.
import { readFileSync } from 'node:fs';

const prompt = readFileSync(0, 'utf8');
const request = /Report:\s*(.*)/.exec(prompt)?.[1] ?? prompt;

if (process.env.ARCHAL_OUTPUT_SCHEMA) {
  const kind = /crash|error|broken|fail/i.test(request)
    ? 'bug'
    : /add|support|feature|would like/i.test(request)
      ? 'feature'
      : 'question';
  const severity = kind === 'bug' ? (/crash|data loss/i.test(request) ? 4 : 2) : 1;
  process.stdout.write(JSON.stringify({ kind, severity, reason: `matched "${request.trim().slice(0, 60)}"` }));
} else if (/Write the triage summary/.test(prompt)) {
  const lines = prompt.split('\n').filter((line) => line.startsWith('- '));
  process.stdout.write(`Triage summary\n${lines.join('\n')}\n`);
} else {
  process.stdout.write(`Plan: discuss "${request.trim()}" with the team, then schedule it.\n`);
}
