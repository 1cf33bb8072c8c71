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

  it('masks numbers written with full-width digits, spaces, dots or Chinese numerals', () => {
    expect(maskPersonalData('电话１３８１２３４５６７８')).toBe('电话138****5678');
    expect(maskPersonalData('打 138 1234 5678 找我')).toBe('打 138****5678 找我');
    expect(maskPersonalData('手机138.1234.5678')).toBe('手机138****5678');
    expect(maskPersonalData('我的手机一三八一二三四五六七八')).toBe('我的手机138****5678');
    expect(maskPersonalData('幺三八 幺二三四 五六七八')).toBe('138****5678');
    expect(maskPersonalData('2026.11.22 13812345678')).toBe('2026.11.22 138****5678');
  });

  it('masks landlines and e-mail addresses', () => {
    expect(maskPersonalData('座机0571-87654321')).toBe('座机0571****4321');
    expect(maskPersonalData('（010）6234 5678')).toBe('（010****5678');
    expect(maskPersonalData('办公室电话：87654321')).toBe('办公室电话：****4321');
    expect(maskPersonalData('发邮件到 zhang.san@example.com.cn')).toBe('发邮件到 z***@example.com.cn');
  });

  it('leaves ordinary numbers alone', () => {
    for (const s of ['12348热线', '排队2小时', '收费3000元', '2026年11月22日', '编号 20261122001', '第一二三条', '三问于民', '1.5万元']) expect(maskPersonalData(s)).toBe(s);
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

  it('never leaves a mobile number readable in full-width digits or with separators', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', ' - ');
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), sep, sep, fc.boolean(), (second, rest, s1, s2, wide) => {
        const d = `1${second}${String(rest).padStart(9, '0')}`;
        const written = `${d.slice(0, 3)}${s1}${d.slice(3, 7)}${s2}${d.slice(7)}`;
        const shown = wide ? written.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : written;
        const masked = maskPersonalData(`请联系${shown}谢谢`);
        expect(masked).toBe(`请联系${d.slice(0, 3)}****${d.slice(7)}谢谢`);
      }),
    );
  });
});
