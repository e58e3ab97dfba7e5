import type { Comparison } from './phrases.js';

/** The things criteria talk about (issues, pull requests, comments…), and the phrases that pick some of them. */

export interface PhraseContext {
  value: (token: string | undefined) => string | undefined;
}

export const str = (value: string) => JSON.stringify(value);

export interface Noun {
  collection: string;
  singular: string;
  plural: string;
  /** Field compared for "named"/"titled" (a gist's is its description; its file names match too). */
  nameField: 'title' | 'name' | 'full_name' | 'tag_name' | 'description' | 'path';
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
    /^releases?$/,
    { collection: 'releases', singular: 'release', plural: 'releases', nameField: 'tag_name', hasState: false },
  ],
  [/^teams?$/, { collection: 'teams', singular: 'team', plural: 'teams', nameField: 'name', hasState: false }],
  [
    /^workflow runs?$/,
    {
      collection: 'workflowRuns',
      singular: 'workflow run',
      plural: 'workflow runs',
      nameField: 'name',
      hasState: false,
    },
  ],
  [/^files?$/, { collection: 'files', singular: 'file', plural: 'files', nameField: 'path', hasState: false }],
  [/^gists?$/, { collection: 'gists', singular: 'gist', plural: 'gists', nameField: 'description', hasState: false }],
  [
    /^(?:actions )?secrets?$/,
    { collection: 'secrets', singular: 'secret', plural: 'secrets', nameField: 'name', hasState: false },
  ],
  [
    /^(?:actions )?variables?$/,
    { collection: 'variables', singular: 'variable', plural: 'variables', nameField: 'name', hasState: false },
  ],
  [
    /^(?:deployment )?environments?$/,
    {
      collection: 'environments',
      singular: 'environment',
      plural: 'environments',
      nameField: 'name',
      hasState: false,
    },
  ],
  [
    /^(?:tool calls?|api calls?|(?:api |http )?requests?)$/,
    { collection: 'requests', singular: 'request', plural: 'requests', nameField: 'name', hasState: false },
  ],
];
export const NOUN_WORDS =
  'pull requests?|prs?|(?:issue )?comments?|issues?|labels?|milestones?|repositor(?:y|ies)|repos?|reviews?|check runs?|workflow runs?|reactions?|branch(?:es)?|releases?|teams?|files?|gists?|(?:actions )?secrets?|(?:actions )?variables?|(?:deployment )?environments?|tool calls?|api calls?|(?:api |http )?requests?';

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
export const QUANTIFIERS: Array<[RegExp, Comparison]> = [
  [/^exactly\s+/, '=='],
  [/^at least\s+/, '>='],
  [/^(?:at most|no more than|not more than)\s+/, '<='],
  [/^(?:fewer than|less than)\s+/, '<'],
  [/^more than\s+/, '>'],
];

/** A leading "exactly", "at least", "fewer than"… as a comparison ('==' without one), and the text after it. */
export function leadingComparison(
  text: string,
  words: ReadonlyArray<readonly [RegExp, Comparison]> = QUANTIFIERS,
): { op: Comparison; rest: string } {
  for (const [pattern, op] of words) if (pattern.test(text)) return { op, rest: text.replace(pattern, '') };
  return { op: '==', rest: text };
}

export interface Subject {
  noun: Noun;
  /** JSONata predicates on each item. */
  filters: string[];
  /** Only items this run created. */
  createdByRun: boolean;
  describe: string;
  /** The same words for one item: "closed issue labelled "bug"". */
  describeOne: string;
}

export function toNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBERS[word];
}

export function nounFor(word: string): Noun | undefined {
  return NOUNS.find(([pattern]) => pattern.test(word))?.[1];
}

const VERBS = new Set(
  'are is were was have has had got get gets remain remains stay stays still continue did do does received receive receives contain contains made make carry carries targets target merges comes come requires require needs need prevents prevent waits wait'.split(
    ' ',
  ),
);

/**
 * The ways "closed issue has a new comment" splits into a subject and a predicate: at each verb whose left
 * side reads as a subject, first to last (the caller keeps the first whose predicate it understands).
 */
export function splitSubjectPredicate(
  text: string,
  ctx: PhraseContext,
): Array<{ subject: Subject; predicateText: string }> {
  const words = text.split(' ');
  const splits: Array<{ subject: Subject; predicateText: string }> = [];
  for (let index = 1; index < words.length; index += 1) {
    if (!VERBS.has(words[index]!)) continue;
    const subject = parseSubject(words.slice(0, index).join(' '), ctx);
    if (subject) splits.push({ subject, predicateText: words.slice(index).join(' ') });
  }
  return splits;
}

/** "closed issues labelled "bug"", "new comments", "keep-open issues", "label named q0q". */
export function parseSubject(text: string, ctx: PhraseContext): Subject | undefined {
  const match = new RegExp(`^(?:the )?((?:[\\w-]+ )*?)(${NOUN_WORDS})((?: .+)?)$`).exec(text.trim());
  if (!match) return undefined;
  const noun = nounFor(match[2]!);
  if (!noun) return undefined;
  const subject: Subject = { noun, filters: [], createdByRun: false, describe: match[2]!, describeOne: match[2]! };
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
    const clause = tailClause(tail, noun, ctx);
    if (!clause) return undefined;
    subject.filters.push(clause.filter);
    tail = clause.rest.trim().replace(/^and /, '');
  }
  const adjectives = modifiers.map((modifier) => ctx.value(modifier) ?? modifier);
  const tailWords = match[3]!.trim() ? ` ${describeTail(match[3]!.trim(), ctx)}` : '';
  subject.describe = `${[...adjectives, noun.plural].join(' ')}${tailWords}`;
  subject.describeOne = `${[...adjectives, noun.singular].join(' ')}${tailWords}`;
  return subject;
}

/** The clauses after a noun that narrow it: "labelled bug", "with title containing "fix"", "in acme/web", "on issue #3". */
const CLAUSES: Array<{ pattern: RegExp; filter: (value: string, noun: Noun) => string | undefined }> = [
  {
    pattern:
      /^(?:whose title contains|with (?:a |the )?title (?:containing|that contains)|titled something containing) /,
    filter: (value) => `$contains($lowercase(title), ${str(value.toLowerCase())})`,
  },
  {
    pattern: /^(?:whose (?:body|description) contains|with (?:a |the )?(?:body|description) containing) /,
    filter: (value) => textContains('body', value),
  },
  // "a comment containing "thanks"", "an issue mentioning "crash"": the item's own text (a quoted value
  // only, so that "containing" never swallows the next clause).
  {
    pattern: /^(?:containing|mentioning|including|saying|(?:that|which) (?:contains|mentions|says)) (?=q\d+q)/,
    filter: (value, noun) => {
      switch (noun.collection) {
        case 'comments':
        case 'reviews':
          return textContains('body', value);
        case 'issues':
        case 'pullRequests':
          return `(${textContains('title', value)} or ${textContains('body', value)})`;
        case 'files':
          return textContains('content', value);
        case 'variables':
          return textContains('value', value);
        case 'gists':
          // Any of its files (name → text).
          return `$count($each(files, function($text) { $contains($lowercase($text), ${str(value.toLowerCase())}) })[$]) > 0`;
        default:
          return undefined;
      }
    },
  },
  {
    pattern: /^(?:titled|named|called|with (?:a |the )?(?:title|name)) /,
    filter: (value, noun) => nameFilter(value, noun),
  },
  {
    pattern: /^(?:labell?ed|with (?:the |a )?labels?|tagged|with (?:the |a )?tag) /,
    filter: (value, noun) =>
      hasLabels(noun)
        ? `${str(value)} in labels`
        : noun.collection === 'releases'
          ? `tag_name = ${str(value)}`
          : undefined,
  },
  { pattern: /^assigned to /, filter: (value) => `${str(value.replace(/^@/, ''))} in assignees` },
  {
    pattern: /^(?:to|on|for|in) (?:issue|pr|pull request) #/,
    filter: (value, noun) =>
      /^\d+$/.test(value)
        ? noun.collection === 'reviews'
          ? `pull_number = ${value}`
          : noun.collection === 'comments'
            ? `issue_number = ${value}`
            : undefined
        : undefined,
  },
  // "a file on main", "a file on branch fix/docs": a file is on a branch (whose name may have a slash).
  {
    pattern: /^on (?:the )?(?:branch )?/,
    filter: (value, noun) => (noun.collection === 'files' ? `branch = ${str(value)}` : repoOrColumn(value, noun)),
  },
  { pattern: /^(?:in|of) /, filter: (value, noun) => repoOrColumn(value, noun) },
  // "the label "stale"", "a branch "fix-1"": a quoted name right after the noun.
  { pattern: /^(?=q\d+q)/, filter: (value, noun) => nameFilter(value, noun) },
  // "issues with "keep-open"", "PRs with needs-review": a quoted or hyphenated word after "with" is a label.
  {
    pattern: /^with /,
    filter: (value, noun) => (hasLabels(noun) ? `${str(value)} in labels` : undefined),
  },
];

/** "in acme/web": the repository; "remain in Triage": a column of the board, which is a label here. */
function repoOrColumn(value: string, noun: Noun): string | undefined {
  if (value.includes('/')) return noun.collection === 'repos' ? `full_name = ${str(value)}` : `repo = ${str(value)}`;
  return hasLabels(noun) ? `${str(value.toLowerCase())} in $map(labels, $lowercase)` : undefined;
}

/**
 * The item called `value`: a release by its tag or its title, a gist by its description or one of its
 * file names, a secret or variable by its name in any case (GitHub stores them upper-cased), an environment by
 * its name in any case, anything else by its name field.
 */
export function nameFilter(value: string, noun: Noun): string {
  switch (noun.collection) {
    case 'releases':
      return `(tag_name = ${str(value)} or name = ${str(value)})`;
    case 'gists':
      return `(description = ${str(value)} or ${str(value)} in $keys(files))`;
    case 'secrets':
    case 'variables':
      return `name = ${str(value.toUpperCase())}`;
    case 'files':
      return `path = ${str(value.replace(/^\/+/, ''))}`;
    case 'environments':
      // GitHub's environment names are not case sensitive.
      return `$lowercase(name) = ${str(value.toLowerCase())}`;
    default:
      return `${noun.nameField} = ${str(value)}`;
  }
}

/** A case-insensitive "contains" on a text field that may be null (an issue without a body). */
function textContains(field: string, value: string): string {
  return `($type(${field}) = "string" and $contains($lowercase(${field}), ${str(value.toLowerCase())}))`;
}

function tailClause(tail: string, noun: Noun, ctx: PhraseContext): { filter: string; rest: string } | undefined {
  for (const clause of CLAUSES) {
    const head = clause.pattern.exec(tail);
    if (!head) continue;
    const valueMatch = /^(q\d+q|@?[\w./-]+)(.*)$/.exec(tail.slice(head[0].length));
    if (!valueMatch) return undefined;
    const token = valueMatch[1]!;
    if (clause.pattern.source === '^with ' && !/^q\d+q$/.test(token) && !token.includes('-')) return undefined;
    const filter = clause.filter(ctx.value(token)!, noun);
    return filter ? { filter, rest: valueMatch[2]! } : undefined;
  }
  return undefined;
}

export const closedByRun = `state = "closed" and $not($before($).state = "closed")`;
export const mergedByRun = `merged = true and $not($before($).merged = true)`;

export function hasLabels(noun: Noun): boolean {
  return noun.collection === 'issues' || noun.collection === 'pullRequests';
}

export function describeTail(tail: string, ctx: PhraseContext): string {
  return tail.replace(/q\d+q/g, (token) => JSON.stringify(ctx.value(token)));
}

export function itemsOf(subject: Subject): string {
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
