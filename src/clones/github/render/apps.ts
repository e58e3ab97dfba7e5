import type { AppRecord, InstallationRecord } from '../state/model.js';
import { nodeId } from './urls.js';
import { simpleUser } from './users.js';
import type { View } from './view.js';

/** `integration`: a GitHub App. */
export function renderApp(view: View, app: AppRecord) {
  const owner = view.store.get('user', app.ownerId)!;
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('App', app.id),
    client_id: app.clientId,
    owner: simpleUser(view, owner),
    name: app.name,
    description: app.description,
    external_url: `${view.urls.web}/apps/${app.slug}`,
    html_url: `${view.urls.web}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
    permissions: { ...app.permissions },
    events: [...app.events],
    installations_count: view.store.countWhere('installation', `app:${app.id}`),
  };
}

export function renderAppById(view: View, id: number | null | undefined) {
  const app = view.store.get('app', id);
  return app ? renderApp(view, app) : null;
}

/** `installation`. */
export function renderInstallation(view: View, installation: InstallationRecord) {
  const app = view.store.get('app', installation.appId)!;
  const account = view.store.get('user', installation.accountId)!;
  return {
    id: installation.id,
    // GitHub's description of the installation list types `account` as user *and* enterprise;
    // the enterprise fields keep such responses valid and are ignored by clients.
    account: {
      ...simpleUser(view, account),
      name: account.name ?? account.login,
      slug: account.login.toLowerCase(),
      created_at: account.createdAt,
      updated_at: account.updatedAt,
    },
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${view.urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${view.urls.api}/installation/repositories`,
    html_url: `${view.urls.web}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    client_id: app.clientId,
    target_id: account.id,
    target_type: account.type,
    permissions: { ...installation.permissions },
    events: [...installation.events],
    created_at: installation.createdAt,
    updated_at: installation.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
