// Waiting until the Telegram bot has handled an update. The bot confirms an update to Telegram as
// soon as it has fetched it (and stored it), so the fake's confirmation only says "fetched"; the
// bot's idle() then says "and handled, with everything fetched before it".
import type { TelegramAdapter } from '../adapters/telegram/run.ts';
import type { FakeTelegram } from './fakes/telegram-api.ts';

export async function handled(fake: FakeTelegram, bot: Pick<TelegramAdapter, 'idle'>, updateId: number): Promise<void> {
  await fake.confirmed(updateId);
  await bot.idle();
}
