// The PC console (admin/) as static files: a private S3 bucket read only by a CloudFront
// distribution (origin access identity, which the China regions support too), with the SPA's
// routes answered by index.html. Upload: see README ("Deploying").
'use strict';

function consoleResources() {
  return {
    ConsoleBucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      },
    },
    ConsoleOriginIdentity: {
      Type: 'AWS::CloudFront::CloudFrontOriginAccessIdentity',
      Properties: { CloudFrontOriginAccessIdentityConfig: { Comment: 'Kaimen PC console' } },
    },
    ConsoleBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'ConsoleBucket' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Principal: { CanonicalUser: { 'Fn::GetAtt': ['ConsoleOriginIdentity', 'S3CanonicalUserId'] } },
            Action: 's3:GetObject',
            Resource: { 'Fn::Sub': '${ConsoleBucket.Arn}/*' },
          }],
        },
      },
    },
    ConsoleDistribution: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          Comment: 'Kaimen PC console (管理后台)',
          DefaultRootObject: 'index.html',
          HttpVersion: 'http2',
          Origins: [{
            Id: 'console',
            DomainName: { 'Fn::GetAtt': ['ConsoleBucket', 'RegionalDomainName'] },
            S3OriginConfig: { OriginAccessIdentity: { 'Fn::Sub': 'origin-access-identity/cloudfront/${ConsoleOriginIdentity}' } },
          }],
          DefaultCacheBehavior: {
            TargetOriginId: 'console',
            ViewerProtocolPolicy: 'redirect-to-https',
            AllowedMethods: ['GET', 'HEAD'],
            Compress: true,
            ForwardedValues: { QueryString: false },
          },
          // Console routes (/checklist, …) are the SPA's: S3 answers 403 for them, CloudFront serves index.html.
          CustomErrorResponses: [403, 404].map((code) => ({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 })),
        },
      },
    },
  };
}

module.exports = { consoleResources };
