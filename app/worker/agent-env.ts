/**
 * The environment AI and bash nodes run with. It starts from the worker's and removes everything
 * that could act on GitHub or on the App: its private key and webhook secret, database URLs, and
 * every GitHub token (by name and by shape). It may then carry a read-only installation token for
 * the one repository, so that an agent can read issues and code but never write.
 */

const APP_SECRETS = [
  'APP_ID',
  'PRIVATE_KEY',
  'PRIVATE_KEY_PATH',
  'WEBHOOK_SECRET',
  'GITHUB_CLIENT_ID',
  'GITHUB_CLIENT_SECRET',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'ARCHAL_DATABASE_URL',
  'DATABASE_URL',
  'REDIS_URL',
  'SENTRY_DSN',
  'WEBHOOK_PROXY_URL',
];

const GITHUB_CREDENTIALS = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_PAT',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

const GITHUB_TOKEN_SHAPE = /\b(?:gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,}|v1\.[0-9a-f]{40})\b/;

export interface AgentEnvOptions {
  /** A read-only installation token for the repository, if the agent gets one. */
  readToken?: string;
  apiUrl: string;
  repository: string;
  testCommand?: string;
}

export function agentEnvironment(base: NodeJS.ProcessEnv, options: AgentEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (APP_SECRETS.includes(name) || GITHUB_CREDENTIALS.includes(name)) continue;
    // git configuration from the environment can carry credentials (http.extraHeader).
    if (/^GIT_CONFIG_/.test(name) || name === 'GIT_ASKPASS' || name === 'SSH_AUTH_SOCK') continue;
    if (GITHUB_TOKEN_SHAPE.test(value) || value.includes('-----BEGIN')) continue;
    env[name] = value;
  }
  env.GITHUB_API_URL = options.apiUrl;
  env.GITHUB_REPOSITORY = options.repository;
  env.GIT_TERMINAL_PROMPT = '0';
  if (options.readToken) {
    env.GITHUB_TOKEN = options.readToken;
    env.GH_TOKEN = options.readToken;
  }
  if (options.testCommand) env.ARCHAL_TEST_COMMAND = options.testCommand;
  return env;
}
