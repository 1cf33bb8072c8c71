import { createHash } from 'node:crypto';
import type { NotificationKind, TemplateKey } from '@kaimen/shared';

export type SendState = 'pending' | 'sending' | 'sent' | 'failed' | 'unsubscribed' | 'uncertain';
/** Why a message went to the inbox only. */
export type SkipReason = 'off' | 'not_subscribed' | 'capped' | 'no_openid';

/** One message to one user (keys N1–N4): the inbox entry and, when it is to be pushed, its WeChat delivery state. */
export interface NoteRecord {
  id: string;
  userId: string;
  eventKey: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt?: string;
  /** Org path whose admins see this message's send failures. */
  scopePath: string;
  templateKey: TemplateKey;
  openid?: string;
  sendState?: SendState;
  skipped?: SkipReason;
  sendAfter?: string;
  attempts?: number;
  leaseUntil?: number;
  reason?: string;
  detail?: string;
  sentAt?: string;
  updatedAt?: string;
}

/** The id of the message an event makes for a user: the same event never makes a second one. */
export function noteIdOf(eventKey: string): string {
  return createHash('sha256').update(eventKey).digest('base64url').slice(0, 22);
}

export function stripNote(item: Record<string, unknown>): NoteRecord {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, gsi3pk: _g, gsi3sk: _h, type: _t, ...rest } = item;
  return rest as unknown as NoteRecord;
}
