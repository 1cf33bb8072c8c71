import { STATUS_CODES as real } from 'node:http';
import { describe, expect, it } from 'vitest';
import { STATUS_CODES } from './node-http-status';

describe('STATUS_CODES served lazily to @middy/util', () => {
  it('names every status as node:http does', () => {
    for (const code of Object.keys(real)) expect(STATUS_CODES[code]).toBe(real[code]);
    expect(STATUS_CODES[799]).toBeUndefined();
  });
});
