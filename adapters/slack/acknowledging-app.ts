// A Bolt App that acknowledges every request it is given. Bolt acknowledges events itself, and our
// listeners acknowledge the commands and buttons they know; but a body Bolt cannot type (such as
// `app_rate_limited`) or a button no listener matches would get no answer, and the HTTP receiver
// would reply 404 after 3 seconds (and log an error), while Slack counts the failure against the app.
import { App, type ReceiverEvent } from '@slack/bolt';

export class AcknowledgingApp extends App {
  override async processEvent(event: ReceiverEvent): Promise<void> {
    let acknowledged = false;
    const ack: ReceiverEvent['ack'] = (response) => {
      acknowledged = true;
      return event.ack(response);
    };
    try {
      await super.processEvent({ ...event, ack });
    } finally {
      if (!acknowledged) await event.ack();
    }
  }
}
