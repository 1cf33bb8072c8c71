import { randomBytes } from 'node:crypto';
import { codeFromBytes } from '@kaimen/shared';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID: 10 symbols of milliseconds then 16 random, so ids sort by creation time. */
export function newId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rnd = randomBytes(16);
  let tail = '';
  for (const b of rnd) tail += CROCKFORD[b & 31];
  return time + tail;
}

/** A human-typable random code (see shared/src/codes.ts); `length` symbols of 5 bits each. */
export function newCode(length: number): string {
  return codeFromBytes(randomBytes(length), length);
}
