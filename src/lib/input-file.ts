import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Reading the files a user (or a repository) gives Archal: workflows, scenarios, seeds,
 * .archal.json, .env, command files. Only regular files are read — a FIFO would block forever,
 * /dev/zero would never end — and only up to a size cap, so no input can hang or exhaust Archal.
 */

export const INPUT_LIMITS = {
  /** Workflow YAML and command files. */
  workflow: 512 * 1024,
  /** Scenario markdown. */
  scenario: 1024 * 1024,
  /** .archal.json and .env files. */
  config: 1024 * 1024,
  /** Seed JSON. */
  seed: 64 * 1024 * 1024,
} as const;

export type InputFileProblem = 'missing' | 'not_a_file' | 'too_large' | 'not_utf8' | 'unreadable';

export type InputFileRead =
  | { ok: true; text: string }
  /** `message` names the file and says what is wrong with it; it never quotes the file's content. */
  | { ok: false; problem: InputFileProblem; message: string };

export interface InputFileOptions {
  maxBytes: number;
  /** Refuse bytes that are not valid UTF-8 (else they decode to U+FFFD). */
  strictUtf8?: boolean;
}

/** Reads a regular file of at most `maxBytes` as UTF-8 text; anything else is a problem naming the file. */
export function readInputFile(file: string, options: InputFileOptions): InputFileRead {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once (and is refused below).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { ok: false, problem: 'missing', message: `${file}: no such file` };
    return { ok: false, problem: 'unreadable', message: `${file}: cannot be read (${code ?? String(error)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return {
        ok: false,
        problem: 'not_a_file',
        message: `${file} is ${kindOf(stat)}, not a regular file; Archal reads only regular files`,
      };
    if (stat.size > options.maxBytes) return tooLarge(file, stat.size, options.maxBytes);
    // The size can change between fstat and read: read at most one byte past the cap to notice.
    const buffer = Buffer.alloc(Math.min(stat.size, options.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > options.maxBytes) return tooLarge(file, length, options.maxBytes);
    const bytes = buffer.subarray(0, length);
    const utf16 = utf16Text(bytes);
    if (utf16 !== undefined)
      return 'text' in utf16
        ? { ok: true, text: utf16.text }
        : { ok: false, problem: 'not_utf8', message: `${file} is ${utf16.refused}` };
    if (options.strictUtf8) {
      try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
      } catch {
        return {
          ok: false,
          problem: 'not_utf8',
          message: `${file} is not UTF-8 text (at byte ${firstInvalidUtf8(bytes)}); save it as UTF-8`,
        };
      }
    }
    return { ok: true, text: bytes.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: 'unreadable', message: `${file}: cannot be read (${code ?? String(error)})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of bytes that start with a UTF-16 byte-order mark (Windows PowerShell 5 writes redirected
 * output so), or why they are refused; undefined for bytes without one. Bytes 0xFF and 0xFE never
 * occur in UTF-8, so no UTF-8 file is mistaken for UTF-16.
 */
export function utf16Text(bytes: Buffer): { text: string } | { refused: string } | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (encoding === undefined) return undefined;
  try {
    // The decoder drops the byte-order mark.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { refused: 'not UTF-16 text, though it starts with a UTF-16 byte-order mark; save it as UTF-8' };
  }
}

function tooLarge(file: string, size: number, max: number): InputFileRead {
  return {
    ok: false,
    problem: 'too_large',
    message: `${file} is ${size > max ? `larger than ${formatBytes(max)}` : formatBytes(size)}; such files are limited to ${formatBytes(max)}`,
  };
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Lead bytes whose second byte has a narrower range than 0x80–0xBF (RFC 3629, section 4). */
const SECOND_BYTE: Partial<Record<number, [number, number]>> = {
  0xe0: [0xa0, 0xbf],
  0xed: [0x80, 0x9f],
  0xf0: [0x90, 0xbf],
  0xf4: [0x80, 0x8f],
};

/** Offset of the first byte that breaks UTF-8 (lead and continuation bytes), for the message. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const more =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    if (more < 0) return i;
    // The second byte's range also rules out overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    const [low, high] = SECOND_BYTE[lead] ?? [0x80, 0xbf];
    if (more > 0 && !(i + 1 < bytes.length && bytes[i + 1]! >= low && bytes[i + 1]! <= high)) return i;
    for (let k = 2; k <= more; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return i;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
