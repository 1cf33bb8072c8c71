import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/client';

/** `items.0.title` → ['items', 0, 'title'], as antd names nested fields. */
function namePath(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Shows a failed call on an antd Form: each problem+json `errors[]` entry whose path names a field
 * of the form goes under that field, and the `detail` (plus any error naming no field here) goes
 * to `alert`. The values typed stay as they are: only the fields' errors change.
 */
export function useProblem<T>(form: FormInstance<T>) {
  const [alert, setAlert] = useState<string | null>(null);

  const show = useCallback(
    /** `aliases` maps an API path to the form field that edits it (e.g. opensAt → period). */
    (err: unknown, aliases: Record<string, string> = {}) => {
      if (!(err instanceof ApiError)) {
        setAlert(errorMessage(err));
        return;
      }
      const { detail, errors = [] } = err.problem;
      const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
      const onFields = new Map<string, string[]>();
      const elsewhere: string[] = [];
      for (const e of errors) {
        const raw = e.path.replace(/^body\./, '');
        const path = aliases[raw] ?? raw;
        if (registered.has(path)) onFields.set(path, [...(onFields.get(path) ?? []), e.message]);
        else elsewhere.push(e.row !== undefined ? `第 ${e.row} 行：${e.message}` : e.message);
      }
      form.setFields([...onFields].map(([path, messages]) => ({ name: namePath(path) as never, errors: messages })));
      setAlert([detail, ...elsewhere].join('；'));
    },
    [form],
  );

  const clear = useCallback(() => setAlert(null), []);
  return { alert, show, clear };
}
