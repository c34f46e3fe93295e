/**
 * One raw file → one article: decode, recognise, tag, apply corrections, validate against the
 * collection schema, build the syntax tree and serialise it. Pure apart from its inputs.
 */
import { articleSchema, type ArticleData } from '../../src/schema/article.ts';
import type { Curated } from './curated.ts';
import { decode, DecodeError, type Encoding } from './decode.ts';
import { folderDefaults, type FolderDefaults } from './folders.ts';
import { deriveFromTree } from './derived.ts';
import { bodyMdast, withFrontmatter } from './mdast.ts';
import type { Block, Diagnostic, Header, Removed } from './model.ts';
import { findNamesInArticles, type ArticleName, type Paragraph } from '../names/find.ts';
import { articleParagraphs } from './names.ts';
import { recognise, RecogniseError } from './recognise.ts';
import type { RepeatedSets } from './repeated.ts';
import { folderOf } from './repeated.ts';
import { frontmatterYaml, serialise } from './serialise.ts';
import { assignTags } from './tags.ts';

export const FALLBACK_TAG = 'Untagged';

export type IngestResult =
  | {
      ok: true;
      data: ArticleData;
      mdx: string;
      paragraphIds: string[];
      /** The names it mentions, by paragraph (scripts/names/find.ts). */
      names: ArticleName[];
      encoding: Encoding;
      removed: Removed[];
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

function tagsFor(
  header: Header,
  blocks: Block[],
  folder: FolderDefaults,
  curated: Curated,
  diagnostics: Diagnostic[],
): string[] {
  const prominent = [
    header.title ?? '',
    header.subtitle ?? '',
    ...blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
  ];
  const body = blocks.flatMap((b) =>
    b.kind === 'list' ? b.items.map((i) => i.text) : b.kind === 'caption' ? b.lines : [b.text],
  );
  const labels = [...header.filedUnder, ...folder.tags.filter((t) => !header.filedUnder.includes(t))];
  const tags = assignTags({ filedUnder: labels, prominent, body }, curated.vocabulary);
  if (tags.length > 0) return tags;
  diagnostics.push({
    severity: 'warning',
    rule: 'no-tags',
    message: `no label, folder or vocabulary term found; tagged "${FALLBACK_TAG}" (add tags in content/curated/corrections.yaml or folders.yaml)`,
  });
  return [FALLBACK_TAG];
}

/** A folder entry's source, series and via, where the text names none. */
function withFolder(header: Header, folder: FolderDefaults): Header {
  const { tags: _tags, ...fields } = folder;
  const filled = { ...header };
  for (const [field, value] of Object.entries(fields) as [keyof typeof fields, string][])
    filled[field] ??= value;
  return filled;
}

function controlDiagnostics(controls: { line: number; count: number }[] | undefined): Diagnostic[] {
  return (controls ?? []).map(({ line, count }) => ({
    line,
    severity: 'warning',
    rule: 'control-characters',
    message: `${count} stray control character${count === 1 ? '' : 's'} (NUL, SUB, …) removed from this line`,
  }));
}

type Fields = Omit<ArticleData, 'wordCount'>;

function applyCorrections(
  data: Fields,
  rawFile: string,
  curated: Curated,
  diagnostics: Diagnostic[],
): Fields {
  const correction = curated.corrections[rawFile];
  if (!correction) return data;
  for (const [field, value] of Object.entries(correction)) {
    const was = data[field as keyof Fields];
    diagnostics.push({
      severity: 'info',
      rule: 'correction',
      message: `${field} set by corrections.yaml to ${JSON.stringify(value)} (text gave ${JSON.stringify(was ?? null)})`,
    });
  }
  return { ...data, ...correction };
}

function fromHeader(header: Header, tags: string[], rawFile: string): Fields {
  const { filedUnder: _labels, title, ...rest } = header;
  return { title: title ?? '', ...rest, tags, rawFile };
}

function failure(error: unknown): Extract<IngestResult, { ok: false }> {
  if (error instanceof DecodeError || error instanceof RecogniseError) {
    const line = error instanceof RecogniseError ? error.line : undefined;
    return {
      ok: false,
      diagnostics: [{ severity: 'error', rule: error.rule, message: error.message, line }],
    };
  }
  // A bug met on one file must not stop the archive: report it against that file and go on.
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    diagnostics: [
      { severity: 'error', rule: 'internal-error', message: `the ingester failed on this file: ${message}` },
    ],
  };
}

/** An article ingested but for its names, which are found for a batch of articles at once. */
type Unnamed =
  | (Omit<Extract<IngestResult, { ok: true }>, 'names'> & { paragraphs: Paragraph[] })
  | Extract<IngestResult, { ok: false }>;

/** `repeated`: the corpus-wide boilerplate of every folder (see repeated.ts); none by default. */
export function ingestBytes(
  bytes: Uint8Array,
  rawFile: string,
  curated: Curated,
  repeated: RepeatedSets = {},
): IngestResult {
  return ingestFiles([{ bytes, rawFile }], curated, repeated)[0]!;
}

/**
 * Several files, each with the result `ingestBytes` gives it alone; the language library reads all
 * their names in one call, which costs less an article (scripts/names/find.ts).
 */
export function ingestFiles(
  files: readonly { bytes: Uint8Array; rawFile: string }[],
  curated: Curated,
  repeated: RepeatedSets = {},
): IngestResult[] {
  const unnamed = files.map(({ bytes, rawFile }) => ingestUnnamed(bytes, rawFile, curated, repeated));
  const articles = unnamed.flatMap((u) => (u.ok ? [u.paragraphs] : []));
  let names: ArticleName[][];
  try {
    names = findNamesInArticles(articles, curated.names);
  } catch {
    // One article's text broke the names step: each is done alone, so only that one fails.
    return unnamed.map((u) =>
      u.ok ? named(u, () => findNamesInArticles([u.paragraphs], curated.names)[0]!) : u,
    );
  }
  let next = 0;
  return unnamed.map((u) => (u.ok ? named(u, () => names[next++]!) : u));
}

function named(article: Extract<Unnamed, { ok: true }>, names: () => ArticleName[]): IngestResult {
  const { paragraphs: _paragraphs, ...result } = article;
  try {
    return { ...result, names: names() };
  } catch (error) {
    return failure(error);
  }
}

function ingestUnnamed(
  bytes: Uint8Array,
  rawFile: string,
  curated: Curated,
  repeated: RepeatedSets,
): Unnamed {
  try {
    const { text, encoding, controls } = decode(bytes);
    const recognised = recognise(text, {
      registry: curated.registry,
      rawFile,
      repeated: repeated[folderOf(rawFile)],
    });
    const { blocks, removed } = recognised;
    const diagnostics = [...controlDiagnostics(controls), ...recognised.diagnostics];
    const folder = folderDefaults(rawFile, curated.folders);
    const header = withFolder(recognised.header, folder);
    const tags = tagsFor(header, blocks, folder, curated, diagnostics);
    const corrected = applyCorrections(fromHeader(header, tags, rawFile), rawFile, curated, diagnostics);
    const body = bodyMdast(blocks);
    const derived = deriveFromTree(body, corrected.subtitle);
    const checked = articleSchema.safeParse({
      ...corrected,
      description: corrected.description ?? derived.description,
      wordCount: derived.wordCount,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return {
        ok: false,
        diagnostics: [
          ...diagnostics,
          {
            severity: 'error',
            rule: 'schema',
            message: `front-matter ${issue?.path.join('.')}: ${issue?.message}`,
          },
        ],
      };
    }
    const mdx = serialise(withFrontmatter(body, frontmatterYaml(checked.data)));
    return {
      ok: true,
      data: checked.data,
      mdx,
      paragraphIds: derived.paragraphIds,
      paragraphs: articleParagraphs(body, derived.paragraphIds),
      encoding,
      removed,
      diagnostics,
    };
  } catch (error) {
    return failure(error);
  }
}
