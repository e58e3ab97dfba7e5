import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { errorMessage } from '../src/lib/errors.js';
import { maskUrlPassword } from '../src/lib/redact.js';
import { describeStore } from '../src/store/index.js';
import { makeProbot, openStorage, storeOptions } from './runtime.js';
import type { AppSettings } from './settings.js';

export interface DoctorCheck {
  name: string;
  status: 'ok' | 'fail' | 'warn';
  message: string;
  /** What to do when it is not ok. */
  fix?: string;
}

/**
 * `archal app doctor`: checks the App's configuration end to end (the key parses, GitHub accepts its
 * JWT, it is installed somewhere, the webhook secret is set, the store and queue answer) and says
 * what to fix. Exit 0 when nothing failed, 1 otherwise.
 */
export async function runDoctor(settings: AppSettings, options: { json: boolean }): Promise<number> {
  const checks = await doctorChecks(settings);
  const ok = checks.every((check) => check.status !== 'fail');
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, checks }, null, 2)}\n`);
  else {
    const icon = { ok: '✓', warn: '!', fail: '✗' } as const;
    for (const check of checks) {
      process.stdout.write(`${icon[check.status]} ${check.name}: ${check.message}\n`);
      if (check.fix && check.status !== 'ok') process.stdout.write(`    → ${check.fix}\n`);
    }
    process.stdout.write(ok ? 'The App is ready.\n' : 'The App is not ready: fix the ✗ lines above.\n');
  }
  return ok ? 0 : 1;
}

export async function doctorChecks(settings: AppSettings): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = settings.problems.map((problem) => ({
    name: 'environment',
    status: 'fail',
    message: problem,
    fix: 'Correct the variable (see README, "Run the App").',
  }));
  checks.push(
    settings.appId !== undefined
      ? { name: 'app id', status: 'ok', message: `APP_ID ${settings.appId}` }
      : {
          name: 'app id',
          status: 'fail',
          message: 'APP_ID is not set',
          fix: 'Register the App (`archal app start` without APP_ID serves the manifest flow) and set APP_ID.',
        },
  );
  const keyCheck = privateKeyCheck(settings);
  checks.push(keyCheck);
  checks.push(
    settings.webhookSecret
      ? settings.webhookSecret === 'development'
        ? {
            name: 'webhook secret',
            status: 'warn',
            message: 'WEBHOOK_SECRET is "development" (Probot’s default)',
            fix: 'Use a long random secret, the same in the App’s settings on GitHub.',
          }
        : { name: 'webhook secret', status: 'ok', message: 'WEBHOOK_SECRET is set' }
      : {
          name: 'webhook secret',
          status: 'fail',
          message: 'WEBHOOK_SECRET is not set: deliveries cannot be verified',
          fix: 'Set WEBHOOK_SECRET to the secret of the App’s webhook on GitHub.',
        },
  );
  if (settings.appId !== undefined && keyCheck.status === 'ok') checks.push(...(await githubChecks(settings)));
  checks.push(homeCheck(settings), gitCheck(), await storeCheck(settings));
  return checks;
}

/** Whether the App's private key is there and is one GitHub signs with; `archal app start` refuses to start otherwise. */
export function privateKeyCheck(settings: AppSettings): DoctorCheck {
  if (!settings.privateKey)
    return {
      name: 'private key',
      status: 'fail',
      message:
        settings.appId === undefined
          ? 'neither PRIVATE_KEY nor PRIVATE_KEY_PATH is set'
          : `APP_ID is set, but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is: set one to the App’s private key`,
      fix: 'Generate a private key in the App’s settings on GitHub and set PRIVATE_KEY_PATH to the .pem file (without APP_ID, `archal app start` serves the setup flow that registers a new App).',
    };
  try {
    const key = createPrivateKey(settings.privateKey);
    if (key.asymmetricKeyType !== 'rsa')
      return {
        name: 'private key',
        status: 'fail',
        message: `${settings.privateKeySource} is a ${key.asymmetricKeyType} key; GitHub Apps sign with RSA`,
        fix: 'Use the .pem file GitHub generated for the App.',
      };
    return { name: 'private key', status: 'ok', message: `RSA key from ${settings.privateKeySource}` };
  } catch (error) {
    return {
      name: 'private key',
      status: 'fail',
      message: `${settings.privateKeySource} does not parse: ${errorMessage(error)}`,
      fix: 'Use the .pem file GitHub generated for the App (with its BEGIN/END lines).',
    };
  }
}

async function githubChecks(settings: AppSettings): Promise<DoctorCheck[]> {
  const probot = makeProbot({ ...settings, logLevel: 'fatal' });
  let slug: string;
  try {
    const github = await probot.auth();
    const { data } = await github.rest.apps.getAuthenticated();
    slug = data?.slug ?? '?';
  } catch (error) {
    return [
      {
        name: 'GitHub',
        status: 'fail',
        message: `GET ${settings.apiUrl}/app with the App's JWT failed: ${errorMessage(error)}`,
        fix: 'Check APP_ID and the key belong to the same App, the machine’s clock, and GHE_HOST/GHE_PROTOCOL for GitHub Enterprise.',
      },
    ];
  }
  const checks: DoctorCheck[] = [
    { name: 'GitHub', status: 'ok', message: `${settings.apiUrl} accepts the App’s JWT (app "${slug}")` },
  ];
  try {
    const github = await probot.auth();
    const { data } = await github.rest.apps.listInstallations({ per_page: 100 });
    checks.push(
      data.length > 0
        ? {
            name: 'installations',
            status: 'ok',
            message: `${data.length} installation(s): ${data.map((i) => i.account?.login ?? i.id).join(', ')}`,
          }
        : {
            name: 'installations',
            status: 'warn',
            message: 'the App is not installed anywhere yet',
            fix: `Install it from the App’s page (…/apps/${slug}/installations/new) on the repositories it should serve.`,
          },
    );
  } catch (error) {
    checks.push({
      name: 'installations',
      status: 'fail',
      message: `cannot list installations: ${errorMessage(error)}`,
    });
  }
  return checks;
}

function homeCheck(settings: AppSettings): DoctorCheck {
  try {
    mkdirSync(settings.home, { recursive: true });
    accessSync(settings.home, constants.W_OK);
    return { name: 'home', status: 'ok', message: `ARCHAL_HOME ${settings.home} is writable (mirrors, worktrees)` };
  } catch (error) {
    return {
      name: 'home',
      status: 'fail',
      message: `ARCHAL_HOME ${settings.home} is not writable: ${errorMessage(error)}`,
      fix: 'Point ARCHAL_HOME at a writable directory (a volume in containers).',
    };
  }
}

function gitCheck(): DoctorCheck {
  try {
    const version = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
    return { name: 'git', status: 'ok', message: version };
  } catch {
    return { name: 'git', status: 'fail', message: 'git is not on PATH', fix: 'Install git (2.38 or newer).' };
  }
}

async function storeCheck(settings: AppSettings): Promise<DoctorCheck> {
  const description = describeStore(storeOptions(settings));
  try {
    const storage = await openStorage(settings);
    const queue = storage.queue.kind === 'graphile' ? 'graphile-worker queue' : 'store queue';
    await storage.close();
    return { name: 'store', status: 'ok', message: `${description} is reachable (${queue})` };
  } catch (error) {
    return {
      name: 'store',
      status: 'fail',
      message: `${description}: ${maskUrlPassword(errorMessage(error))}`,
      fix: settings.databaseUrl
        ? 'Check ARCHAL_DATABASE_URL (host, credentials, database) and that the database accepts connections.'
        : 'Check ARCHAL_HOME is writable.',
    };
  }
}
