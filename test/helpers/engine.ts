import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCommandResolver } from '../../src/workflows/commands.js';
import { MemorySink } from '../../src/workflows/events.js';
import { executeWorkflow, type RunOptions, type WorkflowRunResult } from '../../src/workflows/executor.js';
import { loadWorkflowText, type EngineDefaults, type LoadResult } from '../../src/workflows/loader.js';
import type { Workflow } from '../../src/workflows/model.js';
import type { Clock } from '../../src/workflows/clock.js';
import type { ProviderRegistry } from '../../src/providers/types.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import type { ArchalConfig } from '../../src/config/schema.js';
import { tempDir } from './tmp.js';

/** Loads YAML text as a workflow file in `dir` (commands from `dir/.archal/commands`). */
export async function load(
  yaml: string,
  options: { dir?: string; defaults?: EngineDefaults } = {},
): Promise<LoadResult> {
  const dir = options.dir ?? tempDir();
  return loadWorkflowText(yaml, {
    file: join(dir, 'workflow.yaml'),
    scope: 'file',
    defaults: options.defaults,
    resolveCommand: createCommandResolver([join(dir, '.archal', 'commands')]),
  });
}

export async function loadOk(
  yaml: string,
  options: { dir?: string; defaults?: EngineDefaults } = {},
): Promise<Workflow> {
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
