import { DefaultArtifactClient } from '@actions/artifact';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Every file under `dir`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
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
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(name, filesUnder(dir), dir, {
    ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
  });
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
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(basename(file), [file], dirname(file), {
    skipArchive: true,
    ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
  });
  if (id === undefined) throw new Error(`the artifact service did not return an id for ${basename(file)}`);
  return { id, url: options.runUrl ? `${options.runUrl}/artifacts/${id}` : null };
}

/** Downloads this run's artifacts named `<prefix><n>` (the shards), each into its own directory. */
export async function downloadShards(prefix: string, into: string): Promise<string[]> {
  const client = new DefaultArtifactClient();
  const { artifacts } = await client.listArtifacts({ latest: true });
  const shards = artifacts
    .filter((artifact) => artifact.name.startsWith(prefix) && /^\d+$/.test(artifact.name.slice(prefix.length)))
    .sort((a, b) => Number(a.name.slice(prefix.length)) - Number(b.name.slice(prefix.length)));
  const dirs: string[] = [];
  for (const artifact of shards) {
    const path = join(into, artifact.name);
    await client.downloadArtifact(artifact.id, { path });
    dirs.push(path);
  }
  return dirs;
}
