import { config } from './config';
import { invalidCursor } from './cursor';
import { DynamoClient, QueryCommand, type QueryCommandInput } from './dynamo';

let client: DynamoClient | undefined;

export function db(): DynamoClient {
  if (client) return client;
  const { region, dynamoEndpoint } = config();
  client = new DynamoClient({
    region,
    endpoint: dynamoEndpoint,
    credentials: dynamoEndpoint ? () => ({ accessKeyId: 'local', secretAccessKey: 'local' }) : lambdaCredentials,
    // A well-formed but hand-made cursor (another partition, a key outside the query) is the caller's
    // mistake: DynamoDB refuses its start key, and the caller gets a 400, not a 500.
    refineError: (err, command) =>
      (command.input as { ExclusiveStartKey?: unknown }).ExclusiveStartKey && (err as Error).name === 'ValidationException' ? invalidCursor() : err,
  });
  return client;
}

/** The function role's credentials, which Lambda puts in the environment (and renews with the process). */
function lambdaCredentials() {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set');
  return { accessKeyId, secretAccessKey, sessionToken };
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
