import * as z from 'zod';
import { lazySchema } from '../lib/lazy.js';
import { providerNameSchema } from '../providers/schema.js';

/**
 * How a run's agent reaches its GitHub clone: `env` (GITHUB_API_URL and the clone's URLs), `proxy`
 * (GitHub's own hosts through a loopback proxy that trusts a per-run CA, for agents that call
 * api.github.com unchanged), or `both`.
 */
export const ROUTING_MODES = ['env', 'proxy', 'both'] as const;
export const routingSchema = z.enum(ROUTING_MODES);
export type Routing = z.infer<typeof routingSchema>;

/** The longest a run may take, in seconds (a scenario's `timeout`, .archal.json's, `--timeout`). */
export const MAX_TIMEOUT_SECONDS = 3600;

/** A scenario's `## Config` section, after aliases are resolved (built when a scenario is first parsed). */
export const scenarioConfigSchema = lazySchema(() =>
  z.object({
    clones: z.array(z.string().min(1)).min(1),
    seed: z.string().min(1).optional(),
    timeout: z.number().positive().max(MAX_TIMEOUT_SECONDS),
    runs: z.number().int().min(1).max(100),
    tags: z.array(z.string().min(1)),
    routing: routingSchema,
    evaluator: z.object({ provider: providerNameSchema.optional(), model: z.string().min(1).optional() }).optional(),
  }),
);
export type ScenarioConfig = z.infer<typeof scenarioConfigSchema>;

export type CriterionKind = 'D' | 'P';

export interface Criterion {
  /** `c1`, `c2`… in file order. */
  id: string;
  /** The criterion as written, without its tag and without a `=> expression`. */
  text: string;
  kind: CriterionKind;
  /** Whether the tag was written or inferred from the wording. */
  tagged: boolean;
  /** An explicit JSONata check written after `=>`. */
  expression?: string;
  line: number;
}

export interface Scenario {
  file: string;
  title: string;
  setup?: string;
  /** The only text the agent sees. */
  prompt: string;
  expectedBehavior?: string;
  criteria: Criterion[];
  config: ScenarioConfig;
  /** Inline seed data from `## Seed State` (a JSON object), if any. */
  seedState?: Record<string, unknown>;
  /** The line that gives the scenario's seed (`## Seed State`, or `seed:` in Config). */
  seedLine?: number;
}

export interface ScenarioProblem {
  file: string;
  line?: number;
  message: string;
}
