import type { Answer } from './types.ts';

export interface Ref {
  type: 'commitment' | 'result' | 'fact' | 'person' | 'body' | 'agreement';
  id: string;
  agreement: string;
}

/**
 * Everything an answer is about: its items, then every person or body named in a role or as a
 * party. `ask --json` lists these, so a client can link each name without parsing text.
 */
export function answerRefs(answer: Answer): Ref[] {
  const out = new Map<string, Ref>();
  const add = (r: Ref) => out.has(`${r.agreement}/${r.type}/${r.id}`) || out.set(`${r.agreement}/${r.type}/${r.id}`, r);
  for (const part of answer.parts ?? []) for (const r of answerRefs(part)) add(r);
  for (const item of answer.items) add({ type: item.type, id: item.id, agreement: item.agreement });
  for (const item of answer.items) {
    if (item.type === 'commitment') for (const r of item.roles) add({ type: r.party.kind, id: r.party.id, agreement: item.agreement });
    if (item.type === 'result') for (const p of item.parties) add({ type: p.kind, id: p.id, agreement: item.agreement });
  }
  for (const r of [...(answer.assignments ?? []), ...answer.generalRoles])
    add({ type: r.party.kind, id: r.party.id, agreement: r.agreement });
  return [...out.values()];
}
