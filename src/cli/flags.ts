import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { UserError } from './errors.js';
import { err } from './output.js';

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

/**
 * A percentage flag from 0 to `max` (`--pass-threshold`). One written as a fraction (`0.8`, meant as
 * 80%) is almost always a mistake, but a valid number: it is said on stderr, not refused.
 */
export function percentFlag(flag: string, value: string | undefined, max: number): number | undefined {
  const number = amount(flag, value, max);
  if (number !== undefined && number > 0 && number < 1) {
    const meant = Math.round(number * 10_000) / 100;
    err(
      `warning: ${flag} ${value} is ${number}%, not ${meant}%: the threshold is a percentage from 0 to 100 (for ${meant}%, write ${flag} ${meant})`,
    );
  }
  return number;
}

/** A command flag (`--harness`): undefined when not given; an empty or blank command is refused. */
export function commandFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UserError(`${flag} needs a command; it was given an empty one.`);
  return value;
}

/**
 * The folder an output flag names (`--artifacts`, `--record`), created now: a path that is a file, that
 * lies under a file, or that cannot be created is refused before anything runs, rather than after the
 * runs whose results it was to hold. Missing folders are made one at a time, because a recursive mkdir
 * where the kernel refuses to create anything (under /proc) never returns.
 */
export function outputDirectory(flag: string, given: string, path = given): string {
  const target = resolve(path);
  const missing: string[] = [];
  let existing = target;
  for (let kind = kindOf(existing); kind === 'missing'; kind = kindOf(existing)) {
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  if (kindOf(existing) !== 'directory')
    throw new UserError(
      existing === target
        ? `${flag} ${given}: ${target} exists and is not a directory.`
        : `${flag} ${given}: ${existing} is not a directory, so nothing can be created under it.`,
    );
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new UserError(`${flag} ${given}: cannot create ${dir}: ${errorMessage(error)}.`);
    }
  }
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new UserError(`${flag} ${given}: ${target} is not writable.`);
  }
  return target;
}

/** An output file flag (`--save-seed`): its folder is made as for `outputDirectory`; the file itself must not be a folder. */
export function outputFile(flag: string, given: string, path = given): string {
  const target = resolve(path);
  if (kindOf(target) === 'directory') throw new UserError(`${flag} ${given}: ${target} is a directory; name a file.`);
  outputDirectory(flag, given, dirname(target));
  return target;
}

function kindOf(path: string): 'missing' | 'directory' | 'other' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    // ENOTDIR: a file sits somewhere above; walking up finds it and names it.
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other';
  }
}
