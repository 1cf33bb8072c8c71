import { checklistRoutes } from '@kaimen/shared/checklist/routes';
import { problemOf, type Infer } from '@kaimen/shared';
import { call } from '../../api/client';
import { ApiError } from '../../api/error';
import { useLoad } from '../../hooks/useLoad';

export type PublicChecklist = Infer<typeof checklistRoutes.publicChecklist.response>;

/** A campaign's published checklist (public: no sign-in needed). */
export function usePublicChecklist(campaignId: string) {
  return useLoad(
    () => (campaignId
      ? call(checklistRoutes.publicChecklist, { params: { campaignId } })
      : Promise.reject(new ApiError(problemOf('VALIDATION_FAILED', '缺少活动编号，请从活动页面进入')))),
    [campaignId],
  );
}
