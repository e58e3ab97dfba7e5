import { describe, expect, it } from '@jest/globals';
import { findJsonError, parseJsonWithLocation } from '../../src/lib/json-position.js';

describe('JSON error locations', () => {
  it.each([
    ['{\n  "a": 1,\n  "b": ,\n}', "line 3, column 8: unexpected ','"],
    ['{"a": 1,}', "line 1, column 9: trailing comma before '}'"],
    ['[1, 2', "line 1, column 6: expected ',' or ']' but found end of input"],
    ['{a: 1}', 'line 1, column 2: expected a "quoted" key'],
    ['{"a" 1}', "line 1, column 6: expected ':' but found '1'"],
    ['"abc', 'line 1, column 5: unterminated string'],
    ['{} x', "line 1, column 4: unexpected 'x' after the end"],
    ['', 'line 1, column 1: unexpected end of input'],
    ['tru', "line 1, column 1: unexpected 't'"],
  ])('%j → %s', (text, message) => {
    const result = parseJsonWithLocation(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('agrees with JSON.parse on random input and never throws', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = '{}[]",:01-.eEtruefalsnl \n\\a';
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      if (!valid) {
        const { offset } = findJsonError(text);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
      }
    }
    expect(findJsonError('['.repeat(100_000)).message).toBe('nested too deeply');
  });
});
