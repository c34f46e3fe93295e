/**
 * What a raw file's name says about its article: a date written at its start (`2021-05-13-…`,
 * `20210513_…`) and a headline spelled with dashes or underscores (`_news_1234_Iran-s-new-envoy.txt`).
 * Numeric ids, hashes and generic words never make a headline.
 */
import { isoDay } from '../../src/lib/archive/dates.ts';

export interface NameParts {
  /** `YYYY-MM-DD` when the name starts with a real calendar date. */
  date?: string;
  /** The headline's words as the name spells them, when the name holds one. */
  words?: string[];
}

const LEADING_DATE = /^(?<y>(?:19|20)\d\d)(?<sep>[-_.]?)(?<m>\d\d)\k<sep>(?<d>\d\d)(?=$|[-_. ])/;
/** A segment that is an id, not words: digits, a hex hash, a UUID piece, a version. */
const ID_SEGMENT = /^(?:\d+|(?=[a-f]*\d)[0-9a-f]{6,}|v\d+)$/i;
/** Words that name a scrape's kind of page rather than its article. */
const GENERIC = new Set([
  'news',
  'article',
  'articles',
  'post',
  'page',
  'story',
  'item',
  'index',
  'untitled',
  'document',
  'doc',
  'file',
  'text',
  'copy',
  'final',
]);
const MIN_WORDS = 2;
/** A name of one word is a headline only when it is capitalised and not a number or generic word. */
const ONE_WORD = /^\p{Lu}\p{Ll}{3,}$/u;

function stem(rawFile: string): string {
  const base = rawFile.slice(rawFile.lastIndexOf('/') + 1);
  return base.replace(/\.[^.]+$/, '');
}

function leadingDate(name: string): { date?: string; rest: string } {
  const match = LEADING_DATE.exec(name.replace(/^[-_. ]+/, ''));
  if (!match?.groups) return { rest: name };
  const date = isoDay(Number(match.groups.y), Number(match.groups.m), Number(match.groups.d));
  if (!date) return { rest: name };
  return { date, rest: name.replace(/^[-_. ]+/, '').slice(match[0].length) };
}

const splitWords = (segment: string): string[] => segment.split(/[-. ]+/).filter(Boolean);

/**
 * The headline segment: where the name uses underscores between parts (`_news_<id>_<Headline>`),
 * the part with the most dash-separated words; otherwise every word of the name.
 */
function headlineWords(rest: string): string[] | undefined {
  const segments = rest
    .split('_')
    .filter((s) => s !== '' && !ID_SEGMENT.test(s) && !GENERIC.has(s.toLowerCase()));
  const multi = segments.filter((s) => splitWords(s).length > 1);
  const words =
    multi.length > 0
      ? splitWords(multi.reduce((best, s) => (splitWords(s).length > splitWords(best).length ? s : best)))
      : segments.flatMap(splitWords);
  const lettered = words.filter((w) => /\p{L}/u.test(w) && !ID_SEGMENT.test(w));
  if (lettered.every((w) => GENERIC.has(w.toLowerCase()))) return undefined;
  if (lettered.length < MIN_WORDS && !(words.length === 1 && ONE_WORD.test(words[0]!))) return undefined;
  return words;
}

export function readFileName(rawFile: string): NameParts {
  const { date, rest } = leadingDate(stem(rawFile));
  return { date, words: headlineWords(rest) };
}
