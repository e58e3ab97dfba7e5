import type { Seed } from './schema.js';

/**
 * `large-backlog`: 1,200 issues, generated deterministically (a fixed pseudo-random sequence) so
 * every run sees the same backlog: varied labels, assignees, milestones, ages and comments.
 */
export function largeBacklogSeed(): Seed {
  let state = 20240501;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const areas = ['api', 'auth', 'billing', 'cli', 'docs', 'infra', 'search', 'ui'];
  const verbs = [
    'crashes when',
    'is slow when',
    'returns 500 when',
    'ignores',
    'mislabels',
    'times out when',
    'leaks memory when',
  ];
  const objects = [
    'the token expires',
    'a page is empty',
    'unicode is used',
    'the cache is cold',
    'two users edit at once',
    'the config is missing',
    'retries run out',
  ];
  const features = [
    'Support dark mode in',
    'Add pagination to',
    'Export CSV from',
    'Add audit log for',
    'Allow bulk edit in',
    'Add keyboard shortcuts to',
  ];
  const users = ['octocat', 'alice', 'bob', 'carol', 'dave', 'erin'];
  const milestones = ['v2.0', 'v2.1', 'v3.0', 'Backlog'];
  const issues: NonNullable<NonNullable<Seed['repos']>[number]['issues']> = [];
  for (let i = 0; i < 1200; i++) {
    const area = pick(areas);
    const isBug = random() < 0.55;
    const age = Math.floor(random() * 720) + 1;
    const idle = Math.floor(random() * age);
    const closed = random() < 0.3;
    const labels = [isBug ? 'bug' : 'enhancement', `area:${area}`];
    if (random() < 0.15) labels.push('good first issue');
    if (random() < 0.1) labels.push('priority:high');
    const assignees = random() < 0.4 ? [pick(users.slice(0, 4))] : [];
    const comments =
      random() < 0.25
        ? Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => ({
            author: pick(users),
            body: j === 0 ? 'I can reproduce this on the latest release.' : 'Any update on this?',
            createdAt: `-${Math.max(1, age - j - 1)}d`,
          }))
        : undefined;
    issues.push({
      title: isBug ? `${area}: ${pick(verbs)} ${pick(objects)}` : `${pick(features)} ${area}`,
      body: `Reported in backlog item ${i + 1}.\n\nArea: ${area}.`,
      author: pick(users),
      labels,
      assignees,
      ...(random() < 0.35 ? { milestone: pick(milestones) } : {}),
      state: closed ? 'closed' : 'open',
      createdAt: `-${age}d`,
      updatedAt: `-${idle}d`,
      ...(comments ? { comments } : {}),
    });
  }
  const branches = Array.from({ length: 10 }, (_, i) => ({
    name: `feature/item-${i + 1}`,
    commits: [
      {
        message: `Work on item ${i + 1}`,
        author: users[i % users.length]!,
        files: { [`src/items/item-${i + 1}.ts`]: `export const item = ${i + 1};\n` },
      },
    ],
  }));
  return {
    description: 'A large backlog: 1,200 issues and 10 pull requests in acme/platform.',
    users: users.map((login) => ({ login, name: login[0]!.toUpperCase() + login.slice(1) })),
    orgs: [
      {
        login: 'acme',
        name: 'Acme Corp',
        members: { octocat: 'admin', alice: 'member', bob: 'member', carol: 'member' },
        memberRole: 'write',
      },
    ],
    repos: [
      {
        owner: 'acme',
        name: 'platform',
        description: 'The Acme platform monorepo',
        createdAt: '-800d',
        files: { 'README.md': '# Platform\n', 'src/index.ts': 'export {};\n' },
        branches,
        labels: [
          { name: 'bug', color: 'd73a4a' },
          { name: 'enhancement', color: 'a2eeef' },
          { name: 'good first issue', color: '7057ff' },
          { name: 'priority:high', color: 'b60205' },
          { name: 'stale', color: 'cccccc' },
          ...areas.map((area) => ({ name: `area:${area}`, color: '1d76db' })),
        ],
        milestones: milestones.map((title, i) => ({ title, dueOn: i < 3 ? `+${(i + 1) * 30}d` : null })),
        issues,
        pulls: branches.map((branch, i) => ({
          title: `Item ${i + 1}`,
          author: users[i % users.length]!,
          head: branch.name,
          createdAt: `-${i + 1}d`,
        })),
      },
    ],
  };
}
