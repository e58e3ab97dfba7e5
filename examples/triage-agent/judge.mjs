// A deterministic stand-in for an LLM judge, speaking the exec provider's protocol: the judging
// prompt arrives on stdin, the verdicts go to stdout as JSON. It lets the example's [P] criteria be
// judged offline; in real use, set "evaluator" to claude or codex.
import { readFileSync } from 'node:fs';

const prompt = readFileSync(0, 'utf8');
const criteria = [...prompt.matchAll(/^- (c\d+): (.*)$/gm)].map(([, id, text]) => ({ id, text }));
const evidence = (name) => new RegExp(`<evidence name="${name}">\\n([\\s\\S]*?)\\n</evidence>`).exec(prompt)?.[1] ?? '';
const changes = evidence('state changes');
const answer = evidence("agent's final answer");
const comments = [...changes.matchAll(/"body": "((?:[^"\\]|\\.)*)"/g)].map(([, body]) => body);

function decide(text) {
  if (/polite|reason/i.test(text)) {
    if (comments.length === 0) return ['fail', 'no comment was posted'];
    const ok = comments.every((body) => /thank|please/i.test(body) && /\d+ days|inactiv|no activity/i.test(body));
    return ok
      ? ['pass', `all ${comments.length} closing comment(s) thank the reporter and cite the inactivity`]
      : ['fail', 'a closing comment lacks thanks or a reason'];
  }
  if (/no issue needed closing|nothing to close/i.test(text)) {
    return /closed 0/i.test(answer)
      ? ['pass', `the answer says: ${answer}`]
      : ['fail', `the answer does not say so: ${answer}`];
  }
  // The question `archal attach` asks about a production trace no deterministic rule faulted.
  if (/did what its task asked/i.test(text)) {
    const failed = evidence('requests the agent made').match(/→ [45]\d\d/g) ?? [];
    return failed.length === 0
      ? ['pass', `no request failed${answer.trim() ? ` and the agent answered: ${answer.trim().slice(0, 120)}` : ''}`]
      : ['fail', `${failed.length} request(s) failed`];
  }
  if (/answer/i.test(text)) return answer.trim() ? ['pass', 'the agent answered'] : ['fail', 'the answer is empty'];
  return ['fail', 'this stand-in judge only understands the example scenarios'];
}

const verdicts = criteria.map(({ id, text }) => {
  const [verdict, reason] = decide(text);
  return { id, verdict, reason };
});
process.stdout.write(JSON.stringify({ verdicts }));
