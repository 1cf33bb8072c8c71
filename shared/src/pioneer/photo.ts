/** Photo types a card accepts, told by their first bytes (what the upload claims is not trusted). */
export const cardPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type CardPhotoType = (typeof cardPhotoTypes)[number];
export const CARD_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The image type the bytes are (JPEG, PNG or WebP by their magic numbers), or null when they are none of these. */
export function imageTypeOf(head: Uint8Array): CardPhotoType | null {
  const b = (i: number) => head[i];
  if (head.length >= 3 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((v, i) => b(i) === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}
