import { describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from '../../action/artifacts.js';
import { tempDir } from '../helpers/tmp.js';

describe("the files of the Action's artifact", () => {
  it('are the files under its folder, never what a symbolic link in it points to', () => {
    const outside = tempDir();
    writeFileSync(join(outside, '.git-credentials'), 'https://x-access-token:ghs_secret@github.com\n');
    mkdirSync(join(outside, 'home'));
    writeFileSync(join(outside, 'home', 'id_rsa'), 'private key\n');
    const dir = tempDir();
    mkdirSync(join(dir, 'attempt-1'));
    writeFileSync(join(dir, 'preprod-result.json'), '{}\n');
    writeFileSync(join(dir, 'attempt-1', 'usage.json'), '{}\n');
    // What a fix command (which is told where attempt-1 is) could leave there.
    symlinkSync(join(outside, '.git-credentials'), join(dir, 'attempt-1', 'notes.txt'));
    symlinkSync(join(outside, 'home'), join(dir, 'attempt-1', 'home'));
    symlinkSync(join(outside, 'missing'), join(dir, 'dangling'));
    expect(
      filesUnder(dir)
        .map((file) => relative(dir, file))
        .sort(),
    ).toEqual([join('attempt-1', 'usage.json'), 'preprod-result.json']);
  });
});
