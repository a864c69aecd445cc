// A Slack client for tests and benchmarks: it signs its requests the way Slack does and posts them
// to the app's HTTP receiver on 127.0.0.1.
import { createHmac } from 'node:crypto';
import { request as httpRequest, type Agent } from 'node:http';

export const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

export interface SlackClient {
  post(body: string, contentType: string, options?: { retry?: number }): Promise<Response>;
  /** An Events API callback. */
  event(event: Record<string, unknown>, eventId: string, retry?: number): Promise<Response>;
  /** A slash command; the answer goes to `responseUrl`. */
  command(text: string, user: string, channel: string, responseUrl: string, extra?: Record<string, string>): Promise<Response>;
  /** A button press (block_actions). */
  blockAction(
    action: { action_id: string; value?: string; text?: unknown },
    user: Record<string, unknown>,
    responseUrl: string,
    extra?: Record<string, unknown>,
  ): Promise<Response>;
}

/** POSTs over node:http with this agent, answering a minimal Response (status and text). */
function postWith(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve(new Response(text, { status: res.statusCode ?? 0 })));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts signed requests to the Slack app's HTTP receiver on 127.0.0.1. With `agent`, requests share
 * its kept-alive connections, as Slack's own do, instead of one new connection each (fetch): a load
 * test then measures the app, not a storm of simultaneous connects.
 */
export function slackClient(port: number, secret = SIGNING_SECRET, agent?: Agent): SlackClient {
  const post: SlackClient['post'] = (body, contentType, options = {}) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const url = `http://127.0.0.1:${port}/slack/events`;
    const headers = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    };
    return agent ? postWith(agent, url, headers, body) : fetch(url, { method: 'POST', headers, body });
  };
  return {
    post,
    event: (event, eventId, retry) =>
      post(
        JSON.stringify({ type: 'event_callback', token: 'x', team_id: 'T1', api_app_id: 'A1', event_id: eventId, event_time: 1, event }),
        'application/json',
        retry ? { retry } : {},
      ),
    command: (text, user, channel, responseUrl, extra = {}) =>
      post(
        new URLSearchParams({
          command: '/mou',
          text,
          user_id: user,
          user_name: 'someone',
          channel_id: channel,
          team_id: 'T1',
          response_url: responseUrl,
          trigger_id: 't',
          ...extra,
        }).toString(),
        'application/x-www-form-urlencoded',
      ),
    blockAction: (action, user, responseUrl, extra = {}) =>
      post(
        new URLSearchParams({
          payload: JSON.stringify({
            type: 'block_actions',
            user: { team_id: 'T1', ...user },
            team: { id: 'T1' },
            api_app_id: 'A1',
            token: 'x',
            trigger_id: 't',
            response_url: responseUrl,
            actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
            ...extra,
          }),
        }).toString(),
        'application/x-www-form-urlencoded',
      ),
  };
}
