import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ConditionalCheckFailedException, DynamoDBServiceException, errorCode, InternalServerError, ProvisionedThroughputExceededException, serviceError,
  TransactionCanceledException,
} from './errors';

const meta = { attempts: 1, totalRetryDelay: 0 };
const answer = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ status, headers, body: JSON.stringify(data) });

describe('errorCode', () => {
  it('reads the name as the SDK does', () => {
    expect(errorCode('com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException')).toBe('ConditionalCheckFailedException');
    expect(errorCode('ValidationException:http://internal.amazon.com/coral/')).toBe('ValidationException');
    expect(errorCode('ThrottlingException,Other')).toBe('ThrottlingException');
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z]+$/), fc.stringMatching(/^[a-z.0-9]*$/), (name, ns) => {
      expect(errorCode(`${ns}#${name}`)).toBe(name);
    }));
  });
});

describe('serviceError', () => {
  it("throws the modelled classes in the SDK's shape, with the answer's fields and status", () => {
    const reasons = [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }];
    const err = serviceError(answer(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]',
      CancellationReasons: reasons,
    }, { 'x-amzn-requestid': 'REQ1' }), meta);
    expect(err).toBeInstanceOf(TransactionCanceledException);
    expect(err).toBeInstanceOf(DynamoDBServiceException);
    expect(err.name).toBe('TransactionCanceledException');
    expect(err.message).toMatch(/^Transaction cancelled/);
    expect((err as TransactionCanceledException).CancellationReasons).toEqual(reasons);
    expect(err.$metadata).toMatchObject({ httpStatusCode: 400, requestId: 'REQ1', attempts: 1 });
    expect(err.$fault).toBe('client');
    expect('Message' in err).toBe(false); // the SDK keeps one `message`
  });

  it('keeps the modelled class for every known name', () => {
    expect(serviceError(answer(400, { __type: 'x#ConditionalCheckFailedException', message: 'The conditional request failed' }), meta)).toBeInstanceOf(ConditionalCheckFailedException);
    expect(serviceError(answer(400, { __type: 'x#ProvisionedThroughputExceededException', message: 'slow down' }), meta)).toBeInstanceOf(ProvisionedThroughputExceededException);
    const internal = serviceError(answer(500, { __type: 'x#InternalServerError', message: 'oops' }), meta);
    expect(internal).toBeInstanceOf(InternalServerError);
    expect(internal.$fault).toBe('server');
  });

  it('names an unmodelled error by its code, on the service base class', () => {
    const err = serviceError(answer(400, { __type: 'com.amazon.coral.validate#ValidationException', message: 'The provided starting key is invalid' }), meta);
    expect(err).toBeInstanceOf(DynamoDBServiceException);
    expect(err).not.toBeInstanceOf(ConditionalCheckFailedException);
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('The provided starting key is invalid');
  });

  it('survives an answer that is not JSON', () => {
    const err = serviceError({ status: 502, headers: {}, body: '<html>Bad Gateway</html>' }, meta);
    expect(err.name).toBe('Unknown');
    expect(err.$metadata.httpStatusCode).toBe(502);
    expect(err.$fault).toBe('server');
    expect(serviceError({ status: 400, headers: { 'x-amzn-errortype': 'ThrottlingException:http://x' }, body: '' }, meta).name).toBe('ThrottlingException');
  });
});
