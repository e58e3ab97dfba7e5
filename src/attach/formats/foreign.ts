/**
 * Exports of tracing products Archal does not read, told apart so that a refusal names the product
 * and how to bring its runs in, rather than "JSON, but not a trace". Their records hold model calls
 * and free-form inputs, not the HTTP calls and bodies a reproduction rebuilds state from, so they are
 * recognised, not converted.
 */

import { isRecord } from '../../lib/is-record.js';

/** The products whose exports are recognised. */
export type ForeignProduct = 'Langfuse' | 'Braintrust';

const LANGFUSE_OBSERVATION_TYPES = new Set(['GENERATION', 'SPAN', 'EVENT']);

function productOf(record: Record<string, unknown>): ForeignProduct | null {
  // A Langfuse trace carries its observations; an observation names its trace and its kind.
  if (Array.isArray(record.observations)) return 'Langfuse';
  if (typeof record.traceId === 'string' && LANGFUSE_OBSERVATION_TYPES.has(String(record.type))) return 'Langfuse';
  // A Braintrust log or experiment row is a span of a tree rooted at root_span_id.
  if ('span_id' in record && 'root_span_id' in record) return 'Braintrust';
  return null;
}

/** The product whose export these JSON values are (a file's lines or its array's items), or null. */
export function foreignExport(values: unknown[]): ForeignProduct | null {
  for (const value of values) {
    if (!isRecord(value)) continue;
    // Their APIs wrap records: Langfuse's lists in `data`, Braintrust's fetches in `events`.
    const records = [value, ...[value.data, value.events].flatMap((inner) => (Array.isArray(inner) ? inner : []))];
    for (const record of records) {
      const product = isRecord(record) ? productOf(record) : null;
      if (product) return product;
    }
  }
  return null;
}

/** Why an export of `product` is refused, and what to send instead. */
export function foreignExportReason(product: ForeignProduct): string {
  return `a ${product} export, which Archal does not read: record the agent's runs as OpenTelemetry spans (push them to \`archal trace-source serve\`, or export OTLP/JSON files), or convert each run to JSONL trace events (one {"trace_id", "type", …} per line, with the HTTP calls and their bodies)`;
}
