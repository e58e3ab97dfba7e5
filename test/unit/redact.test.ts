import { describe, expect, it } from '@jest/globals';
import { isSecretKey, REDACTED, SecretRedactor } from '../../src/lib/redact.js';

const secrets = {
  github: 'ghp_' + 'A'.repeat(36),
  githubFine: 'github_pat_' + 'B1'.repeat(20),
  server: 'ghs_' + 'c'.repeat(36),
  openai: 'sk-proj-' + 'd'.repeat(40),
  anthropic: 'sk-ant-api03-' + 'e'.repeat(40),
  awsId: 'AKIA' + 'F'.repeat(16),
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  bearer: 'opaque.bearer.value.123456',
  envValue: 'my-database-password-42',
};

describe('redaction', () => {
  const redactor = new SecretRedactor([], { DB_PASSWORD: secrets.envValue, PATH: '/usr/bin', SHORT_TOKEN: 'abc' });

  it('removes every known token format from text', () => {
    const text = [
      `token ${secrets.github}`,
      secrets.githubFine,
      secrets.server,
      `OPENAI ${secrets.openai}`,
      secrets.anthropic,
      secrets.awsId,
      `aws_secret_access_key = ${secrets.awsSecret}`,
      `Authorization: Bearer ${secrets.bearer}`,
      `postgres://admin:hunter2secret@db:5432/x`,
      `password is ${secrets.envValue}`,
    ].join('\n');
    const out = redactor.text(text);
    for (const secret of [...Object.values(secrets), 'hunter2secret']) expect(out).not.toContain(secret);
    expect(out).toContain('postgres://admin:[REDACTED]@db:5432/x');
    expect(out).toContain('Bearer [REDACTED]');
    expect(out).toContain('password is [REDACTED]');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Closed 4 issues; keyword "tokenizer" and the sky-is-blue label stay. Commit 3f2a9c1.';
    expect(redactor.text(text)).toBe(text);
  });

  it('redacts deep inside JSON values and secret-named keys', () => {
    const value = {
      headers: { authorization: `token ${secrets.github}`, accept: 'application/json' },
      nested: [{ access_token: 'whatever-value', note: `uses ${secrets.openai}` }],
      inputTokens: 1200,
      keywords: 'stale issues',
    };
    expect(redactor.value(value)).toEqual({
      headers: { authorization: REDACTED, accept: 'application/json' },
      nested: [{ access_token: REDACTED, note: `uses ${REDACTED}` }],
      inputTokens: 1200,
      keywords: 'stale issues',
    });
  });

  it('redacts in place what the caller owns, exactly as the copying form does', () => {
    const make = () => ({
      headers: [{ authorization: `Bearer ${secrets.bearer}` }],
      nested: { client_secret: 'hush-hush-value', notes: [`uses ${secrets.github} and ${secrets.envValue}`, 7, null] },
      url: 'https://user:pa55word@example.com/x',
    });
    const copy = redactor.value(make());
    const owned = make();
    expect(redactor.valueInPlace(owned)).toBe(owned);
    expect(owned).toEqual(copy);
    expect(JSON.stringify(owned)).not.toMatch(/hush-hush|pa55word|ghp_|my-database-password|opaque\.bearer/);
  });

  it('knows which keys are secret', () => {
    for (const key of ['token', 'accessToken', 'client_secret', 'api-key', 'privateKey', 'Authorization', 'password'])
      expect(isSecretKey(key)).toBe(true);
    for (const key of ['tokens_used', 'keyword', 'monkey', 'inputTokens', 'author'])
      expect(isSecretKey(key)).toBe(false);
  });
});

describe('redaction of more formats and forms', () => {
  const value = 'p@ss/w+rd:Secret!2024 plain';
  const redactor = new SecretRedactor(['given-on-purpose-123'], { SERVICE_PASSWORD: value });

  it('removes known values URL-encoded and base64-encoded', () => {
    const text = [
      `?q=${encodeURIComponent(value)}`,
      `form=${encodeURIComponent(value).replace(/%20/g, '+')}`,
      Buffer.from(value).toString('base64'),
      Buffer.from(value).toString('base64url'),
      `setting given-on-purpose-123`,
    ].join('\n');
    const out = redactor.text(text);
    expect(out).not.toMatch(/p%40ss|cEBzcy93K3Jk|given-on-purpose/);
  });

  it('removes JWTs, Stripe, Slack, npm and secret query parameters, also inside JSON-escaped text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const tokens = [jwt, 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'xoxb-1234567890-abcdefghij', `npm_${'a1'.repeat(18)}`];
    const escaped = JSON.stringify(tokens.join('\n'));
    const out = redactor.text(`${escaped} https://x.test/cb?state=1&access_token=opaque123&client_secret=s3cr3t`);
    for (const token of tokens) expect(out).not.toContain(token);
    expect(out).toContain('access_token=[REDACTED]');
    expect(out).toContain('client_secret=[REDACTED]');
    expect(out).toContain('state=1');
  });

  it('removes tokens a program coloured with terminal escapes, as raw text and as JSON text', () => {
    const coloured = `token \u001b[32m${secrets.github}\u001b[0m, key \u001b[1;31m${secrets.openai}\u001b[0m\u001b[K${secrets.server}`;
    for (const text of [coloured, JSON.stringify(coloured)]) {
      const out = redactor.text(text);
      expect(out).not.toContain(secrets.github);
      expect(out).not.toContain(secrets.openai);
      expect(out).not.toContain(secrets.server);
    }
    expect(redactor.text(coloured)).toBe(
      'token \u001b[32m[REDACTED]\u001b[0m, key \u001b[1;31m[REDACTED]\u001b[0m\u001b[K[REDACTED]',
    );
  });

  it('removes tokens after any escape sequence the viewer drops: colon colours, private modes, two-byte escapes, OSC links', () => {
    const escapes = [
      '\u001b[38:5:196m',
      '\u001b[>4;2m',
      '\u001b[2 q',
      '\u001bM',
      '\u001b]8;;https://example.com\u0007',
    ];
    for (const escape of escapes)
      for (const text of [`x ${escape}${secrets.github}`, JSON.stringify(`x ${escape}${secrets.github}`)])
        expect({ text, leaks: redactor.text(text).includes(secrets.github) }).toEqual({ text, leaks: false });
  });

  it('removes NAME=value and "name": "value" where the name ends like a secret, and only those', () => {
    const out = redactor.text('MY_API_KEY=opaque-value-1 "refresh_token": "opaque-value-2" MAX_TOKENS=100000');
    expect(out).toBe('MY_API_KEY=[REDACTED] "refresh_token": "[REDACTED]" MAX_TOKENS=100000');
    const ordinary = '"tokenizer": "wordpiece", laughs_at_the_problem_again, task-manager-aaaaaaaaaaaaaaaaaaaaa';
    expect(redactor.text(ordinary)).toBe(ordinary);
  });

  it('removes name=value and name: value in any case, whatever the length of the value', () => {
    const cases: Array<[string, string]> = [
      ['password=x', 'password=[REDACTED]'],
      ['login with password=hunter2xyz now', 'login with password=[REDACTED] now'],
      ['secret=s3', 'secret=[REDACTED]'],
      ['token=abc', 'token=[REDACTED]'],
      ['api_key=k1', 'api_key=[REDACTED]'],
      ['apikey=k2', 'apikey=[REDACTED]'],
      ['passwd=p4', 'passwd=[REDACTED]'],
      ['client_secret=c5', 'client_secret=[REDACTED]'],
      ['Password: hunter2', 'Password: [REDACTED]'],
      ['db_password = "quoted value"', 'db_password = "[REDACTED]"'],
      ['apiKey: k-1, next', 'apiKey: [REDACTED], next'],
      ['{"password": "x", "user": "bob"}', '{"password": "[REDACTED]", "user": "bob"}'],
      ["{'token': 'abc'}", "{'token': '[REDACTED]'}"],
      ['--password=x9', '--password=[REDACTED]'],
      [JSON.stringify(JSON.stringify({ password: 'x8' })), String.raw`"{\"password\":\"[REDACTED]\"}"`],
      ['line one\\npassword=x9', 'line one\\npassword=[REDACTED]'],
    ];
    for (const [text, expected] of cases) expect({ text, out: redactor.text(text) }).toEqual({ text, out: expected });
  });

  it('leaves prose that mentions a secret, code types and plural counts alone', () => {
    for (const text of [
      'the token expired',
      'open the password reset page',
      'tokens: 1200, max_tokens=4096, secrets: 3',
      'password: string; token?: string | undefined; token=None',
      'use secret::Store and the tokenizer=wordpiece',
      'password:',
      "token: '' and password=''",
      'mark=[] token=[] password=*** secret=<>',
    ])
      expect(redactor.text(text)).toBe(text);
  });
});
