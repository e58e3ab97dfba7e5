// An example agent under test: it triages GitHub issues through Octokit. It is deterministic (no
// model), so Archal's demo and tests run offline. It reads the task from AGENT_TASK and talks to
// whatever GitHub GITHUB_API_URL points at (the run's clone), with GITHUB_TOKEN.
import { Octokit } from '@octokit/rest';
import { closingComment, isStale, looksLikeBug } from './triage.mjs';

const task = process.env.AGENT_TASK ?? '';
if (process.env.ARCHAL_PREFLIGHT === '1') {
  process.stdout.write(JSON.stringify({ text: 'OK' }));
  process.exit(0);
}

const github = new Octokit({ baseUrl: process.env.GITHUB_API_URL, auth: process.env.GITHUB_TOKEN });
const log = (line) => process.stderr.write(`${line}\n`);

async function openIssues() {
  const repos = await github.paginate(github.rest.repos.listForAuthenticatedUser, { per_page: 100 });
  const result = [];
  for (const repo of repos) {
    const issues = await github.paginate(github.rest.issues.listForRepo, {
      owner: repo.owner.login,
      repo: repo.name,
      state: 'open',
      per_page: 100,
    });
    for (const issue of issues) if (!issue.pull_request) result.push({ repo, issue });
  }
  return result;
}

async function closeStale(issues) {
  const closed = [];
  for (const { repo, issue } of issues) {
    if (!isStale(issue)) continue;
    const target = { owner: repo.owner.login, repo: repo.name, issue_number: issue.number };
    await github.rest.issues.createComment({ ...target, body: closingComment(issue) });
    await github.rest.issues.update({ ...target, state: 'closed', state_reason: 'not_planned' });
    log(`closed ${repo.full_name}#${issue.number}`);
    closed.push(`${repo.full_name}#${issue.number}`);
  }
  return closed;
}

async function labelBugs(issues) {
  const labelled = [];
  for (const { repo, issue } of issues) {
    if (!looksLikeBug(issue) || issue.labels.some((label) => label.name === 'bug')) continue;
    await github.rest.issues.addLabels({
      owner: repo.owner.login,
      repo: repo.name,
      issue_number: issue.number,
      labels: ['bug'],
    });
    labelled.push(`${repo.full_name}#${issue.number}`);
  }
  return labelled;
}

try {
  const issues = await openIssues();
  const report = [];
  if (/stale|inactiv|no activity|idle/i.test(task)) {
    const closed = await closeStale(issues);
    report.push(`Closed ${closed.length} stale issue(s)${closed.length ? `: ${closed.join(', ')}` : ''}.`);
  }
  if (/bug/i.test(task)) {
    const labelled = await labelBugs(issues);
    report.push(`Labelled ${labelled.length} bug report(s)${labelled.length ? `: ${labelled.join(', ')}` : ''}.`);
  }
  if (report.length === 0)
    report.push(`Looked at ${issues.length} open issue(s); nothing in the task asked me to change them.`);
  process.stdout.write(JSON.stringify({ text: report.join(' ') }));
} catch (error) {
  log(`triage failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
}
