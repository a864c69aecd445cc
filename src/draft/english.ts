// English names for bodies and titles, composed from the parts of the Vietnamese name: the head
// ("Sở" → "Department of"), the sector ("Giao thông vận tải" → "Transport") and the place. What
// cannot be composed is left undefined, and the entry is marked for review.
import { fold } from './vn.ts';

export const SECTORS: Record<string, string> = {
  'giao thong van tai': 'Transport',
  'ke hoach va dau tu': 'Planning and Investment',
  'tai nguyen va moi truong': 'Natural Resources and Environment',
  'cong thuong': 'Industry and Trade',
  'nong nghiep va phat trien nong thon': 'Agriculture and Rural Development',
  'van hoa, the thao va du lich': 'Culture, Sports and Tourism',
  'van hoa the thao va du lich': 'Culture, Sports and Tourism',
  'y te': 'Health',
  'giao duc va dao tao': 'Education and Training',
  'lao dong - thuong binh va xa hoi': 'Labour, Invalids and Social Affairs',
  'lao dong thuong binh va xa hoi': 'Labour, Invalids and Social Affairs',
  'khoa hoc va cong nghe': 'Science and Technology',
  'thong tin va truyen thong': 'Information and Communications',
  'noi vu': 'Home Affairs',
  'tai chinh': 'Finance',
  'xay dung': 'Construction',
  'tu phap': 'Justice',
  'ngoai vu': 'Foreign Affairs',
  'du lich': 'Tourism',
  'quoc phong': 'National Defence',
  'cong an': 'Public Security',
  'ngoai giao': 'Foreign Affairs',
  'tuyen giao': 'Propaganda and Education',
  'dan van': 'Mass Mobilisation',
  'to chuc': 'Organisation',
  'noi chinh': 'Internal Affairs',
  'kiem tra': 'Inspection',
};

/** English for a province-level body, or undefined when its head is not a known one. */
export function bodyEnglish(name: string, stem: string, provinces: readonly string[]): string | undefined {
  const f = fold(stem).replace(/\s+/g, ' ');
  const place = provinces.length === 1 ? provinces[0] : undefined;
  const of = (what: string) => (place ? `${place} ${what}` : what);
  const sector = (prefix: string) => SECTORS[f.slice(prefix.length).trim()];
  if (/^(uy ban nhan dan|ubnd)$/.test(f)) return of("Provincial People's Committee");
  if (/^(hoi dong nhan dan|hdnd)$/.test(f)) return of("Provincial People's Council");
  if (/^(tinh uy|thanh uy)$/.test(f)) return of('Provincial Party Committee');
  if (/^(ban thuong vu|btv|thuong truc) (tinh uy|thanh uy)$/.test(f))
    return `${f.startsWith('thuong truc') ? 'Standing Board' : 'Standing Committee'} of the ${of('Provincial Party Committee')}`;
  if (/^ban can su dang (ubnd|uy ban nhan dan)$/.test(f)) return `Party Affairs Committee of the ${of("Provincial People's Committee")}`;
  if (/^van phong (ubnd|uy ban nhan dan)$/.test(f)) return `Office of the ${of("Provincial People's Committee")}`;
  if (/^(doan dai bieu quoc hoi|doan dbqh)$/.test(f))
    return `National Assembly Delegation of ${place ? `${place} province` : 'the province'}`;
  if (/^uy ban (mat tran to quoc|mttq)/.test(f)) return of('Fatherland Front Committee');
  if (f === 'cong an') return of('Provincial Police');
  if (/^bo chi huy quan su|^bo chqs/.test(f)) return of('Provincial Military Command');
  if (/^(bo doi bien phong|bo chi huy bo doi bien phong)$/.test(f)) return of('Border Guard Command');
  if (f.startsWith('so ') && sector('so')) return of(`Department of ${sector('so')}`);
  if (f.startsWith('bo ') && sector('bo')) return `Ministry of ${sector('bo')}`;
  if (f === 'bo chinh tri') return 'Politburo';
  if (f === 'chinh phu') return 'the Government';
  if (f === 'thu tuong chinh phu') return 'the Prime Minister';
  if (f === 'quoc hoi') return 'the National Assembly';
  if (f === 'trung uong') return 'the central level';
  if (/^(ban chap hanh trung uong dang|bch trung uong dang|trung uong dang|bch tw)$/.test(f)) return 'Party Central Committee';
  if (f === 'ban bi thu') return 'Party Secretariat';
  if (/^quan khu \d+$/.test(f)) return `Military Region ${f.split(' ')[2]}`;
  if (f === 'tinh' && place) return `${place} province`;
  if (f === 'ban chap hanh dang bo') return `Executive Committee of the ${place ? `${place} ` : ''}Provincial Party Organisation`;
  if (/^(cong ty|tap doan|tong cong ty)/.test(f)) return name;
  return undefined;
}

const RANKS: [RegExp, string][] = [
  [/^pho bi thu thuong truc/, 'Permanent Deputy Secretary'],
  [/^pho chu tich thuong truc/, 'Permanent Vice Chair'],
  [/^uy vien du khuyet/, 'Alternate Member'],
  [/^uy vien ban thuong vu/, 'Standing Committee Member'],
  [/^uy vien/, 'Member'],
  [/^pho bi thu/, 'Deputy Secretary'],
  [/^bi thu/, 'Secretary'],
  [/^pho chu tich/, 'Vice Chair'],
  [/^chu tich/, 'Chair'],
  [/^pho giam doc/, 'Deputy Director'],
  [/^tong giam doc/, 'General Director'],
  [/^giam doc/, 'Director'],
  [/^thu truong/, 'Deputy Minister'],
  [/^bo truong/, 'Minister'],
  [/^pho truong/, 'Deputy Head'],
  [/^truong/, 'Head'],
  [/^chanh van phong/, 'Chief of Office'],
  [/^pho chanh van phong/, 'Deputy Chief of Office'],
];

/** "Chủ tịch UBND tỉnh" with its body's English → "Chair of the Hồ Lam Provincial People's Committee". */
export function titleEnglish(title: string, bodyEn: string | undefined): string | undefined {
  const f = fold(title);
  const rank = RANKS.find(([re]) => re.test(f));
  if (!rank) return undefined;
  if (!bodyEn) return rank[1];
  return `${rank[1]} of the ${bodyEn.replace(/^the /, '')}`;
}

/** "thành phố Bắc Giang" → "Bắc Giang city"; other places stay as written. */
export function placeEnglish(place: string): string | undefined {
  const m = /^(thành phố|tỉnh|huyện|thị xã|TP\.?)\s+(.+)$/u.exec(place);
  if (!m) return undefined;
  const kind = { 'thành phố': 'city', TP: 'city', 'TP.': 'city', tỉnh: 'province', huyện: 'district', 'thị xã': 'town' }[m[1] as string];
  return `${m[2]} ${kind}`;
}
