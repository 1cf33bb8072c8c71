import { resolve } from 'node:path';

/** Ports and paths of the local stack; each can be changed by an environment variable. */
export const root = resolve(import.meta.dirname, '../..');

export const localEnv = {
  dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
  dataDir: resolve(root, process.env.KAIMEN_DATA_DIR ?? '.data/dynamodb'),
  s3Port: Number(process.env.S3_PORT ?? 4568),
  s3Dir: resolve(root, process.env.KAIMEN_S3_DIR ?? '.data/s3'),
  tableName: process.env.TABLE_NAME ?? 'kaimen-local',
  apiHost: process.env.API_HOST ?? '127.0.0.1',
  apiPort: Number(process.env.API_PORT ?? 3000),
  h5Port: Number(process.env.H5_PORT ?? 10086),
  adminPort: Number(process.env.ADMIN_PORT ?? 10087),
};
