import * as z from 'zod';
import { created, ok, type RequestContext, type RouteSpec } from '../http/route.js';
import { pusherOf } from '../domain/git-write.js';
import { personAt, personDate } from '../git/format.js';
import { isSha, type ObjectType } from '../git/objects.js';
import { identity } from '../state/identity.js';
import { ApiError, notFound } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { UNSIGNED } from '../render/git.js';
import { fullName } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type { RepoRecord } from '../state/model.js';
import { repoParam } from './lookup.js';
import { NEED } from '../state/permissions.js';

const person = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const createTagSchema = z.object({
  tag: z.string().min(1),
  message: z.string(),
  object: z.string(),
  type: z.enum(['commit', 'tree', 'blob']),
  tagger: person.optional(),
});

/** An annotated tag object as git stores it (`object`, `type`, `tag`, `tagger`, then the message). */
interface TagObject {
  object: string;
  type: ObjectType;
  tag: string;
  tagger: { name: string; email: string; seconds: number };
  message: string;
}

function parseTag(data: Buffer): TagObject | undefined {
  const text = data.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const field = (name: string) => new RegExp(`^${name} (.*)$`, 'm').exec(head)?.[1];
  const tagger = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(field('tagger') ?? '');
  const object = field('object');
  const type = field('type') as ObjectType | undefined;
  const tag = field('tag');
  if (!object || !type || !tag) return undefined;
  return {
    object,
    type,
    tag,
    tagger: { name: tagger?.[1] ?? '', email: tagger?.[2] ?? '', seconds: Number(tagger?.[3] ?? 0) },
    message: split === -1 ? '' : text.slice(split + 2),
  };
}

/** `git-tag`. */
function renderTag(ctx: RequestContext, repo: RepoRecord, sha: string, tag: TagObject) {
  const base = `${ctx.urls.repo(fullName(ctx, repo))}/git`;
  return {
    node_id: nodeId('Tag', Number.parseInt(sha.slice(0, 12), 16)),
    tag: tag.tag,
    sha,
    url: `${base}/tags/${sha}`,
    message: tag.message,
    tagger: {
      date: personDate({ ...tag.tagger, offset: '+0000' }),
      email: tag.tagger.email,
      name: tag.tagger.name,
    },
    object: { sha: tag.object, type: tag.type, url: `${base}/${tag.type}s/${tag.object}` },
    verification: UNSIGNED,
  };
}

/**
 * Annotated tag objects (what `git tag -a` makes): creating one does not create its ref, as on
 * GitHub, where `POST /git/refs` with `refs/tags/<name>` and the tag's sha follows.
 */
export const gitTagRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/tags',
    operationId: 'git/create-tag',
    docs: 'git/tags#create-a-tag-object',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsWrite);
      const input = parseBody(ctx, createTagSchema);
      if (!isSha(input.object) || repo.git.objects.read(input.object)?.type !== input.type)
        throw new ApiError(422, 'Object does not exist');
      const who = identity(pusherOf(ctx, repo));
      const tagger = personAt(
        input.tagger?.name ?? who.name,
        input.tagger?.email ?? who.email,
        new Date(input.tagger?.date ?? ctx.now),
      );
      const text =
        `object ${input.object}\ntype ${input.type}\ntag ${input.tag}\n` +
        `tagger ${tagger.name} <${tagger.email}> ${tagger.seconds} ${tagger.offset}\n\n${input.message}`;
      const sha = repo.git.objects.write('tag', Buffer.from(text, 'utf8'));
      const body = renderTag(ctx, repo, sha, parseTag(Buffer.from(text, 'utf8'))!);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/tags/{tag_sha}',
    operationId: 'git/get-tag',
    docs: 'git/tags#get-a-tag',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.contentsRead);
      const sha = ctx.params.tag_sha ?? '';
      const object = isSha(sha) ? repo.git.objects.read(sha) : undefined;
      const tag = object?.type === 'tag' ? parseTag(object.data) : undefined;
      if (!tag) throw notFound();
      return ok(renderTag(ctx, repo, sha, tag));
    },
  },
];
