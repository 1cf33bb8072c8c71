/** Mainland mobile and landline numbers, ID-card-like digit runs: never part of a title or a keyword. */
const PHONE_LIKE = /(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8}|\d{15,18}[\dxX]?/g;

/**
 * The text the tally compares: NFKC (full-width → half-width), lower case, contact numbers removed,
 * and only letters, CJK and digits kept (no punctuation, no spaces), so that missing or doubled
 * punctuation changes nothing.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(PHONE_LIKE, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Removes phone-like numbers from display text (keywords, titles). */
export function stripContactNumbers(text: string): string {
  return text.replace(PHONE_LIKE, '');
}

/** Character bigrams of a normalised text with their counts (a single character is its own gram). */
export function charBigrams(norm: string): Map<string, number> {
  const chars = [...norm];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0] as string, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = (chars[i] as string) + (chars[i + 1] as string);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}
