import { meetingTypeLabels, type Meeting } from '@kaimen/shared';
import type { Principal } from '../lib/tokens';
import { maySeeReviewOutcomes } from './access';
import type { MeetingRecord } from './meeting-store';

/** What the meeting QR code encodes: the mini-program's meeting check-in page with the code. */
export function meetingCheckInPath(code: string): string {
  return `/pages/orglife/checkin?code=${code}`;
}

export async function meetingView(m: MeetingRecord, principal: Principal | null): Promise<Meeting> {
  // The S3 client loads with the first meeting that has photos (most have none).
  const { presignView } = m.photos.length ? await import('./photos') : { presignView: undefined };
  const showOutcomes = m.type === 'member_review' && principal !== null && maySeeReviewOutcomes(principal, { id: m.orgId, path: m.orgPath });
  return {
    id: m.id, orgId: m.orgId, orgName: m.orgName, type: m.type, typeLabel: meetingTypeLabels[m.type], status: m.status, heldAt: m.heldAt,
    place: m.place, topic: m.topic, presider: m.presider, attendees: m.attendees, absences: m.absences, expected: m.rosterSize,
    minutes: m.minutes, photos: await Promise.all(m.photos.map(async (key) => ({ key, url: await presignView!(key) }))),
    ...(showOutcomes ? { reviewOutcomes: m.reviewOutcomes ?? [] } : {}),
    createdAt: m.createdAt,
  };
}

export async function adminMeetingView(m: MeetingRecord, principal: Principal) {
  const path = meetingCheckInPath(m.checkInCode);
  const { default: QRCode } = await import('qrcode');
  return {
    ...(await meetingView(m, principal)), checkInCode: m.checkInCode, checkInPath: path,
    qrDataUrl: await QRCode.toDataURL(path, { margin: 1, width: 320, errorCorrectionLevel: 'M' }),
  };
}
