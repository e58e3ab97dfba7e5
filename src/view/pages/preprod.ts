import type { CommandResult, PreprodAttempt, PreprodFailure, PreprodResult } from '../../preprod/schema.js';
import { formatDuration, formatTime, html, pretty, safeUrl, type Html } from '../html.js';
import { badge, link, type PageLinks } from '../layout.js';
import { loopTone, type StoredLoop } from '../records/preprod.js';
import type { Tone } from '../records/types.js';
import type { Page } from './page.js';

function step(kind: string, title: string | Html, tone: Tone, content: Html | string = ''): Html {
  return html`<li class="dot-${tone}" data-step="${kind}">
    <span class="step-kind">${kind}</span> <span class="step">${title}</span>${content}
  </li>`;
}

function runLinks(runIds: readonly string[], links: PageLinks): Html {
  return html`${runIds.map((runId, index) => html`${index > 0 ? ' ' : ''}${link(links.run(runId), html`<code>${runId.slice(0, 8)}</code>`)}`)}`;
}

function commandDetails(result: CommandResult): Html {
  return html`<div class="meta">
      <span><code>${result.command}</code></span
      ><span>exit <b>${result.exitCode ?? '–'}</b>${result.timedOut ? ' (timed out)' : ''}</span
      ><span>took <b>${formatDuration(result.durationMs)}</b></span>
    </div>
    ${
      result.outputTail
        ? html`<details>
            <summary class="muted">output (tail)</summary>
            <pre>${result.outputTail}</pre>
          </details>`
        : ''
    }`;
}

function scenariosTable(attempt: PreprodAttempt, links: PageLinks): Html {
  return html`<table>
    <thead>
      <tr>
        <th>Scenario</th>
        <th class="num">Satisfaction</th>
        <th class="num">Passed</th>
        <th>Runs</th>
      </tr>
    </thead>
    <tbody>
      ${attempt.scenarios.map(
        (scenario) =>
          html`<tr>
            <td>
              ${scenario.title}
              <div class="muted mono">${scenario.file}</div>
            </td>
            <td class="num">
              ${badge(`${scenario.satisfaction}%`, scenario.passedRuns === scenario.runs ? 'good' : 'bad')}
            </td>
            <td class="num">${scenario.passedRuns}/${scenario.runs}</td>
            <td>${runLinks(scenario.runIds, links)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function failureBlock(failure: PreprodFailure, links: PageLinks): Html {
  return html`<div class="failure" data-failure="${failure.id}">
    <b>${failure.category}</b>${failure.flaky ? html` <span class="flag">flaky</span>` : ''} —
    <code>${failure.id}</code> <span class="muted">(${failure.failedRuns}/${failure.runs} runs failed)</span>
    ${failure.criterion ? html`<div>[${failure.criterion.kind}] ${failure.criterion.text}</div>` : ''}
    <div>Hint: ${failure.hint}</div>
    <div class="muted">Evidence</div>
    <ul>
      ${failure.evidence.map(
        (evidence) =>
          html`<li>
            run
            ${link(links.run(evidence.runId), html`<code>${evidence.runId.slice(0, 8)}</code>`)}${
              evidence.criterion
                ? html` · criterion <code>${evidence.criterion.id}</code>: ${evidence.criterion.detail}`
                : ''
            }${evidence.request ? html` · request <code>${evidence.request.method} ${evidence.request.path} → ${evidence.request.status}</code>` : ''}
            <pre>${evidence.excerpt}</pre>
          </li>`,
      )}
    </ul>
  </div>`;
}

function attemptSteps(attempt: PreprodAttempt, links: PageLinks): Html[] {
  const steps: Html[] = [];
  if (attempt.fix) {
    const fix = attempt.fix;
    const ok = fix.exitCode === 0 && !fix.timedOut;
    const workflowHref = fix.workflowRunId ? links.workflow(fix.workflowRunId) : null;
    steps.push(
      step(
        'fix',
        `Fix attempt ${attempt.attempt} (${fix.kind === 'workflow' ? 'workflow' : 'command'})`,
        ok ? 'good' : 'bad',
        html`${commandDetails(fix)}${fix.workflowRunId ? html`<div>workflow run ${link(workflowHref, html`<code>${fix.workflowRunId}</code>`)}</div>` : ''}${
          attempt.usage ? html`<div class="muted">usage: ${pretty(attempt.usage)}</div>` : ''
        }`,
      ),
    );
  }
  const runs = attempt.scenarios.reduce((sum, scenario) => sum + scenario.runs, 0);
  const passed = attempt.scenarios.reduce((sum, scenario) => sum + scenario.passedRuns, 0);
  steps.push(
    step(
      attempt.attempt === 0 ? 'run' : 'rerun',
      `${attempt.attempt === 0 ? 'Ran' : 'Reran'} every scenario: ${passed}/${runs} runs passed`,
      passed === runs ? 'good' : 'bad',
      html`<div class="meta">
          <span>started <b>${formatTime(attempt.startedAt)}</b></span
          ><span>took <b>${formatDuration(attempt.durationMs)}</b></span>
        </div>
        ${scenariosTable(attempt, links)}`,
    ),
  );
  steps.push(
    step(
      'classify',
      attempt.failures.length === 0 ? 'No failure left' : `${attempt.failures.length} failure(s) classified`,
      attempt.failures.length === 0 ? 'good' : 'bad',
      html`${attempt.failures.map((failure) => failureBlock(failure, links))}${
        attempt.failuresFile ? html`<div class="muted">written to <code>${attempt.failuresFile}</code></div>` : ''
      }`,
    ),
  );
  return steps;
}

function prStep(pr: NonNullable<PreprodResult['pr']>): Html {
  const url = safeUrl(pr.url);
  const title = url
    ? html`Draft PR <a href="${url}" data-pr-link>#${pr.number ?? '?'} ${url}</a> ${pr.action}`
    : html`Pull request: ${pr.action}${pr.url ? html` <code>${pr.url}</code>` : ''}`;
  return step(
    'pr',
    title,
    pr.verified ? 'good' : 'bad',
    html`<div class="meta">
        <span>publisher <b>${pr.publisher}</b></span
        ><span>verified <b>${pr.verified ? 'yes' : 'no'}</b></span
        >${
          pr.branch ? html`<span>branch <code>${pr.branch}</code></span>` : ''
        }${pr.headSha ? html`<span>head <code>${pr.headSha.slice(0, 12)}</code></span>` : ''}
      </div>
      ${
        pr.files.length > 0
          ? html`<div class="muted">files</div>
              <ul>
                ${pr.files.map((file) => html`<li><code>${file}</code></li>`)}
              </ul>`
          : ''
      }
      ${pr.problems.length > 0 ? html`<div class="failure">${pr.problems.map((problem) => html`<div>${problem}</div>`)}</div>` : ''}
      ${pr.command ? commandDetails(pr.command) : ''}`,
  );
}

export function preprodPage(entry: StoredLoop, options: { links: PageLinks }): Page {
  const { result } = entry;
  const { links } = options;
  const steps: Html[] = [];
  if (result.preflight)
    steps.push(
      step(
        'preflight',
        result.preflight.passed ? 'The harness started' : 'The harness failed its preflight',
        result.preflight.passed ? 'good' : 'bad',
        html`<div class="muted">${result.preflight.detail} · ${formatDuration(result.preflight.durationMs)}</div>`,
      ),
    );
  for (const attempt of result.attempts) steps.push(...attemptSteps(attempt, links));
  if (result.validation)
    steps.push(
      step(
        'validate',
        `Validation ${result.validation.passed ? 'passed' : 'failed'}`,
        result.validation.passed ? 'good' : 'bad',
        commandDetails(result.validation),
      ),
    );
  if (result.pr) steps.push(prStep(result.pr));
  steps.push(
    step(
      'stop',
      html`${result.status}: ${result.message}`,
      loopTone(result),
      html`<div class="muted">stop reason <code>${result.stopReason}</code></div>`,
    ),
  );

  const usage = result.usage;
  const body = html`<h1>Pre-prod loop ${badge(result.status, loopTone(result))}</h1>
    <div class="meta">
      <span>started <b>${formatTime(result.startedAt)}</b></span
      ><span>took <b>${formatDuration(result.durationMs)}</b></span>
      <span><b>${result.scenarios.length}</b> scenario(s)</span
      ><span><b>${result.attempts.filter((attempt) => attempt.attempt > 0).length}</b> fix attempt(s)</span>
      <span class="mono">${result.repo}</span>
    </div>
    <p>${result.message}</p>
    <h2>Attempts</h2>
    <ol class="timeline">
      ${steps}
    </ol>
    <h2>Usage and timings</h2>
    <p class="meta">
      <span>fix attempts <b>${usage.attempts}</b></span
      >${usage.costUsd !== undefined ? html`<span>cost <b>$${usage.costUsd.toFixed(4)}</b></span>` : ''}${
        usage.inputTokens !== undefined
          ? html`<span>tokens <b>${usage.inputTokens}</b> in / <b>${usage.outputTokens ?? 0}</b> out</span>`
          : ''
      }${usage.model ? html`<span>model <b>${usage.model}</b></span>` : ''}
    </p>
    <table>
      <thead>
        <tr>
          <th>Phase</th>
          <th class="num">Took</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(result.timings).map(
          ([phase, ms]) =>
            html`<tr>
              <td>${phase}</td>
              <td class="num">${formatDuration(ms)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <details>
      <summary>Options the loop ran with</summary>
      <pre>${pretty(result.options)}</pre>
    </details>
    <p class="muted">Recorded in <code>${entry.file}</code>.</p>`;
  return { title: `Pre-prod loop ${formatTime(result.startedAt)}`, body, chart: false };
}
