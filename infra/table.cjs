// The one definition of Kaimen's single DynamoDB table. serverless.yml takes its CloudFormation
// properties from here (`${file(./infra/table.cjs):properties}`), and the local set-up
// (scripts/db.ts, the tests) creates DynamoDB Local's table from the same object.
'use strict';

const definition = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'gsi1pk', AttributeType: 'S' },
    { AttributeName: 'gsi1sk', AttributeType: 'S' },
    { AttributeName: 'gsi2pk', AttributeType: 'S' },
    { AttributeName: 'gsi2sk', AttributeType: 'S' },
    { AttributeName: 'gsi3pk', AttributeType: 'S' },
    { AttributeName: 'gsi3sk', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'gsi1',
      KeySchema: [
        { AttributeName: 'gsi1pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
    {
      IndexName: 'gsi2',
      KeySchema: [
        { AttributeName: 'gsi2pk', KeyType: 'HASH' },
        { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
    {
      // Sparse work queues (e.g. suggestions waiting for the tally): only items that have work carry gsi3pk.
      IndexName: 'gsi3',
      KeySchema: [
        { AttributeName: 'gsi3pk', KeyType: 'HASH' },
        { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  BillingMode: 'PAY_PER_REQUEST',
  TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
  PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  SSESpecification: { SSEEnabled: true },
};

/** Called by the Serverless Framework's variable resolver. */
async function properties({ resolveVariable }) {
  const TableName = await resolveVariable('self:custom.tableName');
  return { TableName, ...definition };
}

/** The CreateTable input DynamoDB Local understands (TTL is a separate call; PITR and SSE do not apply locally). */
function createTableInput(TableName) {
  const { TimeToLiveSpecification: _ttl, PointInTimeRecoverySpecification: _pitr, SSESpecification: _sse, ...create } = definition;
  return { TableName, ...create };
}

module.exports = { definition, properties, createTableInput };
