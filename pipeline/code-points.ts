/**
 * Conversions between UTF-16 indices (how JavaScript slices strings) and Unicode code point offsets (how the
 * published data counts, as W3C TextPositionSelector does). Identity for text without astral characters.
 */
export interface CodePointIndex {
  /** The text has no astral character: both conversions are the identity. */
  readonly identity: boolean;
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

export function codePointIndex(text: string): CodePointIndex {
  if (!/[\uD800-\uDBFF]/.test(text)) return { identity: true, toCodePoint: (i) => i, toUtf16: (i) => i };
  // cpAt[u] = code points before UTF-16 index u; u16At[c] = UTF-16 index of code point c.
  const cpAt = new Int32Array(text.length + 1);
  const u16At: number[] = [];
  let cp = 0;
  for (let u = 0; u < text.length; u++) {
    cpAt[u] = cp;
    const code = text.charCodeAt(u);
    const isLowSurrogateOfPair = code >= 0xdc00 && code <= 0xdfff && u > 0 && isHigh(text.charCodeAt(u - 1));
    if (!isLowSurrogateOfPair) {
      u16At.push(u);
      cp++;
    } else {
      cpAt[u] = cp - 1;
    }
  }
  cpAt[text.length] = cp;
  u16At.push(text.length);
  return { identity: false, toCodePoint: (i) => cpAt[i]!, toUtf16: (i) => u16At[i]! };
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
