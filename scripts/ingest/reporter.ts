/**
 * The one way the ingester tells a person about a problem: every diagnostic (decoding, recognising,
 * curated data, paragraph links) becomes a vfile message and prints as
 * `path:line:column: severity: message (rule)`. The CLI and the fixture tests share it.
 *
 * At archive scale one rule can fire on thousands of files, so the summary groups by rule: errors
 * in full, then per rule the count and the first few places; everything is in the JSON report.
 */
import { VFileMessage } from 'vfile-message';
import type { Diagnostic } from './model.ts';
import type { IngestReport } from './run.ts';

export type Severity = Diagnostic['severity'];

/** A diagnostic as a vfile message about `file`: fatal for errors, not fatal for warnings, unset for info. */
export function toMessage(file: string, d: Diagnostic): VFileMessage {
  const message = new VFileMessage(d.message, {
    place: d.line === undefined ? undefined : { line: d.line, column: 1 },
    ruleId: d.rule,
    source: 'ingest',
  });
  message.file = file;
  message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** `content/raw/x.txt:12:1: warning: the reason (rule)`. */
export function formatMessage(message: VFileMessage): string {
  const place = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`;
  return `${message.file}${place}: ${severityOf(message)}: ${message.reason} (${message.ruleId})`;
}

export const formatDiagnostic = (file: string, d: Diagnostic): string => formatMessage(toMessage(file, d));

/** Every diagnostic of a run as messages, with files named relative to `cwd`-style `where`. */
export function messagesOf(report: IngestReport, where: (rawFile: string) => string): VFileMessage[] {
  return report.files.flatMap((f) => f.diagnostics.map((d) => toMessage(where(f.rawFile), d)));
}

const SHOWN_PER_RULE = 3;
const number = (n: number): string => n.toLocaleString('en-US');

interface RuleGroup {
  severity: Severity;
  rule: string;
  messages: VFileMessage[];
  files: Set<string>;
}

function groupByRule(messages: VFileMessage[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const m of messages) {
    const severity = severityOf(m);
    const key = `${severity} ${m.ruleId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity, rule: m.ruleId ?? '', messages: [], files: new Set() }));
    group.messages.push(m);
    group.files.add(m.file ?? '');
  }
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...groups.values()].sort(
    (a, b) =>
      order[a.severity] - order[b.severity] ||
      b.messages.length - a.messages.length ||
      (a.rule < b.rule ? -1 : 1),
  );
}

/**
 * The diagnostics a person reads: every error in full; per other rule, one line with the count and
 * the first few messages (all of them when there are few). Info is left out when `quiet`.
 */
export function diagnosticLines(messages: VFileMessage[], quiet: boolean): string[] {
  const lines: string[] = [];
  for (const group of groupByRule(messages)) {
    if (group.severity === 'info' && quiet) continue;
    if (group.severity === 'error' || group.messages.length <= SHOWN_PER_RULE) {
      lines.push(...group.messages.map(formatMessage));
      continue;
    }
    const count = `${number(group.messages.length)} in ${number(group.files.size)} file${group.files.size === 1 ? '' : 's'}`;
    lines.push(`${group.severity} ${group.rule}: ${count}, e.g.`);
    lines.push(...group.messages.slice(0, SHOWN_PER_RULE).map((m) => `  ${formatMessage(m)}`));
  }
  return lines;
}

const MAX_SENTENCE = 100;
const shorten = (text: string): string =>
  text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE - 1)}…` : text;

/** Each corpus-wide boilerplate sentence once, with the folder and how many files print it alone. */
export function repeatedLines(report: IngestReport): string[] {
  const lines: string[] = [];
  for (const [folder, sentences] of Object.entries(report.repeated)) {
    for (const s of sentences)
      lines.push(
        `  ${folder || '(top folder)'}: "${shorten(s.shown)}" (stands alone in ${number(s.files)} files)`,
      );
  }
  return lines.length === 0
    ? []
    : [
        'corpus-wide boilerplate removed (repeated-boilerplate; keep-list: content/curated/boilerplate.yaml):',
        ...lines,
      ];
}

export function summaryLine(report: IngestReport, reportFile: string): string {
  const s = report.summary;
  return (
    `ingest: ${number(s.files)} raw files → ${number(s.written)} written, ${number(s.unchanged)} unchanged, ${number(s.skipped)} skipped (raw file unchanged), ` +
    `${number(s.rejected)} rejected, ${number(s.deleted)} deleted; ${number(s.warnings)} warnings; ${number(s.boilerplateLines)} boilerplate lines removed. Report: ${reportFile}`
  );
}
