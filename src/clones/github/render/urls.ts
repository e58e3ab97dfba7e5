/** The URLs GitHub puts in its JSON, built on this clone's API and web bases. */
export class Urls {
  /**
   * @param api the REST base, `http://127.0.0.1:PORT` or `…/api/v3` (responses use the form the
   *   request came in through, as GitHub Enterprise does)
   * @param web the base of html_url and git URLs
   */
  /** `host:port` of the web base (ssh URLs). */
  readonly host: string;

  constructor(
    readonly api: string,
    readonly web: string,
  ) {
    this.host = web ? new URL(web).host : '';
  }

  user(login: string): string {
    return `${this.api}/users/${encodeURIComponent(login)}`;
  }

  repo(fullName: string): string {
    return `${this.api}/repos/${fullName}`;
  }

  repoHtml(fullName: string): string {
    return `${this.web}/${fullName}`;
  }

  cloneUrl(fullName: string): string {
    return `${this.web}/${fullName}.git`;
  }
}

/** GitHub's legacy global node ids: base64 of `0<len>:<Type><id>` (`MDU6SXNzdWUx` is Issue 1). */
export function nodeId(type: string, id: number): string {
  const key = `${type}${id}`;
  let value = nodeIds.get(key);
  if (value === undefined) {
    if (nodeIds.size > 100_000) nodeIds.clear();
    value = Buffer.from(`0${type.length}:${key}`).toString('base64');
    nodeIds.set(key, value);
  }
  return value;
}

const nodeIds = new Map<string, string>();

/** Node ids of things named by a string rather than a number (commits by SHA, refs by name). */
export function shaNodeId(type: string, key: string): string {
  return Buffer.from(`0${type.length}:${type}${key}`).toString('base64');
}
