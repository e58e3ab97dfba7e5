export { buildContext, contextFunctions, diffSnapshots } from './context.js';
export type { CollectionDiff, EvaluationContext, RunRecordForCriteria, Snapshot } from './context.js';
export { base, evaluateDeterministicCriterion, prepareCriteria } from './criteria.js';
export type { CriterionForm, CriterionPlan, CriterionResult, CriterionStatus, PreparedCriterion } from './criteria.js';
export { compileDeterministic, evaluateDeterministic } from './deterministic.js';
export { evaluateExpression, expressionSyntaxError } from './expression.js';
export { judge, judgePrompt, verdictsSchema } from './judge.js';
export type { JudgeEvidence, JudgeResult, JudgeSettings } from './judge.js';
export { compilePhrase, equivalentExpression } from './phrases.js';
