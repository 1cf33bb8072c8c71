/**
 * Codes people read aloud and type (binding codes, tracking codes): Crockford-style base32 without
 * the look-alikes 0/O and 1/I, so 32 symbols carry 5 bits each.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Dashes, spaces and case do not matter. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedCode(code: string, length: number): boolean {
  return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Groups of four joined by dashes: `K7QM-3XPA-…`. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Turns random bytes into a code of `length` symbols (uses 5 bits of each byte). */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  if (bytes.length < length) throw new Error('not enough random bytes');
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! & 31];
  return out;
}
