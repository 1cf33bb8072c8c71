import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import '../zod-locale';
import { countPosts, reviewPostBody, savePostBody, type PostKind, type PostLevel, type PostStatus } from './posts';
import { imageTypeOf } from './photo';

const card = { kind: 'pioneer_post', window: '公证受理窗口', pledge: '热情接待每一位群众，一次告知所需材料，当天能办的当天办结。', services: ['公证咨询', '上门办证'] };

describe('a member card', () => {
  it('accepts a plain pledge', () => expect(z.safeParse(savePostBody, card).success).toBe(true));

  it.each([
    '有事请打我手机13812345678，随时为您服务的承诺',
    '如有问题请拨打 138 1234 5678 联系我本人处理',
    '身份证110101199003071234，本人郑重承诺依法办事',
  ])('refuses a pledge with personal data: %s', (pledge) => {
    const r = z.safeParse(savePostBody, { ...card, pledge });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join()).toContain('个人信息');
  });

  it('refuses a phone number hidden in a service', () => {
    expect(z.safeParse(savePostBody, { ...card, services: ['预约电话 13912345678'] }).success).toBe(false);
  });

  it('needs a reason to return a card', () => {
    expect(z.safeParse(reviewPostBody, { approve: false }).success).toBe(false);
    expect(z.safeParse(reviewPostBody, { approve: false, reason: '照片不清楚' }).success).toBe(true);
    expect(z.safeParse(reviewPostBody, { approve: true, level: 'city' }).success).toBe(true);
  });
});

describe('photo bytes', () => {
  it('tells JPEG, PNG and WebP by their magic numbers', () => {
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(imageTypeOf(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses text, PDFs and executables that claim to be photos', () => {
    for (const s of ['<html>', '%PDF-1.7', 'MZ\u0090\u0000', 'GIF89a', '']) expect(imageTypeOf(Buffer.from(s))).toBeNull();
  });

  it('never mistakes random bytes without a known signature for an image', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
      const t = imageTypeOf(bytes);
      if (t === null) return;
      expect(bytes[0] === 0xff || bytes[0] === 0x89 || bytes[0] === 0x52).toBe(true);
    }));
  });
});

describe('counting posts', () => {
  const kinds: PostKind[] = ['pioneer_post', 'model_post', 'responsibility_area', 'service_team'];
  const levels: PostLevel[] = ['institution', 'county', 'city', 'province'];
  const statuses: PostStatus[] = ['pending', 'approved', 'returned'];
  const post = fc.record({
    orgPath: fc.constantFrom('/jn/lj/a/', '/jn/lj/b/', '/jn/qs/c/'),
    status: fc.constantFrom(...statuses), kind: fc.constantFrom(...kinds), level: fc.constantFrom(...levels),
  });

  it('counts approved posts by kind and level, and the parent is the sum of its children', () => {
    fc.assert(fc.property(fc.array(post, { maxLength: 40 }), (posts) => {
      const all = countPosts(posts, '/jn/');
      const parts = ['/jn/lj/', '/jn/qs/'].map((p) => countPosts(posts, p));
      expect(all.total).toBe(posts.filter((p) => p.status === 'approved').length);
      expect(all.pending).toBe(parts[0]!.pending + parts[1]!.pending);
      for (const k of kinds) expect(all.byKind[k]).toBe(parts[0]!.byKind[k] + parts[1]!.byKind[k]);
      expect(levels.reduce((s, l) => s + all.byLevel[l], 0)).toBe(all.total);
    }));
  });
});
