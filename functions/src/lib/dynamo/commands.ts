// The document client's commands, same names and shapes as @aws-sdk/lib-dynamodb's: callers write plain
// values, and the attributes are marshalled on the way out and unmarshalled on the way back exactly
// where lib-dynamodb does it (its key nodes, copied below).
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import type {
  BatchGetCommandInput, BatchGetCommandOutput, BatchWriteCommandInput, BatchWriteCommandOutput,
  DeleteCommandInput, DeleteCommandOutput, GetCommandInput, GetCommandOutput, PutCommandInput, PutCommandOutput,
  QueryCommandInput, QueryCommandOutput, ScanCommandInput, ScanCommandOutput, TransactGetCommandInput,
  TransactGetCommandOutput, TransactWriteCommandInput, TransactWriteCommandOutput, UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

export type {
  BatchGetCommandInput, BatchWriteCommandInput, DeleteCommandInput, GetCommandInput, PutCommandInput, QueryCommandInput,
  ScanCommandInput, TransactGetCommandInput, TransactWriteCommandInput, UpdateCommandInput,
};

/** A marshalled or unmarshalled tree: `EACH` applies to every value of the map or list it stands for. */
type KeyNodes = { [key: string]: KeyNodes } | typeof WHOLE | typeof EACH_VALUE;
const WHOLE = null; // the value itself
const EACH_VALUE = 'each value'; // lib-dynamodb's ALL_VALUES / ALL_MEMBERS
const EACH = '*';

const MARSHALL = { removeUndefinedValues: true, convertEmptyValues: false, convertTopLevelContainer: true };
const UNMARSHALL = { convertWithoutMapWrapper: true };
const toWire = (value: unknown) => marshall(value as never, MARSHALL);
const fromWire = (value: unknown) => unmarshall(value as never, UNMARSHALL);

function walk(value: unknown, nodes: KeyNodes, convert: (value: unknown) => unknown): unknown {
  if (value === undefined) return undefined;
  if (nodes === WHOLE) return convert(value);
  if (nodes === EACH_VALUE) return mapValues(value, (v) => walk(v, WHOLE, convert));
  const keys = Object.keys(nodes);
  if (keys.length === 1 && keys[0] === EACH) return mapValues(value, (v) => walk(v, nodes[EACH]!, convert));
  const out = Array.isArray(value) ? [...value] : { ...(value as object) } as Record<string, unknown>;
  for (const [key, child] of Object.entries(nodes)) {
    const converted = walk((value as Record<string, unknown>)[key], child, convert);
    if (converted !== undefined) (out as Record<string, unknown>)[key] = converted;
  }
  return out;
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map(f);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object)) {
    const converted = f(v);
    if (converted !== undefined) out[k] = converted;
  }
  return out;
}

export abstract class DynamoCommand<Input extends object, Output> {
  /** DynamoDB's operation (`X-Amz-Target`), e.g. `GetItem`. */
  abstract readonly operation: string;
  protected abstract readonly inputNodes: KeyNodes;
  protected abstract readonly outputNodes: KeyNodes;
  constructor(readonly input: Input) {}
  /** The request body in DynamoDB JSON. */
  wireInput(): unknown {
    return walk(this.input, this.inputNodes, toWire);
  }
  fromWireOutput(output: unknown): Output {
    return walk(output, this.outputNodes, fromWire) as Output;
  }
}

const legacyExpected: KeyNodes = { [EACH]: { Value: WHOLE, AttributeValueList: EACH_VALUE } };
const legacyConditions: KeyNodes = { [EACH]: { AttributeValueList: EACH_VALUE } };
const written: KeyNodes = { Attributes: EACH_VALUE, ItemCollectionMetrics: { ItemCollectionKey: EACH_VALUE } };
const page: KeyNodes = { Items: { [EACH]: EACH_VALUE }, LastEvaluatedKey: EACH_VALUE };
const writeRequests: KeyNodes = { [EACH]: { [EACH]: { PutRequest: { Item: EACH_VALUE }, DeleteRequest: { Key: EACH_VALUE } } } };
const collectionMetrics: KeyNodes = { [EACH]: { [EACH]: { ItemCollectionKey: EACH_VALUE } } };

export class GetCommand extends DynamoCommand<GetCommandInput, GetCommandOutput> {
  readonly operation = 'GetItem';
  protected readonly inputNodes: KeyNodes = { Key: EACH_VALUE };
  protected readonly outputNodes: KeyNodes = { Item: EACH_VALUE };
}

export class PutCommand extends DynamoCommand<PutCommandInput, PutCommandOutput> {
  readonly operation = 'PutItem';
  protected readonly inputNodes: KeyNodes = { Item: EACH_VALUE, Expected: legacyExpected, ExpressionAttributeValues: EACH_VALUE };
  protected readonly outputNodes: KeyNodes = written;
}

export class UpdateCommand extends DynamoCommand<UpdateCommandInput, UpdateCommandOutput> {
  readonly operation = 'UpdateItem';
  protected readonly inputNodes: KeyNodes = {
    Key: EACH_VALUE, AttributeUpdates: { [EACH]: { Value: WHOLE } }, Expected: legacyExpected, ExpressionAttributeValues: EACH_VALUE,
  };
  protected readonly outputNodes: KeyNodes = written;
}

export class DeleteCommand extends DynamoCommand<DeleteCommandInput, DeleteCommandOutput> {
  readonly operation = 'DeleteItem';
  protected readonly inputNodes: KeyNodes = { Key: EACH_VALUE, Expected: legacyExpected, ExpressionAttributeValues: EACH_VALUE };
  protected readonly outputNodes: KeyNodes = written;
}

export class QueryCommand extends DynamoCommand<QueryCommandInput, QueryCommandOutput> {
  readonly operation = 'Query';
  protected readonly inputNodes: KeyNodes = {
    KeyConditions: legacyConditions, QueryFilter: legacyConditions, ExclusiveStartKey: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE,
  };
  protected readonly outputNodes: KeyNodes = page;
}

export class ScanCommand extends DynamoCommand<ScanCommandInput, ScanCommandOutput> {
  readonly operation = 'Scan';
  protected readonly inputNodes: KeyNodes = { ScanFilter: legacyConditions, ExclusiveStartKey: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE };
  protected readonly outputNodes: KeyNodes = page;
}

export class BatchGetCommand extends DynamoCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  readonly operation = 'BatchGetItem';
  protected readonly inputNodes: KeyNodes = { RequestItems: { [EACH]: { Keys: { [EACH]: EACH_VALUE } } } };
  protected readonly outputNodes: KeyNodes = {
    Responses: { [EACH]: { [EACH]: EACH_VALUE } }, UnprocessedKeys: { [EACH]: { Keys: { [EACH]: EACH_VALUE } } },
  };
}

export class BatchWriteCommand extends DynamoCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  readonly operation = 'BatchWriteItem';
  protected readonly inputNodes: KeyNodes = { RequestItems: writeRequests };
  protected readonly outputNodes: KeyNodes = { UnprocessedItems: writeRequests, ItemCollectionMetrics: collectionMetrics };
}

export class TransactGetCommand extends DynamoCommand<TransactGetCommandInput, TransactGetCommandOutput> {
  readonly operation = 'TransactGetItems';
  protected readonly inputNodes: KeyNodes = { TransactItems: { [EACH]: { Get: { Key: EACH_VALUE } } } };
  protected readonly outputNodes: KeyNodes = { Responses: { [EACH]: { Item: EACH_VALUE } } };
}

export class TransactWriteCommand extends DynamoCommand<TransactWriteCommandInput, TransactWriteCommandOutput> {
  readonly operation = 'TransactWriteItems';
  protected readonly inputNodes: KeyNodes = {
    TransactItems: {
      [EACH]: {
        ConditionCheck: { Key: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE },
        Put: { Item: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE },
        Delete: { Key: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE },
        Update: { Key: EACH_VALUE, ExpressionAttributeValues: EACH_VALUE },
      },
    },
  };
  protected readonly outputNodes: KeyNodes = { ItemCollectionMetrics: collectionMetrics };
  /** As the SDK: a token of its own unless the caller gave one, so that a retried transaction applies once. */
  override wireInput(): unknown {
    return { ClientRequestToken: randomUUID(), ...(super.wireInput() as object) };
  }
}
