import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

const build = (file: string) => readFileSync(join(REPO_ROOT, 'build', file), 'latin1');
const CLI_BUNDLES = ['cli.cjs', 'cli-workflow.cjs', 'cli-run.cjs'];

// Names that only the libraries themselves define (their bundles are minified).
const CERTIFICATE_LIBRARY = 'X509CertificateGenerator';
const AJV = 'strictTuples';

describe('what the CLI bundles leave to a file of its own', () => {
  it('leaves out ajv and route mode’s certificate library, which commands rarely need', () => {
    for (const file of CLI_BUNDLES) {
      const bundle = build(file);
      expect({ file, certificates: bundle.includes(CERTIFICATE_LIBRARY), ajv: bundle.includes(AJV) }).toEqual({
        file,
        certificates: false,
        ajv: false,
      });
    }
    expect(build('route-ca.cjs')).toContain(CERTIFICATE_LIBRARY);
  });

  it('still validates output_format schemas with ajv, required when a workflow declares one', async () => {
    const repo = tempRepo();
    writeFileSync(
      join(repo, 'typed.yaml'),
      'name: typed\ndescription: typed output\nnodes:\n  - id: a\n    prompt: say hi\n    output_format:\n      type: object\n      properties:\n        x: { type: strin }\n',
    );
    const result = await runCli(['workflow', 'validate', 'typed.yaml'], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "typed.yaml:6: node 'a' field 'output_format': output_format is not a valid JSON Schema",
    );
    expect(result.stderr).toContain('must be equal to one of the allowed values');
  });

  it('still makes route mode’s certificates in a new Archal home, from build/route-ca.cjs', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    writeFileSync(join(repo, 'agent.cjs'), 'process.stdout.write(JSON.stringify({ text: "ok" }));\n');
    writeFileSync(
      join(repo, 'ok.md'),
      '# Ok\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the answer is ok => run.answer = "ok"\n\n## Config\nseed: small-project\nruns: 1\n',
    );
    const result = await runCli(['run', 'ok.md', '--harness', `"${process.execPath}" agent.cjs`, '--quiet'], {
      cwd: repo,
      env: { ARCHAL_HOME: home },
      timeoutMs: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(home, 'route', 'route-authority.pem'))).toBe(true);
  });
});
