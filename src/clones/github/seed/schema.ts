import * as z from 'zod';
import { lazySchema, memo } from '../../../lib/lazy.js';
import { REACTION_CONTENTS } from '../state/model.js';
import { isTimeSpec } from './time.js';

/**
 * The seed format's schemas, built on first use: building them is a good part of a run's start-up,
 * and a run on a named seed never needs them (named seeds are checked by the tests, see loadSeed).
 */
function buildSeedSchemas() {
  const time = z
    .string()
    .refine(isTimeSpec, 'expected a time: ISO 8601 ("2024-05-01T12:00:00Z") or relative ("-95d", "-3h", "+1w", "now")');
  const login = z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'expected a GitHub login (letters, digits and "-", at most 39)');
  const repoName = z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'expected a repository name (letters, digits, "_", ".", "-")')
    .refine(
      (name) => name !== '.' && name !== '..' && !name.toLowerCase().endsWith('.git'),
      'not a valid repository name',
    );
  const branchName = z.string().min(1).max(255);
  const role = z.enum(['admin', 'maintain', 'write', 'triage', 'read']);
  const access = z.enum(['read', 'write', 'admin']);
  const permissions = z
    .record(z.string(), access)
    .describe('App permissions, e.g. {"issues": "write", "contents": "read"}.');

  /** A file path inside a repository: relative, no `.`/`..` segments, nothing under `.git`. */
  const filePathSchema = z
    .string()
    .min(1)
    .refine(
      (path) =>
        !path.startsWith('/') &&
        path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\0')) &&
        path.split('/')[0]!.toLowerCase() !== '.git',
      'expected a relative file path without "." or ".." segments',
    );

  const fileContent = z.union([
    z.string().describe('UTF-8 text'),
    z
      .object({
        content: z.string(),
        encoding: z.enum(['utf8', 'base64']).optional(),
        executable: z.boolean().optional(),
      })
      .strict(),
    z.null().describe('deletes the file (in a commit on top of existing content)'),
  ]);
  const files = z.record(filePathSchema, fileContent).describe('Path → content. null deletes the path.');

  const commit = z
    .object({
      message: z.string().min(1),
      author: login.optional().describe('A seeded user; default: the repository owner (or defaultUser).'),
      date: time.optional(),
      files,
    })
    .strict();

  const branch = z
    .object({
      name: branchName,
      from: branchName
        .optional()
        .describe('Where it starts: a branch, or `branch~N` (N commits back). Default: the default branch.'),
      commits: z.array(commit).optional(),
    })
    .strict();

  const label = z
    .object({
      name: z.string().min(1).max(50),
      color: z
        .string()
        .regex(/^[0-9a-fA-F]{6}$/)
        .optional(),
      description: z.string().max(100).nullable().optional(),
    })
    .strict();

  const milestone = z
    .object({
      title: z.string().min(1),
      number: z.number().int().positive().optional(),
      description: z.string().nullable().optional(),
      state: z.enum(['open', 'closed']).optional(),
      dueOn: time.nullable().optional(),
      creator: login.optional(),
      createdAt: time.optional(),
    })
    .strict();

  const reaction = z.object({ user: login, content: z.enum(REACTION_CONTENTS) }).strict();

  const comment = z
    .object({
      author: login,
      body: z.string(),
      createdAt: time.optional(),
      updatedAt: time.optional(),
      reactions: z.array(reaction).optional(),
    })
    .strict();

  const issueFields = {
    number: z.number().int().positive().optional(),
    title: z.string().min(1),
    body: z.string().nullable().optional(),
    author: login,
    labels: z.array(z.string()).optional().describe('Names of labels of the repository.'),
    assignees: z.array(login).optional(),
    milestone: z.string().optional().describe('Title of a milestone of the repository.'),
    locked: z.boolean().optional(),
    createdAt: time.optional(),
    updatedAt: time.optional(),
    closedAt: time.optional(),
    comments: z.array(comment).optional(),
    reactions: z.array(reaction).optional(),
  };

  const issue = z
    .object({
      ...issueFields,
      state: z.enum(['open', 'closed']).optional(),
      stateReason: z.enum(['completed', 'not_planned', 'duplicate']).optional(),
      closedBy: login.optional(),
    })
    .strict();

  const review = z
    .object({
      user: login,
      state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED']),
      body: z.string().optional(),
      submittedAt: time.optional(),
    })
    .strict();

  const pull = z
    .object({
      ...issueFields,
      head: branchName.describe('A branch of the same repository.'),
      base: branchName.optional().describe('Default: the default branch.'),
      draft: z.boolean().optional(),
      state: z.enum(['open', 'closed']).optional(),
      requestedReviewers: z.array(login).optional(),
      requestedTeams: z
        .array(z.string().min(1))
        .optional()
        .describe("Slugs of the owning organization's teams asked for a review (teams with access to the repository)."),
      reviews: z.array(review).optional(),
    })
    .strict();

  const checkRun = z
    .object({
      ref: z.string().min(1).describe('A branch or commit SHA of the repository.'),
      name: z.string().min(1),
      app: z.string().describe('Slug of a seeded app.'),
      status: z.enum(['queued', 'in_progress', 'completed']).optional(),
      conclusion: z
        .enum(['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'])
        .optional(),
      output: z
        .object({ title: z.string().optional(), summary: z.string().optional(), text: z.string().optional() })
        .strict()
        .optional(),
      detailsUrl: z.string().optional(),
    })
    .strict();

  const status = z
    .object({
      ref: z.string().min(1),
      context: z.string().min(1),
      state: z.enum(['error', 'failure', 'pending', 'success']),
      description: z.string().nullable().optional(),
      targetUrl: z.string().nullable().optional(),
      creator: login.optional(),
    })
    .strict();

  const runStatus = z.enum(['queued', 'in_progress', 'completed']);
  const runConclusion = z.enum([
    'success',
    'failure',
    'cancelled',
    'skipped',
    'neutral',
    'timed_out',
    'action_required',
  ]);

  const workflowJob = z
    .object({
      name: z.string().min(1),
      backendId: z
        .string()
        .min(1)
        .optional()
        .describe("The job's results-service id (runtime token scope). Default: a UUID."),
      status: runStatus.optional().describe("Default: the run's status."),
      conclusion: runConclusion.optional(),
      steps: z
        .array(
          z
            .object({ name: z.string().min(1), status: runStatus.optional(), conclusion: runConclusion.optional() })
            .strict(),
        )
        .optional(),
      log: z.string().optional().describe('The job log served by GET …/actions/jobs/{id}/logs.'),
    })
    .strict();

  const workflowRun = z
    .object({
      workflow: z
        .string()
        .regex(/^\.github\/workflows\/[^/]+\.ya?ml$/, 'expected ".github/workflows/<file>.yml"')
        .optional()
        .describe('Default: ".github/workflows/ci.yml".'),
      name: z.string().min(1).optional().describe("Default: the workflow file's name."),
      event: z.string().min(1).optional().describe('Default: "push".'),
      headBranch: branchName.optional().describe('Default: the default branch.'),
      headSha: z
        .string()
        .optional()
        .describe('A commit SHA or branch of the repository. Default: the tip of headBranch.'),
      status: runStatus.optional().describe('Default: "completed".'),
      conclusion: runConclusion.optional().describe('Default: "success" once completed.'),
      actor: login.optional(),
      backendId: z
        .string()
        .min(1)
        .optional()
        .describe("The run's results-service id (runtime token scope). Default: a UUID."),
      createdAt: time.optional(),
      jobs: z.array(workflowJob).optional().describe('Default: one job named "build".'),
      token: z
        .string()
        .min(8)
        .optional()
        .describe("The run's GITHUB_TOKEN: an installation token of the github-actions app on this repository."),
      permissions: permissions.optional().describe("The GITHUB_TOKEN's permissions. Default: GitHub's permissive set."),
    })
    .strict();

  const protection = z
    .object({
      requiredApprovingReviews: z
        .number()
        .int()
        .min(0)
        .max(6)
        .optional()
        .describe('Approvals a pull request needs before it merges. Absent: no review requirement.'),
      requireCodeOwnerReviews: z
        .boolean()
        .optional()
        .describe('One approval must come from a code owner of each owned file.'),
      dismissStaleReviews: z.boolean().optional().describe('Approvals of an older head commit do not count.'),
      requiredStatusChecks: z
        .array(z.string().min(1))
        .optional()
        .describe('Status contexts or check run names that must pass on the head commit.'),
      strict: z.boolean().optional().describe('The head must contain the base branch tip before merging.'),
      enforceAdmins: z
        .boolean()
        .optional()
        .describe('Admins are held to the rules too. Default: false (they bypass them).'),
      requireLinearHistory: z.boolean().optional(),
      allowForcePushes: z.boolean().optional(),
      allowDeletions: z.boolean().optional(),
      requireConversationResolution: z.boolean().optional(),
      lockBranch: z.boolean().optional().describe('Read-only: nothing can be pushed or merged.'),
    })
    .strict();

  const team = z
    .object({
      name: z.string().min(1),
      slug: z
        .string()
        .regex(/^[a-z0-9_-]+$/)
        .optional()
        .describe("Default: GitHub's slug of the name."),
      description: z.string().nullable().optional(),
      privacy: z.enum(['closed', 'secret']).optional().describe('Default: "closed" (visible to the organization).'),
      parent: z.string().optional().describe('Slug of its parent team (a child team inherits its repository access).'),
      members: z
        .record(login, z.enum(['member', 'maintainer']))
        .optional()
        .describe('login → role in the team (members join the organization too).'),
      repos: z.record(repoName, role).optional().describe("Repository of the organization → the team's role on it."),
      createdAt: time.optional(),
    })
    .strict();

  const repo = z
    .object({
      owner: login.describe('A seeded user or organization.'),
      name: repoName,
      description: z.string().nullable().optional(),
      homepage: z.string().nullable().optional(),
      private: z.boolean().optional(),
      defaultBranch: branchName.optional().describe('Default: "main".'),
      topics: z.array(z.string()).optional(),
      language: z.string().nullable().optional(),
      archived: z.boolean().optional(),
      hasIssues: z.boolean().optional(),
      createdAt: time.optional(),
      files: files
        .optional()
        .describe('The initial commit of the default branch. Without files the repository is empty.'),
      initialCommit: z
        .object({ message: z.string().min(1).optional(), author: login.optional(), date: time.optional() })
        .strict()
        .optional(),
      commits: z.array(commit).optional().describe('Further commits on the default branch.'),
      branches: z.array(branch).optional(),
      collaborators: z
        .record(
          login,
          z.union([
            role,
            z
              .object({
                name: z.string().min(1).max(100).describe("The custom role's name, as `role_name` shows it."),
                baseRole: z
                  .enum(['read', 'triage', 'write', 'maintain'])
                  .describe("The base role whose permissions it has (the API's `base_role`)."),
              })
              .strict()
              .describe("An organisation's custom repository role."),
          ]),
        )
        .optional()
        .describe('login → role, or a custom repository role {name, baseRole}.'),
      labels: z.array(label).optional().describe("Default: GitHub's default labels."),
      milestones: z.array(milestone).optional(),
      issues: z.array(issue).optional(),
      pulls: z.array(pull).optional(),
      checkRuns: z.array(checkRun).optional(),
      statuses: z.array(status).optional(),
      workflowRuns: z.array(workflowRun).optional().describe('GitHub Actions runs, with their jobs and logs.'),
      branchProtection: z
        .record(branchName, protection)
        .optional()
        .describe('Branch name → its classic branch protection.'),
    })
    .strict();

  const user = z
    .object({
      login,
      name: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
      bio: z.string().nullable().optional(),
      company: z.string().nullable().optional(),
      location: z.string().nullable().optional(),
      siteAdmin: z.boolean().optional(),
      createdAt: time.optional(),
    })
    .strict();

  const org = z
    .object({
      login,
      name: z.string().nullable().optional(),
      description: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
      members: z
        .record(login, z.enum(['admin', 'member']))
        .optional()
        .describe('login → role in the organization.'),
      memberRole: z
        .union([role, z.literal('none')])
        .optional()
        .describe('What members may do on its repositories without being collaborators. Default: "read".'),
      teams: z.array(team).optional().describe("The organization's teams."),
      createdAt: time.optional(),
    })
    .strict();

  const app = z
    .object({
      id: z.number().int().positive(),
      slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,33}$/),
      name: z.string().optional(),
      description: z.string().nullable().optional(),
      owner: login,
      clientId: z.string().optional(),
      publicKey: z
        .string()
        .includes('BEGIN')
        .optional()
        .describe('PEM public key app JWTs are verified with. Without it, app JWTs are refused.'),
      permissions: permissions.optional(),
      events: z.array(z.string()).optional(),
      createdAt: time.optional(),
    })
    .strict();

  const installation = z
    .object({
      id: z.number().int().positive(),
      app: z.string().describe('Slug of a seeded app.'),
      account: login.describe('The user or organization it is installed on.'),
      repositories: z
        .union([z.literal('all'), z.array(repoName)])
        .optional()
        .describe('Default: "all".'),
      permissions: permissions.optional().describe("Default: the app's permissions."),
      events: z.array(z.string()).optional(),
      createdAt: time.optional(),
    })
    .strict();

  const token = z
    .object({
      token: z.string().min(1).max(255),
      user: login.optional(),
      installation: z.number().int().positive().optional(),
    })
    .strict()
    .refine((value) => (value.user === undefined) !== (value.installation === undefined), {
      message: 'a token belongs to exactly one of "user" or "installation"',
    });

  const seedSchema = z
    .object({
      $schema: z.string().optional(),
      description: z.string().optional(),
      now: z.iso.datetime().optional().describe('Anchor of relative times. Default: the moment the seed is applied.'),
      defaultUser: login.optional().describe('Who unknown tokens act as. Default: the first user.'),
      strictTokens: z
        .boolean()
        .optional()
        .describe('Unknown tokens get 401 "Bad credentials" (as on GitHub) instead of acting as defaultUser.'),
      users: z.array(user).default([]),
      orgs: z.array(org).optional(),
      tokens: z.array(token).optional(),
      repos: z.array(repo).optional(),
      apps: z.array(app).optional(),
      installations: z.array(installation).optional(),
    })
    .strict();

  return { seedSchema, repo, issue, pull, commit, files, comment, workflowRun };
}
type SeedSchemas = ReturnType<typeof buildSeedSchemas>;
const seedSchemas = memo(buildSeedSchemas);

/** A seed (parsed, failed and converted to JSON Schema as the schema it builds on first use). */
export const seedSchema = lazySchema(() => seedSchemas().seedSchema);

export type Seed = z.input<SeedSchemas['seedSchema']>;
export type ParsedSeed = z.output<SeedSchemas['seedSchema']>;
export type SeedRepo = z.output<SeedSchemas['repo']>;
export type SeedIssue = z.output<SeedSchemas['issue']>;
export type SeedPull = z.output<SeedSchemas['pull']>;
export type SeedCommit = z.output<SeedSchemas['commit']>;
export type SeedFiles = z.output<SeedSchemas['files']>;
export type SeedComment = z.output<SeedSchemas['comment']>;
export type SeedWorkflowRun = z.output<SeedSchemas['workflowRun']>;

/** JSON Schema of the seed format, for editors (`schema/github-seed.schema.json`). */
export function seedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(seedSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://archal.dev/schema/github-seed.schema.json',
    title: 'Archal GitHub clone seed',
  };
}
