/**
 * Personal data people write into free text: mobile and landline numbers, resident ID numbers and
 * e-mail addresses, however they are written (full-width digits, spaces, dots or dashes between
 * digits, digits in Chinese numerals). Masked in every view that is not an authorised admin's
 * (tracking page, public checklist, titles).
 */
const ID_CARD = /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** What a digit may look like: ASCII, full-width, or a Chinese numeral (幺 is "one" read out in phone numbers). */
const DIGIT_CHARS = '0-9０-９零〇一二三四五六七八九幺';
const chineseDigits: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A run of digits with at most three separators (space, dot, dash, brackets) between neighbours; an optional leading +. */
const NUMBER_RUN = new RegExp(`\\+?[${DIGIT_CHARS}](?:[\\s.\\-·－—()（）]{0,3}[${DIGIT_CHARS}])*`, 'g');
/** Words that say the number after them is a phone number, so a bare 7–8 digit local landline counts too. */
const PHONE_WORDS = /(电话|座机|固话|手机|联系|号码|致电|拨打|热线|tel|phone)[\s:：是为]*$/i;

function digitOf(ch: string): string {
  if (ch >= '０' && ch <= '９') return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48);
  return chineseDigits[ch] ?? ch;
}

/** The masked form of a run of digits, or null when it is not personal data. */
function maskDigits(d: string, saysPhone: boolean, oneGroup: boolean): string | null {
  const mobile = /^(?:0?86)?(1[3-9]\d)(\d{4})(\d{4})$/.exec(d);
  if (mobile) return `${mobile[1]}****${mobile[3]}`;
  // ID numbers are written in one piece; across separators 15 digits are more likely a date and a phone.
  if (oneGroup && /^[1-9]\d{16}[\dX]$/.test(d)) return `${d.slice(0, 6)}********${d.slice(14)}`;
  if (oneGroup && /^[1-9]\d{14}$/.test(d)) return `${d.slice(0, 6)}******${d.slice(12)}`;
  // A landline with its area code (010, 0571…): 10–12 digits starting with 0.
  if (/^0[1-9]\d{8,10}$/.test(d)) return `${d.slice(0, d.length - 8)}****${d.slice(-4)}`;
  if (saysPhone && /^\d{7,8}$/.test(d)) return `****${d.slice(-4)}`;
  return null;
}

const isDigitChar = (c: string) => DIGIT_RE.test(c);
const DIGIT_RE = new RegExp(`^[${DIGIT_CHARS}]$`);
const digitsOf = (parts: string[]) => parts.map((p) => [...p].filter(isDigitChar).map(digitOf).join('')).join('');

/**
 * Masks the personal numbers inside one run of digits and separators. A run may hold more than one
 * number ("2026.11.22 13812345678"), so the longest span of digit groups that is one is masked first.
 */
function maskRun(run: string, saysPhone: boolean): string {
  const parts = run.match(new RegExp(`[${DIGIT_CHARS}]+|[^${DIGIT_CHARS}]+`, 'g')) ?? [run];
  let out = '';
  for (let i = 0; i < parts.length;) {
    if (!isDigitChar(parts[i]![0]!)) { out += parts[i]; i++; continue; }
    let done = false;
    for (let j = parts.length - 1; j >= i; j--) {
      const digits = digitsOf(parts.slice(i, j + 1));
      // Chinese numerals make words (一二三), not numbers, unless there are many of them.
      const masked = digits.length >= 7 ? maskDigits(digits, saysPhone && i === 0, i === j) : null;
      if (masked !== null) {
        out += masked;
        i = j + 1;
        done = true;
        break;
      }
    }
    if (!done) { out += parts[i]; i++; }
  }
  return out;
}

export function maskPersonalData(text: string): string {
  const withIds = text.replace(ID_CARD, (_m, head: string, _mid: string, tail: string) => `${head}********${tail.toUpperCase()}`);
  const withEmails = withIds.replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
  return withEmails.replace(NUMBER_RUN, (run: string, offset: number, whole: string) => {
    const bare = run.startsWith('+') ? run.slice(1) : run;
    const masked = maskRun(bare, PHONE_WORDS.test(whole.slice(Math.max(0, offset - 8), offset)));
    return masked === bare ? run : masked;
  });
}

export function containsPersonalData(text: string): boolean {
  return maskPersonalData(text) !== text;
}

/** A mainland mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
