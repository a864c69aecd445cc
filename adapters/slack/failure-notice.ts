// When a listener fails, the user hears about it, briefly, where they asked: in the thread of the
// message, through the response_url of a command or button, or in a direct message for App Home.
import type { webApi } from '@slack/bolt';
import { NOTICES, bothLanguages } from '../../src/answer/notices.ts';

interface FailedRequest {
  event?: { type?: string; channel?: string; ts?: string; thread_ts?: string; user?: string };
  response_url?: string;
  user?: { id?: string } | string;
}

export async function tellUserSomethingFailed(body: unknown, client: webApi.WebClient): Promise<void> {
  const request = (body ?? {}) as FailedRequest;
  const text = bothLanguages(NOTICES.failed);
  const event = request.event;
  if (event?.channel && event.ts && (event.type === 'message' || event.type === 'app_mention')) {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text });
    return;
  }
  if (request.response_url) {
    await fetch(request.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
    });
    return;
  }
  const user = typeof request.user === 'string' ? request.user : (request.user?.id ?? event?.user);
  if (user) await client.chat.postMessage({ channel: user, text });
}
