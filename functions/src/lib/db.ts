import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { config } from './config';
import { invalidCursor } from './cursor';

let client: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  if (client) return client;
  const { region, dynamoEndpoint } = config();
  const base = new DynamoDBClient({
    region,
    ...(dynamoEndpoint
      ? { endpoint: dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  client = DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  // A well-formed but hand-made cursor (another partition, a key outside the query) is the caller's
  // mistake: DynamoDB refuses its start key, and the caller gets a 400, not a 500.
  client.middlewareStack.add((next) => async (args) => {
    try {
      return await next(args);
    } catch (err) {
      const input = args.input as { ExclusiveStartKey?: unknown };
      if (input.ExclusiveStartKey && (err as Error).name === 'ValidationException') throw invalidCursor();
      throw err;
    }
  }, { step: 'initialize', name: 'kaimenInvalidCursor' });
  return client;
}

export function table(): string {
  return config().tableName;
}

/** Every item a Query matches, following LastEvaluatedKey page by page. */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'> & { TableName?: string }): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
