import { leadingComparison, str, toNumber, type PhraseContext } from './phrase-nouns.js';
import type { Comparison, PhraseCheck } from './phrases.js';

/** Phrases about an organisation's settings: team membership and branch protection. */
export function settingsPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  return teamPhrase(sentence, ctx) ?? protectionPhrase(sentence, ctx);
}

const NAME = '(q\\d+q|[\\w.-]+)';
const TEAM = `(?:the )?(?:team ${NAME}|${NAME} team)`;

/** A team by its name or slug, as the user wrote it (names compare case-insensitively). */
function teamItems(ctx: PhraseContext, token: string): { items: string; describe: string } {
  const name = ctx.value(token)!;
  return {
    items: `github.teams[$lowercase(name) = ${str(name.toLowerCase())} or slug = ${str(name.toLowerCase())}]`,
    describe: `team ${JSON.stringify(name)}`,
  };
}

/** "the team "platform" has 3 members", "the platform team has at least 2 members", "alice is a member of team platform". */
function teamPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const size = new RegExp(`^${TEAM} (?:has|have|contains|includes|should have|must have) (.+?) members?$`).exec(
    sentence,
  );
  if (size) {
    const quantity = quantityOf(size[3]!);
    if (!quantity) return undefined;
    const team = teamItems(ctx, size[1] ?? size[2]!);
    return {
      kind: 'count',
      pattern: 'team T has N members',
      items: `${team.items}.members`,
      op: quantity.op,
      expected: quantity.expected,
      subject: `members of ${team.describe}`,
      subjectOne: `member of ${team.describe}`,
    };
  }
  const member = new RegExp(
    `^@?([\\w-]+|q\\d+q) (?:is|remains|is still) (?:a |an )?(member|maintainer) (?:of|in) ${TEAM}$`,
  ).exec(sentence);
  if (member) {
    const login = ctx.value(member[1])!.replace(/^@/, '');
    const team = teamItems(ctx, member[3] ?? member[4]!);
    const role = member[2] === 'maintainer' ? ' and role = "maintainer"' : '';
    return {
      kind: 'count',
      pattern: `U is a ${member[2]} of team T`,
      items: `${team.items}.members[$lowercase(login) = ${str(login.toLowerCase())}${role}]`,
      op: '>=',
      expected: 1,
      subject: `${member[2]}s of ${team.describe} named ${login}`,
      subjectOne: `${member[2]} of ${team.describe} named ${login}`,
    };
  }
  return undefined;
}

/**
 * "the main branch is protected", "branch "release" of acme/api is not protected", "the default branch is
 * protected", "branch protection is enabled on main".
 */
function protectionPhrase(sentence: string, ctx: PhraseContext): PhraseCheck | undefined {
  const REPO = '([\\w.-]+/[\\w.-]+)';
  const stated = new RegExp(
    `^(?:the )?(?:${NAME} branch|branch ${NAME})(?: (?:of|in|on) ${REPO})? (?:is|remains|is still|should be|must be|stays) (not |un)?protected$`,
  ).exec(sentence);
  const enabled = new RegExp(
    `^(?:the )?branch protection (?:is enabled|is configured|is set up|exists|is on) (?:on|for) (?:the )?${NAME}(?: branch)?(?: (?:of|in) ${REPO})?$`,
  ).exec(sentence);
  const found = stated
    ? { token: (stated[1] ?? stated[2])!, repo: stated[3], negated: Boolean(stated[4]) }
    : enabled
      ? { token: enabled[1]!, repo: enabled[2], negated: false }
      : undefined;
  if (!found) return undefined;
  const branch = ctx.value(found.token)!;
  const { repo, negated } = found;
  // "the default branch" is each repository's own default branch.
  const items =
    branch === 'default'
      ? `$filter(github.branchProtections, function($p) { $p.branch in $$.github.repos[full_name = $p.repo].default_branch${repo ? ` and $p.repo = ${str(repo)}` : ''} })`
      : `github.branchProtections[branch = ${str(branch)}${repo ? ` and repo = ${str(repo)}` : ''}]`;
  const where = `${branch === 'default' ? 'the default branch' : JSON.stringify(branch)}${repo ? ` of ${repo}` : ''}`;
  return {
    kind: 'count',
    pattern: negated ? 'branch B is not protected' : 'branch B is protected',
    items,
    op: negated ? '==' : '>=',
    expected: negated ? 0 : 1,
    subject: `branch protections on ${where}`,
    subjectOne: `branch protection on ${where}`,
  };
}

/** "3", "at least 2", "no", "exactly four". */
function quantityOf(text: string): { op: Comparison; expected: number } | undefined {
  const { op, rest } = leadingComparison(text);
  const expected = toNumber(rest);
  return expected === undefined ? undefined : { op, expected };
}
