import * as z from 'zod';
import { providerNameSchema } from '../providers/schema.js';

/** A scenario's `## Config` section, after aliases are resolved. */
export const scenarioConfigSchema = z.object({
  clones: z.array(z.string().min(1)).min(1),
  seed: z.string().min(1).optional(),
  timeout: z.number().positive().max(3600),
  runs: z.number().int().min(1).max(100),
  tags: z.array(z.string().min(1)),
  evaluator: z.object({ provider: providerNameSchema.optional(), model: z.string().min(1).optional() }).optional(),
});
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
}

export interface ScenarioProblem {
  file: string;
  line?: number;
  message: string;
}
