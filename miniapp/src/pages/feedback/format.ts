import type { CampaignStatus } from '@kaimen/shared';
import { formatDate } from '../../lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO-8601 time as local date and time, e.g. 2026年3月5日 14:05. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A campaign's dates, e.g. 2026年3月1日 至 2026年5月31日. */
export function formatPeriod(opensAt: string, closesAt: string): string {
  return `${formatDate(opensAt)} 至 ${formatDate(closesAt)}`;
}

export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: '未开始', open: '进行中', closed: '已结束' };

/**
 * What a person typed as a tracking code, ready to send: spaces removed, upper case.
 * Dashes may stay; the API ignores them and the case.
 */
export function normaliseTrackingCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** A tracking code as shown to people: groups of four, e.g. K7QM-3XPA-9TRB. */
export function displayTrackingCode(code: string): string {
  if (code.includes('-')) return code.toUpperCase();
  return (code.toUpperCase().match(/.{1,4}/g) ?? [code]).join('-');
}

/** The campaign a page is about: `?id=` from a link, or the `scene` of a mini-program QR code. */
export function campaignIdFrom(params: Record<string, string | undefined>): string {
  if (params.id) return params.id;
  if (params.campaignId) return params.campaignId;
  if (params.scene) {
    try {
      return decodeURIComponent(params.scene);
    } catch {
      return params.scene;
    }
  }
  return '';
}
