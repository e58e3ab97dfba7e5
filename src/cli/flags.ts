import { UserError } from './errors.js';

/** A whole-number flag within [min, max]; undefined when it was not given. */
export function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UserError(`${flag} must be a whole number from ${min} to ${max} (got '${value}').`);
  return number;
}

/** A non-negative number flag, at most `max` when given; undefined when the flag was not given. */
export function amount(flag: string, value: string | undefined, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > max)
    throw new UserError(
      max === Infinity
        ? `${flag} must be a non-negative amount (got '${value}').`
        : `${flag} must be a number from 0 to ${max} (got '${value}').`,
    );
  return number;
}

/** A command flag (`--harness`): undefined when not given; an empty or blank command is refused. */
export function commandFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UserError(`${flag} needs a command; it was given an empty one.`);
  return value;
}
