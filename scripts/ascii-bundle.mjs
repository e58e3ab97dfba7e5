// Makes the CLI bundle pure ASCII, so that bin/archal.js reads it as Latin-1: a one-byte string
// made without UTF-8 decoding, half the memory of the two-byte string one non-ASCII character
// forces on all ~2 MB. esbuild escapes non-ASCII text in strings, but leaves it in regular
// expression literals and tagged templates (whose raw text an escape would change). Archal's tags
// read cooked text only; String.raw templates are checked to hold none. The source map is kept
// exact: each escape shifts the generated columns after it on its line.
import { readFileSync, writeFileSync } from 'node:fs';

const NON_ASCII = /[\u0080-\uffff]/g;

export function asciiBundle(file) {
  const source = readFileSync(file, 'utf8');
  for (const template of source.match(/String\.raw`[^`]*`/g) ?? [])
    if (/[\u0080-\uffff]/.test(template))
      throw new Error(`${file}: a String.raw template holds non-ASCII text: ${template}`);
  const lines = source.split('\n');
  const shifts = lines.map(() => []);
  const escaped = lines.map((line, index) =>
    line.replace(NON_ASCII, (char, column) => {
      const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      shifts[index].push({ column, by: escape.length - 1 });
      return escape;
    }),
  );
  writeFileSync(file, escaped.join('\n'));
  const mapFile = `${file}.map`;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  map.mappings = map.mappings
    .split(';')
    .map((line, index) => (shifts[index]?.length ? shiftColumns(line, shifts[index]) : line))
    .join(';');
  writeFileSync(mapFile, JSON.stringify(map));
}

/** Moves the segments of one generated line that start after each shift's column. */
function shiftColumns(line, shifts) {
  const segments = line.split(',').map(decodeVlq);
  let column = 0;
  const absolute = segments.map((fields) => (column += fields[0]));
  const moved = absolute.map((start) =>
    shifts.reduce((sum, { column: at, by }) => (start > at ? sum + by : sum), start),
  );
  return segments
    .map((fields, index) => encodeVlq([moved[index] - (index === 0 ? 0 : moved[index - 1]), ...fields.slice(1)]))
    .join(',');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

function encodeVlq(fields) {
  let out = '';
  for (const field of fields) {
    let value = field < 0 ? (-field << 1) | 1 : field << 1;
    do {
      let digit = value & 31;
      value >>>= 5;
      if (value > 0) digit |= 32;
      out += BASE64[digit];
    } while (value > 0);
  }
  return out;
}
