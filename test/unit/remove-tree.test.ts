import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { removeTree } from '../../src/lib/remove-tree.js';
import { tempDir } from '../helpers/tmp.js';

describe('removeTree', () => {
  it('removes a tree of directories and files, and links without following them', () => {
    const root = tempDir();
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'kept.txt'), 'kept');
    const tree = join(root, 'tree');
    mkdirSync(join(tree, 'a.git', 'objects', 'ab'), { recursive: true });
    mkdirSync(join(tree, 'empty'));
    writeFileSync(join(tree, 'a.git', 'objects', 'ab', 'cdef'), 'object');
    writeFileSync(join(tree, 'top.txt'), 'top');
    symlinkSync(outside, join(tree, 'link-to-dir'));
    symlinkSync(join(outside, 'kept.txt'), join(tree, 'link-to-file'));
    symlinkSync(join(root, 'nowhere'), join(tree, 'dangling'));

    removeTree(tree);

    expect(existsSync(tree)).toBe(false);
    expect(readFileSync(join(outside, 'kept.txt'), 'utf8')).toBe('kept');
  });

  it('is quiet about a directory that is already gone', () => {
    const missing = join(tempDir(), 'missing');
    expect(() => removeTree(missing)).not.toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});
