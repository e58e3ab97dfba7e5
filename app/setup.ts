import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'probot';
import YAML from 'yaml';
import { packageRoot } from '../src/lib/paths.js';
import type { AppSettings } from './settings.js';
import { WEBHOOK_PATH } from './server.js';

/**
 * Without an APP_ID, `archal app start` serves Probot's setup flow: a page that registers the App on
 * GitHub from app.yml (the manifest flow) and stores its id, key and webhook secret in
 * `$ARCHAL_HOME/.env`, which the next `archal app start` reads.
 */
export async function startSetup(
  settings: AppSettings,
  options: { port: number; host: string },
  env: NodeJS.ProcessEnv,
): Promise<{ stop(): Promise<void> }> {
  // Probot's setup reads these from the process environment; they may come from a .env file.
  for (const name of ['WEBHOOK_PROXY_URL', 'NO_SMEE_SETUP', 'GH_ORG'])
    if (env[name] !== undefined) process.env[name] = env[name];
  const dir = join(settings.home, 'app-setup');
  mkdirSync(dir, { recursive: true });
  const manifest = YAML.parse(readFileSync(join(packageRoot(), 'app.yml'), 'utf8')) as Record<string, unknown>;
  const hookUrl =
    settings.webhookProxyUrl ??
    (settings.publicUrl
      ? `${settings.publicUrl}${WEBHOOK_PATH}`
      : `http://${options.host}:${options.port}${WEBHOOK_PATH}`);
  manifest.hook_attributes = { ...(manifest.hook_attributes as object), url: hookUrl };
  writeFileSync(join(dir, 'app.yml'), YAML.stringify(manifest));
  // Probot reads app.yml (and writes nothing else) in its working directory.
  process.chdir(dir);
  const envFile = join(settings.home, '.env');
  const server = await run(() => {}, {
    env: {
      PORT: String(options.port),
      HOST: options.host,
      LOG_LEVEL: settings.logLevel as NodeJS.ProcessEnv['LOG_LEVEL'],
      ...(settings.gheHost ? { GHE_HOST: settings.gheHost, GHE_PROTOCOL: settings.gheProtocol } : {}),
    },
    updateEnv: (values: NodeJS.ProcessEnv) => {
      const lines = Object.entries(values).map(([key, value]) => `${key}=${(value ?? '').replace(/\n/g, '\\n')}`);
      if (!existsSync(envFile)) mkdirSync(settings.home, { recursive: true });
      appendFileSync(envFile, `${lines.join('\n')}\n`);
      process.stderr.write(`archal app: saved ${Object.keys(values).join(', ')} to ${envFile}\n`);
      return values;
    },
  });
  process.stderr.write(
    `Archal App setup: open http://${options.host}:${options.port}/probot to register the App from app.yml ` +
      `(webhook URL ${hookUrl}); then restart \`archal app start\`.\n`,
  );
  return { stop: () => server.stop() };
}
