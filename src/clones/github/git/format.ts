/** Encoding and decoding of git tree and commit objects. */

export type EntryMode = '100644' | '100755' | '120000' | '40000' | '160000';

export interface TreeEntry {
  mode: EntryMode;
  name: string;
  sha: string;
}

export interface Person {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  seconds: number;
  /** Offset as git writes it: `+0000`, `-0700`. */
  offset: string;
}

export interface Commit {
  tree: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
}

export const isTreeMode = (mode: string): boolean => mode === '40000' || mode === '040000';

export function parseTree(data: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space);
    const rawMode = data.subarray(at, space).toString('latin1');
    const mode = (rawMode === '040000' ? '40000' : rawMode) as EntryMode;
    const name = data.subarray(space + 1, nul).toString('utf8');
    const sha = data.subarray(nul + 1, nul + 21).toString('hex');
    entries.push({ mode, name, sha });
    at = nul + 21;
  }
  return entries;
}

/** Git sorts tree entries by name, comparing a directory as if its name ended with `/`. */
function sortKey(entry: TreeEntry): string {
  return isTreeMode(entry.mode) ? `${entry.name}/` : entry.name;
}

export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => {
    const x = Buffer.from(sortKey(a));
    const y = Buffer.from(sortKey(b));
    return Buffer.compare(x, y);
  });
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    parts.push(Buffer.from(`${entry.mode} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha, 'hex'));
  }
  return Buffer.concat(parts);
}

const PERSON_RE = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/;

function parsePerson(text: string): Person {
  const match = PERSON_RE.exec(text);
  if (!match) return { name: text, email: '', seconds: 0, offset: '+0000' };
  return { name: match[1]!, email: match[2]!, seconds: Number(match[3]), offset: match[4]! };
}

const formatPerson = (person: Person) => `${person.name} <${person.email}> ${person.seconds} ${person.offset}`;

export function parseCommit(data: Buffer): Commit {
  const text = data.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const message = headerEnd === -1 ? '' : text.slice(headerEnd + 2);
  const commit: Commit = {
    tree: '',
    parents: [],
    author: parsePerson(''),
    committer: parsePerson(''),
    message,
  };
  for (const line of header.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') commit.author = parsePerson(value);
    else if (key === 'committer') commit.committer = parsePerson(value);
  }
  return commit;
}

export function encodeCommit(commit: Commit): Buffer {
  const lines = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`)];
  lines.push(`author ${formatPerson(commit.author)}`, `committer ${formatPerson(commit.committer)}`);
  return Buffer.from(`${lines.join('\n')}\n\n${commit.message}`, 'utf8');
}

/** A person at an instant, as git stores it (always UTC here, so output is reproducible). */
export function personAt(name: string, email: string, date: Date): Person {
  return { name, email, seconds: Math.floor(date.getTime() / 1000), offset: '+0000' };
}

/** GitHub renders git dates in UTC, ISO 8601 with a `Z`, at second precision. */
export function personDate(person: Person): string {
  return new Date(person.seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
