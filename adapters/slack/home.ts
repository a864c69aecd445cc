// The App Home tab: commitments not yet carried out or continuing, grouped by area, with counts and
// the date the knowledge was loaded. Admins also get a reload button.
import type { types } from '@slack/bolt';
import type { Engine } from '../../src/answer/engine.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import type { Status } from '../../src/knowledge/schema.ts';
import { openCommitments, openHeadline } from '../../src/digest/open-commitments.ts';
import { escapeMrkdwn, capMrkdwn, MAX_BLOCKS } from './render.ts';

export const RELOAD_ACTION = 'mou_reload';

export function homeView(engine: Engine, admin: boolean): types.HomeView {
  const k = engine.knowledge;
  const areaName = new Map(k.glossary.areas.map((a) => [a.id, a.vi]));
  // The engine's effective status: a commitment updated in chat counts as updated here too.
  const open = openCommitments(k, (a, id, fileStatus) => engine.context.statusOf(a, id, fileStatus as Status).status);
  const loaded = k.loadedAt.toISOString().slice(0, 16).replace('T', ' ');
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: openHeadline(open) } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: capMrkdwn(
            escapeMrkdwn(
              `${LABELS.vi.loadedAt} ${loaded} UTC · ${LABELS.vi.version} ${k.version} · ${k.agreements.map((a) => a.meta.short_title?.vi ?? a.id).join('; ')}`,
            ),
          ),
        },
      ],
    },
  ];
  for (const [area, items] of [...open.byArea].sort((x, y) => y[1].length - x[1].length)) {
    if (blocks.length >= MAX_BLOCKS - 2) break;
    const lines = items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: capMrkdwn(`*${escapeMrkdwn(areaName.get(area) ?? area)}* (${items.length})\n${lines}`) },
    });
  }
  if (admin)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: RELOAD_ACTION, text: { type: 'plain_text', text: LABELS.vi.reload }, style: 'primary' }],
    });
  return { type: 'home', blocks };
}
