/** The list's filter fields as they appear in the URL (page, calendar, feed). */
export const FILTER_KEYS = ['from', 'to', 'age', 'district', 'free', 'has_seats'] as const;

/** The filters of a URL as the events service reads them (has_seats → hasSeats). */
export function filterInput(url: URL): Record<string, string> {
  const p = url.searchParams;
  return {
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    age: p.get('age') ?? '',
    district: p.get('district') ?? '',
    free: p.get('free') ?? '',
    hasSeats: p.get('has_seats') ?? '',
    cursor: p.get('cursor') ?? ''
  };
}

/** The current filters as a query string (without the cursor), for links to other views of the list. */
export function filterQuery(url: URL, extra: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = url.searchParams.get(key);
    if (value) out.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) out.set(k, v);
  const text = out.toString();
  return text ? `?${text}` : '';
}
