/**
 * Route templates in GitHub's own notation (`/repos/{owner}/{repo}/issues/{issue_number}`). A
 * parameter that may span several segments is written `{ref+}` (one or more) or `{path*}` (zero
 * or more): Octokit sends `heads%2Fmain` but curl and gh send `heads/main`, and both must work.
 * A range `{base}...{head}` spans segments the same way (`compare/main...feature/x`).
 */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'range'; base: string; head: string }
  | { kind: 'greedy'; name: string; min: number };

export interface Compiled<T> {
  method: Method;
  template: string;
  segments: Segment[];
  greedyAt: number;
  value: T;
}

export interface Match<T> {
  route: Compiled<T>;
  params: Record<string, string>;
}

export class BadPathError extends Error {}

export class Router<T> {
  /**
   * `METHOD first-segment fourth-segment` → routes, in registration order. Nearly every route is
   * `/repos/{owner}/{repo}/<literal>/…`: bucketing on the literals spares trying ~100 templates.
   */
  private readonly buckets = new Map<string, Array<Compiled<T>>>();

  add(method: Method, template: string, value: T): Compiled<T> {
    const segments: Segment[] = template
      .split('/')
      .slice(1)
      .map((part) => {
        const range = /^\{(\w+)\}\.\.\.\{(\w+)\}$/.exec(part);
        if (range) return { kind: 'range', base: range[1]!, head: range[2]! };
        const greedy = /^\{(\w+)([+*])\}$/.exec(part);
        if (greedy) return { kind: 'greedy', name: greedy[1]!, min: greedy[2] === '+' ? 1 : 0 };
        const param = /^\{(\w+)\}$/.exec(part);
        if (param) return { kind: 'param', name: param[1]! };
        return { kind: 'literal', value: part };
      });
    const compiled: Compiled<T> = {
      method,
      template,
      segments,
      greedyAt: segments.findIndex(spansSegments),
      value,
    };
    const key = bucketKey(method, segments);
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = []));
    bucket.push(compiled);
    return compiled;
  }

  /** Routes in registration order; the first match wins, so register specific templates first. */
  match(method: string, path: string): Match<T> | undefined {
    const parts = path.split('/').slice(1);
    for (const key of [`${method} ${parts[0]} ${parts[3] ?? ''}`, `${method} ${parts[0]} *`]) {
      for (const route of this.buckets.get(key) ?? []) {
        const params = matchRoute(route, parts);
        if (params) return { route, params };
      }
    }
    return undefined;
  }
}

/**
 * The bucket of a template: its first literal and, when segments 0–3 are fixed (no greedy
 * parameter before them) and segment 3 is a literal, that literal; otherwise `*`.
 */
function bucketKey(method: Method, segments: Segment[]): string {
  const first = segments[0]?.kind === 'literal' ? segments[0].value : '';
  const greedyBefore = segments.slice(0, 4).some(spansSegments);
  const fourth = segments[3];
  const literal = !greedyBefore && fourth?.kind === 'literal' ? fourth.value : '*';
  return `${method} ${first} ${literal}`;
}

/** Segments that may take several parts of a path: greedy parameters and ranges. */
function spansSegments(segment: Segment): boolean {
  return segment.kind === 'greedy' || segment.kind === 'range';
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new BadPathError(`malformed percent-encoding in "${part}"`);
  }
}

function matchRoute<T>(route: Compiled<T>, parts: string[]): Record<string, string> | undefined {
  const { segments, greedyAt } = route;
  const after = greedyAt === -1 ? 0 : segments.length - greedyAt - 1;
  const greedyCount = greedyAt === -1 ? 0 : parts.length - greedyAt - after;
  if (greedyAt === -1 ? parts.length !== segments.length : greedyCount < minParts(segments[greedyAt]!))
    return undefined;
  // Literal segments first: most routes fail there, before any parameter is decoded.
  const partAt = (i: number) => (greedyAt === -1 || i < greedyAt ? i : i - 1 + greedyCount);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'literal' && segment.value !== parts[partAt(i)]) return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (i === greedyAt && segment.kind === 'range') {
      if (!matchSegment(segment, parts.slice(greedyAt, greedyAt + greedyCount).join('/'), params)) return undefined;
    } else if (segment.kind === 'greedy') {
      const value = parts
        .slice(greedyAt, greedyAt + greedyCount)
        .map(decode)
        .join('/');
      if (segment.min > 0 && value === '') return undefined;
      params[segment.name] = value;
    } else if (!matchSegment(segment, parts[partAt(i)]!, params)) return undefined;
  }
  return params;
}

function minParts(segment: Segment): number {
  return segment.kind === 'greedy' ? segment.min : 1;
}

function matchSegment(segment: Segment, part: string, params: Record<string, string>): boolean {
  switch (segment.kind) {
    case 'literal':
      return segment.value === part;
    case 'param':
      if (part === '') return false;
      params[segment.name] = decode(part);
      return true;
    case 'range': {
      const text = decode(part);
      const at = text.indexOf('...');
      if (at <= 0 || at + 3 >= text.length) return false;
      params[segment.base] = text.slice(0, at);
      params[segment.head] = text.slice(at + 3);
      return true;
    }
    case 'greedy':
      return false;
  }
}
