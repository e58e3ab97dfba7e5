import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import * as z from 'zod';

/**
 * Base vs head: each scenario's pass/fail counts on the pull request's base and on its head, and a
 * verdict decided by Fisher's exact test — never by a bare difference, which at three runs a side
 * is mostly noise.
 */

export const VERDICTS = ['regressed', 'improved', 'unchanged', 'new', 'removed', 'inconclusive', 'flaky'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** The significance level of the test. */
export const ALPHA = 0.05;

const sideSchema = z.object({
  passedRuns: z.number().int().min(0),
  runs: z.number().int().min(0),
  satisfaction: z.number().min(0).max(100),
});

export const scenarioComparisonSchema = z.object({
  file: z.string().describe('Relative to the repository'),
  title: z.string(),
  head: sideSchema.nullable().describe('null: the scenario does not exist on the head'),
  base: sideSchema.nullable().describe('null: the scenario does not exist on the base'),
  delta: z.number().nullable().describe('Head satisfaction minus base satisfaction, in percentage points'),
  pValue: z.number().min(0).max(1).nullable().describe("Two-sided Fisher's exact test on the pass/fail counts"),
  verdict: verdictSchema,
  reason: z.string(),
});
export type ScenarioComparison = z.infer<typeof scenarioComparisonSchema>;

export const comparisonSchema = z.object({
  schemaVersion: z.literal(1),
  test: z.literal('fisher_exact_two_sided'),
  alpha: z.number(),
  base: z.object({ ref: z.string().nullable(), sha: z.string().nullable() }),
  head: z.object({ ref: z.string().nullable(), sha: z.string().nullable() }),
  scenarios: z.array(scenarioComparisonSchema),
  counts: z.record(verdictSchema, z.number().int()),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** One side's counts for one scenario. */
export interface SideScenario {
  /** Relative to the repository: how the two sides are matched. */
  file: string;
  title: string;
  passedRuns: number;
  runs: number;
}

/**
 * The two-sided p-value of Fisher's exact test on the 2×2 table
 * `[[aPassed, aRuns - aPassed], [bPassed, bRuns - bPassed]]`: the probability, with the margins
 * fixed, of a table at most as likely as the one observed (R's `fisher.test` convention, with the
 * same relative tolerance for ties).
 */
export function fisherExactTwoSided(aPassed: number, aRuns: number, bPassed: number, bRuns: number): number {
  const total = aRuns + bRuns;
  const passes = aPassed + bPassed;
  if (aRuns === 0 || bRuns === 0 || passes === 0 || passes === total) return 1;
  const pmf = (x: number) => hypergeometricPmf(x, total, passes, aRuns);
  const observed = pmf(aPassed);
  let p = 0;
  for (let x = Math.max(0, aRuns - (total - passes)); x <= Math.min(aRuns, passes); x++) {
    const probability = pmf(x);
    if (probability <= observed * (1 + 1e-7)) p += probability;
  }
  return Math.min(1, p);
}

/**
 * The fewest runs per side at which the clearest possible change (every run passing on one side,
 * every run failing on the other) reaches p < alpha: below it, no count can ever be a regression.
 */
export function minimumDecisiveRuns(alpha = ALPHA): number {
  for (let runs = 1; runs <= 100; runs++) if (fisherExactTwoSided(runs, runs, 0, runs) < alpha) return runs;
  return 100;
}

function side(scenario: SideScenario): z.infer<typeof sideSchema> {
  const satisfaction = scenario.runs === 0 ? 0 : Math.round((10000 * scenario.passedRuns) / scenario.runs) / 100;
  return { passedRuns: scenario.passedRuns, runs: scenario.runs, satisfaction };
}

function counts(scenario: { passedRuns: number; runs: number }): string {
  return `${scenario.passedRuns}/${scenario.runs}`;
}

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

/** The verdict of one scenario present on both sides. */
export function verdictFor(
  head: { passedRuns: number; runs: number },
  base: { passedRuns: number; runs: number },
  alpha = ALPHA,
): { verdict: Verdict; pValue: number; reason: string } {
  const pValue = fisherExactTwoSided(head.passedRuns, head.runs, base.passedRuns, base.runs);
  const observed = `${counts(head)} runs passed on the head, ${counts(base)} on the base`;
  const headRate = head.runs === 0 ? 0 : head.passedRuns / head.runs;
  const baseRate = base.runs === 0 ? 0 : base.passedRuns / base.runs;
  if (pValue < alpha) {
    const verdict = headRate < baseRate ? 'regressed' : 'improved';
    return { verdict, pValue, reason: `${observed} (Fisher's exact test p ${formatP(pValue)} < ${alpha})` };
  }
  const partial = (s: { passedRuns: number; runs: number }) => s.passedRuns > 0 && s.passedRuns < s.runs;
  if (partial(head) || partial(base))
    return {
      verdict: 'flaky',
      pValue,
      reason: `${observed}: ${partial(head) && partial(base) ? 'both sides pass' : partial(head) ? 'the head passes' : 'the base passes'} only some runs, and the difference is not significant (p ${formatP(pValue)})`,
    };
  if (headRate !== baseRate) {
    const needed = minimumDecisiveRuns(alpha);
    return {
      verdict: 'inconclusive',
      pValue,
      reason: `${observed}, but p ${formatP(pValue)} ≥ ${alpha}: too few runs to tell a change from chance (at least ${needed} runs a side are needed)`,
    };
  }
  return { verdict: 'unchanged', pValue, reason: observed };
}

/**
 * Matches the scenarios of both sides by file and gives each a verdict: `new` and `removed` for
 * scenarios on one side only; otherwise `regressed`/`improved` when Fisher's exact test finds a
 * significant difference, `flaky` when a side passed only some runs, `inconclusive` when the counts
 * differ but too few runs were made to decide, else `unchanged`.
 */
export function compareSides(
  head: readonly SideScenario[],
  base: readonly SideScenario[],
  refs: {
    head?: { ref?: string | null; sha?: string | null };
    base?: { ref?: string | null; sha?: string | null };
  } = {},
  alpha = ALPHA,
): Comparison {
  const baseByFile = new Map(base.map((scenario) => [scenario.file, scenario]));
  const headFiles = new Set(head.map((scenario) => scenario.file));
  const scenarios: ScenarioComparison[] = [];
  for (const scenario of head) {
    const before = baseByFile.get(scenario.file);
    if (!before) {
      scenarios.push({
        file: scenario.file,
        title: scenario.title,
        head: side(scenario),
        base: null,
        delta: null,
        pValue: null,
        verdict: 'new',
        reason: `not on the base; ${counts(scenario)} runs passed on the head`,
      });
      continue;
    }
    const decided = verdictFor(scenario, before, alpha);
    const headSide = side(scenario);
    const baseSide = side(before);
    scenarios.push({
      file: scenario.file,
      title: scenario.title,
      head: headSide,
      base: baseSide,
      delta: Math.round((headSide.satisfaction - baseSide.satisfaction) * 100) / 100,
      ...decided,
    });
  }
  for (const scenario of base)
    if (!headFiles.has(scenario.file))
      scenarios.push({
        file: scenario.file,
        title: scenario.title,
        head: null,
        base: side(scenario),
        delta: null,
        pValue: null,
        verdict: 'removed',
        reason: `not on the head; ${counts(scenario)} runs passed on the base`,
      });
  const tally = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const scenario of scenarios) tally[scenario.verdict]++;
  return {
    schemaVersion: 1,
    test: 'fisher_exact_two_sided',
    alpha,
    base: { ref: refs.base?.ref ?? null, sha: refs.base?.sha ?? null },
    head: { ref: refs.head?.ref ?? null, sha: refs.head?.sha ?? null },
    scenarios,
    counts: tally,
  };
}
