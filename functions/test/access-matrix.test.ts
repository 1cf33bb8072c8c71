// Every route of the registry × {no token, member, secretary, a sibling city's admin}, each aimed at
// objects of an org the caller does not belong to. Generated from the registry: a route added later
// is in the matrix the day it is added (see support/route-fixtures.ts for what it needs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, allRoutes, type AnyRoute, type Role } from '@kaimen/shared';
import { expectProblem, startTestApi, type ApiResponse, type TestApi } from './support/test-api';
import { followWrites, isBookkeeping } from './support/table';
import { bodyValidates, pathOf, requestFor, seedOrgObjects, type OrgObjects } from './support/route-fixtures';

let api: TestApi;
let writes: Awaited<ReturnType<typeof followWrites>>;
let lj: OrgObjects;
let qs: OrgObjects;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ env: { RATE_CODE_ATTEMPTS_PER_WINDOW: '1000' } });
  [lj, qs] = await Promise.all([
    seedOrgObjects(api, { orgId: 'lj', partyOrgId: 'lj-dh-gz-b1', admin: 'dev-city-admin', member: 'dev-member', memberId: 'm-lj-dh-gz-b1-2', tag: '临江矩阵' }),
    seedOrgObjects(api, { orgId: 'qs', partyOrgId: 'qs-bt-gf-b1', admin: 'dev-qs-admin', member: 'dev-qs-admin', memberId: 'm-qs-bt-gf-b1-2', tag: '青山矩阵' }),
  ]);
  for (const openid of ['dev-member', 'dev-secretary', 'dev-qs-admin']) tokens[openid] = await api.token(openid);
  writes = await followWrites(api.endpoint, api.tableName);
}, 240_000);
afterAll(async () => {
  writes?.close();
  await api?.close();
});

interface Identity {
  name: string;
  openid: string | null;
  roles: Role[];
  /** The objects of another org this caller aims at. */
  foreign: () => OrgObjects;
}

const identities: Identity[] = [
  { name: 'no token', openid: null, roles: [], foreign: () => lj },
  { name: 'member of a 临江 branch', openid: 'dev-member', roles: ['member'], foreign: () => qs },
  { name: 'secretary of a 临江 branch', openid: 'dev-secretary', roles: ['secretary'], foreign: () => qs },
  { name: '青山 (sibling city) admin', openid: 'dev-qs-admin', roles: ['admin'], foreign: () => lj },
];

/** The items (pk|sk) written since the last look, bookkeeping aside. */
const written = async () => (await writes.take()).filter((k) => !isBookkeeping(k));
/**
 * True right after a refused write's check read the stream: nothing was written since, so the next write
 * has nothing to skip first (the writes run one after another, see `routes`). Any other call clears it.
 */
let streamRead = false;

async function call(route: AnyRoute, who: Identity): Promise<{ res: ApiResponse; exercised: boolean }> {
  const req = requestFor(route, who.foreign());
  const token = who.openid ? tokens[who.openid] : undefined;
  const res = await api.request(route.method, pathOf(route, req.params, req.query), {
    ...(token ? { token } : {}),
    ...(req.raw ? { rawBody: req.raw.bytes, headers: { 'content-type': req.raw.contentType } } : {}),
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  return { res, exercised: req.raw !== undefined || bodyValidates(route, req.body) };
}

// Reads first, then writes: refused writes in a row share their reads of the stream (streamRead).
const routes = allRoutes().map((r) => r.route).sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
/** Routes answering only the caller's own records (here: suggestions this matrix submitted with their token). */
const ownRecords = new Set(['mySuggestions']);
/**
 * A duel is joined from its share link by any bound member, whatever their org (games/duel.ts joinDuel); a PC
 * sign-in ticket belongs to no org: whoever confirms it signs that PC in as themself (auth/pc-login.ts). By design.
 */
const sharedByLink = new Set(['joinDuel', 'getDuel', 'scanPcLogin', 'confirmPcLogin']);
const roleChecksOnly: string[] = [];

describe.each(identities)('$name', (who) => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_, route) => {
    const write = route.method !== 'GET';
    // What earlier calls wrote (an allowed write, a read that counts) is not this write's doing.
    if (write && !streamRead) await writes.take();
    streamRead = false;
    const { res, exercised } = await call(route, who);
    expect(res.status, res.text).toBeLessThan(500);
    if (route.access === 'public') {
      if (res.status >= 400) expectProblem(res, res.status, res.json?.code);
      return;
    }
    if (!who.openid) {
      expectProblem(res, 401, 'UNAUTHENTICATED');
    } else if (!allows(route.access, who.roles, true)) {
      expectProblem(res, 403, 'FORBIDDEN');
    } else if (res.status < 300) {
      // Allowed to use the route, but nothing of the other org may come back or be touched.
      expect(route.path.includes('{') && !sharedByLink.has(route.id), `${route.id} answered ${res.status} on another org's object: ${res.text.slice(0, 300)}`).toBe(false);
      // The caller's own records may name another org's open campaign (public) they themselves wrote to.
      const markers = ownRecords.has(route.id) ? who.foreign().markers.filter((m) => m !== who.foreign().params.campaignId) : who.foreign().markers;
      for (const marker of markers) expect(res.text, `${route.id} leaks ${marker}`).not.toContain(marker);
      return;
    } else {
      expectProblem(res, res.status, res.json?.code);
      expect([400, 403, 404, 409]).toContain(res.status);
      if (res.status === 400 && !exercised) roleChecksOnly.push(route.id);
    }
    if (write) {
      expect(await written(), `${route.id} changed the table although refused`).toEqual([]);
      streamRead = true;
    }
  });
});

it('knows every route well enough to aim it at another org', () => {
  // Path parameters without fixture objects throw in requestFor (the matrix cannot run them at all).
  for (const route of routes) expect(() => requestFor(route, lj)).not.toThrow();
  if (roleChecksOnly.length) console.warn(`access matrix: only role checks exercised (no valid body fixture) for ${[...new Set(roleChecksOnly)].join(', ')}`);
});
