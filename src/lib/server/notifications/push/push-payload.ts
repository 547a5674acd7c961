/**
 * What the service worker receives: `{ title, body, url, id }` as JSON. RFC 8291 §4 leaves 3993 bytes
 * of plaintext in the 4096-byte record that push services must accept, so a longer notice is cut
 * (body first, then title) at a grapheme boundary — never inside a character, a surrogate pair or an
 * emoji sequence — and marked with an ellipsis. The full text stays in the in-app inbox.
 */
export const MAX_PAYLOAD_BYTES = 3993;
const ELLIPSIS = '…';

export interface PushPayload {
  title: string;
  body: string;
  url: string;
  id: string;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
const graphemes = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** The longest prefix (in graphemes, plus an ellipsis) for which `fits` holds; '' when none does. */
function longestFitting(text: string, fits: (candidate: string) => boolean): string | undefined {
  if (fits(text)) return text;
  const parts = graphemes(text);
  let low = 0;
  let high = parts.length - 1;
  let best: string | undefined;
  // Longer prefixes never encode shorter, so the search is monotonic.
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = middle === 0 ? '' : parts.slice(0, middle).join('') + ELLIPSIS;
    if (fits(candidate)) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

/** The JSON payload within the limit, or undefined when even an empty body and title do not fit. */
export function encodePushPayload(payload: PushPayload, maxBytes = MAX_PAYLOAD_BYTES): string | undefined {
  const encode = (title: string, body: string) => JSON.stringify({ title, body, url: payload.url, id: payload.id });
  const fits = (title: string, body: string) => byteLength(encode(title, body)) <= maxBytes;
  const body = longestFitting(payload.body, (candidate) => fits(payload.title, candidate));
  if (body !== undefined) return encode(payload.title, body);
  const title = longestFitting(payload.title, (candidate) => fits(candidate, ''));
  return title === undefined ? undefined : encode(title, '');
}
