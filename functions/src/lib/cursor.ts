import { validationFailed } from './problem';

/** Opaque list cursors: DynamoDB's LastEvaluatedKey, base64url-encoded JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, expectedKeys: readonly string[]): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      value && typeof value === 'object' && !Array.isArray(value) &&
      Object.keys(value).length === expectedKeys.length &&
      expectedKeys.every((k) => k in value) &&
      Object.values(value).every((v) => typeof v === 'string')
    ) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

export function invalidCursor() {
  return validationFailed('分页游标无效', [{ path: 'query.cursor', message: '请使用上一页返回的 nextCursor' }]);
}
