/**
 * Large generated JSON files (the ingest manifest, the names index) written and read a line at a
 * time: each is one JSON document laid out with one record a line, so no step makes one string of
 * the whole file. V8's longest string is ~0.5 GB (2^29 characters), and on the benchmark's 100,000
 * synthetic articles these files are ~0.4 GB each. A line is split at `\n`, which JSON.stringify
 * never writes inside a value.
 */

/** The file's lines, decoded one at a time (the last, empty after the final `\n`, left out). */
export function* linesOf(bytes: Buffer): Generator<string> {
  let from = 0;
  while (from < bytes.length) {
    const end = bytes.indexOf(0x0a, from);
    const to = end === -1 ? bytes.length : end;
    yield bytes.toString('utf8', from, to);
    from = to + 1;
  }
}

/**
 * A document's bytes laid out as its `head` line, one record a line (each but the last ending in
 * `,`), then its `close` line: `head` and `close` together are the document without its records.
 * Each line is a small string; the whole exists only as bytes.
 */
export function documentBytes(head: string, records: Iterable<string>, close: string): Buffer {
  const chunks = [Buffer.from(`${head}\n`, 'utf8')];
  let any = false;
  // Records may come one at a time (a generator): each is bytes before the next is made.
  for (const record of records) {
    if (any) chunks.push(Buffer.from(',\n'));
    chunks.push(Buffer.from(record, 'utf8'));
    any = true;
  }
  if (any) chunks.push(Buffer.from('\n'));
  chunks.push(Buffer.from(`${close}\n`, 'utf8'));
  return Buffer.concat(chunks);
}

/**
 * Parses a document laid out as `documentBytes` writes it (blank lines between head and close are
 * skipped). Returns undefined when the bytes are not laid out so (an older or hand-made file).
 */
export function parseLines<H, R>(
  bytes: Buffer,
  close: string,
  record: (line: string) => R,
): { head: H; records: R[] } | undefined {
  const lines = linesOf(bytes);
  const first = lines.next();
  if (first.done) return undefined;
  const records: R[] = [];
  let last: string | undefined;
  for (const line of lines) {
    if (last) records.push(record(last.endsWith(',') ? last.slice(0, -1) : last));
    last = line;
  }
  if (last !== close) return undefined;
  return { head: JSON.parse(first.value + close) as H, records };
}
