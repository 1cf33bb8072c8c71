import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsPersonalData, maskPersonalData } from './privacy';

describe('masking personal data in free text', () => {
  it('masks mobile numbers written in any common way', () => {
    expect(maskPersonalData('请打我电话13812345678谢谢')).toBe('请打我电话138****5678谢谢');
    expect(maskPersonalData('电话 138-1234-5678')).toBe('电话 138****5678');
    expect(maskPersonalData('+86 13812345678')).toBe('138****5678');
  });

  it('masks resident ID numbers of 18 and 15 digits', () => {
    expect(maskPersonalData('身份证110101199003071234')).toBe('身份证110101********1234');
    expect(maskPersonalData('身份证11010119900307123x号')).toBe('身份证110101********123X号');
    expect(maskPersonalData('旧证号110101900307123')).toBe('旧证号110101******123');
  });

  it('leaves ordinary numbers alone', () => {
    for (const s of ['12348热线', '排队2小时', '收费3000元', '2026年11月22日', '编号 20261122001']) expect(maskPersonalData(s)).toBe(s);
  });

  it('never leaves an 11-digit mobile number readable, wherever it is placed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), fc.string({ maxLength: 30 }), (a, second, rest, b) => {
        const phone = `1${second}${String(rest).padStart(9, '0')}`;
        const masked = maskPersonalData(`${a.replace(/\d/g, '')}${phone}${b.replace(/\d/g, '')}`);
        expect(masked).not.toContain(phone);
        expect(containsPersonalData(masked)).toBe(false);
      }),
    );
  });
});
