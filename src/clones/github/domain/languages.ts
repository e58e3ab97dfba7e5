import { isTreeMode } from '../git/format.js';
import type { GitRepo } from '../git/repo.js';
import type { RepoRecord } from '../state/model.js';

/**
 * An approximation of GitHub's linguist: a file's language comes from its extension (or its whole
 * name, for `Dockerfile` and `Makefile`) alone, with no content heuristics, no `.gitattributes`
 * overrides and no shebang detection. As linguist does, only programming and markup languages
 * count (data such as JSON and YAML, and prose such as Markdown, do not), and vendored or
 * generated paths are skipped.
 */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  js: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  jsx: 'JavaScript',
  ts: 'TypeScript',
  mts: 'TypeScript',
  cts: 'TypeScript',
  tsx: 'TypeScript',
  py: 'Python',
  rb: 'Ruby',
  go: 'Go',
  rs: 'Rust',
  java: 'Java',
  kt: 'Kotlin',
  kts: 'Kotlin',
  scala: 'Scala',
  swift: 'Swift',
  c: 'C',
  h: 'C',
  cc: 'C++',
  cpp: 'C++',
  cxx: 'C++',
  hpp: 'C++',
  hh: 'C++',
  cs: 'C#',
  fs: 'F#',
  php: 'PHP',
  pl: 'Perl',
  lua: 'Lua',
  r: 'R',
  dart: 'Dart',
  ex: 'Elixir',
  exs: 'Elixir',
  erl: 'Erlang',
  hs: 'Haskell',
  clj: 'Clojure',
  ml: 'OCaml',
  zig: 'Zig',
  sh: 'Shell',
  bash: 'Shell',
  zsh: 'Shell',
  ps1: 'PowerShell',
  html: 'HTML',
  htm: 'HTML',
  css: 'CSS',
  scss: 'SCSS',
  sass: 'Sass',
  less: 'Less',
  vue: 'Vue',
  svelte: 'Svelte',
  tex: 'TeX',
  nix: 'Nix',
  tf: 'HCL',
  hcl: 'HCL',
  groovy: 'Groovy',
  m: 'Objective-C',
  mm: 'Objective-C++',
  jl: 'Julia',
  elm: 'Elm',
  vim: 'Vim Script',
};

const BY_NAME: Readonly<Record<string, string>> = {
  Dockerfile: 'Dockerfile',
  Makefile: 'Makefile',
  makefile: 'Makefile',
  GNUmakefile: 'Makefile',
  Rakefile: 'Ruby',
  Gemfile: 'Ruby',
};

/** linguist's vendored and generated paths (a subset): dependencies, build output, minified files. */
const SKIPPED = /(^|\/)(node_modules|vendor|bower_components|third_party|dist|build)\/|\.min\.(js|css)$/;

export function languageOf(path: string): string | undefined {
  if (SKIPPED.test(path)) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = BY_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** Bytes of each language in the default branch's tree, largest first (GitHub's order). */
export function repoLanguages(repo: RepoRecord): Array<[string, number]> {
  const tip = repo.git.branch(repo.defaultBranch);
  const commit = tip ? repo.git.readCommit(tip) : undefined;
  const bytes = new Map<string, number>();
  if (commit) addTree(repo.git, commit.tree, '', bytes);
  return [...bytes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function addTree(git: GitRepo, treeSha: string, prefix: string, bytes: Map<string, number>): void {
  for (const entry of git.readTree(treeSha) ?? []) {
    const path = `${prefix}${entry.name}`;
    if (isTreeMode(entry.mode)) {
      addTree(git, entry.sha, `${path}/`, bytes);
      continue;
    }
    // Symlinks (120000) and submodules (160000) are not files of the repository.
    if (entry.mode !== '100644' && entry.mode !== '100755') continue;
    const language = languageOf(path);
    if (!language) continue;
    const size = git.readBlob(entry.sha)?.length ?? 0;
    bytes.set(language, (bytes.get(language) ?? 0) + size);
  }
}
