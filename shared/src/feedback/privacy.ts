/**
 * Personal data people write into free text: mainland mobile numbers and resident ID numbers.
 * Masked in every view that is not an authorised admin's (tracking page, public checklist, titles).
 */
const ID_CARD = /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const ID_CARD_15 = /(?<!\d)([1-9]\d{5})(\d{6})(\d{3})(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, _mid: string, tail: string) => `${head}********${tail.toUpperCase()}`)
    .replace(ID_CARD_15, (_m, head: string, _mid: string, tail: string) => `${head}******${tail}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

export function containsPersonalData(text: string): boolean {
  return maskPersonalData(text) !== text;
}

/** A mainland mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
