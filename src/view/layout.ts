import { randomBytes } from 'node:crypto';
import { CLIENT_SCRIPT, STYLES } from './assets.js';
import { html, raw, type Html } from './html.js';
import type { Tone } from './records/types.js';
import { UPLOT_CSS, UPLOT_JS } from './vendor/uplot.js';

/** Where a page's links go: the viewer's URLs, anchors inside one report, or nowhere (null). */
export interface PageLinks {
  list: string | null;
  suite(id: string): string | null;
  run(id: string): string | null;
  loop(id: string): string | null;
  workflow(id: string): string | null;
  /** The JSON a live workflow page polls; null where nothing can be polled (a report). */
  workflowState(id: string): string | null;
  /** A workflow run's page with every event listed; null where there is no such page (a report). */
  allWorkflowEvents(id: string): string | null;
}

export type DocumentMode = 'viewer' | 'report';

export interface DocumentOptions {
  title: string;
  body: Html;
  /** Where the records come from (the repository), shown in the header. */
  where: string;
  mode: DocumentMode;
  links: PageLinks;
  /** Inline the chart library: only pages that draw a chart pay for it. */
  chart: boolean;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The content security policy of every page. Scripts and styles run only with the page's nonce, so
 * markup that slipped into a record could not run even if it escaped escaping; a report may make no
 * request at all (`connect-src 'none'`, no images but data: URLs).
 */
export function contentSecurityPolicy(mode: DocumentMode, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    `connect-src ${mode === 'viewer' ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    `form-action ${mode === 'viewer' ? "'self'" : "'none'"}`,
  ].join('; ');
}

export function documentHtml(options: DocumentOptions): string {
  const nonce = options.nonce ?? newNonce();
  const home = options.links.list;
  return `<!doctype html>
${html`<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${raw(contentSecurityPolicy(options.mode, nonce))}" />
    <meta name="referrer" content="no-referrer" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} · Archal</title>
    <style nonce="${nonce}">
      ${raw(STYLES)}${options.chart ? raw(UPLOT_CSS) : ''}
    </style>
  </head>
  <body>
    <header class="top">
      ${home ? html`<a class="brand" href="${home}">Archal</a>` : html`<span class="brand">Archal</span>`}<span
        class="where"
        >${options.mode === 'report' ? 'report of ' : ''}${options.where}</span
      >
    </header>
    <main>${options.body}</main>
    ${
      options.chart
        ? html`<script nonce="${nonce}">
            ${raw(inlineScript(UPLOT_JS))};
          </script>`
        : ''
    }
    <script nonce="${nonce}">
      ${raw(CLIENT_SCRIPT)};
    </script>
  </body>
</html>`}
`;
}

/** Our own script text inside <script>: `</script` cannot appear in it, whatever it holds. */
function inlineScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

export function badge(text: string, tone: Tone, id?: string): Html {
  return html`<span class="badge tone-${tone}" ${id ? html` id="${id}"` : ''}>${text}</span>`;
}

/** A link when the target exists in this rendering, else the text alone. */
export function link(href: string | null, text: string | Html): Html {
  return href ? html`<a href="${href}">${text}</a>` : html`${text}`;
}
