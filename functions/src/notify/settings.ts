import { templateKeys, type TemplateKey } from '@kaimen/shared';
import { config } from '../lib/config';
import { secret } from '../lib/secrets';

/** Sending knobs of the notify functions, read from the environment once. */
export function notifyConfig() {
  const env = process.env;
  const stage = config().stage;
  return {
    /** `formal` opens the released mini-program from a message; other stages open the trial build. */
    miniprogramState: env.WECHAT_MINIPROGRAM_STATE || (stage === 'prod' ? 'formal' : 'trial'),
    /** Messages per second the sender allows itself (WeChat's own limits answer with 45009/45011). */
    sendPerSecond: Number(env.NOTIFY_SEND_PER_SECOND || 50),
    concurrency: Number(env.NOTIFY_SEND_CONCURRENCY || 8),
    templatesValue: env.WECHAT_TEMPLATES || undefined,
    /** Local and test stages never ask SSM: no value means no templates. */
    templatesParam: config().devMode ? undefined : env.WECHAT_TEMPLATES_PARAM || undefined,
  };
}

/**
 * The subscription template id of each group, from configuration: `WECHAT_TEMPLATES` (local/test)
 * or the SSM parameter `/kaimen/<stage>/wechat-templates`, a JSON object such as
 * `{"progress":"<id>","study":"<id>","work":"<id>"}`. A group left out has no template (null).
 */
export async function templateIds(): Promise<Record<TemplateKey, string | null>> {
  const c = notifyConfig();
  let raw = '{}';
  try {
    raw = await secret(c.templatesValue, c.templatesParam, 'WeChat templates');
  } catch {
    raw = '{}';
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const out = {} as Record<TemplateKey, string | null>;
  for (const k of templateKeys) out[k] = typeof parsed[k] === 'string' && parsed[k] ? (parsed[k] as string) : null;
  return out;
}
