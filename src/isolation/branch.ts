/**
 * Why a branch name is unusable, or undefined when it is fine. Stricter than git where git's
 * leniency invites trouble (option-like names, shell metacharacters).
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a branch name cannot be empty';
  if (name.length > 200) return 'a branch name must be at most 200 characters';
  if (name.startsWith('-')) return `'${name}' starts with '-' (it would read as an option)`;
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    return 'a branch name cannot contain control characters';
  if (/\s/.test(name)) return `'${name}' contains whitespace`;
  if (name.includes('..')) return `'${name}' contains '..'`;
  if (name.includes('@{')) return `'${name}' contains '@{'`;
  if (name === '@') return "'@' is not a branch name";
  if (/[~^:?*[\\]/.test(name)) return `'${name}' contains one of ~ ^ : ? * [ \\`;
  if (/[`$;&|<>(){}'"!]/.test(name)) return `'${name}' contains a shell metacharacter`;
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return `'${name}' has an empty path component`;
  if (name.endsWith('.') || name.endsWith('.lock')) return `'${name}' cannot end with '.' or '.lock'`;
  if (name.split('/').some((part) => part.startsWith('.'))) return `'${name}' has a component starting with '.'`;
  return undefined;
}

/** The directory name of a branch's worktree: `feature/Add-Login` → `feature-add-login`. */
export function branchSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'branch'
  );
}
