// Vietnamese personal names: the surnames that open most of them, and the syllables that start or
// fill them. A question word after these is more likely part of a name than a word of the topic.

/** Surnames that open most Vietnamese personal names, folded. */
export const SURNAMES: ReadonlySet<string> = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lam trinh dinh mai cao ta luu'.split(' '),
);

/** Syllables that start or fill Vietnamese personal names, folded; one next to a given name means another person. */
export const NAME_SYLLABLES: ReadonlySet<string> = new Set([
  ...SURNAMES,
  ...'van thi duc huu cong minh quang thanh thu huong anh viet ngoc kim xuan tuan manh'.split(' '),
]);

/** Whether the words before position `i` open a personal name ("Nguyễn Thanh …"): a surname, then name syllables. */
export function inPersonalName(folded: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const w = folded[j] as string;
    if (SURNAMES.has(w)) return true;
    if (!NAME_SYLLABLES.has(w)) return false;
  }
  return false;
}
