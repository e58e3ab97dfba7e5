/**
 * The options a loop's messages may name. Each host spells them its own way: the CLI's flags, the
 * Action's inputs; the loop asks its host instead of naming a CLI flag where no CLI runs.
 */
export type HostOption =
  | 'fix-command'
  | 'fix-workflow'
  | 'allow-external-execution'
  | 'max-fix-attempts'
  | 'max-cost-usd'
  | 'harness'
  | 'scenarios'
  | 'tags';

/** How a host names one of its options in a sentence, e.g. `--fix-command` or `input 'fix-command'`. */
export type HostVocabulary = (option: HostOption) => string;

/** `archal preprod run` takes its scenarios as arguments, and has no tag filter (only its hosts do). */
const CLI_TERMS: Record<HostOption, string> = {
  'fix-command': '--fix-command',
  'fix-workflow': '--fix-workflow',
  'allow-external-execution': '--allow-external-execution',
  'max-fix-attempts': '--max-fix-attempts',
  'max-cost-usd': '--max-cost-usd',
  harness: '--harness',
  scenarios: 'scenario files or directories as arguments',
  tags: 'tags',
};

export const CLI_VOCABULARY: HostVocabulary = (option) => CLI_TERMS[option];

export const ACTION_VOCABULARY: HostVocabulary = (option) => `input '${option}'`;
