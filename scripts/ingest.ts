/**
 * `npm run ingest -- [--input content/raw] [--output content/articles] [--report reports/ingest.json]
 *                    [--curated content/curated] [--strict] [--force]`
 *
 * Turns every raw `.txt` file into `<output>/<slug>.mdx`. Problems are printed as
 * `path:line:column: severity: message (rule)`; a bad file is reported and skipped, the rest is
 * still written. `--strict` exits non-zero on any error or warning.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CuratedError } from './ingest/curated.ts';
import { runIngest, type IngestReport } from './ingest/run.ts';
import { overHalfMessage } from './ingest/tags.ts';

const { values } = parseArgs({
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

function printDiagnostics(report: IngestReport, quiet: boolean): void {
  for (const file of report.files) {
    const where = path.relative(process.cwd(), path.join(report.input, file.rawFile));
    for (const d of file.diagnostics) {
      if (d.severity === 'info' && quiet) continue;
      const position = d.line === undefined ? '' : `:${d.line}:1`;
      console.log(`${where}${position}: ${d.severity}: ${d.message} (${d.rule})`);
    }
    if (file.paragraphIds?.removed.length) {
      console.log(`${where}: warning: ${file.paragraphIds.removed.length} paragraph link(s) would break: ${file.paragraphIds.removed.join(', ')} (paragraph-ids-changed)`);
    }
  }
}

function printSummary(report: IngestReport, reportFile: string): void {
  const s = report.summary;
  console.log(
    `ingest: ${s.files} raw files → ${s.written} written, ${s.unchanged} unchanged, ${s.skipped} skipped (raw file unchanged), ` +
      `${s.rejected} rejected, ${s.deleted} deleted; ${s.warnings} warnings; ${s.boilerplateLines} boilerplate lines removed. Report: ${reportFile}`,
  );
  const broad = overHalfMessage(report.files.flatMap((f) => (f.tags ? [f.tags] : [])));
  if (broad) console.log(broad);
}

async function main(): Promise<number> {
  const report = await runIngest({ input: values.input, output: values.output, curated: values.curated, force: values.force });
  await mkdir(path.dirname(values.report), { recursive: true });
  await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  printDiagnostics(report, values.quiet);
  printSummary(report, values.report);
  const linksBroken = report.files.some((f) => f.paragraphIds?.removed.length);
  const failed = report.summary.rejected > 0 || report.summary.warnings > 0 || linksBroken;
  return values.strict && failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CuratedError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
