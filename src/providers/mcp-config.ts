import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { scratchDir } from '../lib/paths.js';
import { ProviderError } from './types.js';
import { isRecord } from '../lib/is-record.js';

/**
 * An MCP configuration a node names, as Archon reads it: `{"mcpServers": {...}}` or the bare server
 * map, with `$VAR` and `${VAR}` in each server's `env` and `headers` taken from the node's
 * environment (an unset one is empty). Other forms (`${VAR:-default}`) are left to the CLI.
 */
export interface ResolvedMcpConfig {
  /** The file to give the CLI: the node's own when nothing changed, else a private expanded copy. */
  file: string;
  /** Variables the configuration names that are not set (passed as empty). */
  missing: string[];
  /** Removes the expanded copy (it may hold secrets). */
  dispose(): void;
}

const VARIABLE = /\$(?:\{([A-Z_][A-Z0-9_]*)\}|([A-Z_][A-Z0-9_]*))/g;

export function resolveMcpConfig(file: string, env: NodeJS.ProcessEnv): ResolvedMcpConfig {
  const parsed = readJson(file);
  const wrapped = Object.hasOwn(parsed, 'mcpServers');
  if (wrapped && Object.keys(parsed).length > 1)
    throw invalid(
      `${file} mixes "mcpServers" with other keys: use either {"mcpServers": {...}} or the server map alone`,
    );
  const servers = wrapped ? parsed.mcpServers : parsed;
  if (!isRecord(servers)) throw invalid(`${file}: "mcpServers" must be a JSON object of servers`);

  const missing = new Set<string>();
  let expanded = false;
  const resolved: Record<string, unknown> = {};
  for (const [name, server] of Object.entries(servers)) {
    if (!isRecord(server)) throw invalid(`${file}: MCP server "${name}" must be a JSON object`);
    const copy: Record<string, unknown> = { ...server };
    for (const field of ['env', 'headers'] as const) {
      if (server[field] === undefined) continue;
      const values = server[field];
      if (!isRecord(values)) throw invalid(`${file}: ${name}.${field} must be a JSON object of strings`);
      copy[field] = Object.fromEntries(
        Object.entries(values).map(([key, value]) => {
          if (typeof value !== 'string') throw invalid(`${file}: ${name}.${field}.${key} must be a string`);
          return [
            key,
            value.replace(VARIABLE, (_, braced?: string, bare?: string) => {
              const variable = (braced ?? bare)!;
              expanded = true;
              if (env[variable] === undefined) missing.add(variable);
              return env[variable] ?? '';
            }),
          ];
        }),
      );
    }
    resolved[name] = copy;
  }
  if (wrapped && !expanded) return { file, missing: [], dispose: () => {} };

  // Outside the repository and readable by this user only: the copy holds the expanded values.
  const dir = mkdtempSync(join(scratchDir(), 'archal-mcp-'));
  const copyFile = join(dir, 'mcp.json');
  writeFileSync(copyFile, JSON.stringify({ mcpServers: resolved }), { mode: 0o600 });
  return { file: copyFile, missing: [...missing], dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function readJson(file: string): Record<string, unknown> {
  const parsed = readMcpConfigJson(file);
  if (!isRecord(parsed)) throw invalid(`${file} must hold a JSON object of MCP servers`);
  return parsed;
}

/** The JSON of an MCP configuration file a workflow names, whatever its shape. */
export function readMcpConfigJson(file: string): unknown {
  // A file the workflow names: a FIFO or a device in its place is refused, never waited on.
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok) throw invalid(`cannot read the MCP configuration: ${read.message}`);
  try {
    return JSON.parse(read.text);
  } catch (error) {
    throw invalid(`cannot read the MCP configuration ${file}: ${String(error)}`);
  }
}

function invalid(message: string): ProviderError {
  return new ProviderError('invalid_request', message);
}
