import type { AdminReply } from '../../src/admin/admin.ts';
import { escape } from './render.ts';

/** An admin reply as Slack mrkdwn: a bold title and one code line per detail. */
export function adminMrkdwn(r: AdminReply): string {
  return [`*${escape(r.title)}*`, ...r.lines.map((l) => `• \`${escape(l)}\``)].join('\n').slice(0, 3000);
}
