/**
 * The options a loop's messages may name. Each host spells them its own way: the CLI's flags, the
 * Action's inputs; the loop asks its host instead of naming a CLI flag where no CLI runs.
 */
export type HostOption =
  'fix-command' | 'fix-workflow' | 'allow-external-execution' | 'max-fix-attempts' | 'max-cost-usd' | 'harness';

/** How a host names one of its options in a sentence, e.g. `--fix-command` or `input 'fix-command'`. */
export type HostVocabulary = (option: HostOption) => string;

export const CLI_VOCABULARY: HostVocabulary = (option) => `--${option}`;

export const ACTION_VOCABULARY: HostVocabulary = (option) => `input '${option}'`;
