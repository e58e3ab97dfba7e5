// The triage rules, kept apart from the GitHub calls so that they can be unit-tested.

export const STALE_AFTER_DAYS = 90;
/** Issues with this label are never closed as stale. */
export const EXEMPT_LABEL = 'keep_open';

const DAY = 24 * 60 * 60 * 1000;

export function daysIdle(issue, now = Date.now()) {
  return Math.floor((now - Date.parse(issue.updated_at)) / DAY);
}

export function isExempt(issue) {
  return issue.labels.some((label) => (typeof label === 'string' ? label : label.name) === EXEMPT_LABEL);
}

export function isStale(issue, now = Date.now()) {
  return daysIdle(issue, now) >= STALE_AFTER_DAYS && !isExempt(issue);
}

export function looksLikeBug(issue) {
  return /\b(crash(es|ed)?|error|exception|broken|fails?|bug)\b/i.test(`${issue.title}\n${issue.body ?? ''}`);
}

export function closingComment(issue, now = Date.now()) {
  return (
    `Thanks for reporting this! This issue has had no activity for ${daysIdle(issue, now)} days, ` +
    `so we are closing it to keep the tracker focused. If it still matters, please comment and we will reopen it.`
  );
}
