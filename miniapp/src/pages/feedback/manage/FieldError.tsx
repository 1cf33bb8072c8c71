/** A field's message from a problem's `errors`, under the field. */
export function FieldMessage({ errors, path }: { errors: Record<string, string>; path: string }) {
  const message = errors[path];
  return message ? <span className={`field-error field-error--${path}`}>{message}</span> : null;
}

/** A problem's `errors` by their first path segment (the field), first message wins. */
export function errorsByField(errors: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const field = e.path.split('.')[0] ?? '';
    out[field] ??= e.message;
  }
  return out;
}
