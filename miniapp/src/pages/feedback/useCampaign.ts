import { routes, type Campaign } from '@kaimen/shared';
import { call } from '../../api/client';
import { useLoad } from '../../hooks/useLoad';

export interface CampaignState {
  campaign: Campaign | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

const fetchCampaign = (campaignId: string) => call(routes.getCampaign, { params: { campaignId } });

/** One published campaign (public: no sign-in needed). */
export function useCampaign(campaignId: string): CampaignState {
  const { data, ...state } = useLoad(campaignId, fetchCampaign, '缺少活动编号，请从活动列表进入');
  return { campaign: data, ...state };
}
