import { str, type Noun, type PhraseContext } from './phrase-nouns.js';
import type { Predicate } from './phrase-predicates.js';

/**
 * What criteria say of a deployment environment's protection, over its `protection_rules` in the
 * state snapshot: "requires reviewers", "requires a review from alice", "has a wait timer of 10
 * minutes", "prevents self-review", "is protected", and their negations.
 */

type OnItem = (build: (item: string) => string, describe: string) => Predicate;

const REVIEW_WORDS = '(?:reviewers?|reviews?|approvals?|an approval|a review|a reviewer|approval)';
const WHO = '(q\\d+q|@?[\\w-]+)';

const REQUIRES_REVIEW = new RegExp(
  `^(?:requires?|needs?|(?:has|have) (?:required )?)(?: required)? ${REVIEW_WORDS}$|^(?:is|are) protected by (?:required )?reviewers$`,
);
const NO_REVIEW = new RegExp(
  `^(?:does not|doesn't|do not|don't) (?:require|need) (?:any )?${REVIEW_WORDS}$|^(?:requires?|needs?) no ${REVIEW_WORDS}$|^(?:has|have) no (?:required )?reviewers$`,
);
const REVIEW_FROM = new RegExp(
  `^(?:requires?|needs?) (?:an? )?(?:review|approval|reviews|approvals) (?:from|by) ${WHO}$|^(?:has|have) ${WHO} as (?:an? |the )?(?:required )?reviewer$|^(?:requires?|lists?) (?:the )?reviewer ${WHO}$`,
);
const WAIT_TIMER = /^(?:has|have) a wait timer(?: of (\d+) minutes?)?$|^waits? (\d+) minutes?$/;

/** Rules of one kind, on the environment `item`. */
const rules = (item: string, type: string) => `${item}.protection_rules[type = ${str(type)}]`;

export function environmentPredicate(
  text: string,
  noun: Noun,
  ctx: PhraseContext,
  onItem: OnItem,
): Predicate | undefined {
  if (noun.collection !== 'environments') return undefined;
  const said = text.replace(/^(?:still |should |must )/, '');
  if (REQUIRES_REVIEW.test(said))
    return onItem((item) => `$count(${rules(item, 'required_reviewers')}) > 0`, 'require reviewers');
  if (NO_REVIEW.test(said))
    return onItem((item) => `$count(${rules(item, 'required_reviewers')}) = 0`, 'do not require reviewers');
  const from = REVIEW_FROM.exec(said);
  if (from) {
    const who = ctx.value(from[1] ?? from[2] ?? from[3])!.replace(/^@/, '');
    return onItem(
      (item) => `${str(who)} in ${rules(item, 'required_reviewers')}.reviewers`,
      `require a review from ${who}`,
    );
  }
  const wait = WAIT_TIMER.exec(said);
  if (wait) {
    const minutes = wait[1] ?? wait[2];
    return minutes === undefined
      ? onItem((item) => `$count(${rules(item, 'wait_timer')}) > 0`, 'have a wait timer')
      : onItem(
          (item) => `$count(${rules(item, 'wait_timer')}[wait_timer = ${Number(minutes)}]) > 0`,
          `have a wait timer of ${minutes} minutes`,
        );
  }
  if (/^prevents? self[- ]reviews?$/.test(said))
    return onItem(
      (item) => `$count(${rules(item, 'required_reviewers')}[prevent_self_review = true]) > 0`,
      'prevent self-review',
    );
  if (/^(?:is|are) protected$|^(?:has|have) protection rules$/.test(said))
    return onItem((item) => `$count(${item}.protection_rules) > 0`, 'are protected');
  if (/^(?:is|are) (?:not protected|unprotected)$|^(?:has|have) no protection rules$/.test(said))
    return onItem((item) => `$count(${item}.protection_rules) = 0`, 'are not protected');
  return undefined;
}

/** Words before "environment" that say which ones, not what one is called ("a new environment"). */
const NOT_NAMES = new Set(
  'new created added deleted removed deployment protected unprotected only single one any every each some no same another other first last existing'.split(
    ' ',
  ),
);

/**
 * "environment production exists", "the production environment requires reviewers": an environment
 * named without "named", said the library's way ("the environment named production …").
 */
export function environmentRewrite(sentence: string): string | undefined {
  const before = /^(?:the |an? )?(q\d+q|[\w.-]+) (?:deployment )?environment (.+)$/.exec(sentence);
  const match =
    /^(?:the |an? )?(?:deployment )?environment (?:named |called )?(q\d+q|[\w.-]+) (.+)$/.exec(sentence) ??
    (before && !NOT_NAMES.has(before[1]!) ? before : null);
  // Only a sentence whose rest says something of the environment ("environment secret …" is not one).
  if (
    !match ||
    !/^(?:exists?|is|are|was|were|has|have|had|does|doesn't|do|don't|requires?|needs?|prevents?|waits?|should|must|still|remains?)\b/.test(
      match[2]!,
    )
  )
    return undefined;
  return `the environment named ${match[1]} ${match[2]}`;
}
