import { describe, expect, it } from 'vitest';
import { signV4 } from './sign';

// AWS's published SigV4 test suite (aws-sig-v4-test-suite): get-vanilla and post-vanilla.
const suite = {
  region: 'us-east-1',
  service: 'service',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  now: new Date('2015-08-30T12:36:00Z'),
  path: '/',
  headers: { Host: 'example.amazonaws.com' },
  body: '',
};

describe('signV4', () => {
  it('signs get-vanilla as the AWS test suite does', () => {
    expect(signV4({ ...suite, method: 'GET' }).authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('signs post-vanilla as the AWS test suite does', () => {
    expect(signV4({ ...suite, method: 'POST' }).authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b');
  });

  it('adds the date and the session token, and signs the token too', () => {
    const headers = signV4({ ...suite, method: 'POST', credentials: { ...suite.credentials, sessionToken: 'token' } });
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers['x-amz-security-token']).toBe('token');
    expect(headers.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });
});
