import * as z from 'zod';
import { archalConfigSchema } from './schema.js';

/** The JSON Schema of .archal.json, generated from the zod schema (schema/archal.schema.json). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(archalConfigSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://archal.dev/schema/archal.schema.json',
    title: 'Archal configuration (.archal.json)',
  };
}
