import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
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
      // Not the build machine's own binary: dead weight on arm64.
      expect(zip.includes('jieba-linux-x64'), fn).toBe(false);
    }
  });

  // The bundles are split (serverless.yml: splitting): a function's zip must hold every chunk its
  // entry imports, statically or lazily, and none of another function's.
  it('packs each function with its entry and every chunk it imports, and only its own folder', () => {
    for (const [fn, dir] of [['feedback', 'feedback'], ['meta', 'meta'], ['orglife', 'orglife'], ['tally', 'checklist']] as const) {
      const files = unzipSync(readFileSync(join(out, `${fn}.zip`)), { filter: (f) => f.name.startsWith('functions/') });
      const names = Object.keys(files);
      expect(names, fn).toContain(`functions/src/${dir}/${fn === 'tally' ? 'scheduled' : 'index'}.mjs`);
      expect(names.filter((n) => !n.startsWith(`functions/src/${dir}/`)), fn).toEqual([]);
      for (const name of names) {
        for (const [, spec] of strFromU8(files[name]!).matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g)) {
          expect(names, `${fn}: ${name} imports ${spec}`).toContain(`functions/src/${dir}/${spec!.slice(2)}`);
        }
      }
    }
  });

  it('runs a function from its zip alone: unpacked, its entry loads and answers a request', () => {
    const files = unzipSync(readFileSync(join(out, 'feedback.zip')), { filter: (f) => f.name.startsWith('functions/') });
    const dir = join(out, 'unpacked-feedback');
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    // A submission without content is refused by validation, before any DynamoDB request.
    const event = {
      version: '2.0', routeKey: '$default', rawPath: '/campaigns/c1/suggestions', rawQueryString: '', headers: { 'content-type': 'application/json' },
      requestContext: { http: { method: 'POST', path: '/campaigns/c1/suggestions', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'r1', timeEpoch: Date.now() },
      body: JSON.stringify({ category: 'notary', anonymous: true }), isBase64Encoded: false,
    };
    const script = `const { handler } = await import(${JSON.stringify(join(dir, 'functions/src/feedback/index.mjs'))});
const res = await handler(${JSON.stringify(event)}, { awsRequestId: 'r1', functionName: 'kaimen-prod-feedback', getRemainingTimeInMillis: () => 10000 });
console.log(JSON.stringify(res));`;
    const res = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: tmpdir(), encoding: 'utf8',
      env: { PATH: process.env.PATH, STAGE: 'prod', JWT_SECRET: 'package-test-secret-0123456789abcdef', AWS_REGION: 'cn-northwest-1', LOG_LEVEL: 'ERROR', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    }).trim().split('\n').at(-1)!);
    expect(res.statusCode).toBe(400);
    expect(res.headers['Content-Type']).toContain('application/problem+json');
    expect(JSON.parse(res.body).errors.map((e: { path: string }) => e.path)).toContain('content');
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
