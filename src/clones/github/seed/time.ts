/**
 * Seed times: ISO 8601, or relative to the moment the seed is applied (`-95d`, `-3h`, `+2w`,
 * `now`), so that a stale issue stays stale whatever day the scenario runs.
 */
const RELATIVE = /^([+-])(\d+(?:\.\d+)?)(s|m|h|d|w|y)$/;
const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
};

export function isTimeSpec(value: string): boolean {
  return (
    value === 'now' || RELATIVE.test(value) || (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
  );
}

export function resolveTime(value: string, now: Date): Date {
  if (value === 'now') return now;
  const match = RELATIVE.exec(value);
  if (match) {
    const delta = Number(match[2]) * UNIT_MS[match[3]!]!;
    return new Date(now.getTime() + (match[1] === '-' ? -delta : delta));
  }
  return new Date(value);
}

/** GitHub's timestamp format: UTC, second precision, `Z`. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
