import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { KeyedMutex } from '../../src/clones/github/state/locks.js';
import { normalizeRepoPath } from '../../src/clones/github/domain/paths.js';
import { parseQuery } from '../../src/clones/github/domain/search.js';
import { verifyAppJwt } from '../../src/clones/github/domain/jwt.js';
import {
  hashObject,
  ObjectStore,
  STORED_MAX_BYTES,
  storedZlib,
  unstoredZlib,
} from '../../src/clones/github/git/objects.js';
import { isValidRefName, withRefsRead } from '../../src/clones/github/git/refs.js';
import { GitRepo, initBareRepo } from '../../src/clones/github/git/repo.js';
import { editTree } from '../../src/clones/github/git/tree-edit.js';
import { ApiError } from '../../src/clones/github/state/errors.js';
import { RateLimiter } from '../../src/clones/github/http/rate-limit.js';
import { BadPathError, Router } from '../../src/clones/github/http/router.js';
import { Redactor } from '../../src/clones/github/redact.js';
import { isTimeSpec, resolveTime } from '../../src/clones/github/seed/time.js';
import { tempDir } from '../helpers/tmp.js';
import { appJwt, appKeys } from './support/clone.js';

describe('router', () => {
  const router = new Router<string>();
  router.add('GET', '/repos/{owner}/{repo}/issues/comments', 'repo-comments');
  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}', 'issue');
  router.add('GET', '/repos/{owner}/{repo}/git/ref/{ref+}', 'ref');
  router.add('GET', '/repos/{owner}/{repo}/contents/{path*}', 'contents');
  router.add('GET', '/repos/{owner}/{repo}/commits/{ref+}/status', 'status');
  router.add('GET', '/repos/{owner}/{repo}/commits/{ref+}', 'commit');
  router.add('GET', '/repos/{owner}/{repo}/compare/{base}...{head}', 'compare');

  it('matches literal segments before parameters, and decodes parameters', () => {
    expect(router.match('GET', '/repos/a/b/issues/comments')?.route.value).toBe('repo-comments');
    expect(router.match('GET', '/repos/a/b/issues/7')).toMatchObject({
      route: { value: 'issue' },
      params: { owner: 'a', repo: 'b', issue_number: '7' },
    });
    expect(router.match('GET', '/repos/a/b%2Ec/issues/7')?.params.repo).toBe('b.c');
    expect(router.match('POST', '/repos/a/b/issues/7')).toBeUndefined();
  });

  it('lets greedy parameters span segments, encoded (Octokit) or not (curl)', () => {
    expect(router.match('GET', '/repos/a/b/git/ref/heads%2Ffeature%2Fx')?.params.ref).toBe('heads/feature/x');
    expect(router.match('GET', '/repos/a/b/git/ref/heads/feature/x')?.params.ref).toBe('heads/feature/x');
    expect(router.match('GET', '/repos/a/b/contents/')?.params.path).toBe('');
    expect(router.match('GET', '/repos/a/b/contents/src/index.js')?.params.path).toBe('src/index.js');
    expect(router.match('GET', '/repos/a/b/commits/feature/x/status')).toMatchObject({
      route: { value: 'status' },
      params: { ref: 'feature/x' },
    });
    expect(router.match('GET', '/repos/a/b/commits/feature/x')).toMatchObject({
      route: { value: 'commit' },
      params: { ref: 'feature/x' },
    });
    expect(router.match('GET', '/repos/a/b/compare/main...feature%2Fx')?.params).toMatchObject({
      base: 'main',
      head: 'feature/x',
    });
    expect(() => router.match('GET', '/repos/a/b/issues/%E0%A4%A')).toThrow(BadPathError);
  });
});

describe('git objects', () => {
  it('hashes objects exactly as git does', () => {
    const data = Buffer.from('hello world\n');
    const expected = execFileSync('git', ['hash-object', '--stdin'], { input: data, encoding: 'utf8' }).trim();
    expect(hashObject('blob', data)).toBe(expected);
  });

  it('writes small objects as stored zlib streams that zlib inflates, and reads them back without it', () => {
    for (const size of [0, 1, 100, 0xffff, 0x10000, 2 * 0xffff + 7]) {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i++) data[i] = (i * 7919) % 251;
      const stream = storedZlib(data);
      expect(inflateSync(stream).equals(data)).toBe(true);
      expect(unstoredZlib(stream)?.equals(data)).toBe(true);
      // zlib stores what it cannot compress: read alike. Anything else goes to zlib: compressed
      // blocks, a damaged checksum, a cut stream.
      expect(unstoredZlib(deflateSync(data, { level: 1 }))?.equals(data) ?? true).toBe(true);
      expect(unstoredZlib(deflateSync(Buffer.alloc(size + 100, 'a'), { level: 1 }))).toBeUndefined();
      const damaged = Buffer.from(stream);
      damaged[damaged.length - 1]! ^= 1;
      expect(unstoredZlib(damaged)).toBeUndefined();
      expect(unstoredZlib(stream.subarray(0, stream.length - 1))).toBeUndefined();
    }
  });

  it('writes loose objects of every size that git reads, and reads those git wrote', () => {
    const dir = `${tempDir()}/r.git`;
    initBareRepo(dir, 'main');
    const store = new ObjectStore(dir);
    for (const size of [0, 12, STORED_MAX_BYTES - 20, STORED_MAX_BYTES + 1, 3 * STORED_MAX_BYTES]) {
      const data = Buffer.from('x'.repeat(size));
      const sha = store.write('blob', data);
      expect(
        execFileSync('git', ['--git-dir', dir, 'cat-file', 'blob', sha], { maxBuffer: 1 << 24 }).equals(data),
      ).toBe(true);
      expect(store.read(sha)?.data.equals(data)).toBe(true);
    }
    execFileSync('git', ['--git-dir', dir, 'fsck', '--strict', '--no-dangling'], { stdio: 'ignore' });
    const theirs = execFileSync('git', ['--git-dir', dir, 'hash-object', '-w', '--stdin'], {
      input: 'written by git\n',
      encoding: 'utf8',
    }).trim();
    expect(store.read(theirs)).toEqual({ type: 'blob', data: Buffer.from('written by git\n') });
  });

  it('keeps the small objects it wrote or read in memory, and hands out copies', () => {
    const dir = `${tempDir()}/r.git`;
    initBareRepo(dir, 'main');
    const store = new ObjectStore(dir);
    const loose = (sha: string) => `${dir}/objects/${sha.slice(0, 2)}/${sha.slice(2)}`;
    const data = Buffer.from('kept\n');
    const sha = store.write('blob', data);
    data.fill(0);
    rmSync(loose(sha));
    const first = store.read(sha)!;
    expect(first).toEqual({ type: 'blob', data: Buffer.from('kept\n') });
    first.data.fill(0);
    expect(store.read(sha)?.data.toString()).toBe('kept\n');
    // One git wrote is kept once read.
    const theirs = execFileSync('git', ['--git-dir', dir, 'hash-object', '-w', '--stdin'], {
      input: 'by git\n',
      encoding: 'utf8',
    }).trim();
    expect(store.read(theirs)?.data.toString()).toBe('by git\n');
    rmSync(loose(theirs));
    expect(store.read(theirs)?.data.toString()).toBe('by git\n');
    // A large object is read from disk every time.
    const large = store.write('blob', Buffer.alloc(STORED_MAX_BYTES + 1, 'x'));
    rmSync(loose(large));
    expect(store.read(large)).toBeUndefined();
  });

  it('lists refs from disk once in a read scope, again after a ref moves, and every time outside one', () => {
    const dir = `${tempDir()}/r.git`;
    initBareRepo(dir, 'main');
    const repo = new GitRepo(dir);
    const other = new GitRepo(dir);
    const sha = repo.writeTree([]);
    repo.refs.update('refs/heads/a', sha);
    repo.refs.update('refs/heads/b', sha);
    withRefsRead(() => {
      expect([...repo.branches().keys()]).toEqual(['a', 'b']);
      rmSync(`${dir}/refs/heads/b`);
      expect([...repo.branches().keys()]).toEqual(['a', 'b']);
      expect(repo.branch('b')).toBe(sha);
      // A move through any store (this one names the same repository) is seen at once.
      other.refs.update('refs/heads/c', sha);
      expect([...repo.branches().keys()]).toEqual(['a', 'c']);
      expect(repo.branch('b')).toBeUndefined();
    });
    rmSync(`${dir}/refs/heads/c`);
    expect([...repo.branches().keys()]).toEqual(['a']);
    expect(repo.branch('c')).toBeUndefined();
  });

  it('writes trees git can read, and edits them path by path', () => {
    const dir = `${tempDir()}/r.git`;
    initBareRepo(dir, 'main');
    const repo = new GitRepo(dir);
    const blob = (text: string) => ({ mode: '100644' as const, sha: repo.writeBlob(Buffer.from(text)) });
    const tree = editTree(repo, undefined, [
      { path: 'a.txt', entry: blob('a') },
      { path: 'dir/b.txt', entry: blob('b') },
      { path: 'dir-x', entry: blob('x') },
    ]);
    const listing = execFileSync('git', ['--git-dir', dir, 'ls-tree', '-r', '--name-only', tree], { encoding: 'utf8' });
    expect(listing.trim().split('\n')).toEqual(['a.txt', 'dir-x', 'dir/b.txt']);
    const edited = editTree(repo, tree, [{ path: 'dir/b.txt', entry: null }]);
    expect(repo.entryAt(edited, 'dir')).toBeUndefined();
    expect(() => editTree(repo, tree, [{ path: 'a.txt/c', entry: blob('c') }])).toThrow('a.txt is a file');
    execFileSync('git', ['--git-dir', dir, 'fsck', '--strict', '--no-dangling'], { stdio: 'ignore' });
  });

  it('updates refs only if they still point where the caller expects (compare-and-swap)', () => {
    const dir = `${tempDir()}/r.git`;
    initBareRepo(dir, 'main');
    const repo = new GitRepo(dir);
    const a = repo.writeCommit({
      tree: repo.writeTree([]),
      parents: [],
      author: { name: 'a', email: 'a', seconds: 1, offset: '+0000' },
      committer: { name: 'a', email: 'a', seconds: 1, offset: '+0000' },
      message: 'a\n',
    });
    const b = repo.writeCommit({
      tree: repo.writeTree([]),
      parents: [a],
      author: { name: 'a', email: 'a', seconds: 2, offset: '+0000' },
      committer: { name: 'a', email: 'a', seconds: 2, offset: '+0000' },
      message: 'b\n',
    });
    expect(repo.refs.update('refs/heads/main', a, null).kind).toBe('ok');
    expect(repo.refs.update('refs/heads/main', b, null)).toEqual({ kind: 'stale', current: a });
    expect(repo.refs.update('refs/heads/main', b, a).kind).toBe('ok');
    expect(repo.refs.update('refs/heads/main/sub', b, null).kind).toBe('conflict');
    expect(execFileSync('git', ['--git-dir', dir, 'rev-parse', 'main'], { encoding: 'utf8' }).trim()).toBe(b);
    expect(repo.resolveCommit(b.slice(0, 8))).toBe(b);
  });

  it.each([
    'refs/heads/../x',
    'refs/heads/a..b',
    'refs/heads/x.lock',
    'refs/heads/.hidden',
    'refs/heads/a b',
    'refs/heads/a~1',
    '/refs/heads/a',
    'refs/heads/a//b',
  ])('refuses the ref name %s', (ref) => expect(isValidRefName(ref)).toBe(false));
});

describe('small parts', () => {
  it('normalizes repository paths and refuses traversal', () => {
    expect(normalizeRepoPath('/src/index.js/')).toBe('src/index.js');
    expect(normalizeRepoPath('', { allowRoot: true })).toBe('');
    for (const bad of ['../x', 'a/../b', 'a/./b', '.git/config', 'a//b', 'a\0b'])
      expect(() => normalizeRepoPath(bad)).toThrow(ApiError);
  });

  it('parses relative seed times', () => {
    const now = new Date('2024-05-01T00:00:00Z');
    expect(resolveTime('-95d', now).toISOString()).toBe('2024-01-27T00:00:00.000Z');
    expect(resolveTime('+2w', now).toISOString()).toBe('2024-05-15T00:00:00.000Z');
    expect(resolveTime('now', now)).toBe(now);
    expect(isTimeSpec('2024-01-01T00:00:00Z')).toBe(true);
    expect(isTimeSpec('yesterday')).toBe(false);
  });

  it('parses search queries into qualifiers and text', () => {
    expect(parseQuery('repo:acme/w is:open label:"help wanted" -label:bug crash')).toEqual([
      { kind: 'qualifier', key: 'repo', value: 'acme/w', negated: false },
      { kind: 'qualifier', key: 'is', value: 'open', negated: false },
      { kind: 'qualifier', key: 'label', value: 'help wanted', negated: false },
      { kind: 'qualifier', key: 'label', value: 'bug', negated: true },
      { kind: 'text', value: 'crash', negated: false },
    ]);
    expect(parseQuery('foo:bar')).toEqual([{ kind: 'text', value: 'foo:bar', negated: false }]);
  });

  it('redacts known tokens and token-shaped strings, but not short seeded words', () => {
    const redactor = new Redactor();
    redactor.add('my-secret-token-value');
    redactor.add('test');
    expect(
      redactor.redact('a my-secret-token-value b ghp_abcdefghijklmnopqrstuvwxyz0123 test ?access_token=xyz&x=1'),
    ).toBe('a [REDACTED] b [REDACTED] test ?access_token=[REDACTED]&x=1');
  });

  it('counts rate limits per key and window', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take('a', 'core', 0).exceeded).toBe(false);
    expect(limiter.take('a', 'core', 0).remaining).toBe(0);
    expect(limiter.take('a', 'core', 0)).toMatchObject({ exceeded: true, remaining: 0 });
    expect(limiter.take('b', 'core', 0).exceeded).toBe(false);
    expect(limiter.take('a', 'core', 3_600_001).exceeded).toBe(false);
    expect(new RateLimiter(undefined).take('a', 'search', 0).limit).toBe(30);
  });

  it('serialises work per key, in order', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const slow = (name: string, ms: number) =>
      mutex.run('k', async () => {
        order.push(`${name}+`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(`${name}-`);
      });
    await Promise.all([slow('a', 20), slow('b', 1), mutex.run('other', () => order.push('x'))]);
    expect(order).toEqual(['a+', 'x', 'a-', 'b+', 'b-']);
  });

  it('checks app JWTs: signature, issued-at and expiry', () => {
    const { privateKey, publicKey } = appKeys();
    const now = Math.floor(Date.now() / 1000);
    expect(verifyAppJwt(appJwt(7, privateKey), publicKey, now)).toEqual({ kind: 'valid', issuer: '7' });
    const tampered = appJwt(7, privateKey).replace(
      /\.[^.]+\./,
      `.${Buffer.from(JSON.stringify({ iss: 8, iat: now, exp: now + 60 })).toString('base64url')}.`,
    );
    expect(verifyAppJwt(tampered, publicKey, now).kind).toBe('invalid');
    expect(verifyAppJwt('not.a.jwt', publicKey, now).kind).toBe('invalid');
  });
});
