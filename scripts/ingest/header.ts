/**
 * The header zone at the top of a scrape: masthead, headline (often printed two or three times),
 * standfirst, date line with editor, "Filed under:" labels. Walks the content lines from the top
 * and stops at the first line that is none of these: the body starts there.
 */
import type { Registry } from './curated.ts';
import { parseDateLine, formatRangeForTitle } from './dates.ts';
import { matchMasthead } from './masthead.ts';
import { fold, type Diagnostic, type Header, type Line, type Removed } from './model.ts';

export const BULLET = /^[•◦▪●‣]\s*/u;
const FILED_UNDER = /^Filed under:\s*(.+)$/i;
const MAX_TITLE = 250;
const MAX_SUBTITLE = 320;

export interface HeaderResult {
  header: Header;
  /** Index into `lines` of the first body line. */
  bodyStart: number;
  removed: Removed[];
  diagnostics: Diagnostic[];
}

function isTitleLike(text: string): boolean {
  return text.length <= MAX_TITLE && !BULLET.test(text) && /\p{L}/u.test(text);
}

class HeaderReader {
  readonly header: Header = { filedUnder: [] };
  readonly removed: Removed[] = [];
  readonly diagnostics: Diagnostic[] = [];

  private readonly lines: Line[];
  private readonly registry: Registry;

  constructor(lines: Line[], registry: Registry) {
    this.lines = lines;
    this.registry = registry;
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
      this.diagnostics.push({ line: line.no, severity: 'warning', rule: 'bad-date', message: `date line not used: ${parsed.reason}` });
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
    this.header.filedUnder.push(...match[1]!.split(/\s*[,;]\s*/).map((t) => t.trim()).filter(Boolean));
    this.meta(line, 'filed-under');
    return true;
  }

  private takeTitle(line: Line): boolean {
    if (this.header.title !== undefined) {
      if (fold(line.text) !== fold(this.header.title)) return false;
      this.meta(line, 'duplicate-title', 'duplicate');
      return true;
    }
    if (!isTitleLike(line.text) || parseDateLine(line.text)) return false;
    this.header.title = line.text;
    this.meta(line, 'title');
    return true;
  }

  /** A standfirst sits right under a headline, or alone between the headline and the date line. */
  private takeSubtitle(i: number): boolean {
    const line = this.lines[i]!;
    if (this.header.title === undefined || this.header.subtitle !== undefined || this.header.dateStart) return false;
    if (line.text.length > MAX_SUBTITLE || BULLET.test(line.text)) return false;
    const next = this.lines[i + 1];
    const underTitle = this.adjacent(i) && this.removed.at(-1)?.rule.endsWith('title') === true;
    const beforeDate = next !== undefined && parseDateLine(next.text)?.ok === true;
    if (!underTitle && !beforeDate) return false;
    this.header.subtitle = line.text;
    this.meta(line, 'subtitle');
    return true;
  }

  private synthesiseTitle(): void {
    const { series, dateStart, dateEnd } = this.header;
    if (this.header.title !== undefined || !series || !dateStart) return;
    this.header.title = `${series}: ${formatRangeForTitle({ start: dateStart, end: dateEnd })}`;
    this.diagnostics.push({ severity: 'info', rule: 'title-from-series', message: `no headline printed; title made from series and dates: ${this.header.title}` });
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
    this.synthesiseTitle();
    return { header: this.header, bodyStart: i, removed: this.removed, diagnostics: this.diagnostics };
  }
}

/** `lines` are the content lines (no blank or boilerplate lines), in order. */
export function readHeader(lines: Line[], registry: Registry): HeaderResult {
  return new HeaderReader(lines, registry).read();
}
