// CloudFormation resources of the stack: the single table and one IAM role per function, each
// allowed only the DynamoDB actions that function uses, on the table and its indexes only.
'use strict';

const { properties: tableProperties } = require('./table.cjs');
const { consoleResources } = require('./console.cjs');

/** DynamoDB actions per function (transactions need the item actions they contain). */
const tableActions = {
  auth: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
  feedback: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem', 'BatchWriteItem'],
  quiz: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  meta: [],
  study: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
  games: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  // BatchGetItem: emitting the 整改完成 notification reads recipients in batches (functions/src/notify/emit.ts);
  // DeleteItem: releasing a campaign's tally lease (functions/src/checklist/run-store.ts).
  checklist: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  org: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  orglife: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  // Pioneer cards (functions/src/pioneer): the card and the member's pointer to it are written in one transaction.
  pioneer: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  service: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  // The scheduled tally (functions/src/checklist/scheduled.ts): no HTTP, no token, no secrets.
  tally: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
  notify: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  // The scheduled sender (functions/src/notify/scheduled.ts): scans, emits, claims and settles messages, keeps the token.
  notifySender: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  // Publishing a form or a round writes everyone it asks in batches; the roster is read in batches.
  inspect: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem', 'BatchWriteItem'],
  talks: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem', 'BatchGetItem', 'BatchWriteItem'],
};

/** SSM parameters (SecureString) each function reads; every function verifies tokens. */
const secrets = {
  auth: ['jwt-secret', 'wechat-app-id', 'wechat-app-secret'],
  feedback: ['jwt-secret'],
  quiz: ['jwt-secret'],
  meta: ['jwt-secret'],
  study: ['jwt-secret'],
  games: ['jwt-secret'],
  checklist: ['jwt-secret'],
  org: ['jwt-secret'],
  orglife: ['jwt-secret'],
  pioneer: ['jwt-secret'],
  service: ['jwt-secret'],
  tally: [],
  notify: ['jwt-secret', 'wechat-templates'],
  notifySender: ['wechat-app-id', 'wechat-app-secret', 'wechat-templates'],
  inspect: ['jwt-secret'],
  talks: ['jwt-secret'],
};

/** S3 actions per function on the photo bucket (meeting photos: presigned upload and view). */
const bucketActions = {
  orglife: ['s3:PutObject', 's3:GetObject'],
  // Evidence of checklist progress: presigned upload, then its bytes are read and checked.
  checklist: ['s3:PutObject', 's3:GetObject'],
  // Card photos: presigned upload and view, and a ranged read of the first bytes to check it is an image.
  pioneer: ['s3:PutObject', 's3:GetObject'],
};

/** Functions each function may invoke (asynchronously): POST …/tally hands its run to the tally Lambda. */
// The tally invokes itself to carry a run on past its own timeout (functions/src/checklist/tally-job.ts).
const invokes = { checklist: ['tally'], tally: ['tally'] };

const sub = (s) => ({ 'Fn::Sub': s });
const roleName = (fn) => `${fn[0].toUpperCase()}${fn.slice(1)}FunctionRole`;

function role(fn, service, stage) {
  const statements = [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${service}-${stage}-${fn}:*`),
    },
  ];
  // A function without secrets (the scheduled tally) gets no SSM/KMS statements at all.
  if (secrets[fn].length > 0) statements.push(
    {
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: secrets[fn].map((name) => sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${service}/${stage}/${name}`)),
    },
    {
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': sub('ssm.${AWS::Region}.amazonaws.com') } },
    },
  );
  if (invokes[fn]) {
    statements.push({
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: invokes[fn].map((target) => sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${service}-${stage}-${target}`)),
    });
  }
  if (tableActions[fn].length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: tableActions[fn].map((a) => `dynamodb:${a}`),
      Resource: [{ 'Fn::GetAtt': ['KaimenTable', 'Arn'] }, sub('${KaimenTable.Arn}/index/*')],
    });
  }
  if (bucketActions[fn]) {
    statements.push({ Effect: 'Allow', Action: bucketActions[fn], Resource: sub('${PhotoBucket.Arn}/*') });
  }
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: `${service}-${stage}-${fn}`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}

async function resources({ resolveVariable }) {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  const out = {
    KaimenTable: {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: await tableProperties({ resolveVariable }),
    },
  };
  // Meeting photos: private, encrypted, uploaded and viewed only through presigned URLs.
  out.PhotoBucket = {
    Type: 'AWS::S3::Bucket',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      BucketName: `${service}-${stage}-photos`,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      CorsConfiguration: { CorsRules: [{ AllowedMethods: ['PUT', 'GET'], AllowedOrigins: ['*'], AllowedHeaders: ['Content-Type'], MaxAge: 600 }] },
    },
  };
  for (const fn of Object.keys(tableActions)) out[roleName(fn)] = role(fn, service, stage);
  Object.assign(out, consoleResources());
  return out;
}

module.exports = { resources, tableActions, roleName };
