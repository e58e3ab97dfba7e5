import * as z from 'zod';
import { ApiError } from '../state/errors.js';

/**
 * Injected failures: the next `times` REST requests matching a method and a path answer `status`
 * instead of being served, so a client's handling of GitHub's 5xx (retries, fallbacks) can be tested
 * against the clone. `delayMs` holds each matching request that long first (a slow GitHub); with
 * `after`, the request is served (its changes are made) and only its answer is replaced by `status`,
 * as when GitHub did the write and then failed to say so. Set through the control API
 * (`POST /_archal/faults`), cleared by `DELETE`.
 */
const buildFaultSchema = () =>
  z
    .object({
      method: z.string().regex(/^[A-Z]+$/, 'an HTTP method in capitals, e.g. "POST"'),
      /** A regular expression the request's path (without the query) must match, e.g. "/issues/\\d+/comments$". */
      path: z.string().min(1),
      status: z.number().int().min(400).max(599).optional(),
      delayMs: z.number().int().min(0).max(60_000).optional(),
      after: z.boolean().default(false),
      times: z.number().int().min(1).max(1000).default(1),
    })
    .strict()
    .refine((fault) => fault.status !== undefined || fault.delayMs !== undefined, {
      message: 'give "status" (the answer), "delayMs" (a wait), or both',
    })
    .refine((fault) => !fault.after || fault.status !== undefined, {
      message: '"after" replaces the answer with "status": give "status" too',
      path: ['after'],
    });
/** Built on the first fault set: most clones never get one, and building it costs each clone's start. */
let schema: ReturnType<typeof buildFaultSchema> | undefined;
export const faultSchema = () => (schema ??= buildFaultSchema());
export type FaultInput = z.input<ReturnType<typeof faultSchema>>;
export type FaultSpec = z.output<ReturnType<typeof faultSchema>>;

/** What a struck fault does to its request. */
export interface Strike {
  status?: number;
  delayMs?: number;
  after: boolean;
  message: string;
}

interface Fault {
  method: string;
  path: RegExp;
  status?: number;
  delayMs?: number;
  after: boolean;
  left: number;
}

const SHAPE =
  '{"method": "POST", "path": "<regular expression>", "status": 400..599, "delayMs": 0..60000, "after": false, "times": 1}';

export class Faults {
  private readonly faults: Fault[] = [];

  add(input: unknown): FaultSpec {
    const parsed = faultSchema().safeParse(input);
    if (!parsed.success)
      throw new ApiError(
        422,
        `A fault is ${SHAPE}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')}`,
      );
    let path: RegExp;
    try {
      path = new RegExp(parsed.data.path);
    } catch (error) {
      throw new ApiError(422, `"path" is not a regular expression: ${String(error)}`);
    }
    const { method, status, delayMs, after, times } = parsed.data;
    this.faults.push({ method, path, status, delayMs, after, left: times });
    return parsed.data;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The fault that matches this request, if any, using up one of its times. */
  take(method: string, path: string): Strike | undefined {
    const index = this.faults.findIndex((fault) => fault.method === method && fault.path.test(path));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.left -= 1;
    if (fault.left === 0) this.faults.splice(index, 1);
    return {
      ...(fault.status !== undefined ? { status: fault.status } : {}),
      ...(fault.delayMs !== undefined ? { delayMs: fault.delayMs } : {}),
      after: fault.after,
      message: `Injected fault: ${method} ${path} answers ${fault.status}${fault.after ? ' after it was served' : ''}`,
    };
  }
}

/** Holds a request for the fault's delay, then fails it unless the fault answers after serving it. */
export async function strikeBefore(strike: Strike | undefined): Promise<void> {
  if (!strike) return;
  if (strike.delayMs) await new Promise((resolve) => setTimeout(resolve, strike.delayMs));
  if (strike.status !== undefined && !strike.after) throw new ApiError(strike.status, strike.message);
}

/** Replaces a served request's answer with the fault's status. */
export function strikeAfter(strike: Strike | undefined): void {
  if (strike?.after && strike.status !== undefined) throw new ApiError(strike.status, strike.message);
}
