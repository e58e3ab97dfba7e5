import { ApiError, notFound } from '../state/errors.js';

/**
 * The name of an Actions secret or variable as GitHub stores it (upper-cased), after GitHub's rules:
 * letters, digits and underscores, not starting with a digit or `GITHUB_`.
 */
export function actionsName(name: string, noun: 'Secret' | 'Variable'): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name))
    throw new ApiError(
      422,
      `${noun} names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), must not start with a number, and must not start with the GITHUB_ prefix. '${name}' is not valid.`,
    );
  return name.toUpperCase();
}

/**
 * A variable name for `self` (a new variable when undefined) that none of `siblings` (the variables of
 * the same repository, organization or environment) has: 409 as GitHub answers otherwise.
 */
export function freeVariableName<T extends { name: string }>(siblings: T[], raw: string, self?: T): string {
  const name = actionsName(raw, 'Variable');
  const taken = siblings.find((variable) => variable.name === name);
  if (taken && taken !== self) throw new ApiError(409, 'Already exists - Variable already exists');
  return name;
}

/** The secret or variable of `rows` (one repository's, organization's or environment's) named `name`, in any case. */
export const named = <T extends { name: string }>(rows: readonly T[], name: string): T | undefined =>
  rows.find((row) => row.name === name.toUpperCase());

/** The same for the `{secret_name}` or `{name}` of a path: 404 when there is none. */
export function namedParam<T extends { name: string }>(rows: readonly T[], name: string | undefined): T {
  const found = named(rows, name ?? '');
  if (!found) throw notFound();
  return found;
}
