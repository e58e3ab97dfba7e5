import type { ValidateFunction } from 'ajv';
import { errorMessage } from '../lib/errors.js';

type AjvInstance = {
  compile(schema: object): ValidateFunction;
  errorsText(errors?: ValidateFunction['errors']): string;
};
let ajv: Promise<AjvInstance> | undefined;

// ajv is heavy to import; only workflows that declare output_format pay for it.
async function instance(): Promise<AjvInstance> {
  ajv ??= import('ajv').then((module) => {
    const Ajv = (module.default as unknown as { default?: unknown }).default ?? module.default;
    return new (Ajv as new (options: object) => AjvInstance)({ allErrors: true, strict: false });
  });
  return ajv;
}

export type CompiledSchema =
  { ok: true; validate: (value: unknown) => string | undefined } | { ok: false; message: string };

const cache = new WeakMap<object, CompiledSchema>();

/** Compiles an output_format JSON Schema; `validate` returns a readable error or undefined. */
export async function compileOutputSchema(schema: Record<string, unknown>): Promise<CompiledSchema> {
  const cached = cache.get(schema);
  if (cached) return cached;
  const ajvInstance = await instance();
  let compiled: CompiledSchema;
  try {
    const validate = ajvInstance.compile(schema);
    compiled = {
      ok: true,
      validate: (value) => (validate(value) ? undefined : ajvInstance.errorsText(validate.errors)),
    };
  } catch (error) {
    compiled = {
      ok: false,
      message: `output_format is not a valid JSON Schema: ${errorMessage(error)}`,
    };
  }
  cache.set(schema, compiled);
  return compiled;
}

/** The `properties` an object schema declares (field reads are checked against them). */
export function declaredFields(schema: Record<string, unknown> | undefined): string[] | undefined {
  const properties = schema?.properties;
  return properties && typeof properties === 'object' && !Array.isArray(properties)
    ? Object.keys(properties)
    : undefined;
}
