import * as z from 'zod';
import { ApiError } from '../state/errors.js';

/**
 * Injected failures: the next `times` REST requests matching a method and a path answer `status`
 * instead of being served, so a client's handling of GitHub's 5xx (retries, fallbacks) can be tested
 * against the clone. Set through the control API (`POST /_archal/faults`), cleared by `DELETE`.
 */
const buildFaultSchema = () =>
  z
    .object({
      method: z.string().regex(/^[A-Z]+$/, 'an HTTP method in capitals, e.g. "POST"'),
      /** A regular expression the request's path (without the query) must match, e.g. "/issues/\\d+/comments$". */
      path: z.string().min(1),
      status: z.number().int().min(400).max(599),
      times: z.number().int().min(1).max(1000).default(1),
    })
    .strict();
/** Built on the first fault set: most clones never get one, and building it costs each clone's start. */
let schema: ReturnType<typeof buildFaultSchema> | undefined;
export const faultSchema = () => (schema ??= buildFaultSchema());
export type FaultInput = z.input<ReturnType<typeof faultSchema>>;

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  left: number;
}

export class Faults {
  private readonly faults: Fault[] = [];

  add(input: unknown): { method: string; path: string; status: number; times: number } {
    const parsed = faultSchema().safeParse(input);
    if (!parsed.success)
      throw new ApiError(
        422,
        `A fault is {"method": "POST", "path": "<regular expression>", "status": 400..599, "times": 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
      );
    let path: RegExp;
    try {
      path = new RegExp(parsed.data.path);
    } catch (error) {
      throw new ApiError(422, `"path" is not a regular expression: ${String(error)}`);
    }
    this.faults.push({ method: parsed.data.method, path, status: parsed.data.status, left: parsed.data.times });
    return parsed.data;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Throws the injected answer when a fault matches this request, using up one of its times. */
  strike(method: string, path: string): void {
    const index = this.faults.findIndex((fault) => fault.method === method && fault.path.test(path));
    if (index < 0) return;
    const fault = this.faults[index]!;
    fault.left -= 1;
    if (fault.left === 0) this.faults.splice(index, 1);
    throw new ApiError(fault.status, `Injected fault: ${method} ${path} answers ${fault.status}`);
  }
}
