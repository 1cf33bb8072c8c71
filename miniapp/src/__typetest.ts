import { routes } from '@kaimen/shared';
import { call } from './api/client';
export async function t() {
  const a = await call(routes.listCampaigns);
  const n: number = a.items.length;
  const b = await call(routes.listCampaigns, { query: { status: 'open' } });
  const s: string = b.items[0]!.title;
  const c = await call(routes.signInDev, { body: { openid: 'x' } });
  const r: string[] = c.user.roles;
  await call(routes.getCampaign, { params: { campaignId: 'x' } });
  // @ts-expect-error body required
  await call(routes.signInDev);
  // @ts-expect-error body required
  await call(routes.signInDev, {});
  // @ts-expect-error no body on health
  await call(routes.health, { body: {} });
  // @ts-expect-error bad query value
  await call(routes.listCampaigns, { query: { status: 'draft' } });
  // @ts-expect-error params required
  await call(routes.getCampaign);
  // @ts-expect-error wrong type
  const bad: number = c.token;
  return [n, s, r, bad];
}
