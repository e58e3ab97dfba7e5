import type { DomainContext } from '../domain/context.js';
import { callOperation } from '../http/operations-call.js';
import { nodeId } from '../render/urls.js';
import type { TeamRecord, UserRecord } from '../state/model.js';
import { teamMemberIds } from '../state/teams.js';
import { connection, gqlError, upper, type ConnectionArgs, type Gql } from './context.js';
import { links } from './links.js';

/** A team of an organization (`Team`). */
export function teamObject(domain: DomainContext, team: TeamRecord): Gql {
  const org = domain.store.get('user', team.orgId)!;
  const path = `/orgs/${org.login}/teams/${team.slug}`;
  return {
    __typename: 'Team',
    id: nodeId('Team', team.id),
    databaseId: team.id,
    name: team.name,
    slug: team.slug,
    combinedSlug: `${org.login}/${team.slug}`,
    description: team.description,
    privacy: team.privacy === 'secret' ? 'SECRET' : 'VISIBLE',
    notificationSetting: upper(team.notificationSetting),
    url: `${domain.urls.web}${path}`,
    resourcePath: path,
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
    organization: () => links.actor(domain, team.orgId),
    parentTeam: () => {
      const parent = domain.store.get('team', team.parentId);
      return parent ? teamObject(domain, parent) : null;
    },
    members: (args: ConnectionArgs) =>
      connection(
        [...teamMemberIds(domain.store, team).keys()]
          .map((id) => domain.store.get('user', id))
          .filter((user): user is UserRecord => user !== undefined)
          .sort((a, b) => a.login.localeCompare(b.login)),
        args,
        (user) => links.actor(domain, user.id),
        'TeamMember',
      ),
  };
}

/** `Organization.team(slug)`: the team REST's `GET /orgs/{org}/teams/{slug}` shows the viewer, else null. */
export async function organizationTeam(domain: DomainContext, org: UserRecord, slug: string): Promise<Gql | null> {
  const result = await callOperation(domain, 'teams/get-by-name', { params: { org: org.login, team_slug: slug } });
  if (!result.ok) {
    if (result.status === 403 || result.status === 404) return null;
    throw gqlError('UNPROCESSABLE', result.message);
  }
  const team = domain.store.get('team', (result.body as { id: number }).id);
  return team ? teamObject(domain, team) : null;
}

export interface TeamsArgs extends ConnectionArgs {
  privacy?: string | null;
  query?: string | null;
  rootTeamsOnly?: boolean | null;
  userLogins?: string[] | null;
  orderBy?: { field: string; direction: string } | null;
}

/**
 * `Organization.teams`: the teams the viewer may see (REST's `GET /orgs/{org}/teams`, so secret
 * teams only for their members and the organization's admins, none for outsiders), filtered and
 * ordered as the arguments ask.
 */
export async function organizationTeams(domain: DomainContext, org: UserRecord, args: TeamsArgs) {
  const teams: TeamRecord[] = [];
  for (let page = 1; ; page++) {
    const result = await callOperation(domain, 'teams/list', {
      params: { org: org.login },
      query: { per_page: 100, page },
    });
    if (!result.ok) {
      if (result.status === 403 || result.status === 404) break;
      throw gqlError('UNPROCESSABLE', result.message);
    }
    const items = result.body as Array<{ id: number }>;
    for (const item of items) {
      const team = domain.store.get('team', item.id);
      if (team) teams.push(team);
    }
    if (items.length < 100) break;
  }
  const query = args.query?.toLowerCase();
  const members = args.userLogins?.map((login) => domain.store.userByLogin(login)?.id);
  const selected = teams
    .filter((team) => !args.privacy || (args.privacy === 'SECRET') === (team.privacy === 'secret'))
    .filter((team) => !args.rootTeamsOnly || team.parentId === null)
    .filter((team) => !query || team.name.toLowerCase().includes(query) || team.slug.includes(query))
    .filter((team) => {
      if (!members) return true;
      const ids = teamMemberIds(domain.store, team);
      return members.some((id) => id !== undefined && ids.has(id));
    })
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id);
  if (args.orderBy?.direction === 'DESC') selected.reverse();
  return connection(selected, args, (team) => teamObject(domain, team), 'Team');
}
