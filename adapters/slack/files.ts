// An admin's file in a DM with the app (issue 15, part 3): an agreement document (.docx, .pdf, .txt,
// .md) shared without a question is drafted, and the draft comes back as a summary and a zip
// (files.uploadV2: files.getUploadURLExternal, the bytes, files.completeUploadExternal); a .zip of an
// agreement folder gets its change report with Apply / Cancel buttons, and Apply puts it live
// (../agreement-files.ts). Files come from url_private with the bot token (scope files:read); the
// zip goes back with files:write. A file shared with a question stays that question's attachment.
import type { App, webApi } from '@slack/bolt';
import type { Caller } from '../../src/admin/commands.ts';
import { type AgreementFileDeps, kindOf, PendingUploads, readCapped, receiveAgreementFile } from '../agreement-files.ts';
import { bothLanguages, NOTICES } from '../../src/answer/notices.ts';
import { adminMrkdwn } from './admin-text.ts';

/** A file as a file_share message carries it (https://docs.slack.dev/reference/objects/file-object), the fields read here. */
interface SharedFile {
  id: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

/** The parts of a DM event this reads. */
export interface FileShare {
  channel: string;
  user?: string;
  ts: string;
  thread_ts?: string;
  files?: SharedFile[];
}

export const UPLOAD_ACTION = { apply: 'mou_upload_apply', cancel: 'mou_upload_cancel' } as const;

export interface AgreementFiles {
  /**
   * Takes the admin files of a file_share DM; false when there are none (the message is then a
   * question, if it has words). `words` is the message's text without mentions.
   */
  receive(dm: FileShare, words: string, client: webApi.WebClient): Promise<boolean>;
}

export function registerAgreementFiles(
  app: App,
  deps: AgreementFileDeps & { botToken: string },
  callerOf: (userId: string, chatId: string) => Caller,
): AgreementFiles {
  const pending = new PendingUploads();

  /** A shared file's bytes, from url_private with the bot token; undefined past `max`. */
  async function download(file: SharedFile, max: number): Promise<Uint8Array | undefined> {
    const url = file.url_private_download ?? file.url_private;
    if (!url) throw new Error(`slack: the shared file ${file.id} has no url_private`);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${deps.botToken}` } });
    if (!res.ok) throw new Error(`slack: downloading the shared file ${file.id} failed (${res.status})`);
    // Without a token Slack can take (files:read), the file URL answers its sign-in page, not the file.
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
      await res.body?.cancel();
      throw new Error(`slack: the file URL of ${file.id} answered a web page; does the app have the files:read scope?`);
    }
    return readCapped(res, max);
  }

  const confirmBlocks = (text: string, key: string) => [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: UPLOAD_ACTION.apply,
          style: 'primary',
          text: { type: 'plain_text', text: bothLanguages(NOTICES.applyUpload), emoji: true },
          value: key,
        },
        {
          type: 'button',
          action_id: UPLOAD_ACTION.cancel,
          text: { type: 'plain_text', text: bothLanguages(NOTICES.cancelUpload), emoji: true },
          value: key,
        },
      ],
    },
  ];

  async function receive(dm: FileShare, words: string, client: webApi.WebClient): Promise<boolean> {
    const user = dm.user;
    if (!user || !dm.files?.length) return false;
    const caller = callerOf(user, dm.channel);
    const taken: SharedFile[] = [];
    for (const file of dm.files) {
      const kind = await kindOf(file.name ?? '');
      // A zip is always an upload; a document only when nothing else is said (else it goes with a
      // question); any other file only tells an admin what is accepted.
      if (kind === 'zip' || (!words && (kind === 'document' || deps.admin.isAdmin(caller)))) taken.push(file);
    }
    if (taken.length === 0) return false;
    const where = { channel: dm.channel, ...(dm.thread_ts ? { thread_ts: dm.thread_ts } : {}) };
    for (const file of taken) {
      const received = await receiveAgreementFile(deps, caller, { name: file.name ?? '', size: file.size }, (max) => download(file, max));
      const text = adminMrkdwn(received.reply);
      switch (received.kind) {
        case 'reply':
          await client.chat.postMessage({ ...where, text });
          break;
        case 'draft':
          await client.chat.postMessage({ ...where, text });
          for (const f of received.files) {
            const upload = { file: Buffer.from(f.bytes), filename: f.name, title: f.name };
            // Where the DM's message was: in its thread, or in the conversation.
            await client.filesUploadV2(
              dm.thread_ts ? { ...upload, channel_id: dm.channel, thread_ts: dm.thread_ts } : { ...upload, channel_id: dm.channel },
            );
          }
          break;
        case 'confirm': {
          const key = pending.put(user, received.apply);
          await client.chat.postMessage({ ...where, text, blocks: confirmBlocks(text, key) });
          break;
        }
        default: {
          const never: never = received;
          return never;
        }
      }
    }
    return true;
  }

  // Only the admin who sent the zip may apply it; the report is replaced by the outcome.
  app.action(UPLOAD_ACTION.apply, async ({ ack, action, body, respond }) => {
    await ack();
    const plan = 'value' in action && action.value ? pending.take(action.value, body.user.id) : undefined;
    if (!plan) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: bothLanguages(NOTICES.nothingToApply) });
      return;
    }
    const reply = await plan.apply();
    await respond({ replace_original: true, text: adminMrkdwn(reply) });
  });

  app.action(UPLOAD_ACTION.cancel, async ({ ack, action, body, respond }) => {
    await ack();
    const plan = 'value' in action && action.value ? pending.take(action.value, body.user.id) : undefined;
    if (!plan) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: bothLanguages(NOTICES.nothingToApply) });
      return;
    }
    deps.admin.admin.record(callerOf(body.user.id, body.channel?.id ?? body.user.id), 'upload', 'cancelled', 'ok');
    await respond({ replace_original: true, text: bothLanguages(NOTICES.uploadCancelled) });
  });

  return { receive };
}
