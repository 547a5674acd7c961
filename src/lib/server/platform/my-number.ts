/**
 * Hagukumi never collects a マイナンバー (the 12-digit individual number). A free-text field refuses
 * any run of exactly 12 digits, however it is written: full-width digits, spaces or hyphens between
 * the groups (1234 5678 9012). Longer runs (13-digit corporate numbers, long reference numbers) pass.
 */
export function containsMyNumber(text: string): boolean {
  const normalised = text.normalize('NFKC').replace(/[\s\-‐‑–—―ー－]/g, '');
  return /(?<!\d)\d{12}(?!\d)/.test(normalised);
}
