/**
 * The header zone at the top of a scrape: masthead, headline (often printed two or three times),
 * standfirst, date line with editor, "Filed under:" labels. Walks the content lines from the top
 * and stops at the first line that is none of these: the body starts there.
 */
import type { Registry } from './curated.ts';
import { formatDateRange } from '../../src/lib/archive/dates.ts';
import { parseDateLine } from './dates.ts';
import { readFileName, type NameParts } from './filename.ts';
import { agreesWithName, bodyTextReason, firstSentenceTitle, headlineFromName } from './headline.ts';
import { matchMasthead } from './masthead.ts';
import { fold, type Diagnostic, type Header, type Line, type Removed } from './model.ts';

export const BULLET = /^[•◦▪●‣]\s*/u;
const FILED_UNDER = /^Filed under:\s*(.+)$/i;
const MAX_TITLE = 250;
const MAX_SUBTITLE = 320;
/** A file name must spell at least this many words to overrule a printed first line. */
const NAME_WORDS_TO_DISAGREE = 3;

/** Several words, the first with letters capitalised: `Iran-blasts-Israeli-massacre`, not `my-notes-v2`. */
function namedLikeHeadline(words: string[]): boolean {
  const first = words.find((w) => /\p{L}/u.test(w));
  return words.length >= NAME_WORDS_TO_DISAGREE && first !== undefined && /^\P{L}*\p{Lu}/u.test(first);
}

export interface HeaderResult {
  header: Header;
  /** Index into `lines` of the first body line. */
  bodyStart: number;
  removed: Removed[];
  diagnostics: Diagnostic[];
}

/** At most a headline's length, not a bullet, and at least one word of letters. */
function isTitleLike(text: string): boolean {
  return text.length <= MAX_TITLE && !BULLET.test(text) && /\p{L}{2}/u.test(text);
}

class HeaderReader {
  readonly header: Header = { filedUnder: [] };
  readonly removed: Removed[] = [];
  readonly diagnostics: Diagnostic[] = [];

  private readonly lines: Line[];
  private readonly registry: Registry;
  private readonly name: NameParts;
  /** Why the line where a headline was looked for did not become one. */
  private notTitle: { line: Line; reason: string } | undefined;

  constructor(lines: Line[], registry: Registry, rawFile: string) {
    this.lines = lines;
    this.registry = registry;
    this.name = readFileName(rawFile);
  }

  /** Adjacent: no blank line between two content lines. */
  private adjacent(i: number): boolean {
    const prev = this.lines[i - 1];
    return prev !== undefined && prev.no === this.lines[i]!.no - 1;
  }

  private meta(line: Line, rule: string, kind: Removed['kind'] = 'metadata'): void {
    this.removed.push({ line: line.no, rule, text: line.text, kind });
  }

  private takeDate(line: Line): boolean {
    if (this.header.dateStart) return false;
    const parsed = parseDateLine(line.text);
    if (!parsed) return false;
    if (!parsed.ok) {
      this.diagnostics.push({
        line: line.no,
        severity: 'warning',
        rule: 'bad-date',
        message: `date line not used: ${parsed.reason}`,
      });
      return false;
    }
    Object.assign(this.header, { dateStart: parsed.value.start, dateEnd: parsed.value.end });
    if (parsed.value.editor) this.header.editor = parsed.value.editor;
    this.meta(line, 'date-line');
    return true;
  }

  private takeFiledUnder(line: Line): boolean {
    const match = FILED_UNDER.exec(line.text);
    if (!match) return false;
    this.header.filedUnder.push(
      ...match[1]!
        .split(/\s*[,;]\s*/)
        .map((t) => t.trim())
        .filter(Boolean),
    );
    this.meta(line, 'filed-under');
    return true;
  }

  private takeTitle(line: Line): boolean {
    if (this.header.title !== undefined) {
      if (fold(line.text) !== fold(this.header.title)) return false;
      this.meta(line, 'duplicate-title', 'duplicate');
      return true;
    }
    if (parseDateLine(line.text)) return false;
    const reason = this.notHeadlineReason(line.text);
    if (reason) {
      this.notTitle = { line, reason };
      return false;
    }
    this.header.title = line.text;
    this.meta(line, 'title');
    return true;
  }

  /**
   * Why a line is not the printed headline. Besides body text, a line that disagrees with a headline
   * the file name spells (in several words, capitalised as a headline) is not one: on sites that name
   * files by headline, such a first line is a standfirst, a pull quote or the lede (Tehran Times: 20 of
   * 33,724 files). A lower-case name (`encoding-utf16-bom.txt`, a slug) never overrules a printed line.
   */
  private notHeadlineReason(text: string): string | undefined {
    if (BULLET.test(text)) return 'is a bullet';
    const body = bodyTextReason(text);
    if (body) return `reads as body text (${body})`;
    if (!isTitleLike(text)) return 'has no word of letters';
    const name = this.name.words;
    if (name && namedLikeHeadline(name) && !agreesWithName(text, name))
      return 'differs from the headline the file name spells';
    return undefined;
  }

  /** A standfirst sits right under a headline, or alone between the headline and the date line. */
  private takeSubtitle(i: number): boolean {
    const line = this.lines[i]!;
    if (this.header.title === undefined || this.header.subtitle !== undefined || this.header.dateStart)
      return false;
    if (line.text.length > MAX_SUBTITLE || BULLET.test(line.text)) return false;
    const next = this.lines[i + 1];
    const underTitle = this.adjacent(i) && this.removed.at(-1)?.rule.endsWith('title') === true;
    const beforeDate = next !== undefined && parseDateLine(next.text)?.ok === true;
    if (!underTitle && !beforeDate) return false;
    this.header.subtitle = line.text;
    this.meta(line, 'subtitle');
    return true;
  }

  /** Why no printed headline was taken, for the diagnostics of the fallbacks. */
  private noHeadline(): string {
    return this.notTitle
      ? `no printed headline: line ${this.notTitle.line.no} ${this.notTitle.reason}`
      : 'no printed headline';
  }

  private titleFromName(why: string): boolean {
    if (!this.name.words) return false;
    const text = this.lines.map((l) => l.text).join('\n');
    const { title, restored } = headlineFromName(this.name.words, text);
    this.header.title = title;
    const joins = restored.length > 0 ? `; restored from the text: ${restored.join(', ')}` : '';
    this.diagnostics.push({
      severity: 'info',
      rule: 'title-from-filename',
      message: `${why}; title taken from the file name: ${title}${joins}`,
    });
    return true;
  }

  private titleFromSeries(why: string): boolean {
    const { series, dateStart, dateEnd } = this.header;
    if (!series || !dateStart) return false;
    this.header.title = `${series}: ${formatDateRange(dateStart, dateEnd, 'month-day')}`;
    this.diagnostics.push({
      severity: 'info',
      rule: 'title-from-series',
      message: `${why}; title made from series and dates: ${this.header.title}`,
    });
    return true;
  }

  /** `first` is the first body line; with no body, the first line of all (then moved to metadata). */
  private titleFromFirstSentence(first: Line | undefined, why: string): void {
    first ??= this.lines[0];
    if (!first) return;
    this.header.title = firstSentenceTitle(first.text.replace(BULLET, ''));
    this.diagnostics.push({
      line: first.no,
      severity: 'warning',
      rule: 'title-from-first-sentence',
      message: `${why}, and neither the file name nor a series gives one; title cut from the first sentence (the line stays in the body): ${this.header.title}`,
    });
  }

  /** No printed headline: the file name's, the series and dates, else the first sentence. */
  private resolveTitle(bodyStart: number): void {
    if (this.header.title !== undefined) return;
    const first = this.lines[bodyStart];
    const why = this.noHeadline();
    if (this.titleFromName(why) || this.titleFromSeries(why)) return;
    this.titleFromFirstSentence(first, why);
  }

  private dateFromName(): void {
    if (this.header.dateStart || !this.name.date) return;
    this.header.dateStart = this.name.date;
    this.diagnostics.push({
      severity: 'info',
      rule: 'date-from-filename',
      message: `no date line; date taken from the file name: ${this.name.date}`,
    });
  }

  read(): HeaderResult {
    let i = 0;
    const first = this.lines[0];
    const masthead = first ? matchMasthead(first.text, this.registry) : undefined;
    if (first && masthead) {
      Object.assign(this.header, masthead);
      this.meta(first, 'masthead');
      i = 1;
    }
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      const hadDate = this.header.dateStart !== undefined;
      if (this.takeDate(line) || this.takeFiledUnder(line)) {
        // A series bulletin with no printed headline: its body starts right after the date line.
        if (!hadDate && this.header.title === undefined && this.header.series) {
          i++;
          break;
        }
        continue;
      }
      if (this.takeTitle(line) || this.takeSubtitle(i)) continue;
      break;
    }
    this.dateFromName();
    this.resolveTitle(i);
    return { header: this.header, bodyStart: i, removed: this.removed, diagnostics: this.diagnostics };
  }
}

/** `lines` are the content lines (no blank or boilerplate lines), in order; `rawFile` the file's path. */
export function readHeader(lines: Line[], registry: Registry, rawFile: string): HeaderResult {
  return new HeaderReader(lines, registry, rawFile).read();
}
