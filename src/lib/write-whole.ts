import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from './random.js';

/**
 * Writes `file` whole or not at all: under a name no one can foresee (`wx`: nothing planted there is written through), then renamed over it, so a
 * reader (another process starting at the same moment) sees the old content or the new, never half.
 * `mode` defaults to the owner's alone; 0o666 gives what the umask allows, as a plain write does.
 */
export function writeWhole(file: string, content: string | Uint8Array, mode = 0o600): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content, { mode, flag: 'wx' });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
