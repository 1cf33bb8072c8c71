// CloudFormation resources of the stack: the single table and one IAM role per function, each
// allowed only the DynamoDB actions that function uses, on the table and its indexes only.
'use strict';

const { properties: tableProperties } = require('./table.cjs');

/** DynamoDB actions per function (transactions need the item actions they contain). */
const tableActions = {
  auth: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
  feedback: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem', 'BatchWriteItem'],
  quiz: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem', 'BatchGetItem'],
  meta: [],
  study: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'ConditionCheckItem'],
  // DeleteItem: releasing a campaign's tally lease (functions/src/checklist/run-store.ts).
  checklist: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
  // The scheduled tally (functions/src/checklist/scheduled.ts): no HTTP, no token, no secrets.
  tally: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'ConditionCheckItem'],
};

/** SSM parameters (SecureString) each function reads; every function verifies tokens. */
const secrets = {
  auth: ['jwt-secret', 'wechat-app-id', 'wechat-app-secret'],
  feedback: ['jwt-secret'],
  quiz: ['jwt-secret'],
  meta: ['jwt-secret'],
  study: ['jwt-secret'],
  checklist: ['jwt-secret'],
  tally: [],
};

/** Functions each function may invoke (asynchronously): POST …/tally hands its run to the tally Lambda. */
const invokes = { checklist: ['tally'] };

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
  for (const fn of Object.keys(tableActions)) out[roleName(fn)] = role(fn, service, stage);
  return out;
}

module.exports = { resources, tableActions, roleName };
