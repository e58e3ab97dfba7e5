import { writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

describe('archal view and .archal.json changed while it runs', () => {
  it('follows preprod.artifacts and the config being invalid without a restart', async () => {
    const dir = tempDir('archal-view-settings-');
    // A pre-prod record that cannot be read is listed as a problem naming its file: it shows where the viewer looks.
    writeFiles(dir, { 'elsewhere/preprod-result.json': '{"not": "a loop"}', '.archal.json': '{}' });
    const viewer = startCli(['view', '--port', '0', '--cwd', dir], { env: { ARCHAL_HOME: tempDir('archal-home-') } });
    await waitFor(() => /http:\/\/\S+token=\S+/.test(viewer.stdout()), 20_000, 'the viewer URL');
    const url = viewer.stdout().match(/http:\/\/\S+/)![0];
    const list = async () => {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      return response.text();
    };
    try {
      expect(await list()).not.toContain('elsewhere');

      writeFileSync(`${dir}/.archal.json`, JSON.stringify({ preprod: { artifacts: 'elsewhere' } }));
      expect(await list()).toContain('elsewhere/preprod-result.json');

      writeFileSync(`${dir}/.archal.json`, '{"preprod": ');
      const invalid = await list();
      expect(invalid).toContain('is invalid');
      expect(invalid).not.toContain('elsewhere');

      writeFileSync(`${dir}/.archal.json`, JSON.stringify({}));
      const fixed = await list();
      expect(fixed).not.toContain('is invalid');
      expect(fixed).not.toContain('elsewhere');
    } finally {
      viewer.kill();
      await viewer.done;
    }
  }, 60_000);
});
