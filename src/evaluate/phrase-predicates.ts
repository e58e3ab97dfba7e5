import { environmentPredicate } from './phrase-environments.js';
import { hasLabels, str, type Noun, type PhraseContext } from './phrase-nouns.js';

export interface Predicate {
  describe: string;
  /** A JSONata predicate on the current item (`$`). */
  filter: string;
  /** The same predicate on a named item (inside `$filter`). */
  filterFor: (item: string) => string;
}

/** The part after the verb: "are closed", "has a new comment", "remain open", "have the label q0q". */
export function predicateFilter(text: string, noun: Noun, ctx: PhraseContext): Predicate | undefined {
  const onItem = (build: (item: string) => string, describe: string): Predicate => ({
    describe,
    filter: build('$'),
    filterFor: build,
  });
  const environment = environmentPredicate(text, noun, ctx, onItem);
  if (environment) return environment;
  const sentence = text
    .replace(/^(?:have been|has been|had been|got|gets|get|were|was|are|is|did|do|does)\s+/, '')
    .replace(/^(?:still|remain|remains|stay|stays|continue to be|are still|is still) /, 'still ');
  const still = sentence.startsWith('still ');
  const body = sentence.replace(/^still /, '');
  const state = (field: string, value: string) => (item: string) => `${item}.${field} = ${str(value)}`;

  switch (body) {
    case 'open':
    case 'opened':
      if (!noun.hasState) return undefined;
      if (body === 'opened' && !still)
        return onItem((item) => `$not($exists($before(${item})))`, 'were opened by the run');
      return onItem(state('state', 'open'), still ? 'remain open' : 'are open');
    case 'closed':
      if (!noun.hasState) return undefined;
      return still
        ? onItem(state('state', 'closed'), 'remain closed')
        : onItem(
            (item) => `${item}.state = "closed" and $not($before(${item}).state = "closed")`,
            'were closed by the run',
          );
    case 'reopened':
      return onItem(
        (item) => `${item}.state = "open" and $before(${item}).state = "closed"`,
        'were reopened by the run',
      );
    case 'merged':
      if (noun.collection !== 'pullRequests') return undefined;
      return still
        ? onItem((item) => `${item}.merged = true`, 'remain merged')
        : onItem((item) => `${item}.merged = true and $not($before(${item}).merged = true)`, 'were merged by the run');
    case 'unmerged':
    case 'not merged':
      if (noun.collection !== 'pullRequests') return undefined;
      return onItem((item) => `${item}.merged = false`, 'are not merged');
    case 'draft':
    case 'a draft':
    case 'drafts':
      return onItem((item) => `${item}.draft = true`, 'are drafts');
    case 'locked':
      return onItem((item) => `${item}.locked = true`, 'are locked');
    case 'reviewed':
    case 'approved': {
      if (noun.collection !== 'pullRequests') return undefined;
      const approved = body === 'approved';
      const reviews = (item: string) =>
        `$$.github.reviews[repo = ${item}.repo and pull_number = ${item}.number${approved ? ' and state = "APPROVED"' : ' and state != "PENDING"'}]`;
      // "is approved" is the final state; "was reviewed" is something the run did.
      return approved
        ? onItem((item) => `$count(${reviews(item)}) > 0`, 'are approved')
        : onItem((item) => `$count($created(${reviews(item)})) > 0`, 'were reviewed by the run');
    }
    case 'submitted':
    case 'created':
    case 'added':
    case 'posted':
    case 'made':
    case 'left':
    case 'sent':
      if (noun.collection === 'requests') return onItem(() => 'true', 'were made');
      return onItem((item) => `$not($exists($before(${item})))`, 'were created by the run');
    default:
      break;
  }
  const label =
    /^(?:labell?ed|tagged) (q\d+q|[\w-]+)$|^(?:has|have|carry|carries) (?:the |a )?label (q\d+q|[\w-]+)$|^(?:has|have) (q\d+q) (?:as a )?label$/.exec(
      body,
    );
  if (label && hasLabels(noun)) {
    const name = ctx.value(label[1] ?? label[2] ?? label[3])!;
    const byRun = !still && /^(?:labell?ed|tagged)/.test(body) && /^(?:were|was|got|get|gets)\b/.test(text);
    return byRun
      ? onItem(
          (item) => `${str(name)} in ${item}.labels and $not(${str(name)} in $before(${item}).labels)`,
          `were labelled "${name}" by the run`,
        )
      : onItem((item) => `${str(name)} in ${item}.labels`, `have the label "${name}"`);
  }
  const removed = /^(?:had|has had|have had) (?:the )?label (q\d+q|[\w-]+) removed$/.exec(text);
  if (removed && hasLabels(noun)) {
    const name = ctx.value(removed[1])!;
    return onItem(
      (item) => `$not(${str(name)} in ${item}.labels) and ${str(name)} in $before(${item}).labels`,
      `had the label "${name}" removed by the run`,
    );
  }
  const noLabel =
    /^(?:do not|does not|don't|doesn't) have (?:the )?label (q\d+q|[\w-]+)$|^(?:has|have) no label (q\d+q|[\w-]+)$/.exec(
      text.replace(/^(?:still )/, ''),
    );
  if (noLabel && hasLabels(noun)) {
    const name = ctx.value(noLabel[1] ?? noLabel[2])!;
    return onItem((item) => `$not(${str(name)} in ${item}.labels)`, `do not have the label "${name}"`);
  }
  const assigned = /^assigned to (q\d+q|@?[\w-]+)$/.exec(body);
  if (assigned && hasLabels(noun)) {
    const login = ctx.value(assigned[1])!.replace(/^@/, '');
    return onItem((item) => `${str(login)} in ${item}.assignees`, `are assigned to ${login}`);
  }
  const comment =
    /^(?:has|have|received|receive|receives|got|get|gets) (?:a |at least one |one )?(new )?comments?(?: (?:from|by) (q\d+q|@?[\w-]+))?$/.exec(
      text.replace(/^(?:still )/, ''),
    );
  if (comment && hasLabels(noun)) {
    const fresh = Boolean(comment[1]);
    const author = comment[2] ? ctx.value(comment[2])!.replace(/^@/, '') : undefined;
    const condition = (item: string) =>
      `$$.github.comments[repo = ${item}.repo and issue_number = ${item}.number${author ? ` and user = ${str(author)}` : ''}]`;
    return onItem(
      (item) => `$count(${fresh ? `$created(${condition(item)})` : condition(item)}) > 0`,
      `have ${fresh ? 'a new comment' : 'a comment'}${author ? ` by ${author}` : ''}`,
    );
  }
  const branch = pullBranch(body, noun, ctx, onItem);
  if (branch) return branch;
  const titled = /^(?:titled|named|called) (q\d+q)$|^(?:has|have) (?:the )?title (q\d+q)$/.exec(body);
  if (titled) {
    const title = ctx.value(titled[1] ?? titled[2])!;
    return onItem((item) => `${item}.${noun.nameField} = ${str(title)}`, `are titled "${title}"`);
  }
  return fieldPredicate(text, noun, ctx, onItem) ?? commentCount(text, noun, onItem);
}

type OnItem = (build: (item: string) => string, describe: string) => Predicate;

/**
 * "targets main", "is against the "release" branch", "merges into develop", "comes from fix-1": a pull
 * request's base or head branch. A quoted name is compared as written; a bare one (lower-cased with
 * the sentence) without regard to case.
 */
function pullBranch(body: string, noun: Noun, ctx: PhraseContext, onItem: OnItem): Predicate | undefined {
  if (noun.collection !== 'pullRequests') return undefined;
  const name = '(?:the )?(q\\d+q|[\\w./-]+)(?: branch)?';
  const base = new RegExp(
    `^(?:targets?|targeting|against|into|based on|merges? into|(?:has|have) (?:the )?base(?: branch)?(?: of)?) ${name}$`,
  ).exec(body);
  const head = new RegExp(
    `^(?:comes? from|from|opened from|(?:has|have) (?:the )?head(?: branch)?(?: of)?) ${name}$`,
  ).exec(body);
  const match = base ?? head;
  if (!match) return undefined;
  const side = base ? 'base' : 'head';
  const quoted = /^q\d+q$/.test(match[1]!);
  const wanted = ctx.value(match[1])!;
  return onItem(
    (item) =>
      quoted
        ? `${item}.${side}.ref = ${str(wanted)}`
        : `$lowercase(${item}.${side}.ref) = ${str(wanted.toLowerCase())}`,
    base ? `target ${wanted}` : `come from ${wanted}`,
  );
}

const FIELDS: Record<string, string> = { title: 'title', name: 'name', body: 'body', description: 'body' };

/** "title is "x"", "body contains "steps"", "state is open", "is not closed". */
function fieldPredicate(text: string, noun: Noun, ctx: PhraseContext, onItem: OnItem): Predicate | undefined {
  const equals =
    /^(?:its |the )?(title|name|body|description) (?:is|equals|is equal to|=|reads|should be) (q\d+q)$/.exec(text);
  if (equals) {
    const field = equals[1] === 'name' ? noun.nameField : FIELDS[equals[1]!]!;
    const wanted = ctx.value(equals[2])!;
    return onItem((item) => `${item}.${field} = ${str(wanted)}`, `have the ${equals[1]} "${wanted}"`);
  }
  const contains =
    /^(?:its |the )?(title|name|body|description) (?:contains|includes|mentions|has) (q\d+q|[\w./#-]+)$|^(?:has|have) (?:a |the )?(title|name|body|description) (?:containing|that contains|including|mentioning) (q\d+q|[\w./#-]+)$/.exec(
      text,
    );
  if (contains) {
    const word = contains[1] ?? contains[3]!;
    const field = word === 'name' ? noun.nameField : FIELDS[word]!;
    const wanted = ctx.value(contains[2] ?? contains[4])!;
    return onItem(
      (item) => `$contains($lowercase(${item}.${field}), ${str(wanted.toLowerCase())})`,
      `have a ${word} containing "${wanted}"`,
    );
  }
  const stateIs = /^(?:its |the )?state (?:is|equals|=|is still|remains) (open|closed|merged)$/.exec(text);
  if (stateIs && noun.hasState) {
    const wanted = stateIs[1]!;
    if (wanted === 'merged')
      return noun.collection === 'pullRequests' ? onItem((item) => `${item}.merged = true`, 'are merged') : undefined;
    return onItem((item) => `${item}.state = ${str(wanted)}`, `are ${wanted}`);
  }
  const negated =
    /^(?:are|is|were|was|has|have) (?:not|never) (?:been )?(open|opened|closed|merged|locked|a draft|drafts?)$|^(?:aren't|isn't|weren't|wasn't) (open|closed|merged|locked)$/.exec(
      text,
    );
  if (negated) {
    const word = negated[1] ?? negated[2]!;
    if (word === 'merged')
      return noun.collection === 'pullRequests'
        ? onItem((item) => `${item}.merged != true`, 'are not merged')
        : undefined;
    if (word === 'locked') return onItem((item) => `${item}.locked != true`, 'are not locked');
    if (word.startsWith('draft') || word === 'a draft')
      return onItem((item) => `${item}.draft != true`, 'are not drafts');
    if (!noun.hasState) return undefined;
    const state = word === 'opened' ? 'open' : word;
    return onItem((item) => `${item}.state != ${str(state)}`, `are not ${state}`);
  }
  const unassigned = /^(?:are|is|remain|remains|stay|stays) (?:still )?unassigned$|^(?:has|have) no assignees?$/.exec(
    text,
  );
  if (unassigned && hasLabels(noun)) return onItem((item) => `$count(${item}.assignees) = 0`, 'are unassigned');
  const unlabelled = /^(?:are|is|remain|remains) (?:still )?unlabell?ed$|^(?:has|have) no labels$/.exec(text);
  if (unlabelled && hasLabels(noun)) return onItem((item) => `$count(${item}.labels) = 0`, 'have no labels');
  return undefined;
}

const COUNT_WORDS: Record<string, number> = { no: 0, zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5 };

/** "has 2 comments", "has at least 3 comments", "has no comments", "has at least 1 review", "has 2 approvals". */
function commentCount(text: string, noun: Noun, onItem: OnItem): Predicate | undefined {
  const match =
    /^(?:has|have|received|receive|got|gets) (exactly |at least |at most |more than |fewer than |less than )?(\d+|no|zero|an?|one|two|three|four|five) (new )?(approving reviews?|approvals?|comments?|reviews?)$/.exec(
      text,
    );
  if (!match || !hasLabels(noun)) return undefined;
  const kind = match[4]!.startsWith('comment') ? 'comment' : match[4]!.startsWith('review') ? 'review' : 'approval';
  if (kind !== 'comment' && noun.collection !== 'pullRequests') return undefined;
  const expected = /^\d+$/.test(match[2]!) ? Number(match[2]) : COUNT_WORDS[match[2]!]!;
  const quantifier = match[1] ?? (/^an?$/.test(match[2]!) ? 'at least ' : 'exactly ');
  const op = (
    {
      'exactly ': '=',
      'at least ': '>=',
      'at most ': '<=',
      'more than ': '>',
      'fewer than ': '<',
      'less than ': '<',
    } as const
  )[quantifier as 'exactly '];
  const fresh = Boolean(match[3]);
  const records = (item: string) =>
    kind === 'comment'
      ? `$$.github.comments[repo = ${item}.repo and issue_number = ${item}.number]`
      : `$$.github.reviews[repo = ${item}.repo and pull_number = ${item}.number and ${kind === 'approval' ? 'state = "APPROVED"' : 'state != "PENDING"'}]`;
  const word = kind === 'approval' ? 'approving review' : kind;
  return onItem(
    (item) => `$count(${fresh ? `$created(${records(item)})` : records(item)}) ${op} ${expected}`,
    `have ${quantifier === 'exactly ' && !match[1] ? '' : quantifier}${expected} ${fresh ? 'new ' : ''}${word}${expected === 1 ? '' : 's'}`,
  );
}

/** The predicate's words for one item: "are closed" → "is closed", "have the label" → "has the label". */
export function singularPredicate(describe: string): string {
  return describe
    .replace(/^are drafts$/, 'is a draft')
    .replace(/^are not drafts$/, 'is not a draft')
    .replace(/^are /, 'is ')
    .replace(/^have /, 'has ')
    .replace(/^were /, 'was ')
    .replace(/^remain /, 'remains ')
    .replace(/^do not /, 'does not ');
}
