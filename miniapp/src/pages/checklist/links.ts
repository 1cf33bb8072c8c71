import Taro from '@tarojs/taro';

/** The checklist pages, and how to open them. */
export const checklistPages = {
  public: '/pages/checklist/index',
} as const;

export function checklistUrl(page: keyof typeof checklistPages, campaignId: string): string {
  return `${checklistPages[page]}?campaignId=${encodeURIComponent(campaignId)}`;
}

export function openChecklist(page: keyof typeof checklistPages, campaignId: string): void {
  void Taro.navigateTo({ url: checklistUrl(page, campaignId) });
}

/** The campaign a checklist page is about: `campaignId` (or `id`, or a QR `scene`). */
export function campaignIdOf(params: Record<string, string | undefined>): string {
  const raw = params.campaignId ?? params.id ?? params.scene ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
