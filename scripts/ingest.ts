/**
 * `npm run ingest -- [--input content/raw] [--output content/articles] [--report reports/ingest.json]
 *                    [--curated content/curated] [--strict] [--force] [--quiet]`
 *
 * Turns every raw `.txt` file into `<output>/<slug>.mdx`. Problems print as
 * `path:line:column: severity: message (rule)`, grouped by rule (errors in full, the first few of
 * every other rule; all of them in the JSON report); a bad file is reported and skipped, the rest is
 * still written. `--strict` exits non-zero on any error or warning; `--quiet` leaves out info.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commandLine } from './cli.ts';
import { FALLBACK_TAG } from './ingest/article.ts';
import { CuratedError } from './ingest/curated.ts';
import { diagnosticLines, formatMessage, messagesOf, repeatedLines, summaryLine } from './ingest/reporter.ts';
import { runIngest, type IngestOptions } from './ingest/run.ts';
import { overHalfMessage } from './ingest/tags.ts';
import { foundNamesLine } from './names/index.ts';

const USAGE = `
Usage: npm run ingest -- [--input content/raw] [--output content/articles] [--report reports/ingest.json]
                         [--curated content/curated] [--strict] [--force] [--quiet]

Turns every raw .txt file under --input into <output>/<slug>.mdx, reusing what an earlier run wrote
for unchanged files (--force writes every file again). Problems print as path:line:column; --strict
exits non-zero on any error or warning; --quiet leaves out info lines.`;

const { values } = commandLine(USAGE, {
  options: {
    input: { type: 'string', default: 'content/raw' },
    output: { type: 'string', default: 'content/articles' },
    report: { type: 'string', default: 'reports/ingest.json' },
    curated: { type: 'string', default: 'content/curated' },
    strict: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

/** Progress for runs longer than a moment: one rewritten line on a terminal, a line every few seconds in a log. */
function progress(): IngestOptions['onProgress'] {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  return (phase, done, total) => {
    const now = performance.now();
    if (now - started < 2000 || now - last < (tty ? 100 : 5000)) return;
    last = now;
    const line = `ingest: ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
    process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  };
}

async function main(): Promise<number> {
  const report = await runIngest({
    input: values.input,
    output: values.output,
    curated: values.curated,
    force: values.force,
    onProgress: progress(),
  });
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
  await mkdir(path.dirname(values.report), { recursive: true });
  await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  const where = (rawFile: string) => path.relative(process.cwd(), path.join(report.input, rawFile));
  const broad = overHalfMessage(
    report.files.flatMap((f) => (f.tags ? [f.tags] : [])),
    [FALLBACK_TAG],
  );
  const found = values.quiet ? undefined : foundNamesLine(report.names, values.report);
  for (const line of [
    ...diagnosticLines(messagesOf(report, where), values.quiet),
    ...repeatedLines(report),
    ...(broad ? [broad] : []),
    ...(found ? [found] : []),
    summaryLine(report, values.report),
  ])
    console.log(line);
  const failed = report.summary.rejected > 0 || report.summary.warnings > 0;
  return values.strict && failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CuratedError)) throw error;
  console.error(formatMessage(error.toMessage()));
  process.exitCode = 2;
}
