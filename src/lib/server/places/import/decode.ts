export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-31j';

export interface DecodedFile {
  text: string;
  encoding: FileEncoding;
  /** How many byte-order marks the file started with (台東区's file has two). */
  boms: number;
}

function stripBoms(text: string): { text: string; count: number } {
  let count = 0;
  let rest = text;
  while (rest.charCodeAt(0) === 0xfeff) {
    rest = rest.slice(1);
    count++;
  }
  return { text: rest, count };
}

/**
 * Sniffs the encoding of an uploaded file: a UTF-16 byte-order mark (or the zero bytes of UTF-16
 * text without one), else strict UTF-8, else windows-31j. windows-31j (cp932) rather than strict
 * Shift_JIS, because real files carry NEC special characters such as `№` (0x8782); the WHATWG
 * 'shift_jis' decoder is cp932.
 */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const { text, count } = stripBoms(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
    return { text, encoding: 'utf-16le', boms: count + 1 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const { text, count } = stripBoms(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
    return { text, encoding: 'utf-16be', boms: count + 1 };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 400));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  // Text in UTF-8 or windows-31j never holds a zero byte; UTF-16 does for every ASCII character.
  if (evenZeros + oddZeros > 0 && evenZeros !== oddZeros) {
    const encoding = oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
    const { text, count } = stripBoms(new TextDecoder(encoding).decode(bytes));
    return { text, encoding, boms: count };
  }
  try {
    const { text, count } = stripBoms(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
    return { text, encoding: 'utf-8', boms: count };
  } catch {
    const { text, count } = stripBoms(new TextDecoder('shift_jis').decode(bytes));
    return { text, encoding: 'windows-31j', boms: count };
  }
}
