import type { CitationView, PartyRef, RoleView } from './types.ts';

/** Roles that share role, basis, citation and note, so they can be shown as one line. */
export interface RoleGroup {
  roleLabel: string;
  basis: RoleView['basis'];
  parties: PartyRef[];
  citation?: CitationView;
  note?: string;
  /** For a general assignment: who asked for it and when it applies (RoleView.context). */
  context?: string;
}

/**
 * Groups roles for display: "tỉnh Bắc Giang, tỉnh Thái Nguyên — thực hiện" rather than the same
 * quote twice. Order follows the first appearance of each group; stated groups come first.
 */
export function groupRoles(roles: readonly RoleView[]): RoleGroup[] {
  const groups = new Map<string, RoleGroup>();
  for (const r of roles) {
    const key = [r.role, r.basis, r.citation?.line, r.citation?.quote, r.note, r.context].join('\u0000');
    const g = groups.get(key);
    if (g) g.parties.push(r.party);
    else
      groups.set(key, {
        roleLabel: r.roleLabel,
        basis: r.basis,
        parties: [r.party],
        ...(r.citation ? { citation: r.citation } : {}),
        ...(r.note ? { note: r.note } : {}),
        ...(r.context ? { context: r.context } : {}),
      });
  }
  return [...groups.values()].sort((a, b) => Number(a.basis === 'inferred') - Number(b.basis === 'inferred'));
}
