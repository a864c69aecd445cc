// Synthetic knowledge for the scale benchmark: N agreement folders cloned from the shipped one,
// each with its own id, provinces, people, local places and figures. The same substitutions are
// applied to the YAML files and to source.txt, so every citation still quotes its line verbatim
// and loadKnowledge() validates the result exactly as it would an admin's folder.
// Copy i depends only on (seed, i), so the 100× set is the first 100 folders of the 1,000× set.
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.ts';

const pickFrom = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** Provinces from the glossary's place list, so the analyser tags them as places, as it does the shipped two. */
const PROVINCES =
  `Vĩnh Phúc|Tuyên Quang|Phú Thọ|Hòa Bình|Yên Bái|Lào Cai|Hà Giang|Cao Bằng|Bắc Kạn|Sơn La|Điện Biên|Lai Châu|Hải Dương|Hưng Yên|Thái Bình|Nam Định|Ninh Bình|Hà Nam|Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Quảng Nam|Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|Gia Lai|Kon Tum|Lâm Đồng|Đồng Nai|Bình Dương|Tây Ninh|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau`.split(
    '|',
  );

const SURNAMES = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Cao'.split(' ');
const MIDDLE = 'Văn Thị Đức Hữu Công Minh Quang Thanh Thu Ngọc Kim Xuân Tuấn Mạnh Hồng Bảo Gia Trọng'.split(' ');
const GIVEN =
  'Hải Hùng Sơn Thái Hồng Dương Thành Lan Mai Bình Tuấn Long Phúc Hà Nam Trung Hiếu Khánh Linh Quân Tâm Thắng Vinh Yến Hạnh Đạt Cường Nga Châu Tú'.split(
    ' ',
  );

// Local places: two made-up syllables each. Works and waters ("Tam Kha", "Kép") are topics in the
// shipped knowledge, and their replacements stay topics: the shared glossary does not list them.
const PLACE_A = 'Tân Phú Bình Yên Hòa An Đông Tây Thanh Vĩnh Hưng Lạc Quang Cẩm Kim Ngọc Thạch Đồng Trung Mỹ'.split(' ');
const PLACE_B = 'Lạc Sơn Phong Thịnh Lộc Xuyên Hà Khê Lâm Tiến Điền Thủy Trạch Quan Định Mỹ Liêm Đức Lợi Hưng'.split(' ');
const ONE_SYLLABLE = 'Mỏ Đèo Chũ Vôi Bố Cẩm Gềnh Bùi Chàng Dốc'.split(' ');

/** Places and people of the shipped agreement that each copy renames (Bác Hồ stays: a historical figure). */
const PEOPLE = [
  'Dương Văn Thái',
  'Nguyễn Thanh Hải',
  'Lê Thị Thu Hồng',
  'Lê Ánh Dương',
  'Lâm Thị Hương Thành',
  'Trịnh Việt Hùng',
  'Phạm Hoàng Sơn',
  'Dương Thủy',
];
const LOCAL = [
  'Phồn Xương',
  'Yên Thế',
  'Hiệp Hòa',
  'Phổ Yên',
  'Võ Nhai',
  'Phú Bình',
  'Tam Tiến',
  'Bình Long',
  'Tam Kha',
  'Hòa Sơn',
  'Lưu Xá',
  'Núi Cốc',
];
const ROADS = ['17', '37', '294', '265'];

/** "Bắc Giang" → "Bac Giang": the spelling English fields and keywords use. */
export function withoutDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One copy's substitutions, as a single pass over whole words: a replacement is never replaced again. */
export function substitutions(seed: number, copy: number): { id: string; apply: (text: string) => string } {
  const rnd = seededRandom((seed * 1_000_003 + copy) >>> 0);
  const [a, b] = (() => {
    const x = pickFrom(rnd, PROVINCES);
    let y = pickFrom(rnd, PROVINCES);
    while (y === x) y = pickFrom(rnd, PROVINCES);
    return [x, y];
  })();
  const used = new Set<string>();
  const fresh = (make: () => string) => {
    let s = make();
    while (used.has(s)) s = make();
    used.add(s);
    return s;
  };
  const pairs = new Map<string, string>([
    ['Bắc Giang', a],
    ['Thái Nguyên', b],
  ]);
  for (const p of PEOPLE) {
    const n = p.split(' ').length;
    pairs.set(
      p,
      fresh(() =>
        [
          pickFrom(rnd, SURNAMES),
          ...(n > 2 ? [pickFrom(rnd, MIDDLE)] : []),
          ...(n > 3 ? [pickFrom(rnd, MIDDLE)] : []),
          pickFrom(rnd, GIVEN),
        ].join(' '),
      ),
    );
  }
  for (const l of LOCAL)
    pairs.set(
      l,
      fresh(() => `${pickFrom(rnd, PLACE_A)} ${pickFrom(rnd, PLACE_B)}`),
    );
  pairs.set(
    'Kép',
    fresh(() => pickFrom(rnd, ONE_SYLLABLE)),
  );
  // The river is "sông Cầu", "the Cầu", "Cầu river": "cầu" alone is the word for bridge, so only these phrases change.
  const river = fresh(() => pickFrom(rnd, PLACE_B));
  for (const [from, to] of [
    ['sông Cầu', `sông ${river}`],
    ['the Cầu', `the ${river}`],
    ['Cầu river', `${river} river`],
  ] as const)
    pairs.set(from, to);
  for (const [from, to] of [...pairs]) if (withoutDiacritics(from) !== from) pairs.set(withoutDiacritics(from), withoutDiacritics(to));

  const roads = new Map(ROADS.map((r) => [r, String(10 + Math.floor(rnd() * 980))]));
  const firms = 10 + Math.floor(rnd() * 90);
  const workers = 2 + Math.floor(rnd() * 30);
  const id = `s${String(copy).padStart(4, '0')}-${withoutDiacritics(a).toLowerCase().replace(/\s+/g, '')}-${withoutDiacritics(b).toLowerCase().replace(/\s+/g, '')}`;

  const names = [...pairs.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp);
  const word = new RegExp(`(?<![\\p{L}\\p{N}])(${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const road = /(QL ?|quốc lộ |[Hh]ighway |ĐT|DT|đường tỉnh |provincial road )(17|37|294|265)(?!\d)/gu;
  return {
    id,
    apply: (text) =>
      text
        .replace(/^id: bg-tn-2023$/m, `id: ${id}`)
        .replace(word, (m) => pairs.get(m) ?? m)
        .replace(road, (_, prefix: string, n: string) => `${prefix}${roads.get(n) ?? n}`)
        .replace(/(?<![\d,.])40(?= doanh nghiệp| Samsung| enterprises)/gu, String(firms))
        .replace(/(?<![\d,.])10( nghìn|,000|000)/gu, (_, unit: string) => `${workers}${unit}`),
  };
}

/**
 * Writes a knowledge root with `copies` agreements: the shipped folder itself, then copies-1
 * synthetic ones, all sharing the shipped glossary. Returns the number of folders written.
 */
export async function writeSynthetic(
  knowledgeDir: string,
  agreementFolder: string,
  outDir: string,
  copies: number,
  seed: number,
): Promise<number> {
  await mkdir(outDir, { recursive: true });
  await copyFile(join(knowledgeDir, 'glossary.yaml'), join(outDir, 'glossary.yaml'));
  const from = join(knowledgeDir, agreementFolder);
  const files = await readdir(from);
  const texts = await Promise.all(files.map(async (f) => [f, await readFile(join(from, f), 'utf8')] as const));
  await mkdir(join(outDir, agreementFolder), { recursive: true });
  await Promise.all(texts.map(([f, text]) => writeFile(join(outDir, agreementFolder, f), text)));
  for (let i = 1; i < copies; i++) {
    const s = substitutions(seed, i);
    const dir = join(outDir, s.id);
    await mkdir(dir, { recursive: true });
    await Promise.all(texts.map(([f, text]) => writeFile(join(dir, f), s.apply(text))));
  }
  return copies;
}
