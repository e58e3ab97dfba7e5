/**
 * `new Date(ms).toISOString()`, byte for byte, from the date's UTC fields. V8's own toISOString
 * looks up the local time zone on its first call (ICU reads /etc/localtime and builds the zone,
 * ~0.1–0.2 ms), although an ISO string is in UTC: a workflow run stamps its records with these and
 * has no other use for the time zone.
 */
export function isoTime(ms: number = Date.now()): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // Outside years 0–9999 (and for an invalid date, which throws) the format has cases of its own.
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(
    date.getUTCMinutes(),
    2,
  )}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
