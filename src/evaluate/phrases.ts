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
      subject: string;
    }
  | {
      kind: 'every';
      pattern: string;
      /** JSONata for the items the criterion is about, and for those of them that fail it. */
      items: string;
      failing: string;
      subject: string;
      predicate: string;
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

interface Noun {
  collection: string;
  singular: string;
  plural: string;
  /** Field compared for "named"/"titled". */
  nameField: 'title' | 'name' | 'full_name';
  hasState: boolean;
}

const NOUNS: Array<[RegExp, Noun]> = [
  [
    /^(?:pull requests?|prs?)$/,
    {
      collection: 'pullRequests',
      singular: 'pull request',
      plural: 'pull requests',
      nameField: 'title',
      hasState: true,
    },
  ],
  [
    /^(?:issue )?comments?$/,
    { collection: 'comments', singular: 'comment', plural: 'comments', nameField: 'title', hasState: false },
  ],
  [/^issues?$/, { collection: 'issues', singular: 'issue', plural: 'issues', nameField: 'title', hasState: true }],
  [/^labels?$/, { collection: 'labels', singular: 'label', plural: 'labels', nameField: 'name', hasState: false }],
  [
    /^milestones?$/,
    { collection: 'milestones', singular: 'milestone', plural: 'milestones', nameField: 'title', hasState: true },
  ],
  [
    /^(?:repositor(?:y|ies)|repos?)$/,
    { collection: 'repos', singular: 'repository', plural: 'repositories', nameField: 'full_name', hasState: false },
  ],
  [/^reviews?$/, { collection: 'reviews', singular: 'review', plural: 'reviews', nameField: 'title', hasState: true }],
  [
    /^check runs?$/,
    { collection: 'checkRuns', singular: 'check run', plural: 'check runs', nameField: 'name', hasState: false },
  ],
  [
    /^reactions?$/,
    { collection: 'reactions', singular: 'reaction', plural: 'reactions', nameField: 'name', hasState: false },
  ],
  [
    /^branch(?:es)?$/,
    { collection: 'branches', singular: 'branch', plural: 'branches', nameField: 'name', hasState: false },
  ],
  [
    /^(?:tool calls?|api calls?|(?:api |http )?requests?)$/,
    { collection: 'requests', singular: 'request', plural: 'requests', nameField: 'name', hasState: false },
  ],
];
const NOUN_WORDS =
  'pull requests?|prs?|(?:issue )?comments?|issues?|labels?|milestones?|repositor(?:y|ies)|repos?|reviews?|check runs?|reactions?|branch(?:es)?|tool calls?|api calls?|(?:api |http )?requests?';

const NUMBERS: Record<string, number> = {
  no: 0,
  zero: 0,
  none: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};
const QUANTIFIERS: Array<[RegExp, Comparison]> = [
  [/^exactly\s+/, '=='],
  [/^at least\s+/, '>='],
  [/^(?:at most|no more than|not more than)\s+/, '<='],
  [/^(?:fewer than|less than)\s+/, '<'],
  [/^more than\s+/, '>'],
];

interface Subject {
  noun: Noun;
  /** JSONata predicates on each item. */
  filters: string[];
  /** Only items this run created. */
  createdByRun: boolean;
  describe: string;
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

const str = (value: string) => JSON.stringify(value);

export function compilePhrase(text: string): PhraseCheck | undefined {
  const { sentence, quoted } = normalise(text);
  const value = (token: string | undefined): string | undefined => {
    if (!token) return undefined;
    const placeholder = /^q(\d+)q$/.exec(token.trim());
    return placeholder ? quoted[Number(placeholder[1])] : token.trim();
  };
  const ctx: PhraseContext = { value };
  return (
    runPhrase(sentence) ??
    specificItem(sentence, ctx) ??
    everyPhrase(sentence, ctx) ??
    existsPhrase(sentence, ctx) ??
    countOfPhrase(sentence, ctx) ??
    countPhrase(sentence, ctx)
  );
}

interface PhraseContext {
  value: (token: string | undefined) => string | undefined;
}

function runPhrase(sentence: string): PhraseCheck | undefined {
  if (
    /^(?:the )?(?:run|agent|harness)(?: process)? (?:exits|exited|finishes|finished|completes|completed) (?:successfully|with (?:exit )?code 0|without (?:an )?error)$|^(?:the )?(?:run|agent) succeed(?:s|ed)$|^(?:the )?exit code is 0$/.test(
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
    };
  return undefined;
}

/** "issue #3 is closed", "the issue has the label "bug"", "PR #2 is merged". */
function specificItem(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match = /^(?:(issue|pr|pull request) #(\d+)|the (issue|pr|pull request)) (.+)$/.exec(sentence);
  if (!match) return undefined;
  const nounWord = match[1] ?? match[3]!;
  const noun = nounFor(nounWord)!;
  const subjectItems = match[2] ? `github.${noun.collection}[number = ${match[2]}]` : `github.${noun.collection}`;
  const describe = match[2] ? `${noun.singular} #${match[2]}` : `the ${noun.singular}`;
  const predicate = predicateFilter(match[4]!, noun, ctx);
  if (!predicate) return undefined;
  // "the issue" must mean exactly one: with several, the check fails and says why.
  const items = subjectItems;
  return {
    kind: 'every',
    pattern: `${describe} ${predicate.describe}`,
    items,
    failing: match[2]
      ? `${items}[$not(${predicate.filter})]`
      : `($count(${items}) = 1 ? ${items}[$not(${predicate.filter})] : ${items})`,
    subject: describe,
    predicate: predicate.describe,
  };
}

/** "every closed issue has a new comment", "issues labelled keep-open remain open". */
function everyPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  let rest: string | undefined;
  let quantified = false;
  const every = /^(?:every|each|all(?: of the)?|all the) (.+)$/.exec(sentence);
  if (every) {
    rest = every[1]!;
    quantified = true;
  } else rest = sentence;
  const split = splitSubjectPredicate(rest, ctx);
  if (!split) return undefined;
  // Without "every/all", only "remain/stay/are still" sentences are universal ("keep-open issues stay open").
  if (
    !quantified &&
    !/^(?:remain|remains|stay|stays|are still|is still|still are|continue to be) /.test(split.predicateText)
  )
    return undefined;
  const predicate = predicateFilter(split.predicateText, split.subject.noun, ctx);
  if (!predicate) return undefined;
  const items = itemsOf(split.subject);
  return {
    kind: 'every',
    pattern: `every ${split.subject.describe} ${predicate.describe}`,
    items,
    failing: `$filter(${items}, function($i) { $not(${predicate.filterFor('$i')}) })`,
    subject: split.subject.describe,
    predicate: predicate.describe,
  };
}

/** "a label named "stale" exists", "a PR exists whose title contains "fix"", "an issue titled "x" is created". */
function existsPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const reordered = sentence.replace(
    /^(an?|one|some) (\S+(?: \S+)?) exists? (whose|with|named|titled|called|labell?ed) (.+)$/,
    '$1 $2 $3 $4 exists',
  );
  const match =
    /^(?:an?|one|some|at least one) (.+?) (exists|exist|is created|was created|is opened|was opened|is added|was added|is posted|was posted)$/.exec(
      reordered,
    );
  if (!match) return undefined;
  const subject = parseSubject(match[1]!, ctx);
  if (!subject) return undefined;
  if (match[2] !== 'exists' && match[2] !== 'exist') subject.createdByRun = true;
  return {
    kind: 'count',
    pattern: `a ${subject.describe} ${subject.createdByRun ? 'is created' : 'exists'}`,
    items: itemsOf(subject),
    op: '>=',
    expected: 1,
    subject: subject.describe,
  };
}

/** "the number of open issues is 3", "the count of comments equals 2". */
function countOfPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const match = /^(?:the )?(?:number|count) of (.+?) (?:is|equals|is equal to|=) (\w+)$/.exec(sentence);
  if (!match) return undefined;
  const subject = parseSubject(match[1]!, ctx);
  const expected = toNumber(match[2]!);
  if (!subject || expected === undefined) return undefined;
  return {
    kind: 'count',
    pattern: `number of ${subject.describe} is N`,
    items: itemsOf(subject),
    op: '==',
    expected,
    subject: subject.describe,
  };
}

/** "exactly 4 issues are closed", "fewer than 30 tool calls were made", "no issues have the label "wontfix"". */
function countPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  let rest = sentence;
  let op: Comparison = '==';
  for (const [pattern, comparison] of QUANTIFIERS) {
    if (pattern.test(rest)) {
      op = comparison;
      rest = rest.replace(pattern, '');
      break;
    }
  }
  const quantity =
    /^(\d+|no|zero|none of the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred) (.+)$/.exec(
      rest,
    );
  if (!quantity) return undefined;
  const expected = toNumber(quantity[1]!.replace(/ of the$/, ''));
  if (expected === undefined) return undefined;
  const body = quantity[2]!;
  // "no open issues remain", "3 new comments exist"
  const bare = /^(.+?) (?:remain|remains|exist|exists|are left|is left|are there|left)$/.exec(body);
  if (bare) {
    const subject = parseSubject(bare[1]!, ctx);
    if (subject)
      return {
        kind: 'count',
        pattern: 'N <things> exist',
        items: itemsOf(subject),
        op,
        expected,
        subject: subject.describe,
      };
  }
  const split = splitSubjectPredicate(body, ctx);
  if (split && /^(?:were|was|are|is|have been|has been|got|get) (?:deleted|removed)$/.test(split.predicateText)) {
    const { subject } = split;
    if (
      subject.createdByRun ||
      !['issues', 'pullRequests', 'comments', 'labels', 'milestones', 'repos', 'reviews', 'reactions'].includes(
        subject.noun.collection,
      )
    )
      return undefined;
    const collection = subject.noun.collection;
    const filters = [...subject.filters, `$not(id in $$.github.${collection}.id)`];
    return {
      kind: 'count',
      pattern: 'N <things> were deleted',
      items: `before.github.${collection}[${filters.join(' and ')}]`,
      op,
      expected,
      subject: `${subject.describe} deleted by the run`,
    };
  }
  if (split) {
    const predicate = predicateFilter(split.predicateText, split.subject.noun, ctx);
    if (!predicate) return undefined;
    const items = `$filter(${itemsOf(split.subject)}, function($i) { ${predicate.filterFor('$i')} })`;
    return {
      kind: 'count',
      pattern: `N <things> ${predicate.describe}`,
      items,
      op,
      expected,
      subject: `${split.subject.describe} ${predicate.describe}`,
    };
  }
  const subject = parseSubject(body, ctx);
  if (!subject) return undefined;
  return { kind: 'count', pattern: 'N <things>', items: itemsOf(subject), op, expected, subject: subject.describe };
}

function toNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBERS[word];
}

function nounFor(word: string): Noun | undefined {
  return NOUNS.find(([pattern]) => pattern.test(word))?.[1];
}

/** Splits "closed issue has a new comment" into its subject and its predicate. */
function splitSubjectPredicate(
  text: string,
  ctx: PhraseContext,
): { subject: Subject; predicateText: string } | undefined {
  const verb = new RegExp(
    `^(.*?\\b(?:${NOUN_WORDS})\\b(?: (?:labell?ed|with the label|with label|titled|named|called|assigned to|whose title contains|in) (?:q\\d+q|@?[\\w./-]+))*) ((?:are|is|were|was|have|has|had|got|get|gets|remain|remains|stay|stays|still|continue|did|do|does|received|receive|receives|contain|contains|made|make)\\b.*)$`,
  ).exec(text);
  if (!verb) return undefined;
  const subject = parseSubject(verb[1]!, ctx);
  return subject ? { subject, predicateText: verb[2]! } : undefined;
}

/** "closed issues labelled "bug"", "new comments", "keep-open issues", "label named q0q". */
function parseSubject(text: string, ctx: PhraseContext): Subject | undefined {
  const match = new RegExp(`^(?:the )?((?:[\\w-]+ )*?)(${NOUN_WORDS})((?: .+)?)$`).exec(text.trim());
  if (!match) return undefined;
  const noun = nounFor(match[2]!);
  if (!noun) return undefined;
  const subject: Subject = { noun, filters: [], createdByRun: false, describe: match[2]! };
  const modifiers = match[1]!.trim().split(' ').filter(Boolean);
  for (const modifier of modifiers) {
    switch (modifier) {
      case 'new':
      case 'created':
      case 'added':
        subject.createdByRun = true;
        break;
      case 'open':
      case 'closed':
        if (!noun.hasState) return undefined;
        subject.filters.push(modifier === 'closed' ? closedByRun : `state = "open"`);
        break;
      case 'merged':
        if (noun.collection !== 'pullRequests') return undefined;
        subject.filters.push(mergedByRun);
        break;
      case 'draft':
        subject.filters.push('draft = true');
        break;
      case 'locked':
        subject.filters.push('locked = true');
        break;
      case 'failed':
        if (noun.collection !== 'requests') return undefined;
        subject.filters.push('status >= 400');
        break;
      default: {
        // A label used as an adjective: "keep-open issues", "q0q issues" (quoted), never a plain word.
        const label = ctx.value(modifier);
        if (!label || (!/^q\d+q$/.test(modifier) && !modifier.includes('-')) || !hasLabels(noun)) return undefined;
        subject.filters.push(`${str(label)} in labels`);
      }
    }
  }
  let tail = match[3]!.trim();
  while (tail) {
    const clause =
      /^(labell?ed|with the label|with label|with labels?|titled|named|called|assigned to|whose title contains|with a title containing|in|on) (q\d+q|[\w./-]+)(.*)$/.exec(
        tail,
      );
    if (!clause) return undefined;
    const value = ctx.value(clause[2])!;
    switch (clause[1]) {
      case 'titled':
      case 'named':
      case 'called':
        subject.filters.push(`${noun.nameField} = ${str(value)}`);
        break;
      case 'whose title contains':
      case 'with a title containing':
        subject.filters.push(`$contains(title, ${str(value)})`);
        break;
      case 'assigned to':
        subject.filters.push(`${str(value.replace(/^@/, ''))} in assignees`);
        break;
      case 'in':
      case 'on':
        subject.filters.push(noun.collection === 'repos' ? `full_name = ${str(value)}` : `repo = ${str(value)}`);
        break;
      default:
        if (!hasLabels(noun)) return undefined;
        subject.filters.push(`${str(value)} in labels`);
    }
    tail = clause[3]!.trim().replace(/^and /, '');
  }
  const words = [...modifiers.map((modifier) => ctx.value(modifier) ?? modifier), noun.plural].join(' ');
  subject.describe = `${words}${match[3]!.trim() ? ` ${describeTail(match[3]!.trim(), ctx)}` : ''}`;
  return subject;
}

const closedByRun = `state = "closed" and $not($before($).state = "closed")`;
const mergedByRun = `merged = true and $not($before($).merged = true)`;

function hasLabels(noun: Noun): boolean {
  return noun.collection === 'issues' || noun.collection === 'pullRequests';
}

function describeTail(tail: string, ctx: PhraseContext): string {
  return tail.replace(/q\d+q/g, (token) => JSON.stringify(ctx.value(token)));
}

function itemsOf(subject: Subject): string {
  let base: string;
  switch (subject.noun.collection) {
    case 'requests':
      base = 'run.requests';
      break;
    case 'branches':
      base = 'github.repos.branches';
      break;
    default:
      base = `github.${subject.noun.collection}`;
  }
  const filtered = subject.filters.length > 0 ? `${base}[${subject.filters.join(' and ')}]` : base;
  if (!subject.createdByRun) return filtered;
  if (subject.noun.collection === 'branches') return `${filtered}[$not(name in $$.before.github.repos.branches.name)]`;
  return subject.noun.collection === 'requests' ? filtered : `$created(${filtered})`;
}

interface Predicate {
  describe: string;
  /** A JSONata predicate on the current item (`$`). */
  filter: string;
  /** The same predicate on a named item (inside `$filter`). */
  filterFor: (item: string) => string;
}

/** The part after the verb: "are closed", "has a new comment", "remain open", "have the label q0q". */
function predicateFilter(text: string, noun: Noun, ctx: PhraseContext): Predicate | undefined {
  const onItem = (build: (item: string) => string, describe: string): Predicate => ({
    describe,
    filter: build('$'),
    filterFor: build,
  });
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
  const titled = /^(?:titled|named|called) (q\d+q)$|^(?:has|have) (?:the )?title (q\d+q)$/.exec(body);
  if (titled) {
    const title = ctx.value(titled[1] ?? titled[2])!;
    return onItem((item) => `${item}.${noun.nameField} = ${str(title)}`, `are titled "${title}"`);
  }
  return undefined;
}
