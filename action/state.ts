/**
 * What the main step saves (GITHUB_STATE) for the post step the runner runs after the job's steps,
 * cancelled or not: that the main step started, and the check run it left to complete.
 */
export const POST_STATE = {
  /** Set by the main step: the post step runs dist/index.js too, and tells itself apart by this. */
  started: 'archal-started',
  /** The id of the check run the main step started; the post step completes it when still in progress. */
  checkRun: 'archal-check-run',
} as const;
