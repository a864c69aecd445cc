// App Home counts with the engine's effective status, as the digest and /pending do: after an
// update made in chat, it says 33, not the file's 34.
import { describe, expect, it } from 'vitest';
import { homeView } from '../../adapters/slack/home.ts';
import { shippedEngine } from '../helpers.ts';

const header = (view: ReturnType<typeof homeView>) => {
  const first = view.blocks[0] as { type: string; text?: { text: string } } | undefined;
  return first?.type === 'header' ? (first.text?.text ?? '') : '';
};

describe('App Home', () => {
  it('counts what is still open with updates made in chat', async () => {
    expect(header(homeView(await shippedEngine(), false))).toMatch(/^34 cam kết/);
    const updated = await shippedEngine({
      overlay: (agreement, id, fileStatus) => (agreement === 'bg-tn-2023' && id === 'C18' ? { status: 'done' } : { status: fileStatus }),
    });
    const view = homeView(updated, false);
    expect(header(view)).toMatch(/^33 cam kết chưa thực hiện hoặc đang tiếp tục: 25 mới, 8 tiếp tục/);
    expect(JSON.stringify(view.blocks)).not.toContain('C18 ·');
  });
});
