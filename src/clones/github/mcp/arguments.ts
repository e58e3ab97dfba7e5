import type { ToolDefinition } from './definition.js';

type Args = Record<string, unknown>;

/** Go's name for the type of a JSON value, as github-mcp-server's messages print it (`%T`). */
function goType(value: unknown): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    default:
      return 'map[string]interface {}';
  }
}

/** A number argument as github-mcp-server reads it: a whole number, or a string holding one. */
function wholeNumber(name: string, value: unknown): number {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    number = value.trim() === value && value !== '' ? Number(value) : NaN;
    if (Number.isNaN(number))
      throw new ArgumentError(`parameter ${name} is not a valid number: invalid numeric value: ${value}`);
  } else throw new ArgumentError(`parameter ${name} is not a valid number: expected number, got ${goType(value)}`);
  if (!Number.isFinite(number))
    throw new ArgumentError(`parameter ${name} is not a valid number: non-finite numeric value`);
  if (!Number.isInteger(number))
    throw new ArgumentError(`parameter ${name} is not a valid number: non-integer numeric value: ${number}`);
  return number;
}

/** An argument github-mcp-server would refuse, with its message. */
export class ArgumentError extends Error {}

/**
 * The arguments of a call checked as github-mcp-server's parameter helpers check them, numbers
 * sent as strings made numbers: a required parameter absent, empty or 0 is missing; a number
 * parameter must be a whole number; a required string parameter must be a string.
 */
export function checkArguments(tool: ToolDefinition, args: Args): Args {
  const properties = tool.inputSchema.properties as Record<string, { type?: string }>;
  const checked: Args = { ...args };
  for (const [name, value] of Object.entries(args)) {
    const type = properties[name]?.type;
    if ((type === 'number' || type === 'integer') && value !== undefined && value !== null)
      checked[name] = wholeNumber(name, value);
  }
  for (const name of tool.inputSchema.required ?? []) {
    const value = checked[name];
    if (value === undefined || value === null || value === '' || value === 0)
      throw new ArgumentError(`missing required parameter: ${name}`);
    if (properties[name]?.type === 'string' && typeof value !== 'string')
      throw new ArgumentError(`parameter ${name} is not of type string`);
  }
  return checked;
}
