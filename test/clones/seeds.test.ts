import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  loadSeed,
  NAMED_SEEDS,
  SeedError,
  seedJsonSchema,
  seedSchema,
  type Seed,
} from '../../src/clones/github/index.js';
import { tempDir } from '../helpers/tmp.js';
import { startClone } from './support/clone.js';

const DAY = 86_400_000;

describe('named seeds', () => {
  it.each(NAMED_SEEDS)('%s loads and starts', async (name) => {
    const clone = await startClone({ seed: name });
    const state = clone.handle.state();
    expect(state.seed).toBe(name);
    expect(state.users.length).toBeGreaterThan(0);
  });

  // loadSeed does not validate named seeds (they ship with Archal): this is what stands for it.
  it.each(NAMED_SEEDS)('%s is a valid seed, as loadSeed returns it', (name) => {
    const { seed } = loadSeed(name);
    expect(seedSchema.safeParse(structuredClone(seed))).toEqual({ success: true, data: seed });
  });

  it('writes a seeded repository as one pack git verifies, and later objects loose', async () => {
    const clone = await startClone({ seed: 'small-project' });
    const gitDir = clone.handle.repositoryPath('acme/widgets')!;
    const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' });
    const packs = readdirSync(join(gitDir, 'objects', 'pack'));
    expect(packs.filter((name) => name.endsWith('.pack'))).toHaveLength(1);
    expect(packs.filter((name) => name.endsWith('.idx'))).toHaveLength(1);
    expect(readdirSync(join(gitDir, 'objects')).sort()).toEqual(['info', 'pack']);
    for (const name of packs.filter((entry) => entry.endsWith('.idx')))
      git('verify-pack', join(gitDir, 'objects', 'pack', name));
    git('fsck', '--strict', '--no-dangling');
    const tips = git('for-each-ref', '--format=%(objectname)', 'refs/heads/').trim().split('\n');
    expect(tips.length).toBeGreaterThan(1);
    for (const tip of tips) expect(git('cat-file', '-t', tip).trim()).toBe('commit');
    // What the API writes afterwards is loose, and the clone reads both.
    const response = await fetch(`${clone.apiUrl}/repos/acme/widgets/contents/NEW.md`, {
      method: 'PUT',
      headers: { authorization: `token ${clone.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'add', content: Buffer.from('new\n').toString('base64') }),
    });
    expect(response.status).toBe(201);
    expect(readdirSync(join(gitDir, 'objects')).length).toBeGreaterThan(2);
    expect(git('show', 'main:NEW.md')).toBe('new\n');
    expect(git('show', 'main~1:README.md').length).toBeGreaterThan(0);
    git('fsck', '--strict', '--no-dangling');
  });

  it('large-backlog holds at least 1,000 issues', async () => {
    const clone = await startClone({ seed: 'large-backlog' });
    const state = clone.handle.state();
    expect(state.issues.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(state.issues.map((i) => i.labels.join())).size).toBeGreaterThan(10);
    expect(state.comments.length).toBeGreaterThan(100);
  });

  it('stale-issues stays stale whatever the date (relative times)', async () => {
    const clone = await startClone({ seed: 'stale-issues' });
    const open = clone.handle.state().issues.filter((i) => i.state === 'open');
    const idleDays = open.map((i) => Math.round((Date.now() - Date.parse(i.updated_at)) / DAY)).sort((a, b) => a - b);
    expect(idleDays).toEqual([2, 10, 45, 89, 91, 95, 100, 120, 200, 380]);
  });
});

describe('the seed format', () => {
  it('reports every problem with its path and a suggestion', async () => {
    const seed: Seed = {
      users: [{ login: 'alice' }, { login: 'alice' }],
      repos: [
        {
          owner: 'alice',
          name: 'app',
          files: { 'README.md': 'hi' },
          issues: [{ title: 'x', author: 'alise', labels: ['bgu'], milestone: 'v9' }],
          pulls: [{ title: 'y', author: 'alice', head: 'feature' }],
        },
      ],
    };
    const failure = await startClone({ seed }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SeedError);
    const message = (failure as Error).message;
    expect(message).toContain('users[1].login: duplicate login "alice"');
    expect(message).toContain('repos[0].issues[0].author: unknown user "alise" (did you mean "alice"?)');
    expect(message).toContain('repos[0].issues[0].labels[0]: unknown label "bgu" (did you mean "bug"?)');
    expect(message).toContain('repos[0].issues[0].milestone: unknown milestone "v9"');
    expect(message).toContain('repos[0].pulls[0].head: unknown branch "feature"');
  });

  it('refuses wrong types, bad times and unsafe paths before touching the disk', () => {
    const bad = {
      users: [{ login: 'a', createdAt: 'yesterday' }],
      repos: [{ owner: 'a', name: '../escape', files: { '../../etc/passwd': 'x', '.git/config': 'x' } }],
      extra: true,
    };
    expect(() => loadSeed(bad as unknown as Seed)).toThrow(SeedError);
    try {
      loadSeed(bad as unknown as Seed);
    } catch (error) {
      const problems = (error as SeedError).problems.map((p) => p.path);
      expect(problems).toEqual(
        expect.arrayContaining([
          'users[0].createdAt',
          'repos[0].name',
          'repos[0].files.../../etc/passwd',
          'repos[0].files..git/config',
          '',
        ]),
      );
    }
  });

  it('loads seed files, and makes the same git objects from the same seed and anchor', async () => {
    const dir = tempDir();
    const file = join(dir, 'seed.json');
    const seed: Seed = {
      now: '2024-05-01T12:00:00Z',
      users: [{ login: 'dev', email: 'dev@example.com' }],
      repos: [
        {
          owner: 'dev',
          name: 'tool',
          files: { 'a.txt': 'a\n', 'bin/run': { content: 'IyEvYmluL3NoCg==', encoding: 'base64', executable: true } },
          branches: [{ name: 'b', commits: [{ message: 'b', files: { 'a.txt': null, 'b.txt': 'b\n' } }] }],
        },
      ],
    };
    writeFileSync(file, JSON.stringify(seed));
    const first = await startClone({ seed: file });
    const second = await startClone({ seed: 'seed.json', cwd: dir });
    expect(first.handle.state().repos[0]!.branches).toEqual(second.handle.state().repos[0]!.branches);
    expect(first.handle.state().repos[0]!.created_at).toBe('2023-05-02T12:00:00Z');
    expect(() => loadSeed('smal-project')).toThrow('unknown seed "smal-project" (did you mean "small-project"?)');
  });

  it('publishes a JSON Schema generated from the zod schema', () => {
    const schema = seedJsonSchema();
    expect(schema.$id).toBe('https://archal.dev/schema/github-seed.schema.json');
    expect(Object.keys((schema as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['users', 'orgs', 'repos', 'tokens', 'apps', 'installations']),
    );
  });
});
