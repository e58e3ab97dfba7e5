import { resolve } from 'node:path';
import { MergeError } from '../../runner/merge.js';
import { terminalReport } from '../../runner/report.js';
import { mergeShardDirs } from '../../runner/shard-record.js';
import { EXIT, UserError } from '../errors.js';
import { workDir, type GlobalOptions } from '../host.js';
import { out, printJson } from '../output.js';

/** `archal report merge <dirs…>`: the shards' runs as one suite result. */
export function reportMerge(globals: GlobalOptions, dirs: string[], options: { json?: boolean }): number {
  const cwd = workDir(globals);
  let merged;
  try {
    merged = mergeShardDirs(dirs.map((dir) => resolve(cwd, dir)));
  } catch (error) {
    if (error instanceof MergeError) throw new UserError(`Cannot merge: ${error.message}`);
    throw error;
  }
  if (options.json) printJson(merged.head);
  else {
    out(terminalReport(merged.head, cwd));
    out(
      merged.shards > 0
        ? `Merged ${merged.shards} shard(s)${merged.base ? " (the base side is in each shard's base/results.json)" : ''}.`
        : `Merged ${dirs.length} result file(s).`,
    );
  }
  return merged.head.passed ? EXIT.ok : EXIT.failed;
}
