import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { INPUT_LIMITS, readInputFile } from '../../../lib/input-file.js';
import { findJsonError, lineAndColumn } from '../../../lib/json-position.js';
import { bundledDir } from '../../../lib/paths.js';
import { SeedError, fromZodError, unknown } from './errors.js';
import { largeBacklogSeed } from './large-backlog.js';
import { seedSchema, type ParsedSeed, type Seed } from './schema.js';

export const NAMED_SEEDS = [
  'empty',
  'small-project',
  'stale-issues',
  'large-backlog',
  'merge-conflict',
  'enterprise-repo',
  'ci-cd-pipeline',
  'rich-org',
] as const;
export type NamedSeed = (typeof NAMED_SEEDS)[number];

export const SEED_DESCRIPTIONS: Record<NamedSeed, string> = {
  empty: 'One user (octocat), no repositories.',
  'small-project':
    'Org acme with acme/widgets: files, branches, 3 issues, 2 pull requests, a check run, an installed app.',
  'stale-issues': 'acme/legacy-service with issues last updated between 2 days and 400 days ago, some labelled stale.',
  'large-backlog': 'acme/platform with 1,200 issues (labels, assignees, milestones, comments) and 10 pull requests.',
  'merge-conflict': 'acme/conflicts with one pull request that conflicts with main and one that merges cleanly.',
  'enterprise-repo':
    'Org acme-corp with teams (one secret, one nested), CODEOWNERS and protected main branches (2 approvals, code owner review, ci/test) on acme-corp/api and acme-corp/web.',
  'ci-cd-pipeline':
    'acme/service with CI, Deploy and Lint workflows and their runs (green, red with logs, in progress), statuses, main protected by the test check.',
  'rich-org':
    'Org globex with four teams and four repositories (one private), labels, milestones, issues and pull requests in every state, CODEOWNERS, protected branches.',
};

const cache = new Map<string, ParsedSeed>();
/** Seed objects and files already validated: every run of a scenario seeds its own clone from the same one. */
const objects = new WeakMap<object, ParsedSeed>();
const files = new Map<string, ParsedSeed>();

function validateSeed(value: unknown, source: string): ParsedSeed {
  const result = seedSchema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, source);
  return result.data;
}

/**
 * A named seed as loadSeed returns it. Named seeds ship with Archal and are not validated here: the
 * tests check that each is valid and parses to itself (test/clones/seeds.test.ts), and building and
 * running the seed schema was a good part of a run's start-up.
 */
export function namedSeedData(name: NamedSeed): ParsedSeed {
  return namedSeedJson(name) as ParsedSeed;
}

function namedSeedJson(name: NamedSeed): unknown {
  if (name === 'large-backlog') return largeBacklogSeed();
  return JSON.parse(readFileSync(join(bundledDir(), 'seeds', 'github', `${name}.json`), 'utf8'));
}

/** Which seed files may be read. */
export interface SeedFileRules {
  /** false: only named seeds and seed objects (what the control API accepts: it reads no files). */
  files?: boolean;
  /** Seed files must be inside this directory (a repository: its scenarios cannot read the rest of the machine). */
  root?: string;
}

/**
 * The seed of a `.md` seed file (Archal takes seeds as `.json` or `.md` files): its first ```json
 * block, as a scenario's `## Seed State` holds one, and where that block starts in the file.
 */
function markdownSeed(text: string, file: string): { json: string; offset: number } {
  const fenced = /^```json[^\S\n]*\n([\s\S]*?)^```/m.exec(text);
  if (!fenced)
    throw new SeedError(
      [
        {
          path: '',
          message: 'no ```json block: a .md seed file holds its seed in one, as a scenario’s ## Seed State does',
        },
      ],
      file,
    );
  return { json: fenced[1]!, offset: fenced.index + fenced[0].indexOf('\n') + 1 };
}

/**
 * A seed from a name (`small-project`), a JSON or markdown file path, or an object. Named seeds are parsed
 * once per process: every clone instance after the first starts without re-reading them. Errors
 * about a seed file never quote its content.
 */
export function loadSeed(
  input: string | Seed,
  cwd = process.cwd(),
  rules: SeedFileRules = {},
): { seed: ParsedSeed; source: string } {
  if (typeof input !== 'string') {
    let seed = objects.get(input);
    if (!seed) objects.set(input, (seed = validateSeed(input, 'seed')));
    return { seed, source: 'custom' };
  }
  if ((NAMED_SEEDS as readonly string[]).includes(input)) {
    let seed = cache.get(input);
    if (!seed) {
      seed = namedSeedData(input as NamedSeed);
      cache.set(input, seed);
    }
    return { seed, source: input };
  }
  const looksLikePath = input.endsWith('.json') || input.endsWith('.md') || input.includes('/') || input.includes('\\');
  if (rules.files === false)
    throw new SeedError(
      [
        {
          path: '',
          message: `${unknown('seed', input, NAMED_SEEDS)}: give a named seed (${NAMED_SEEDS.join(', ')}) or a seed object; seed files are not read here`,
        },
      ],
      'seed',
    );
  const file = resolve(cwd, input);
  if (looksLikePath && rules.root !== undefined && !inside(file, rules.root))
    throw new SeedError(
      [{ path: '', message: `${input} is outside ${rules.root}; seed files must be inside the repository` }],
      'seed',
    );
  if (looksLikePath && !existsSync(file))
    throw new SeedError([{ path: '', message: `seed file ${input} does not exist (looked for ${file})` }], 'seed');
  if (!looksLikePath)
    throw new SeedError(
      [
        {
          path: '',
          message:
            unknown('seed', input, NAMED_SEEDS) +
            ` (named seeds: ${NAMED_SEEDS.join(', ')}; or a path to a .json or .md file)`,
        },
      ],
      'seed',
    );
  // Keyed by what the file is now, so an edited seed is read again.
  const { mtimeMs, size } = statSync(file);
  const key = `${file}\0${mtimeMs}\0${size}`;
  const known = files.get(key);
  if (known) return { seed: known, source: file };
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.seed, strictUtf8: true });
  if (!read.ok) throw new SeedError([{ path: '', message: read.message }], file);
  const { json, offset } = file.endsWith('.md') ? markdownSeed(read.text, file) : { json: read.text, offset: 0 };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    // Where, never what: the file may be anything, and its bytes are not ours to repeat.
    const { line, column } = lineAndColumn(read.text, offset + findJsonError(json).offset);
    throw new SeedError([{ path: '', message: `not valid JSON (line ${line}, column ${column})` }], file);
  }
  const seed = validateSeed(data, file);
  if (files.size >= 100) files.clear();
  files.set(key, seed);
  return { seed, source: file };
}

/** Whether `file` (symbolic links resolved) is inside `root`. */
function inside(file: string, root: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const rel = relative(real(root), real(file));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
