import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

/**
 * A secret given directly (local and test stages) or by the name of an SSM SecureString
 * (deployed stages), fetched once and cached for five minutes by Powertools.
 */
export async function secret(value: string | undefined, param: string | undefined, what: string): Promise<string> {
  if (value) return value;
  if (param) {
    const fetched = await getParameter(param, { decrypt: true, maxAge: 300 });
    if (fetched) return fetched;
  }
  throw new Error(`${what} is not configured`);
}
