import { callOperation } from '../../http/operations-call.js';
import { apiErrorText, rest, restList, text, ToolError, type ToolHandler } from './common.js';

type Team = { name: string; slug: string; description: string | null; organization?: { login: string } };

/** The teams as github-mcp-server groups them: by organization, each team's name, slug and description. */
function byOrganization(teams: Array<{ org: string; team: Team }>) {
  const orgs = new Map<string, Array<{ name: string; slug: string; description: string }>>();
  for (const { org, team } of teams)
    orgs.set(org, [
      ...(orgs.get(org) ?? []),
      { name: team.name, slug: team.slug, description: team.description ?? '' },
    ]);
  return [...orgs].map(([org, list]) => ({ org, teams: list }));
}

/** The context toolset's team tools (GraphQL in github-mcp-server), over the clone's team operations. */
export const teamTools: Record<string, ToolHandler> = {
  get_teams: async (ctx, args) => {
    const user = text(args.user);
    if (!user) {
      const teams = (await restList(ctx, 'teams/list-for-authenticated-user', { query: { per_page: 100 } })) as Team[];
      return byOrganization(teams.map((team) => ({ org: team.organization?.login ?? '', team })));
    }
    // Another user's teams, in the organizations the token sees (GitHub's `teams(userLogins:)`).
    const orgs = (await restList(ctx, 'orgs/list-for-authenticated-user', { query: { per_page: 100 } })) as Array<{
      login: string;
    }>;
    const found: Array<{ org: string; team: Team }> = [];
    for (const { login: org } of orgs) {
      const teams = (await restList(ctx, 'teams/list', { params: { org }, query: { per_page: 100 } })) as Team[];
      for (const team of teams) {
        const membership = await callOperation(ctx, 'teams/get-membership-for-user-in-org', {
          params: { org, team_slug: team.slug, username: user },
        });
        if (membership.ok && (membership.body as { state?: string }).state === 'active') found.push({ org, team });
      }
    }
    return byOrganization(found);
  },

  get_team_members: async (ctx, args) => {
    const org = String(args.org);
    const members = await callOperation(ctx, 'teams/list-members-in-org', {
      params: { org, team_slug: String(args.team_slug) },
      query: { per_page: 100 },
    });
    if (members.ok) return (members.body as Array<{ login: string }>).map((member) => member.login);
    // GitHub's server reads `organization.team(slug:)`: no such team in an organization is no members.
    if (members.status === 404) {
      await rest(ctx, 'orgs/get', { params: { org } }, 'get team members');
      return [];
    }
    throw new ToolError(`failed to get team members: ${apiErrorText(members)}`);
  },
};
