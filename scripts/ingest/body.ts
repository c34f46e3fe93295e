/**
 * The body: one block per raw line (scrapers print one paragraph per line). Recognises bullets
 * ("  •"), section headings (short standalone lines), and photo captions, which scrapes print twice
 * (doubled on one line, then again split over lines, or simply repeated): each caption is kept once
 * and its repeats are reported.
 */
import { BULLET } from './header.ts';
import { parseDateLine } from './dates.ts';
import { fold, type Block, type Line, type Removed } from './model.ts';

const MAX_HEADING = 80;
const MAX_HEADING_WORDS = 12;
const CAPTION_LABEL = /^(?:In small caption|Caption|Photo|Pictured)\s*:/i;
const ENDS_LIKE_SENTENCE = /[.,;:!?…"”’)\]]$/u;

export interface BodyResult {
  blocks: Block[];
  removed: Removed[];
}

/** "X    X" → "X": a caption printed twice on one line, separated by a run of spaces. */
export function splitDoubled(text: string): string | undefined {
  for (const gap of text.matchAll(/\s{2,}/gu)) {
    const left = text.slice(0, gap.index);
    const right = text.slice(gap.index + gap[0].length);
    // Only a gap near the middle can separate two copies; skip the fold for the others.
    if (left.length < 10 || Math.abs(left.length - right.length) > 8) continue;
    if (fold(left) === fold(right)) return left.trim();
  }
  return undefined;
}

/** Equal but for white space; lengths far apart cannot be, so most pairs never get folded. */
function sameText(a: string, b: string): boolean {
  return a === b || (Math.abs(a.length - b.length) <= 8 && fold(a) === fold(b));
}

export function isHeadingText(text: string): boolean {
  return (
    text.length <= MAX_HEADING &&
    text.split(/\s+/).length <= MAX_HEADING_WORDS &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    /\p{L}/u.test(text) &&
    !ENDS_LIKE_SENTENCE.test(text) &&
    parseDateLine(text) === undefined
  );
}

class BodyReader {
  readonly blocks: Block[] = [];
  readonly removed: Removed[] = [];

  private readonly lines: Line[];

  constructor(lines: Line[]) {
    this.lines = lines;
  }

  /** A blank line, a bullet or a caption (a block of its own) ends what came before. */
  private gapBefore(i: number): boolean {
    const prev = this.lines[i - 1];
    if (prev === undefined || prev.no < this.lines[i]!.no - 1 || BULLET.test(prev.text)) return true;
    return this.blocks.at(-1)?.kind === 'caption';
  }

  private gapAfter(i: number): boolean {
    const next = this.lines[i + 1];
    return next !== undefined && (next.no > this.lines[i]!.no + 1 || BULLET.test(next.text));
  }

  private duplicate(line: Line): void {
    this.removed.push({ line: line.no, rule: 'duplicate-caption', text: line.text, kind: 'duplicate' });
  }

  private addItem(i: number, text: string): void {
    const line = this.lines[i]!;
    if (text === '') {
      this.removed.push({ line: line.no, rule: 'empty-bullet', text: line.text, kind: 'boilerplate' });
      return;
    }
    const last = this.blocks.at(-1);
    const prev = this.lines[i - 1];
    const item = { line: line.no, text };
    if (last?.kind === 'list' && prev !== undefined && BULLET.test(prev.text)) last.items.push(item);
    else this.blocks.push({ kind: 'list', line: line.no, items: [item] });
  }

  /** Consumes the lines after a doubled caption that repeat it split over several lines. */
  private absorbSplitRepeat(i: number, caption: string): number {
    let joined = '';
    for (let j = i + 1; j < this.lines.length && j <= i + 4; j++) {
      joined = fold(`${joined} ${this.lines[j]!.text}`);
      if (!fold(caption).startsWith(joined)) return i;
      if (joined === fold(caption)) {
        for (let k = i + 1; k <= j; k++) this.duplicate(this.lines[k]!);
        return j;
      }
    }
    return i;
  }

  /** A line repeating the block just before it: that block was a caption printed twice. */
  private takeRepeat(line: Line): boolean {
    const last = this.blocks.at(-1);
    if (last?.kind === 'caption' && last.lines.length === 1 && sameText(last.lines[0]!, line.text)) {
      this.duplicate(line);
      return true;
    }
    if (last?.kind !== 'paragraph' || !sameText(last.text, line.text)) return false;
    this.blocks[this.blocks.length - 1] = { kind: 'caption', line: last.line, lines: [last.text] };
    this.duplicate(line);
    return true;
  }

  /** "In small caption: …", with the short label line right above it ("Tasnim caricature"). */
  private takeCaptionLabel(i: number): boolean {
    const line = this.lines[i]!;
    if (!CAPTION_LABEL.test(line.text)) return false;
    const last = this.blocks.at(-1);
    const labelAbove = last?.kind === 'paragraph' && !this.gapBefore(i) && isHeadingText(last.text);
    if (labelAbove)
      this.blocks[this.blocks.length - 1] = {
        kind: 'caption',
        line: last.line,
        lines: [last.text, line.text],
      };
    else this.blocks.push({ kind: 'caption', line: line.no, lines: [line.text] });
    return true;
  }

  private readLine(i: number): number {
    const line = this.lines[i]!;
    const bullet = BULLET.exec(line.text);
    if (bullet) {
      this.addItem(i, line.text.slice(bullet[0].length));
      return i;
    }
    const doubled = splitDoubled(line.text);
    if (doubled) {
      this.blocks.push({ kind: 'caption', line: line.no, lines: [doubled] });
      this.removed.push({
        line: line.no,
        rule: 'doubled-caption',
        text: line.text.slice(doubled.length).trim(),
        kind: 'duplicate',
      });
      return this.absorbSplitRepeat(i, doubled);
    }
    if (this.takeRepeat(line) || this.takeCaptionLabel(i)) return i;
    const heading = isHeadingText(line.text) && this.gapBefore(i) && this.gapAfter(i);
    this.blocks.push({ kind: heading ? 'heading' : 'paragraph', line: line.no, text: line.text });
    return i;
  }

  read(): BodyResult {
    for (let i = 0; i < this.lines.length; i++) i = this.readLine(i);
    return { blocks: this.blocks, removed: this.removed };
  }
}

export function readBody(lines: Line[]): BodyResult {
  return new BodyReader(lines).read();
}
