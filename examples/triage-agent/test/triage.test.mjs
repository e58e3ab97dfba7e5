// The example's own tests (run with `node --test test/`): the pre-prod demo uses them to validate a fix.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { isExempt, isStale, looksLikeBug } from '../triage.mjs';

const now = Date.parse('2026-06-01T00:00:00Z');
const issue = (days, labels = []) => ({
  title: 'x',
  body: '',
  labels: labels.map((name) => ({ name })),
  updated_at: new Date(now - days * 86_400_000).toISOString(),
});

test('issues idle for 90 days or more are stale', () => {
  assert.equal(isStale(issue(95), now), true);
  assert.equal(isStale(issue(30), now), false);
});

test('issues labelled keep-open are never stale', () => {
  assert.equal(isExempt(issue(200, ['keep-open'])), true);
  assert.equal(isStale(issue(200, ['keep-open']), now), false);
});

test('bug reports are recognised', () => {
  assert.equal(looksLikeBug({ title: 'App crashes on save', body: '' }), true);
  assert.equal(looksLikeBug({ title: 'Add dark mode', body: '' }), false);
});
