// Commitments and results as lists answers scan, built once per Knowledge value.
//
// A status list scans every commitment of every agreement, and "what must X do" every commitment
// of every agreement that names X. At 1,000 agreements that is 36,000 commitments spread over a
// heap of several hundred megabytes, and walking them costs a cache miss each. These rows are
// small, allocated together, and indexed by party, so those answers touch only what they list.
import type { GeneralAssignment, Status } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';

export interface Row {
  a: Agreement;
  type: 'commitment' | 'result';
  id: string;
  /** The status in the knowledge files (a chat update may override it: see Context.overlay). */
  status: Status;
  area: string;
  /** Parties with a role in it (commitments) or named as its parties (results). */
  parties: readonly string[];
}

export interface PartyRows {
  /** Whether it signed the agreement. */
  signatory: boolean;
  /** The general roles the agreement gives it. */
  general: GeneralAssignment[];
  commitments: Row[];
  results: Row[];
  /** Statements and other facts that name the party ("đề nghị các cấp, ngành …"). */
  facts: string[];
}

export interface ItemIndex {
  /** Per agreement, in knowledge order: its commitments, then its results, each in file order. */
  agreements: { a: Agreement; commitments: Row[]; results: Row[] }[];
  /** What one agreement asks of one party (person or body). */
  party(a: Agreement, id: string): PartyRows | undefined;
  /** A commitment or result by id (ids are unique within an agreement). */
  row(a: Agreement, id: string): Row | undefined;
}

/** Builds the rows; createEngine calls it once per Knowledge value. */
export function buildItemIndex(k: Knowledge): ItemIndex {
  // Per agreement, then by id: ids are unique within an agreement only.
  const byParty = new Map<Agreement, Map<string, PartyRows>>();
  const byId = new Map<Agreement, Map<string, Row>>();
  const rowsOf = (a: Agreement, id: string) => {
    const mine = byParty.get(a) as Map<string, PartyRows>;
    let p = mine.get(id);
    if (!p) mine.set(id, (p = { signatory: false, general: [], commitments: [], results: [], facts: [] }));
    return p;
  };
  const agreements = k.agreements.map((a) => {
    byParty.set(a, new Map());
    const rows = new Map<string, Row>();
    byId.set(a, rows);
    for (const id of a.meta.parties) rowsOf(a, id).signatory = true;
    for (const r of a.meta.general_responsibility) rowsOf(a, r.party).general.push(r);
    const commitments = a.commitments.map(
      (c): Row => ({ a, type: 'commitment', id: c.id, status: c.status, area: c.area, parties: c.responsible.map((r) => r.party) }),
    );
    const results = a.results.map((r): Row => ({ a, type: 'result', id: r.id, status: r.status, area: r.area, parties: [...r.parties] }));
    // A party with two roles in one commitment is listed with it once.
    for (const row of [...commitments, ...results]) rows.set(row.id, row);
    for (const row of commitments) for (const p of new Set(row.parties)) rowsOf(a, p).commitments.push(row);
    for (const row of results) for (const p of new Set(row.parties)) rowsOf(a, p).results.push(row);
    for (const fact of a.facts) for (const p of new Set(fact.parties)) rowsOf(a, p).facts.push(fact.id);
    return { a, commitments, results };
  });
  const index: ItemIndex = { agreements, party: (a, id) => byParty.get(a)?.get(id), row: (a, id) => byId.get(a)?.get(id) };
  return index;
}
