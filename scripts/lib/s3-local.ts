import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

export interface S3Local {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * A local S3-compatible store (s3rver) on `port` with the photo bucket, keeping objects under `dir`
 * (a temporary folder, removed on stop, when `dir` is null). Presigned URLs work against it as against S3.
 */
export async function startS3Local(port: number, dir: string | null, bucket: string): Promise<S3Local> {
  const directory = dir ?? mkdtempSync(join(tmpdir(), 'kaimen-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1', port, directory, silent: true, configureBuckets: [{ name: bucket }],
    // The local store accepts any signature the SDK computes with the dummy local credentials.
    allowMismatchedSignatures: true,
  });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!dir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
