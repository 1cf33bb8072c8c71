// Property-based probe of every write route of the registry: generated bad bodies, queries, path ids
// and tokens always get a problem+json answer, never a 5xx, and change nothing. A route added to
// the registry is fuzzed the day it is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignJWT, UnsecuredJWT } from 'jose';
import { allRoutes, problemStatus, type AnyRoute } from '@kaimen/shared';
import { startTestApi, TEST_JWT_SECRET, type TestApi } from './support/test-api';
import { recordsSnapshot } from './support/table';
import { waitForRun } from './support/tally';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
let api: TestApi;
const valid: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  for (const openid of ['dev-admin', 'dev-secretary', 'dev-member']) valid[openid] = await api.token(openid);
}, 120_000);
afterAll(() => api?.close());

const claims = { roles: ['admin'], orgId: 'jn', orgPath: '/jn/', openid: 'dev-admin', name: '周立新' };
const signed = (secret: string, exp: string | number) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('m-jn-1').setIssuer('kaimen').setAudience('test')
    .setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));

/** Tokens an attacker or a broken client sends, and the valid ones (so bad input reaches validation). */
const token = fc.oneof(
  fc.constant(async () => undefined as string | undefined),
  fc.constantFrom('dev-admin', 'dev-secretary', 'dev-member').map((who) => async () => valid[who]),
  fc.string({ maxLength: 300 }).map((s) => async () => s),
  fc.constant(async () => signed('another-secret-that-is-long-enough-0001', '1h')),
  fc.constant(async () => signed(TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 60)),
  fc.constant(async () => new UnsecuredJWT(claims).setSubject('m-jn-1').setIssuer('kaimen').setAudience('test').setExpirationTime('1h').encode()),
  fc.constant(async () => `${valid['dev-member']!.slice(0, -3)}abc`),
);

// `.` and `..` are resolved away by the URL itself (the gateway's own 404, not the API's).
const pathId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s !== '.' && s !== '..'),
  fc.constantFrom('%00', 'a/b', 'x'.repeat(600), '<script>alert(1)</script>', "' OR '1'='1", '{"$ne":null}', 'demo-lj-2026', 'qb-demo-lj', 'quiz-demo-lj', '１２３', '\u200b'),
  fc.stringMatching(/^[\w-]{2,40}$/),
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'orgId', 'scope', 'format', 'q'), fc.string({ maxLength: 10 })),
  fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('-1', '0', '101', '1e9', 'NaN', 'eyJwayI6IngifQ', '%ZZ')),
  { maxKeys: 3 },
);

/** A body: any JSON, JSON with the right keys and wrong values, broken JSON, or the wrong media type. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
  fc.dictionary(
    fc.constantFrom('title', 'content', 'category', 'answers', 'orgId', 'bankId', 'draw', 'status', 'ids', 'text', 'code', 'openid', 'bindingCode', 'scores', 'seconds', 'rating', 'mediaUrl', 'anonymous', '__proto__', 'constructor'),
    fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.object({ maxDepth: 1 })),
    { maxKeys: 6 },
  ).map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((s) => ({ text: `{${s}`, type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((s) => ({ text: s, type: 'text/plain' })),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ text: Buffer.from(b), type: 'application/octet-stream' })),
  fc.constant({ text: 'x'.repeat(1_100_000), type: 'application/json' }),
);

const writes = allRoutes().map((r) => r.route).filter((r) => r.method !== 'GET');
const snapshot = () => recordsSnapshot(api.endpoint, api.tableName);
/**
 * The table as the last all-refused batch left it: the next route's "before", since nothing runs between
 * two routes. A scan of the seeded table costs about as much as a batch of requests; this halves the scans.
 */
let lastUnchanged: string[] | null = null;

function pathFor(route: AnyRoute, ids: string[], q: Record<string, string>): string {
  let i = 0;
  const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(ids[i++] ?? 'x'));
  const qs = new URLSearchParams(q).toString();
  return qs ? `${path}?${qs}` : path;
}

describe('every write route, fuzzed', () => {
  it('has write routes to fuzz', () => expect(writes.length).toBeGreaterThan(10));

  it.each(writes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const before = lastUnchanged ?? (await snapshot());
    lastUnchanged = null;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(pathId, { minLength: 3, maxLength: 3 }), query, body, token, fc.boolean(), async (ids, q, b, tok, idem) => {
        const t = await tok();
        const res = await fetch(api.url + pathFor(route, ids, q), {
          method: route.method,
          headers: {
            'content-type': b.type,
            ...(t !== undefined ? { authorization: `Bearer ${t}` } : {}),
            ...(idem ? { 'idempotency-key': `fuzz-${ids[0]!.length}-${Math.random().toString(36).slice(2)}` } : {}),
          },
          body: b.text,
        });
        const text = await res.text();
        expect(res.status, `${route.id}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status < 300) {
          accepted++;
          // A tally run it started goes on in the background: it must not write into the next route's snapshot.
          const runId = (JSON.parse(text || '{}') as { runId?: string }).runId;
          if (res.status === 202 && runId) await waitForRun(api, runId, valid['dev-admin']!);
          return;
        }
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const p = JSON.parse(text) as { status: number; code: keyof typeof problemStatus; detail: string; title: string };
        expect(p.status).toBe(res.status);
        expect(problemStatus[p.code]).toBe(res.status);
        expect(p.detail.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|Exception|DynamoDB/);
      }),
      { numRuns: RUNS },
    );
    // A batch where every request was refused leaves the table as it was.
    if (accepted === 0) {
      const after = await snapshot();
      expect(after).toEqual(before);
      lastUnchanged = after;
    }
  });
});
