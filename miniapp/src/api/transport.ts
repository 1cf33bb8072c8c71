import Taro from '@tarojs/taro';

export interface Outgoing {
  url: string;
  method: string;
  header: Record<string, string>;
  /** Sent as JSON when present. */
  data?: unknown;
  timeout: number;
}

export interface Answer {
  statusCode: number;
  /** The parsed JSON body (the raw text when it is not JSON). */
  data: unknown;
}

/** Sends one request (the mini-program's network API); rejects when no answer arrives. */
export async function send(req: Outgoing): Promise<Answer> {
  const res = await Taro.request<TaroGeneral.IAnyObject>({
    url: req.url,
    method: req.method as keyof Taro.request.Method,
    header: req.header,
    data: req.data as TaroGeneral.IAnyObject | undefined,
    dataType: 'json',
    timeout: req.timeout,
  });
  return { statusCode: res.statusCode, data: res.data };
}
