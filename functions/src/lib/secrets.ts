/**
 * A secret given directly (local and test stages) or by the name of an SSM SecureString
 * (deployed stages), fetched once and cached for five minutes by Powertools.
 */
export async function secret(value: string | undefined, param: string | undefined, what: string): Promise<string> {
  if (value) return value;
  if (param) {
    // Loaded on first use: the SSM client is only needed by deployed stages, once per five minutes.
    const { getParameter } = await import('@aws-lambda-powertools/parameters/ssm');
    const fetched = await getParameter(param, { decrypt: true, maxAge: 300 });
    if (fetched) return fetched;
  }
  throw new Error(`${what} is not configured`);
}
