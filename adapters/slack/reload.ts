import { reloadLines } from '../../src/knowledge/reload-report.ts';
import type { ReloadOutcome } from '../../src/knowledge/store.ts';
import { escape } from './render.ts';

/** The reload report as Slack mrkdwn. */
export function reloadText(r: ReloadOutcome): string {
  const { title, lines } = reloadLines(r);
  return [`*${escape(title)}*`, ...lines.map((l) => `• \`${escape(l)}\``)].join('\n');
}
