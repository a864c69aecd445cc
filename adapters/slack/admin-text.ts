import type { AdminReply } from '../../src/admin/admin.ts';
import { escape, fit } from './render.ts';

/** An admin reply as Slack mrkdwn: a bold title and one code line per detail. */
export function adminMrkdwn(r: AdminReply): string {
  // fit, not slice: a plain cut can end inside "&amp;" and leave a raw "&" for Slack to parse.
  return fit([`*${escape(r.title)}*`, ...r.lines.map((l) => `• \`${escape(l)}\``)].join('\n'));
}
