import { DefaultArtifactClient } from '@actions/artifact';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Every regular file under `dir`. Symbolic links are left out: the upload would follow them, and
 * a link left in the folder by a command Archal ran (a fix command knows where its attempt's folder
 * is) would put a file from outside it, unredacted, into the artifact.
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * Starts a call of the artifact client with its GitHub Enterprise Server refusal lifted where the
 * runner names a results service. @actions/artifact refuses, before any request, every
 * GITHUB_SERVER_URL but github.com, *.ghe.com and *.localhost, taking the rest for a GitHub
 * Enterprise Server, which has no results service; yet the client talks only to ACTIONS_RESULTS_URL,
 * so where the runner sets that variable (GitHub's runners, a local GitHub clone) the server's name
 * decides nothing and the call is tried (a failure is then the service's own). Without it the
 * client's refusal stands. The client checks as a call starts, before its first await: the variable
 * is unset for that synchronous moment only, so nothing else in the process sees it changed, and
 * every URL the Action prints is built from the real GITHUB_SERVER_URL.
 */
function artifactCall<T>(call: (client: DefaultArtifactClient) => Promise<T>): Promise<T> {
  const client = new DefaultArtifactClient();
  const serverUrl = process.env.GITHUB_SERVER_URL;
  if (!process.env.ACTIONS_RESULTS_URL || serverUrl === undefined) return call(client);
  delete process.env.GITHUB_SERVER_URL;
  try {
    return call(client);
  } finally {
    process.env.GITHUB_SERVER_URL = serverUrl;
  }
}

export interface UploadedArtifact {
  id: number;
  url: string | null;
}

/** Uploads a directory as one artifact of this workflow run. */
export async function uploadDirectory(
  name: string,
  dir: string,
  options: { retentionDays?: number; runUrl: string | null },
): Promise<UploadedArtifact> {
  const { id } = await artifactCall((client) =>
    client.uploadArtifact(name, filesUnder(dir), dir, {
      ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
    }),
  );
  if (id === undefined) throw new Error(`the artifact service did not return an id for ${name}`);
  return { id, url: options.runUrl ? `${options.runUrl}/artifacts/${id}` : null };
}

/**
 * Uploads one file as an artifact of its own, not zipped, so that its link opens the file itself
 * (the artifact is named after the file).
 */
export async function uploadFile(
  file: string,
  options: { retentionDays?: number; runUrl: string | null },
): Promise<UploadedArtifact> {
  const { id } = await artifactCall((client) =>
    client.uploadArtifact(basename(file), [file], dirname(file), {
      skipArchive: true,
      ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
    }),
  );
  if (id === undefined) throw new Error(`the artifact service did not return an id for ${basename(file)}`);
  return { id, url: options.runUrl ? `${options.runUrl}/artifacts/${id}` : null };
}

/** Downloads this run's artifacts named `<prefix><n>` (the shards), each into its own directory. */
export async function downloadShards(prefix: string, into: string): Promise<string[]> {
  const { artifacts } = await artifactCall((client) => client.listArtifacts({ latest: true }));
  const shards = artifacts
    .filter((artifact) => artifact.name.startsWith(prefix) && /^\d+$/.test(artifact.name.slice(prefix.length)))
    .sort((a, b) => Number(a.name.slice(prefix.length)) - Number(b.name.slice(prefix.length)));
  const dirs: string[] = [];
  for (const artifact of shards) {
    const path = join(into, artifact.name);
    await artifactCall((client) => client.downloadArtifact(artifact.id, { path }));
    dirs.push(path);
  }
  return dirs;
}
