/** The recognised shape of one raw article, between the raw lines and the syntax tree. */

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

export interface Header {
  title?: string;
  subtitle?: string;
  source?: string;
  series?: string;
  via?: string;
  dateStart?: string;
  dateEnd?: string;
  editor?: string;
  filedUnder: string[];
}

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
