/** A database timestamp (a Date from pg, a string from some drivers) as ISO 8601 text, for JSON documents. */
export function isoTimestamp(value: Date | string): string {
  return new Date(value).toISOString();
}

export function isoTimestampOrNull(value: Date | string | null): string | null {
  return value === null ? null : isoTimestamp(value);
}
