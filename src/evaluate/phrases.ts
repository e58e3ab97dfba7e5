import {
  closedByRun,
  itemsOf,
  mergedByRun,
  nounFor,
  parseSubject,
  leadingComparison,
  nameFilter,
  splitSubjectPredicate,
  toNumber,
  type PhraseContext,
  type Subject,
} from './phrase-nouns.js';
import { environmentRewrite } from './phrase-environments.js';
import { predicateFilter, singularPredicate, type Predicate } from './phrase-predicates.js';
import { settingsPhrase } from './phrase-settings.js';

/**
 * The phrase library: common English phrasings of deterministic criteria, compiled to JSONata over
 * the evaluation context. Anything it does not recognise is left to the `=> expression` form (or to
 * the judge, when one is configured): a criterion is never guessed.
 *
 * Meaning of the verbs: actions (closed, merged, created, deleted, reopened, labelled, assigned)
 * mean "by this run" (the state differs from the seed); open, remain, stay and still describe the
 * final state.
 */

export type Comparison = '==' | '>=' | '<=' | '<' | '>';

export type PhraseCheck =
  | {
      kind: 'count';
      pattern: string;
      /** JSONata for the items counted. */
      items: string;
      op: Comparison;
      expected: number;
      /** What is counted, in the plural and for one item ("closed issues", "closed issue"). */
      subject: string;
      subjectOne: string;
    }
  | {
      kind: 'every';
      pattern: string;
      /** JSONata for the items the criterion is about, and for those of them that fail it. */
      items: string;
      failing: string;
      subject: string;
      subjectOne: string;
      /** The predicate in the plural ("are closed"); explanations make it agree with the count. */
      predicate: string;
      /** "the issue", "issue #3": one item is meant, and finding several (or none) is the failure. */
      single?: boolean;
    }
  | { kind: 'boolean'; pattern: string; expression: string; subject: string };

/** The JSONata expression equivalent to a phrase, for users who want to write it out. */
export function equivalentExpression(check: PhraseCheck): string {
  switch (check.kind) {
    case 'count':
      return `$count(${check.items}) ${check.op === '==' ? '=' : check.op} ${check.expected}`;
    case 'every':
      return `$count(${check.failing}) = 0`;
    case 'boolean':
      return check.expression;
  }
}

/** Placeholders keep quoted text (with its case) out of the lower-cased sentence. */
function normalise(text: string): { sentence: string; quoted: string[] } {
  const quoted: string[] = [];
  const sentence = text
    .replace(/"([^"]*)"|“([^”]*)”|'([^']+)'|`([^`]+)`/g, (_m, a?: string, b?: string, c?: string, d?: string) => {
      quoted.push(a ?? b ?? c ?? d ?? '');
      return ` q${quoted.length - 1}q `;
    })
    .toLowerCase()
    .replace(/[.!;]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { sentence, quoted };
}

export function compilePhrase(text: string): PhraseCheck | undefined {
  const { sentence, quoted } = normalise(text);
  const value = (token: string | undefined): string | undefined => {
    if (!token) return undefined;
    const placeholder = /^q(\d+)q$/.exec(token.trim());
    return placeholder ? quoted[Number(placeholder[1])] : token.trim();
  };
  const ctx: PhraseContext = { value };
  for (const candidate of rewrites(canonicalLabels(sentence))) {
    const check =
      runPhrase(candidate) ??
      settingsPhrase(candidate, ctx) ??
      specificItem(candidate, ctx) ??
      namedItem(candidate, ctx) ??
      everyPhrase(candidate, ctx) ??
      existsPhrase(candidate, ctx) ??
      countOfPhrase(candidate, ctx) ??
      countPhrase(candidate, ctx);
    if (check) return check;
  }
  return undefined;
}

/** Words before "label" that are not a label's name ("has the new label" is not the label "new"). */
const NOT_LABEL_NAMES = new Set(
  'new same right correct wrong expected proper any no one that this a an the'.split(' '),
);

/** "has the "bug" label", "with a bug label" → "has the label "bug"", "with the label bug". */
function canonicalLabels(sentence: string): string {
  return sentence.replace(
    /\b(has|have|had|with|carry|carries|carrying) (?:the |a )?(q\d+q|[\w-]+) labels?\b/g,
    (whole, verb: string, name: string) => (NOT_LABEL_NAMES.has(name) ? whole : `${verb} the label ${name}`),
  );
}

/** "did not close" → "closed": what the agent must not have done, said as "no <things> were <verb>". */
const PAST: Record<string, string> = {
  close: 'closed',
  merge: 'merged',
  delete: 'deleted',
  remove: 'removed',
  create: 'created',
  open: 'opened',
  reopen: 'reopened',
  label: 'labelled',
  lock: 'locked',
  post: 'posted',
  submit: 'submitted',
};

/**
 * The sentence, then the same sentence said the library's way: "there are exactly 2 open issues" →
 * "exactly 2 open issues", "there is an issue titled x" → "an issue titled x exists", "the agent made
 * fewer than 10 API calls" → "fewer than 10 api calls", "the agent closed 3 issues" → "3 issues were closed".
 */
function rewrites(sentence: string): string[] {
  const out = [sentence];
  const add = (text: string) => {
    if (!out.includes(text)) out.push(text);
  };
  const stripped = sentence
    .replace(/^(?:check |verify |ensure |confirm )?(?:that )?/, '')
    .replace(/ by (?:the )?(?:agent|run|harness)$/, '');
  add(stripped);
  const environment = environmentRewrite(stripped);
  if (environment) add(environment);
  const didNot =
    /^(?:the )?(?:agent|run|harness) (?:did not|didn't|does not|doesn't|should not|shouldn't|must not|has not|hasn't|never) (close|merge|delete|remove|create|open|reopen|label|lock|post|submit)(?:d|ed|led)? (?:any )?(.+)$/.exec(
      stripped,
    );
  if (didNot) add(`no ${didNot[2]} were ${PAST[didNot[1]!]!}`);
  // "the label "bug" was added to issue #1", "the "bug" label was removed from the issue"
  const labelChange =
    /^(?:the |a )?(?:label (q\d+q|[\w-]+)|(q\d+q|[\w-]+) label) (?:was|is|has been|got|were) (added|applied|removed) (?:to|on|from) ((?:issue|pr|pull request) #\d+|(?:the )?(?:issue|pr|pull request)(?: q\d+q)?)$/.exec(
      stripped,
    );
  if (labelChange) {
    const name = labelChange[1] ?? labelChange[2]!;
    add(
      labelChange[3] === 'removed'
        ? `${labelChange[4]} had the label ${name} removed`
        : `${labelChange[4]} was labelled ${name}`,
    );
  }
  // "file "a.md" on main contains "x"" → "a file named "a.md" containing "x" exists on main".
  const fileContains = /^(?:the )?file (q\d+q|[\w./-]+) (on .+?) (?:contains|includes|has|says|mentions) (q\d+q)$/.exec(
    stripped,
  );
  if (fileContains) add(`a file named ${fileContains[1]} containing ${fileContains[3]} exists ${fileContains[2]}`);
  const there = /^there (?:is|are|was|were|exists?|should be|must be) (.+)$/.exec(stripped);
  if (there) {
    if (/^(?:an?|one|some|at least one) /.test(there[1]!)) add(`${there[1]} exists`);
    add(there[1]!);
  }
  const made =
    /^(?:the )?(?:agent|run|harness) (?:made|makes|performed|performs|used|uses|issued|sent|sends) (.+)$/.exec(
      stripped,
    );
  if (made) add(made[1]!);
  const acted =
    /^(?:the )?(?:agent|run|harness) (?:has )?(created|opened|closed|merged|labell?ed|posted|added|deleted|removed|reopened|filed|left|submitted) (.+)$/.exec(
      stripped,
    );
  const holds = /^(?:the )?(?:repository|repo)(?: ([\w.-]+\/[\w.-]+))? (?:has|contains|holds) (.+)$/.exec(stripped);
  if (holds) add(`${holds[2]}${holds[1] ? ` in ${holds[1]}` : ''} exist`);
  if (acted) {
    const verb = acted[1] === 'filed' ? 'created' : acted[1]!;
    add(`${acted[2]} were ${verb}`);
  }
  // "an issue has the label "bug"", "an issue is assigned to alice": at least one such item (the
  // library's own "a … exists" and "an issue is closed" forms were tried first).
  const one = /^(?:an?|some) (.+)$/.exec(stripped);
  if (one) add(`at least 1 ${one[1]}`);
  return out;
}

function runPhrase(sentence: string): PhraseCheck | undefined {
  if (
    /^(?:the )?(?:run|agent|harness)(?: process)? (?:exits|exited|finishes|finished|completes|completed) (?:successfully|with (?:exit )?code 0|without (?:an )?errors?)$|^(?:the )?(?:run|agent) succeed(?:s|ed)$|^(?:the )?exit code is 0$/.test(
      sentence,
    )
  )
    return {
      kind: 'boolean',
      pattern: 'run exits successfully',
      expression: 'run.exitCode = 0 and run.timedOut = false',
      subject: 'the run',
    };
  if (
    /^(?:there (?:are|were) )?no (?:api |http |request )?errors(?: occurred| were returned)?$|^no requests? failed$/.test(
      sentence,
    )
  )
    return {
      kind: 'count',
      pattern: 'no failed requests',
      items: 'run.requests[status >= 400]',
      op: '==',
      expected: 0,
      subject: 'failed requests (status ≥ 400)',
      subjectOne: 'failed request (status ≥ 400)',
    };
  return undefined;
}

/** "issue #3 is closed", "the issue has the label "bug"", "PR #2 is merged", "the issue title is "x"". */
function specificItem(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match =
    /^(?:(?:the )?(issue|pr|pull request) #(\d+)|(?:the )?(?:(new|created|only) )?(issue|pr|pull request)(?:'s)?(?: (?:titled |named |called )?(q\d+q))?) (.+)$/.exec(
      sentence,
    );
  if (!match) return undefined;
  const nounWord = match[1] ?? match[4]!;
  const noun = nounFor(nounWord)!;
  const collection = `github.${noun.collection}`;
  const title = match[5] ? ctx.value(match[5]) : undefined;
  const fresh = match[3] === 'new' || match[3] === 'created';
  const describe = match[2]
    ? `${noun.singular} #${match[2]}`
    : `the ${match[3] ? `${match[3]} ` : ''}${noun.singular}${title !== undefined ? ` ${JSON.stringify(title)}` : ''}`;
  const predicate = predicateFilter(match[6]!, noun, ctx);
  if (!predicate) return undefined;
  // "the issue" is the one the run created when it created any, else the only one there is;
  // "the issue "x"" is the one titled x. With several (or none), the check fails and says why.
  const titled = title !== undefined ? `${collection}[title = ${JSON.stringify(title)}]` : undefined;
  const items = match[2]
    ? `${collection}[number = ${match[2]}]`
    : titled
      ? fresh
        ? `$created(${titled})`
        : titled
      : fresh
        ? `$created(${collection})`
        : `($new := $created(${collection}); $count($new) > 0 ? $new : ${collection})`;
  return singleItem(describe, items, predicate);
}

/** "the environment named production requires reviewers": the one item of that name, which must exist. */
function namedItem(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match = /^the (environment) named (q\d+q|[\w.-]+) (.+)$/.exec(sentence);
  if (!match) return undefined;
  const noun = nounFor(match[1]!)!;
  const name = ctx.value(match[2])!;
  const predicate = predicateFilter(match[3]!, noun, ctx);
  if (!predicate) return undefined;
  return singleItem(
    `the ${noun.singular} ${JSON.stringify(name)}`,
    `github.${noun.collection}[${nameFilter(name, noun)}]`,
    predicate,
  );
}

/** A check of one item: finding several (or none) is the failure, and says why. */
function singleItem(describe: string, items: string, predicate: Predicate): PhraseCheck {
  return {
    kind: 'every',
    pattern: `${describe} ${singularPredicate(predicate.describe)}`,
    items,
    failing: `($items := ${items}; $count($items) = 1 ? $filter($items, function($i) { $not(${predicate.filterFor('$i')}) }) : $items)`,
    subject: describe,
    subjectOne: describe,
    predicate: predicate.describe,
    single: true,
  };
}

/** "every closed issue has a new comment", "issues labelled keep-open remain open". */
function everyPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const every = /^(?:every|each|all(?: of the)?|all the|any) (.+)$/.exec(sentence);
  const quantified = Boolean(every);
  for (const split of splitSubjectPredicate(every ? every[1]! : sentence, ctx)) {
    // Without "every/all", only "remain/stay/are still" sentences are universal ("keep-open issues stay open").
    if (
      !quantified &&
      !/^(?:remain|remains|stay|stays|are still|is still|still are|continue to be|should remain|must remain) /.test(
        split.predicateText,
      )
    )
      continue;
    const predicate = predicateFilter(split.predicateText.replace(/^(?:should|must) /, ''), split.subject.noun, ctx);
    if (!predicate) continue;
    const items = itemsOf(split.subject);
    return {
      kind: 'every',
      pattern: `every ${split.subject.describeOne} ${singularPredicate(predicate.describe)}`,
      items,
      failing: `$filter(${items}, function($i) { $not(${predicate.filterFor('$i')}) })`,
      subject: split.subject.describe,
      subjectOne: split.subject.describeOne,
      predicate: predicate.describe,
    };
  }
  return undefined;
}

/**
 * "a label named "stale" exists", "a PR exists whose title contains "fix"", "an issue exists in acme/web",
 * "an issue was created with the title "x"", "a comment was added to issue #3", "an issue was closed",
 * "a PR is merged", "the label "bug" was deleted".
 */
function existsPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match =
    /^(an?|one|some|at least one|a new|any|the) (.+?) (exists?|(?:is|was|were|has been|have been|got|gets|should be|must be) (created|opened|added|posted|filed|made|left|written|submitted|closed|merged|deleted|removed))(?: (.+))?$/.exec(
      sentence,
    );
  if (!match) return undefined;
  const verb = match[4];
  const changed = verb !== undefined && STATE_CHANGES.has(verb);
  // "one issue was closed" is a count (exactly one), which countPhrase reads.
  if (changed && match[1] === 'one') return undefined;
  const subject = parseSubject(match[5] ? `${match[2]} ${match[5]}` : match[2]!, ctx);
  if (!subject) return undefined;
  // "exists" is the final state; "is created" (and its synonyms) is something the run did.
  if (/^a new /.test(sentence) || (verb !== undefined && !changed)) subject.createdByRun = true;
  const atLeastOne = (items: string, said: string, byRun?: string): PhraseCheck => ({
    kind: 'count',
    pattern: `${/^[aeiou]/i.test(subject.describeOne) ? 'an' : 'a'} ${subject.describeOne} ${said}`,
    items,
    op: '>=',
    expected: 1,
    subject: byRun ? `${subject.describe} ${byRun}` : subject.describe,
    subjectOne: byRun ? `${subject.describeOne} ${byRun}` : subject.describeOne,
  });
  switch (verb) {
    case 'closed':
      if (!subject.noun.hasState) return undefined;
      subject.filters.push(closedByRun);
      return atLeastOne(itemsOf(subject), 'is closed', 'closed by the run');
    case 'merged':
      if (subject.noun.collection !== 'pullRequests') return undefined;
      subject.filters.push(mergedByRun);
      return atLeastOne(itemsOf(subject), 'is merged', 'merged by the run');
    case 'deleted':
    case 'removed': {
      // "the label was removed" most often means taken off an issue, not deleted from the repository.
      if (verb === 'removed' && subject.noun.collection === 'labels') return undefined;
      const items = deletedItems(subject);
      return items ? atLeastOne(items, 'is deleted', 'deleted by the run') : undefined;
    }
    default:
      // A pending review is a draft only its author sees: "submitted" means it was sent.
      if (verb === 'submitted' && subject.noun.collection === 'reviews') subject.filters.push('state != "PENDING"');
      return atLeastOne(itemsOf(subject), subject.createdByRun ? 'is created' : 'exists');
  }
}

/** The verbs of existsPhrase that say what the run did to an item, rather than that it made one. */
const STATE_CHANGES = new Set(['closed', 'merged', 'deleted', 'removed']);

/** Collections whose records a run can delete (items in the seeded state that are gone from the final one). */
const DELETABLE = [
  'issues',
  'pullRequests',
  'comments',
  'labels',
  'milestones',
  'repos',
  'reviews',
  'reactions',
  'gists',
  'secrets',
  'variables',
  'environments',
];

/**
 * JSONata for the seeded items of the subject that the run deleted, or undefined when that cannot be said
 * (items the run created cannot have been there before it).
 */
function deletedItems(subject: Subject): string | undefined {
  if (subject.createdByRun) return undefined;
  const collection = subject.noun.collection;
  // Branches have no id: one is gone when its repository no longer has a branch of that name.
  if (collection === 'branches') {
    const gone = `before.github.repos.($repo := full_name; branches[$not(name in $$.github.repos[full_name = $repo].branches.name)].{"repo": $repo, "branch": name, "name": name, "sha": sha})`;
    return subject.filters.length > 0 ? `${gone}[${subject.filters.join(' and ')}]` : gone;
  }
  if (!DELETABLE.includes(collection)) return undefined;
  const filters = [...subject.filters, `$not(id in $$.github.${collection}.id)`];
  return `before.github.${collection}[${filters.join(' and ')}]`;
}

const COMPARISON_WORDS: Array<[RegExp, Comparison]> = [
  [/^(?:exactly )?/, '=='],
  [/^(?:at least|no less than|no fewer than) /, '>='],
  [/^(?:at most|no more than|not more than) /, '<='],
  [/^(?:fewer than|less than|under|below) /, '<'],
  [/^(?:more than|greater than|over|above) /, '>'],
];

/** "the number of open issues is 3", "the count of comments equals 2", "the closed issue count is 4". */
function countOfPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match =
    /^(?:the )?(total |overall )?(?:(?:number|count|total|amount) of (.+?)|(.+?) (?:count|total)) (?:is|equals|is equal to|=|==|should be|must be|was|becomes|is now) (.+)$/.exec(
      sentence,
    );
  if (!match) return undefined;
  const subject = parseSubject(match[2] ?? match[3]!, ctx);
  if (!subject) return undefined;
  // "the total number of closed issues" counts every closed one, not only those this run closed.
  const total = Boolean(match[1]);
  const pattern = `${total ? 'total ' : ''}number of ${subject.describe} is N`;
  if (total) {
    subject.filters = subject.filters.map((filter) =>
      filter === closedByRun ? 'state = "closed"' : filter === mergedByRun ? 'merged = true' : filter,
    );
    subject.describe += ' in total';
    subject.describeOne += ' in total';
  }
  const { op, rest } = leadingComparison(match[4]!, COMPARISON_WORDS.slice(1));
  const expected = toNumber(rest.replace(/^exactly /, ''));
  if (expected === undefined) return undefined;
  return {
    kind: 'count',
    pattern,
    items: itemsOf(subject),
    op,
    expected,
    subject: subject.describe,
    subjectOne: subject.describeOne,
  };
}

/** "exactly 4 issues are closed", "fewer than 30 tool calls were made", "no issues have the label "wontfix"". */
function countPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const { op, rest } = leadingComparison(sentence);
  const quantity =
    /^(\d+|no|zero|none of the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred) (.+)$/.exec(
      rest,
    );
  if (!quantity) return undefined;
  const expected = toNumber(quantity[1]!.replace(/ of the$/, ''));
  if (expected === undefined) return undefined;
  const body = quantity[2]!;
  // "no open issues remain", "3 new comments exist", "zero issues remain in Triage"
  const bare = /^(.+?) (?:remain|remains|exist|exists|are left|is left|are there|left)(?: (.+))?$/.exec(body);
  if (bare) {
    const subject = parseSubject(bare[2] ? `${bare[1]} ${bare[2]}` : bare[1]!, ctx);
    if (subject)
      return {
        kind: 'count',
        pattern: 'N <things> exist',
        items: itemsOf(subject),
        op,
        expected,
        subject: subject.describe,
        subjectOne: subject.describeOne,
      };
  }
  const splits = splitSubjectPredicate(body, ctx);
  for (const split of splits) {
    if (!/^(?:were|was|are|is|have been|has been|got|get) (?:deleted|removed)$/.test(split.predicateText)) continue;
    const { subject } = split;
    const items = deletedItems(subject);
    if (!items) return undefined;
    return {
      kind: 'count',
      pattern: 'N <things> were deleted',
      items,
      op,
      expected,
      subject: `${subject.describe} deleted by the run`,
      subjectOne: `${subject.describeOne} deleted by the run`,
    };
  }
  for (const split of splits) {
    const predicate = predicateFilter(split.predicateText, split.subject.noun, ctx);
    if (!predicate) continue;
    const items = `$filter(${itemsOf(split.subject)}, function($i) { ${predicate.filterFor('$i')} })`;
    return {
      kind: 'count',
      pattern: `N <things> ${predicate.describe}`,
      items,
      op,
      expected,
      subject: `${split.subject.describe} that ${predicate.describe}`,
      subjectOne: `${split.subject.describeOne} that ${singularPredicate(predicate.describe)}`,
    };
  }
  if (splits.length > 0) return undefined;
  const subject = parseSubject(body, ctx);
  if (!subject) return undefined;
  return {
    kind: 'count',
    pattern: 'N <things>',
    items: itemsOf(subject),
    op,
    expected,
    subject: subject.describe,
    subjectOne: subject.describeOne,
  };
}
