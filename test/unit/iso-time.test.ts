import { describe, expect, it } from '@jest/globals';
import { isoTime } from '../../src/lib/iso-time.js';

describe('isoTime', () => {
  it('writes what Date#toISOString writes, at the edges of its format too', () => {
    const times = [
      0,
      -1,
      1,
      Date.now(),
      951_782_400_000, // 2000-02-29
      1_709_251_199_999, // 2024-02-29T23:59:59.999Z
      -62_167_219_200_000, // year 0
      -62_167_219_200_001, // year -1
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      253_402_300_800_000, // year 10000
      8.64e15,
      -8.64e15,
    ];
    for (const ms of times) expect({ ms, iso: isoTime(ms) }).toEqual({ ms, iso: new Date(ms).toISOString() });
  });

  it('is the current time by default', () => {
    const before = Date.now();
    const at = Date.parse(isoTime());
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an invalid time as Date#toISOString does', () => {
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
