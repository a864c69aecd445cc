// Stop words, in folded form (see text/normalize.ts). Folding merges some Vietnamese words, so a
// word is listed only when every word it folds from is a function word: "dang" (đang / Đảng),
// "cho" (cho / chờ), "toi" (tôi / tội), "ban" (bạn / Ban), "an" (an ninh), "to" (Tổ quốc) and
// "on" (ổn định) are left out on purpose.

const VI = `va cua cac nhung la voi trong tren de theo tu ve tai nay thi ma nao gi ai da se con cung nhu
hoac hay mot duoc bi khong co roi chua nhe oi vay sao bao gio nhi thuoc nhat rat qua den ra vao
o biet hoi xin vui long minh ong ba chi hien nay hien cai viec ay kia day lam gium giup`;

const EN = `the a of for in at by with and or is are was were be been who whom what which when where how why
does do did has have had it its this that these those there about any all me my i you your we our
they their he she his her from as into tell show list please can could would should will still yet
not no yes than then so if us may might must some`;

export const STOPWORDS: ReadonlySet<string> = new Set([...VI.split(/\s+/), ...EN.split(/\s+/)]);

/** English function words: their presence (with no Vietnamese marks) tells an English question. */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set(EN.split(/\s+/).filter((w) => w.length > 1));

/** Vietnamese function words that do not double as English words. */
export const VIETNAMESE_MARKERS: ReadonlySet<string> = new Set(
  `va cua cac nhung la voi trong tren theo ve tai nay thi nao gi ai da se con cung duoc khong co chua nhu
  phu trach cam ket nhiem vu chu tich bi thu hai tinh`.split(/\s+/),
);
