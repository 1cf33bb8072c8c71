import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { route } from '@kaimen/shared';
import * as z from 'zod/mini';
import { lambdaContext, toEvent } from '../../../scripts/lib/lambda-http';
import { bind, createFunction, type Binding } from './api';
import { resetConfig } from './config';

const saved = { ...process.env };
beforeEach(() => {
  process.env.STAGE = 'unit';
  process.env.JWT_SECRET = 'unit-secret-0123456789abcdef-0123456789';
  resetConfig();
});
afterEach(() => {
  process.env = { ...saved };
  resetConfig();
});

const routes = {
  ping: route({ id: 'ping', method: 'GET', path: '/ping', tag: 't', access: 'public', status: 200, summary: 'ping', response: z.object({ ok: z.boolean() }) }),
  pong: route({ id: 'pong', method: 'GET', path: '/pong', tag: 't', access: 'public', status: 200, summary: 'pong', response: z.object({ ok: z.boolean() }) }),
};
type Handler = (e: APIGatewayProxyEventV2, c: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
const get = (handler: unknown, path: string) => (handler as Handler)(toEvent('GET', new URL(`http://x${path}`), {}, Buffer.alloc(0), '1.2.3.4'), lambdaContext('unit'));
const both: Binding[] = [bind(routes.ping, async () => ({ ok: true })), bind(routes.pong, async () => ({ ok: false }))];

describe('a function’s handlers, loaded at the first request', () => {
  it('are loaded once and serve every route of the table', async () => {
    let loads = 0;
    const handler = createFunction(routes, async () => (loads++, { bindings: both }));
    expect(loads).toBe(0);
    expect(JSON.parse((await get(handler, '/ping')).body!)).toEqual({ ok: true });
    expect(JSON.parse((await get(handler, '/pong')).body!)).toEqual({ ok: false });
    expect((await get(handler, '/nowhere')).statusCode).toBe(404);
    expect(loads).toBe(1);
  });

  it('answer 500 (never a wrong handler) when they do not serve exactly the table', async () => {
    const handler = createFunction(routes, async () => ({ bindings: [both[0]!] }));
    const res = await get(handler, '/ping');
    expect(res.statusCode).toBe(500);
    expect(res.headers?.['Content-Type']).toContain('application/problem+json');
  });

  it('are loaded again by the next request when a load fails', async () => {
    let loads = 0;
    const handler = createFunction(routes, async () => {
      if (loads++ === 0) throw new Error('chunk not readable');
      return { bindings: both };
    });
    expect((await get(handler, '/ping')).statusCode).toBe(500);
    expect((await get(handler, '/ping')).statusCode).toBe(200);
    expect(loads).toBe(2);
  });
});
