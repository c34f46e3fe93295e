/**
 * Schema.org `NewsArticle` for an article page, and its safe serialisation into a
 * `<script type="application/ld+json">` (the one place the site writes raw markup from article data).
 */
import type { ArticleData } from '../../content.config.ts';

export interface JsonLdInput {
  data: ArticleData;
  /** Absolute canonical URL of the article page. */
  url: string;
  description?: string;
}

type JsonLd = Record<string, unknown>;

/**
 * Dates are stated only as the source states them. A single day is the publication date. For a
 * range (a bulletin for 22 March – 5 April) the day of publication is not known, so the range is
 * given as `temporalCoverage` rather than a made-up `datePublished`.
 */
function dates({ dateStart, dateEnd }: ArticleData): JsonLd {
  if (dateStart === undefined) return {};
  if (dateEnd === undefined || dateEnd === dateStart) return { datePublished: dateStart };
  return { temporalCoverage: `${dateStart}/${dateEnd}` };
}

export function newsArticleJsonLd({ data, url, description }: JsonLdInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    ...(data.subtitle && { alternativeHeadline: data.subtitle }),
    ...(description && { description }),
    url,
    mainEntityOfPage: url,
    ...dates(data),
    ...(data.source && { publisher: { '@type': 'Organization', name: data.source } }),
    ...(data.editor && { editor: { '@type': 'Person', name: data.editor } }),
    ...(data.series && { isPartOf: { '@type': 'CreativeWorkSeries', name: data.series } }),
    keywords: data.tags,
    // The raw file is not published, so it is named rather than linked.
    isBasedOn: { '@type': 'CreativeWork', name: data.rawFile, encodingFormat: 'text/plain' },
  };
}

/**
 * JSON that cannot end its `<script>` element or open a comment there: `<`, `>` and `&` become
 * `\u003c`, `\u003e`, `\u0026` (the same string to a JSON parser). U+2028/2029 are escaped too, for
 * readers that treat the block as JavaScript.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
