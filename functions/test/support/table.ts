import { ScanCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
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
