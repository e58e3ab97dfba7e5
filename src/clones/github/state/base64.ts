import { ApiError } from './errors.js';

/** Base64 wrapped at 60 characters per line, as GitHub sends file contents. */
export function base64Lines(data: Buffer): string {
  const text = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 60) lines.push(text.slice(i, i + 60));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Strict base64 (line breaks allowed): anything else is GitHub's 422, never silently mangled. */
export function decodeBase64(text: string): Buffer {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw new ApiError(422, 'content is not valid Base64', {
      errors: [{ resource: 'Content', field: 'content', code: 'invalid' }],
    });
  return Buffer.from(compact, 'base64');
}
