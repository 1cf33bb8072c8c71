import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let out: string;
let template: { Resources: Record<string, { Type: string; Properties: any; DeletionPolicy?: string; UpdateReplacePolicy?: string }> };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kaimen-package-'));
  // What `npx serverless package --stage prod` builds, offline, without AWS credentials.
  execFileSync(resolve(root, 'node_modules/.bin/serverless'), ['package', '--stage', 'prod', '--package', out], {
    cwd: root, stdio: 'pipe', env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', SLS_TELEMETRY_DISABLED: '1' },
  });
  template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the production package', () => {
  it('has one table: on-demand, point-in-time recovery, encrypted, TTL, kept on stack deletion', () => {
    const tables = Object.values(template.Resources).filter((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.DeletionPolicy).toBe('Retain');
    expect(t.UpdateReplacePolicy).toBe('Retain');
    expect(t.Properties).toMatchObject({
      TableName: 'kaimen-prod',
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
    expect(t.Properties.GlobalSecondaryIndexes.map((g: { IndexName: string }) => g.IndexName)).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });

  it('gives every function its own role, allowed only DynamoDB actions on that table and its indexes', () => {
    const functions = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(3);
    const roles = new Set<string>();
    for (const [name, fn] of functions) {
      expect(fn.Properties.Runtime, name).toBe('nodejs22.x');
      const roleRef = fn.Properties.Role['Fn::GetAtt']?.[0];
      expect(roleRef, `${name} has its own role`).toBeTruthy();
      roles.add(roleRef);
      const role = template.Resources[roleRef]!;
      for (const policy of role.Properties.Policies) {
        for (const st of policy.PolicyDocument.Statement) {
          const actions: string[] = [st.Action].flat();
          if (actions.some((a) => a.startsWith('dynamodb:'))) {
            expect(actions.every((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:*' && a !== 'dynamodb:Scan' && a !== 'dynamodb:DeleteTable')).toBe(true);
            expect(JSON.stringify(st.Resource)).toContain('KaimenTable');
            expect(JSON.stringify(st.Resource)).not.toContain('"*"');
          }
        }
      }
      expect(fn.Properties.Environment.Variables.JWT_SECRET, `${name} carries no secret`).toBe('');
    }
    expect(roles.size).toBe(functions.length);
  });

  it('ships jieba, the tally\'s native word segmenter, for the Lambdas\' arm64 platform with its dictionary', () => {
    // File names stand uncompressed in a zip's headers.
    for (const fn of ['tally', 'checklist']) {
      const zip = readFileSync(join(out, `${fn}.zip`));
      expect(zip.includes('node_modules/@node-rs/jieba-linux-arm64-gnu/jieba.linux-arm64-gnu.node'), fn).toBe(true);
      expect(zip.includes('node_modules/@node-rs/jieba/dict.txt'), fn).toBe(true);
    }
  });

  it('routes every registered path through the HTTP API', () => {
    const routes = Object.values(template.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);
    expect(routes).toContain('POST /auth/wechat');
    expect(routes).toContain('GET /openapi.json');
    expect(routes).not.toContain('ANY /{proxy+}');
  });

  it('hosts the PC console as static files: a private bucket read only through CloudFront, SPA routes answered by index.html', () => {
    const bucket = template.Resources.ConsoleBucket!;
    expect(bucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const policy = template.Resources.ConsoleBucketPolicy!.Properties.PolicyDocument.Statement;
    expect(policy).toHaveLength(1);
    expect(policy[0].Action).toBe('s3:GetObject');
    expect(JSON.stringify(policy[0].Principal)).toContain('ConsoleOriginIdentity');
    const dist = template.Resources.ConsoleDistribution!.Properties.DistributionConfig;
    expect(dist.DefaultRootObject).toBe('index.html');
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(dist.CustomErrorResponses.map((e: { ErrorCode: number; ResponsePagePath: string }) => [e.ErrorCode, e.ResponsePagePath])).toEqual([[403, '/index.html'], [404, '/index.html']]);
  });
});
