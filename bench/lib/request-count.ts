import type { DynamoClient } from '../../functions/src/lib/dynamo';

/** DynamoDB requests the functions' client sends, by operation (`GetItem`, `Query`, …), until cleared. */
export function countRequests(client: DynamoClient) {
  const byOperation = new Map<string, number>();
  client.onRequest(({ operation }) => byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1));
  return {
    byOperation,
    total: () => [...byOperation.values()].reduce((a, b) => a + b, 0),
    /** `GetItem 3, Query 1`. */
    breakdown: () => [...byOperation.entries()].map(([k, v]) => `${k} ${v}`).join(', '),
    clear: () => byOperation.clear(),
  };
}
