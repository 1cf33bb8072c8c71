import { routes, type Infer } from '@kaimen/shared';
import { call } from '../../api/client';
import { useLoad } from '../../hooks/useLoad';

export type PublicChecklist = Infer<typeof routes.publicChecklist.response>;

const fetchChecklist = (campaignId: string) => call(routes.publicChecklist, { params: { campaignId } });

/** A campaign's published checklist (public: no sign-in needed). */
export function usePublicChecklist(campaignId: string) {
  return useLoad(campaignId, fetchChecklist, '缺少活动编号，请从活动页面进入');
}
