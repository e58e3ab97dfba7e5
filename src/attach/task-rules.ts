import type { FinalIssue, GitHubWorld } from './github.js';
import type { GradeCriterion, GradeEvidence, TraceCall } from './schema.js';

/**
 * Constraints a task states in words the loop can check on the final state a trace shows, each with
 * the scenario criterion (a phrase Archal's criteria library compiles) that checks it on a clone.
 */
export type TaskRule =
  | { kind: 'exempt-label'; label: string }
  | { kind: 'no-close' }
  | { kind: 'comment-on-close' }
  | { kind: 'no-comment' };

const QUOTED = /["'`“‘]([^"'`”’\n]{1,50})["'`”’]/;
const BARE = /([A-Za-z0-9][\w:./-]{0,49})/;
const EXEMPT = new RegExp(
  String.raw`\b(?:skip|ignore|exclude|excluding|except|leave|leaving|keep|do not close|don't close|never close|not close)\b[^.;\n]{0,40}?\b(?:labell?ed|with the label|with label|tagged|marked)\s+(?:${QUOTED.source}|${BARE.source})`,
  'gi',
);
const NO_CLOSE = /\b(?:do not|don't|never|without)\s+clos(?:e|ing)\s+(?:anything|any(?:\s+(?:issues?|of them))?)\b/i;
const CLOSE_WITH_COMMENT =
  /\bclos\w*\b[^.]*?\b(?:with|leave|leaving|add|adding|post|posting)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}comment/i;
const NO_COMMENT =
  /\b(?:do not|don't|never|without)\s+(?:post(?:ing)?\s+|leav(?:e|ing)\s+|add(?:ing)?\s+)?(?:any\s+)?comment/i;

/** The rules a task's wording implies, in a stable order. */
export function taskRules(task: string | null): TaskRule[] {
  if (!task) return [];
  const rules: TaskRule[] = [];
  const labels = new Set<string>();
  for (const match of task.matchAll(EXEMPT)) {
    const label = (match[1] ?? match[2] ?? '').replace(/[.,;:]+$/, '').trim();
    if (label && !labels.has(label.toLowerCase())) {
      labels.add(label.toLowerCase());
      rules.push({ kind: 'exempt-label', label });
    }
  }
  if (NO_CLOSE.test(task)) rules.push({ kind: 'no-close' });
  else if (CLOSE_WITH_COMMENT.test(task)) rules.push({ kind: 'comment-on-close' });
  if (NO_COMMENT.test(task)) rules.push({ kind: 'no-comment' });
  return rules;
}

export function ruleName(rule: TaskRule): string {
  switch (rule.kind) {
    case 'exempt-label':
      return `task: issues labelled "${rule.label}" stay open`;
    case 'no-close':
      return 'task: nothing is closed';
    case 'comment-on-close':
      return 'task: every closed issue gets a comment';
    case 'no-comment':
      return 'task: no comment is posted';
  }
}

/** The scenario criterion that checks the rule on a clone. */
export function ruleCriterion(rule: TaskRule): GradeCriterion {
  switch (rule.kind) {
    case 'exempt-label':
      return { kind: 'D', text: `Issues labelled "${rule.label.replace(/"/g, '')}" remain open` };
    case 'no-close':
      return { kind: 'D', text: 'No issues were closed' };
    case 'comment-on-close':
      return { kind: 'D', text: 'Every closed issue has a new comment' };
    case 'no-comment':
      return { kind: 'D', text: 'No comments were created' };
  }
}

function callRef(calls: readonly TraceCall[], index: number): GradeEvidence['calls'][number] {
  const call = calls[index];
  return { index, method: call?.method ?? null, url: call?.url ?? null, status: call?.status ?? null };
}

export interface RuleCheck {
  /** Where the final state breaks the rule, naming the calls at fault; null when it holds. */
  broken: GradeEvidence | null;
  /** Issues the rule could not be checked on: the trace does not show what it needs (their labels). */
  unknown: Array<{ key: string; call: number }>;
}

export function checkRule(rule: TaskRule, world: GitHubWorld, calls: readonly TraceCall[]): RuleCheck {
  return {
    broken: brokenRule(rule, world, calls),
    unknown:
      rule.kind === 'exempt-label'
        ? [...world.final.values()]
            .filter((issue) => !issue.createdByRun && issue.closedByRun && !issue.closedByRun.known)
            .map((issue) => ({ key: issue.key, call: issue.closedByRun!.call }))
        : [],
  };
}

function brokenRule(rule: TaskRule, world: GitHubWorld, calls: readonly TraceCall[]): GradeEvidence | null {
  const finals = [...world.final.values()].filter((issue) => !issue.createdByRun);
  const closed = finals.filter((issue): issue is FinalIssue & { closedByRun: NonNullable<FinalIssue['closedByRun']> } =>
    Boolean(issue.closedByRun),
  );
  const evidence = (offending: Array<{ key: string; call: number }>, message: string): GradeEvidence | null =>
    offending.length === 0
      ? null
      : {
          rule: ruleName(rule),
          message: `${message}: ${offending.map((entry) => entry.key).join(', ')}`,
          calls: offending.map((entry) => callRef(calls, entry.call)),
        };
  switch (rule.kind) {
    case 'exempt-label': {
      const label = rule.label.toLowerCase();
      return evidence(
        closed
          .filter((issue) => issue.closedByRun.labels.some((name) => name.toLowerCase() === label))
          .map((issue) => ({ key: issue.key, call: issue.closedByRun.call })),
        `the task says to leave issues labelled "${rule.label}" alone, and the agent closed ${closed.filter((issue) => issue.closedByRun.labels.some((name) => name.toLowerCase() === label)).length} of them`,
      );
    }
    case 'no-close':
      return evidence(
        closed.map((issue) => ({ key: issue.key, call: issue.closedByRun.call })),
        'the task says not to close anything, and the agent closed',
      );
    case 'comment-on-close':
      return evidence(
        closed
          .filter((issue) => issue.commentsByRun.length === 0)
          .map((issue) => ({ key: issue.key, call: issue.closedByRun.call })),
        'the task says to comment on each issue closed, and the agent closed without a comment',
      );
    case 'no-comment':
      return evidence(
        finals.flatMap((issue) => issue.commentsByRun.map((call) => ({ key: issue.key, call }))),
        'the task says not to comment, and the agent commented on',
      );
  }
}
