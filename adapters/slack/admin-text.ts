import type { AdminReply } from '../../src/admin/admin.ts';
import { escapeMrkdwn, capMrkdwn } from './render.ts';

/** An admin reply as Slack mrkdwn: a bold title and one code line per detail. */
export function adminMrkdwn(r: AdminReply): string {
  // capMrkdwn, not slice: a plain cut can end inside "&amp;" and leave a raw "&" for Slack to parse.
  return capMrkdwn([`*${escapeMrkdwn(r.title)}*`, ...r.lines.map((l) => `• \`${escapeMrkdwn(l)}\``)].join('\n'));
}
