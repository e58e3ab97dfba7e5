import { ApiError } from '../state/errors.js';

/**
 * A repository file path from a URL or body: no `.`/`..` segments, no NUL, no `.git/`. Contents
 * are read from git trees, never from the disk, but a path git would refuse must be refused here.
 */
export function normalizeRepoPath(raw: string, options: { allowRoot?: boolean } = {}): string {
  const path = raw.replace(/^\/+|\/+$/g, '');
  if (path === '') {
    if (options.allowRoot) return '';
    throw new ApiError(422, 'Invalid request.\n\n"path" wasn\'t supplied.', {
      errors: [{ resource: 'Content', field: 'path', code: 'missing_field' }],
    });
  }
  const parts = path.split('/');
  const bad = parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\0'));
  if (bad || parts[0]!.toLowerCase() === '.git')
    throw new ApiError(422, `path contains a malformed path component`, {
      errors: [{ resource: 'Content', field: 'path', code: 'invalid', value: raw }],
    });
  return path;
}
