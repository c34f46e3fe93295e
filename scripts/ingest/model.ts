/** The recognised shape of one raw article, between the raw lines and the syntax tree. */
import type { ArticleData } from '../../src/schema/article.ts';

export interface Line {
  /** 1-based line number in the raw file. */
  no: number;
  /** The line trimmed of surrounding white space (NBSP included); inner text untouched. */
  text: string;
}

export type Block =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'heading'; line: number; text: string }
  | { kind: 'list'; line: number; items: { line: number; text: string }[] }
  | { kind: 'caption'; line: number; lines: string[] };

/** A raw line that does not reach the body, and why: every such line is reported. */
export interface Removed {
  line: number;
  rule: string;
  text: string;
  /** boilerplate: dropped; duplicate: a repeat of text kept elsewhere; metadata: moved to front-matter. */
  kind: 'boilerplate' | 'duplicate' | 'metadata';
}

export interface Diagnostic {
  line?: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
}

/** What the header zone gives: the article's fields read from the text, and its own labels. */
export type Header = Partial<Omit<ArticleData, 'tags' | 'rawFile'>> & { filedUnder: string[] };

export interface Recognised {
  header: Header;
  blocks: Block[];
  removed: Removed[];
  diagnostics: Diagnostic[];
}

/** Collapses runs of white space for comparisons; never used to rewrite text. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
