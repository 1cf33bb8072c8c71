import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localClient } from '../../../scripts/lib/dynamo-local';

/** Every item's key in a test table, sorted: compared before and after a rejected request. */
export async function tableSnapshot(endpoint: string, tableName: string): Promise<string[]> {
  const client = localClient(endpoint);
  const out: string[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) out.push(`${item.pk?.S}|${item.sk?.S}|${JSON.stringify(item)}`);
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return out.sort();
}
