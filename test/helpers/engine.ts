import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commandDirectories,
  createCommandResolver,
  createScriptResolver,
  scriptDirectories,
} from '../../src/workflows/commands.js';
import { allWorkflowFiles, sourceIndex } from '../../src/workflows/discovery.js';
import { MemorySink } from '../../src/workflows/events.js';
import { executeWorkflow, type RunOptions, type WorkflowRunResult } from '../../src/workflows/executor.js';
import { loadWorkflowText, type EngineDefaults, type LoadResult } from '../../src/workflows/loader.js';
import type { Workflow } from '../../src/workflows/model.js';
import type { Clock } from '../../src/workflows/clock.js';
import type { ProviderRegistry } from '../../src/providers/types.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import type { ArchalConfig } from '../../src/config/schema.js';
import { tempDir } from './tmp.js';

export interface LoadTestOptions {
  dir?: string;
  defaults?: EngineDefaults;
  /** $ARCHAL_HOME (default `<dir>/.archal-home`). */
  home?: string;
  /** The user's home, for ~/.archon (default none). */
  userHome?: string;
}

/**
 * Loads YAML text as a workflow file in `dir`, finding commands, scripts and other workflows as a
 * workspace rooted at `dir` does.
 */
export async function load(yaml: string, options: LoadTestOptions = {}): Promise<LoadResult> {
  const dir = options.dir ?? tempDir();
  const resources = {
    repo: dir,
    home: options.home ?? join(dir, '.archal-home'),
    userHome: options.userHome,
    bundledCommands: join(dir, '.no-bundled-commands'),
  };
  return loadWorkflowText(yaml, {
    file: join(dir, 'workflow.yaml'),
    scope: 'file',
    defaults: options.defaults,
    resolveCommand: createCommandResolver(commandDirectories(resources)),
    resolveScript: createScriptResolver(scriptDirectories(resources)),
    resolveWorkflowSource: sourceIndex(
      allWorkflowFiles({
        repo: dir,
        home: resources.home,
        bundled: join(dir, '.no-bundled'),
        userHome: options.userHome,
      }),
    ),
  });
}

export async function loadOk(yaml: string, options: LoadTestOptions = {}): Promise<Workflow> {
  const result = await load(yaml, options);
  if (!result.ok)
    throw new Error(`expected a valid workflow, got:\n${result.errors.map((e) => JSON.stringify(e)).join('\n')}`);
  return result.workflow;
}

/** A clock whose sleeps are instant but recorded, so retry delays can be asserted without waiting. */
export function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

export interface TestRun {
  result: WorkflowRunResult;
  sink: MemorySink;
  logs: string[];
  dir: string;
}

/** Loads and runs a workflow in a temp directory with real processes, collecting events in memory. */
export async function run(
  yaml: string,
  options: Partial<Omit<RunOptions, 'workflow' | 'cwd'>> & {
    dir?: string;
    config?: ArchalConfig;
    providers?: ProviderRegistry;
    clock?: Clock;
    defaults?: EngineDefaults;
    /** Finds workflows for `workflow:` nodes (default: the files under `dir`). */
    resolveWorkflow?: (name: string) => Promise<Workflow | undefined>;
  } = {},
): Promise<TestRun> {
  const dir = options.dir ?? tempDir();
  const workflow = await loadOk(yaml, { dir, defaults: options.defaults });
  const sink = new MemorySink();
  const logs: string[] = [];
  const result = await executeWorkflow(
    {
      providers: options.providers ?? createProviderRegistry(options.config?.assistants),
      env: process.env,
      sink,
      clock: options.clock ?? recordingClock(),
      log: (line) => logs.push(line),
      resolveWorkflow: options.resolveWorkflow ?? workflowsIn(dir, options.defaults),
    },
    { ...options, workflow, cwd: dir },
  );
  return { result, sink, logs, dir };
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Finds workflows by name among the files of `dir`'s .archon/ and .archal/ folders. */
export function workflowsIn(dir: string, defaults?: EngineDefaults): (name: string) => Promise<Workflow | undefined> {
  const index = sourceIndex(
    allWorkflowFiles({ repo: dir, home: join(dir, '.archal-home'), bundled: join(dir, '.no-bundled') }),
  );
  return async (name) => {
    const source = index(name);
    if (!source) return undefined;
    const result = await load(source.text, { dir, defaults });
    return result.ok ? { ...result.workflow, file: source.file } : undefined;
  };
}
