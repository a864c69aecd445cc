// The people and bodies found so far, keyed so that every way of writing one name meets the same
// entry ("UBND tỉnh Hồ Lam" = "Ủy ban nhân dân tỉnh Hồ Lam"). Each keeps where it was first seen.
import type { Body, Person } from '../knowledge/schema.ts';
import type { BodyRef } from './bodies.ts';
import { bodyEnglish } from './english.ts';
import { fold, slug } from './vn.ts';

export interface Cite {
  line: number;
  quote: string;
}

export class Registry {
  readonly bodies = new Map<string, Body & { review?: string }>();
  readonly people = new Map<string, Person & { review?: string }>();
  private readonly ids = new Set<string>();
  private readonly provinceIds = new Map<string, string>();

  constructor(provinces: readonly string[]) {
    for (const p of provinces) this.provinceIds.set(p, slug(p));
  }

  provinceId(name: string): string {
    return this.provinceIds.get(name) ?? slug(name);
  }

  /** A unique id from a name, with a short form for the long heads that every province repeats. */
  private id(name: string): string {
    const short = fold(name)
      .replace(/^uy ban nhan dan /, 'ubnd ')
      .replace(/^hoi dong nhan dan /, 'hdnd ')
      .replace(/^ban thuong vu /, 'btv ')
      .replace(/ tinh uy /, ' tu ')
      .replace(/^van phong /, 'vp ')
      .replace(/ (tinh|thanh pho) /g, ' ');
    const base = slug(short, 40);
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /** The entry for a body mention, created on first sight. Returns its id. */
  body(ref: BodyRef, surface: string, cite: Cite): string {
    const existing = this.bodies.get(ref.key);
    if (existing) {
      // Prefer the written-out form as the name, keep the others as aliases.
      const other = surface === ref.name ? surface : ref.name;
      const names = [existing.name, ...existing.aliases];
      if (!names.includes(other)) {
        // Prefer a name that says its place, then one without abbreviations.
        const better =
          (existing.provinces.length > 0 && !placed(existing.name) && placed(other)) || (abbreviated(existing.name) && !abbreviated(other));
        if (better) {
          existing.aliases.push(existing.name);
          existing.name = other;
        } else existing.aliases.push(other);
      }
      return existing.id;
    }
    const en = bodyEnglish(ref.name, ref.long ? ref.long.replace(/ tỉnh .*$/u, '') : ref.stem, ref.provinces);
    const entry: Body & { review?: string } = {
      id: this.id(ref.name),
      name: ref.name,
      en: en ?? ref.name,
      aliases: ref.long ? [ref.long] : [],
      provinces: ref.provinces.map((p) => this.provinceId(p)),
      kind: ref.kind,
      source: cite,
      ...(en ? {} : { review: 'no English name: `en` repeats the Vietnamese' }),
    };
    this.bodies.set(ref.key, entry);
    return entry.id;
  }

  bodyByKey(key: string): (Body & { review?: string }) | undefined {
    return this.bodies.get(key);
  }

  person(name: string, make: (id: string) => Person & { review?: string }): Person & { review?: string } {
    const key = fold(name);
    const existing = this.people.get(key);
    if (existing) return existing;
    const p = make(this.id(name));
    this.people.set(key, p);
    return p;
  }
}

function placed(name: string): boolean {
  return /(?:tỉnh|hai tỉnh|Tỉnh ủy|Thành ủy)\s+\p{Lu}/u.test(name) || /\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(name);
}

function abbreviated(name: string): boolean {
  return /(^|\s)\p{Lu}{2,}(?=\s|$|,|&)/u.test(name.replace(/ TNHH /u, ' '));
}
