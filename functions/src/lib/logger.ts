import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; each request appends its request id (see api.ts). */
export const logger = new Logger({
  serviceName: 'kaimen',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? (process.env.STAGE === 'test' ? 'WARN' : 'INFO'),
});
