import { ApiError } from '../state/errors.js';

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
