/**
 * The commands and workflows Archon builds into its own binary (its `.archon/commands/defaults/` and
 * `.archon/workflows/defaults/`). An Archon user's workflow may name them without having the files,
 * because Archon always has them; Archal does not ship Archon's prompts, so when one of these names is
 * not found, the error says so and where the file comes from, instead of only "not found".
 */

const ARCHON_REPOSITORY = 'github.com/coleam00/Archon';

const DEFAULT_COMMANDS: ReadonlySet<string> = new Set([
  'archon-assist',
  'archon-auto-fix-review',
  'archon-code-review-agent',
  'archon-comment-quality-agent',
  'archon-confirm-plan',
  'archon-create-plan',
  'archon-create-pr',
  'archon-docs-impact-agent',
  'archon-error-handling-agent',
  'archon-finalize-pr',
  'archon-fix-issue',
  'archon-implement',
  'archon-implement-issue',
  'archon-implement-review-fixes',
  'archon-implement-tasks',
  'archon-investigate-issue',
  'archon-issue-completion-report',
  'archon-parse-user-request',
  'archon-plan-setup',
  'archon-post-review-to-pr',
  'archon-pr-review-scope',
  'archon-ralph-generate',
  'archon-ralph-prd',
  'archon-resolve-merge-conflicts',
  'archon-self-fix-all',
  'archon-simplify-changes',
  'archon-sync-pr-with-main',
  'archon-synthesize-review',
  'archon-test-coverage-agent',
  'archon-validate',
  'archon-validate-pr-code-review-feature',
  'archon-validate-pr-code-review-main',
  'archon-validate-pr-e2e-feature',
  'archon-validate-pr-e2e-main',
  'archon-validate-pr-report',
  'archon-web-research',
  'archon-workflow-summary',
]);

const DEFAULT_WORKFLOWS: ReadonlySet<string> = new Set([
  'archon-adversarial-dev',
  'archon-architect',
  'archon-assist',
  'archon-comprehensive-pr-review',
  'archon-create-issue',
  'archon-feature-development',
  'archon-fix-github-issue',
  'archon-idea-to-pr',
  'archon-interactive-prd',
  'archon-issue-review-full',
  'archon-piv-loop',
  'archon-plan-to-pr',
  'archon-ralph-dag',
  'archon-refactor-safely',
  'archon-remotion-generate',
  'archon-resolve-conflicts',
  'archon-review-block',
  'archon-smart-pr-review',
  'archon-test-loop-dag',
  'archon-validate-pr',
  'archon-workflow-builder',
]);

/** What to tell a user whose missing command is one of Archon's built-in defaults; undefined for any other name. */
export function archonDefaultCommandHint(name: string): string | undefined {
  if (!DEFAULT_COMMANDS.has(name)) return undefined;
  return `'${name}' is one of Archon's built-in default commands, which Archal does not ship: copy .archon/commands/defaults/${name}.md from Archon (${ARCHON_REPOSITORY}) into this repository's .archon/commands/`;
}

/** What to tell a user whose missing included or sub-workflow is one of Archon's built-in defaults; undefined otherwise. */
export function archonDefaultWorkflowHint(name: string): string | undefined {
  if (!DEFAULT_WORKFLOWS.has(name)) return undefined;
  return `'${name}' is one of Archon's built-in default workflows, which Archal does not ship: copy .archon/workflows/defaults/${name}.yaml from Archon (${ARCHON_REPOSITORY}) into this repository's .archon/workflows/`;
}

/** A "not found" message, with the built-in-default hint appended when there is one. */
export function withArchonDefaultHint(message: string, hint: string | undefined): string {
  return hint === undefined ? message : `${message}. ${hint}`;
}
