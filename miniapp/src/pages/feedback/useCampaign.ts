import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import type { Campaign } from '@kaimen/shared';
import { problemOf } from '@kaimen/shared/http/problem';
import { call } from '../../api/client';
import { ApiError } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';

export interface CampaignState {
  campaign: Campaign | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** One published campaign (public: no sign-in needed). */
export function useCampaign(campaignId: string): CampaignState {
  const { data, ...state } = useLoad(
    () => (campaignId
      ? call(feedbackRoutes.getCampaign, { params: { campaignId } })
      : Promise.reject(new ApiError(problemOf('VALIDATION_FAILED', '缺少活动编号，请从活动列表进入')))),
    [campaignId],
  );
  return { campaign: data, ...state };
}
