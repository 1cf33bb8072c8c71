import { feedbackRoutes } from '@kaimen/shared/feedback/routes';
import { useRef, useState } from 'react';
import { type Infer, type SubmitSuggestionBody } from '@kaimen/shared';
import { call, newIdempotencyKey } from '../../api/client';
import { ApiError, errorMessage } from '../../api/error';

export type Identity = 'anonymous' | 'named';

export interface SuggestionFields {
  category: string | null;
  content: string;
  identity: Identity;
  name: string;
  phone: string;
  /** The unit the suggestion is about (被反映单位), optional. */
  orgId: string | null;
  /** Honeypot: people never see it, so it stays empty. */
  website: string;
}

export type Created = Infer<typeof feedbackRoutes.submitSuggestion.response>;

const emptyFields: SuggestionFields = { category: null, content: '', identity: 'anonymous', name: '', phone: '', orgId: null, website: '' };

/** The request body, shaped as `submitSuggestionBody` wants it (the client checks it with that schema). */
export function toBody(f: SuggestionFields): SubmitSuggestionBody {
  const body: SubmitSuggestionBody = { category: f.category ?? '', content: f.content, anonymous: f.identity === 'anonymous' };
  if (f.identity === 'named') body.contact = { name: f.name.trim(), phone: f.phone.trim() };
  if (f.orgId) body.orgId = f.orgId;
  if (f.website) body.website = f.website;
  return body;
}

/** The fields the form shows an error under; any other field the server names is spelled out above the button. */
export const FORM_FIELDS = ['category', 'content', 'orgId', 'name', 'phone', 'contact'] as const;

export function formErrorOf(errors: Record<string, string>): string | null {
  const paths = Object.keys(errors);
  if (paths.length === 0) return null;
  const elsewhere = paths.filter((p) => !(FORM_FIELDS as readonly string[]).includes(p)).map((p) => errors[p]);
  return elsewhere.length ? elsewhere.join('；') : '请按提示修改后再提交';
}

/**
 * State and submission of one suggestion form. One Idempotency-Key per form fill: a double tap or a
 * retry after a lost answer sends the same key with the same body, so the API stores one suggestion.
 * The key changes only when the text sent changes (the API rejects one key for two bodies).
 */
export function useSuggestionForm(campaignId: string) {
  const [fields, setFields] = useState<SuggestionFields>(emptyFields);
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** What went wrong with the request itself (network, closed campaign): not tied to a field. */
  const [requestError, setRequestError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const inFlight = useRef(false);

  const set = <K extends keyof SuggestionFields>(key: K, value: SuggestionFields[K]) => {
    setFields((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (Object.keys(prev).length === 0) return prev;
      const next = { ...prev };
      delete next[key === 'identity' ? 'contact' : key];
      if (key === 'name' || key === 'phone') delete next.contact;
      return next;
    });
  };

  const submit = async () => {
    if (inFlight.current) return;
    const body = toBody(fields);
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    inFlight.current = true;
    setBusy(true);
    setRequestError(null);
    try {
      setCreated(await call(feedbackRoutes.submitSuggestion, { params: { campaignId }, body, idempotencyKey: attempt.current.key }));
      setErrors({});
    } catch (err) {
      const fieldErrors: Record<string, string> = {};
      if (err instanceof ApiError) {
        for (const e of err.problem.errors ?? []) {
          const path = e.path.replace(/^contact\./, '');
          fieldErrors[path] ??= e.message;
        }
      }
      setErrors(fieldErrors);
      setRequestError(Object.keys(fieldErrors).length > 0 ? null : errorMessage(err));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  // Derived, so it goes away with the last error the person fixes.
  const formError = formErrorOf(errors) ?? requestError;
  return { fields, set, errors, formError, busy, created, submit };
}
