import { describe, expect, it } from '@jest/globals';

// A secret the operator gives the App's agents, in no token format Archal knows: set before the
// App's markdown module loads, as the worker's environment is when it starts.
const SERVICE_TOKEN = 'q7Zr2pLx9VwK4mTn';
process.env.ARCHAL_TEST_SERVICE_TOKEN = SERVICE_TOKEN;
const { codeBlock, defusedMarkdown, inline, redact, redactSecretsOf } = await import('../../app/markdown.js');

describe("the App's redaction", () => {
  it("removes the values of the worker environment's secret-named variables from comments, pull requests and job records", () => {
    const said = `Called the service with ${SERVICE_TOKEN}; base64 ${Buffer.from(SERVICE_TOKEN).toString('base64')}`;
    for (const written of [redact(said), inline(said), codeBlock(said), defusedMarkdown(said)])
      expect(written).not.toMatch(/q7Zr2pLx9VwK4mTn|cTdacjJwTHg5VndLNG1Ubg/);
    expect(redact(said)).toContain('[REDACTED]');
  });

  it('also removes the secrets of the environment the App was started with (its .env file), which the process never had', () => {
    redactSecretsOf({ WEBHOOK_SECRET: 'hook-5ecret-from-dotenv', OTHER: 'plain-value-kept' });
    expect(redact('signed with hook-5ecret-from-dotenv, plain-value-kept')).toBe(
      'signed with [REDACTED], plain-value-kept',
    );
    expect(redact(`still ${SERVICE_TOKEN}`)).toBe('still [REDACTED]');
  });
});
