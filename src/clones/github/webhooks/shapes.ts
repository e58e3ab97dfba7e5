/**
 * Webhook payload objects differ from REST ones: GitHub's webhook schemas list their exact fields
 * (no extras allowed). These pick the webhook fields out of the REST renderings.
 */
type Json = Record<string, unknown>;

const USER =
  'login id node_id name email avatar_url gravatar_id url html_url followers_url following_url gists_url starred_url subscriptions_url organizations_url repos_url events_url received_events_url type site_admin';
const REPOSITORY =
  'id node_id name full_name private owner html_url description fork url forks_url keys_url collaborators_url teams_url hooks_url issue_events_url events_url assignees_url branches_url tags_url blobs_url git_tags_url git_refs_url trees_url statuses_url languages_url stargazers_url contributors_url subscribers_url subscription_url commits_url git_commits_url comments_url issue_comment_url contents_url compare_url merges_url archive_url downloads_url issues_url pulls_url milestones_url notifications_url labels_url releases_url deployments_url created_at updated_at pushed_at git_url ssh_url clone_url svn_url homepage size stargazers_count watchers_count language has_issues has_projects has_downloads has_wiki has_pages has_discussions forks_count mirror_url archived disabled open_issues_count license forks open_issues watchers default_branch allow_squash_merge allow_merge_commit allow_rebase_merge allow_auto_merge allow_forking allow_update_branch use_squash_pr_title_as_default squash_merge_commit_message squash_merge_commit_title merge_commit_message merge_commit_title is_template web_commit_signoff_required topics visibility delete_branch_on_merge';
const ISSUE =
  'url repository_url labels_url comments_url events_url html_url id node_id number title user labels state locked assignee assignees milestone comments created_at updated_at closed_at author_association active_lock_reason draft performed_via_github_app pull_request body reactions timeline_url state_reason';
const LABEL = 'id node_id url name description color default';
const MILESTONE =
  'url html_url labels_url id node_id number title description creator open_issues closed_issues state created_at updated_at due_on closed_at';
const COMMENT =
  'url html_url issue_url id node_id user created_at updated_at author_association body reactions performed_via_github_app';
const PULL =
  'url id node_id html_url diff_url patch_url issue_url number state locked title user body created_at updated_at closed_at merged_at merge_commit_sha assignee assignees requested_reviewers requested_teams labels milestone commits_url review_comments_url review_comment_url comments_url statuses_url head base _links author_association auto_merge active_lock_reason draft merged mergeable rebaseable mergeable_state merged_by comments review_comments maintainer_can_modify commits additions deletions changed_files';
const INSTALLATION =
  'id account repository_selection access_tokens_url repositories_url html_url app_id app_slug target_id target_type permissions events created_at updated_at single_file_name has_multiple_single_files single_file_paths suspended_by suspended_at';
const APP = 'id slug node_id owner name description external_url html_url created_at updated_at permissions events';
const TEAM =
  'name id node_id slug description privacy url html_url members_url repositories_url permission notification_setting';
const REACTIONS = 'url total_count +1 -1 laugh hooray confused heart rocket eyes';
const CHECK_RUN =
  'id node_id head_sha external_id url html_url details_url status conclusion started_at completed_at output name check_suite app pull_requests';
const CHECK_RUN_SUITE =
  'id node_id head_branch head_sha status conclusion url before after pull_requests app created_at updated_at';
const CHECK_SUITE =
  'id node_id head_branch head_sha status conclusion url before after pull_requests app created_at updated_at runs_rerequestable rerequestable latest_check_runs_count check_runs_url head_commit';

const SIMPLE_PULL =
  'url id node_id html_url diff_url patch_url issue_url number state locked title user body created_at updated_at closed_at merged_at merge_commit_sha assignee assignees requested_reviewers requested_teams labels milestone draft commits_url review_comments_url review_comment_url comments_url statuses_url head base _links author_association auto_merge active_lock_reason';
const REVIEW = 'id node_id user body commit_id submitted_at state html_url pull_request_url author_association _links';
const REVIEW_COMMENT =
  'url pull_request_review_id id node_id diff_hunk path position original_position commit_id original_commit_id user body created_at updated_at html_url pull_request_url author_association _links reactions start_line original_start_line start_side line original_line side in_reply_to_id subject_type';
const COMMIT = 'sha node_id commit url html_url comments_url author committer parents';
const GIT_COMMIT = 'author committer message tree url comment_count verification';
const VERIFICATION = 'verified reason signature payload';

const lists = new Map<string, string[]>();
function pick(value: Json, keys: string): Json {
  let list = lists.get(keys);
  if (!list) lists.set(keys, (list = keys.split(' ')));
  const out: Json = {};
  for (const key of list) if (key in value) out[key] = value[key];
  return out;
}

const maybe = <T>(value: unknown, convert: (v: Json) => T): T | null => (value ? convert(value as Json) : null);

export const hookUser = (user: Json): Json => pick(user, USER);

export function hookRepo(repo: Json): Json {
  return { ...pick(repo, REPOSITORY), owner: hookUser(repo.owner as Json), custom_properties: {} };
}

export const hookLabel = (label: Json): Json => pick(label, LABEL);

export const hookMilestone = (milestone: Json): Json => ({
  ...pick(milestone, MILESTONE),
  creator: maybe(milestone.creator, hookUser),
});

function hookApp(app: Json): Json {
  return { ...pick(app, APP), owner: hookUser(app.owner as Json) };
}

export function hookIssue(issue: Json): Json {
  return {
    ...pick(issue, ISSUE),
    user: maybe(issue.user, hookUser),
    labels: ((issue.labels as Json[]) ?? []).map(hookLabel),
    assignee: maybe(issue.assignee, hookUser),
    assignees: ((issue.assignees as Json[]) ?? []).map(hookUser),
    milestone: maybe(issue.milestone, hookMilestone),
    reactions: pick(issue.reactions as Json, REACTIONS),
    performed_via_github_app: maybe(issue.performed_via_github_app, hookApp),
  };
}

export function hookComment(comment: Json): Json {
  return {
    ...pick(comment, COMMENT),
    user: maybe(comment.user, hookUser),
    reactions: pick(comment.reactions as Json, REACTIONS),
    performed_via_github_app: maybe(comment.performed_via_github_app, hookApp),
  };
}

function hookBranchRef(ref: Json): Json {
  return {
    label: ref.label,
    ref: ref.ref,
    sha: ref.sha,
    user: hookUser(ref.user as Json),
    repo: maybe(ref.repo, hookRepo),
  };
}

export function hookPull(pull: Json): Json {
  return {
    ...pick(pull, PULL),
    user: hookUser(pull.user as Json),
    assignee: maybe(pull.assignee, hookUser),
    assignees: ((pull.assignees as Json[]) ?? []).map(hookUser),
    requested_reviewers: ((pull.requested_reviewers as Json[]) ?? []).map(hookUser),
    requested_teams: ((pull.requested_teams as Json[]) ?? []).map(hookTeam),
    labels: ((pull.labels as Json[]) ?? []).map(hookLabel),
    milestone: maybe(pull.milestone, hookMilestone),
    merged_by: maybe(pull.merged_by, hookUser),
    head: hookBranchRef(pull.head as Json),
    base: hookBranchRef(pull.base as Json),
  };
}

/** A team (webhooks carry fewer of its fields than REST), with its parent. */
export function hookTeam(team: Json): Json {
  return { ...pick(team, TEAM), parent: maybe(team.parent, (parent) => pick(parent, TEAM)) };
}

export function hookInstallation(installation: Json): Json {
  return { ...pick(installation, INSTALLATION), account: hookUser(installation.account as Json) };
}

/** A check run; `suite` is the full REST check suite (webhooks embed more of it than REST does). */
export function hookCheckRun(run: Json, suite: Json): Json {
  const output = run.output as Json;
  return {
    ...pick(run, CHECK_RUN),
    external_id: run.external_id ?? '',
    details_url: run.details_url ?? run.html_url,
    output: {
      title: output.title ?? null,
      summary: output.summary ?? null,
      text: output.text ?? null,
      annotations_count: output.annotations_count,
      annotations_url: output.annotations_url,
    },
    check_suite: { ...pick(suite, CHECK_RUN_SUITE), app: hookApp(suite.app as Json) },
    app: hookApp(run.app as Json),
  };
}

export function hookCheckSuite(suite: Json): Json {
  return { ...pick(suite, CHECK_SUITE), app: hookApp(suite.app as Json) };
}

/** The pull request as review events embed it (fewer fields than `pull_request` events). */
export const hookSimplePull = (pull: Json): Json => pick(hookPull(pull), SIMPLE_PULL);

/** A review; webhooks spell its state in lowercase (`approved`), REST in uppercase. */
export function hookReview(review: Json): Json {
  return {
    ...pick(review, REVIEW),
    user: maybe(review.user, hookUser),
    state: String(review.state).toLowerCase(),
    submitted_at: review.submitted_at ?? null,
  };
}

export function hookReviewComment(comment: Json, reactionsUrl: string): Json {
  return {
    ...pick(comment, REVIEW_COMMENT),
    user: maybe(comment.user, hookUser),
    pull_request_review_id: comment.pull_request_review_id ?? 0,
    position: comment.position ?? null,
    original_position: comment.original_position ?? comment.position ?? 1,
    original_line: comment.original_line ?? comment.line ?? 1,
    reactions: {
      url: reactionsUrl,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}

/** A commit as the `status` event embeds it (REST's commit without stats and files). */
export function hookCommit(commit: Json): Json {
  return {
    ...pick(commit, COMMIT),
    commit: {
      ...pick(commit.commit as Json, GIT_COMMIT),
      verification: pick((commit.commit as Json).verification as Json, VERIFICATION),
    },
    author: maybe(commit.author, hookUser),
    committer: maybe(commit.committer, hookUser),
  };
}
