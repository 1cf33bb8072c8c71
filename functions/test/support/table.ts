import { ScanCommand, UpdateTableCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { localClient } from '../../../scripts/lib/dynamo-local';

/** Every item of a test table, read with consistent scans. */
export async function allItems(endpoint: string, tableName: string): Promise<Record<string, AttributeValue>[]> {
  const client = localClient(endpoint);
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  try {
    do {
      const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}

/** Every item's key in a test table, sorted: compared before and after a rejected request. */
export async function tableSnapshot(endpoint: string, tableName: string): Promise<string[]> {
  return (await allItems(endpoint, tableName)).map((item) => `${item.pk?.S}|${item.sk?.S}|${JSON.stringify(item)}`).sort();
}

/** Keys a refused request may still write: attempt counters and released idempotency keys. */
export const isBookkeeping = (key: string) => key.startsWith('RATE#') || key.startsWith('IDEM#');

/** The table's snapshot without the keys a refused request may still write. */
export async function recordsSnapshot(endpoint: string, tableName: string): Promise<string[]> {
  return (await tableSnapshot(endpoint, tableName)).filter((line) => !isBookkeeping(line));
}

/**
 * Follows the table's stream in DynamoDB Local, which records every write as it is made: `take()`
 * answers the `pk|sk` of each item inserted, modified or removed since the last take (a write that
 * changes nothing leaves no record, as in DynamoDB). A read costs a third of a scan of the seeded table.
 */
export async function followWrites(endpoint: string, tableName: string): Promise<{ take(): Promise<string[]>; close(): void }> {
  const client = localClient(endpoint);
  const { TableDescription } = await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
  client.destroy();
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'cn-northwest-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const StreamArn = TableDescription!.LatestStreamArn!;
  const shards = (await streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards!;
  if (shards.length !== 1) throw new Error(`expected a new stream's one shard, found ${shards.length}`);
  let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId: shards[0]!.ShardId!, ShardIteratorType: 'LATEST' }))).ShardIterator;
  return {
    async take() {
      const written: string[] = [];
      for (;;) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        // A closed shard would hide the writes that follow in the next one.
        if (!page.NextShardIterator) throw new Error('the stream\'s shard closed');
        iterator = page.NextShardIterator;
        // DynamoDB Local adds a write's record before it answers: an empty page is the stream's end.
        if (!page.Records?.length) return written;
        for (const r of page.Records) written.push(`${r.dynamodb?.Keys?.pk?.S}|${r.dynamodb?.Keys?.sk?.S}`);
      }
    },
    close: () => streams.destroy(),
  };
}
