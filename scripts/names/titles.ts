/**
 * Titles and honorifics before a name (`Brig. Gen.`, `Dr.`, `President`, `Foreign Minister`): not
 * part of it, so `President Rouhani` and `Rouhani` are one person. Stripped word by word from the
 * start of a name the library finds, as long as a name is left.
 */

/** Folded words (see words.ts) that, at the start of a name, are a title. */
const TITLE_WORDS = new Set(
  [
    'mr mrs ms miss dr prof sir dame lord lady sheikh shaykh sayyed sayyid seyed seyyed hojatoleslam hojjatoleslam',
    'ayatollah grand imam mullah haji hajj president vicepresident vice prime minister ministers foreign defense',
    'defence interior deputy chief head commander general gen brig brigadier major maj lieutenant lt col colonel',
    'captain capt admiral adm rear sergeant sgt marshal field senator sen representative rep congressman',
    'congresswoman governor gov mayor ambassador envoy spokesman spokeswoman spokesperson secretary speaker',
    'chairman chairwoman director king queen prince princess crown emir sultan pope cardinal archbishop',
    'bishop rabbi father reverend rev judge justice attorney former late then acting supreme leader mp',
    'iranian iraqi syrian israeli american us british russian chinese french german turkish saudi lebanese',
    'palestinian afghan pakistani indian egyptian',
  ]
    .join(' ')
    .split(' '),
);

/** Joins titles inside a longer one: `Minister of Foreign Affairs`, `Chief of Staff`. */
const TITLE_LINKS = new Set(['of', 'for', 'the', 'and', 'general', 'staff', 'affairs']);

/** How many of `keys` (folded words) are a title before the name; never all of them. */
export function titleLength(keys: readonly string[]): number {
  let n = 0;
  while (n < keys.length - 1 && (TITLE_WORDS.has(keys[n]!) || (n > 0 && TITLE_LINKS.has(keys[n]!)))) n++;
  // A link word is only part of the title if a title word follows it.
  while (n > 0 && TITLE_LINKS.has(keys[n - 1]!) && !TITLE_WORDS.has(keys[n - 1]!)) n--;
  return n;
}

export function isTitleWord(key: string): boolean {
  return TITLE_WORDS.has(key);
}
