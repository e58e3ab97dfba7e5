import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { utf16Text } from '../lib/input-file.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_TRACE_FILE_BYTES = 64 * 1024 * 1024;

/** Exports are often kept gzipped (`traces.json.gz`, a collector's rotated files): told by gzip's magic bytes. */
const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The decompressed bytes, or why a gzip file is refused (held to the file limit, so a gzip bomb is refused). */
function gunzipped(bytes: Buffer): Buffer | string {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_TRACE_FILE_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      return `gzip: larger than ${MAX_TRACE_FILE_BYTES} bytes once decompressed; split the export into smaller files`;
    return `gzip: not a complete gzip file (${(error as Error).message}); compress the export again`;
  }
}

/** UTF-8, or UTF-16 when it starts with its byte-order mark. */
function decoded(bytes: Buffer): string | { refused: string } {
  const utf16 = utf16Text(bytes);
  if (utf16 === undefined) return bytes.toString('utf8');
  return 'text' in utf16 ? utf16.text : utf16;
}

/** A trace file's text (gzip decompressed), or why it cannot be read. */
export function readTraceFile(file: string): string | { refused: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_TRACE_FILE_BYTES)
      return {
        refused: `${size} bytes: larger than ${MAX_TRACE_FILE_BYTES} bytes; split the export into smaller files`,
      };
    const bytes = readFileSync(file);
    const unzipped = isGzip(bytes) ? gunzipped(bytes) : bytes;
    return typeof unzipped === 'string' ? { refused: unzipped } : decoded(unzipped);
  } catch (error) {
    return { refused: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}
