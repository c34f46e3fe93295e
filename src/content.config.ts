/**
 * The one definition of an article's front-matter. Astro validates the collection against it, and
 * the ingester (`scripts/ingest`) validates every file it writes against it too, so imports here
 * come from plain `astro/*` modules that Node can load outside Astro.
 */
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import { articleLoader } from './loaders/articles.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const label = z.string().trim().min(1);

/** The fields alone; `articleSchema` adds the checks that span fields. */
export const articleFields = z
  .object({
    /** The headline, printed once on the page. */
    title: label,
    /** The standfirst printed under the headline. */
    subtitle: label.optional(),
    /** The publishing organisation's canonical name; absent when neither text nor registry names it. */
    source: label.optional(),
    /** A named series the article belongs to, e.g. `Spotlight on Iran`. */
    series: label.optional(),
    /** A republisher named in the masthead, e.g. `Mesopotamia News`. */
    via: label.optional(),
    /** First day of the period covered, or the publication date. Absent when the text states none. */
    dateStart: isoDate.optional(),
    /** Last day of the period covered; equal to or omitted for a single date. */
    dateEnd: isoDate.optional(),
    /** The editor as printed, e.g. `Dr. Raz Zimmt`. */
    editor: label.optional(),
    /** The article's own labels plus tags from the curated vocabulary; at least one. */
    tags: z.array(label).min(1),
    /** Path of the raw file, relative to the ingest input folder. */
    rawFile: label,
  })
  .strict();

export const articleSchema = articleFields
  .refine((a) => a.dateEnd === undefined || a.dateStart !== undefined, {
    message: 'dateEnd needs dateStart',
    path: ['dateEnd'],
  })
  .refine((a) => a.dateEnd === undefined || a.dateStart === undefined || a.dateStart <= a.dateEnd, {
    message: 'dateEnd is before dateStart',
    path: ['dateEnd'],
  });

export type ArticleData = z.infer<typeof articleSchema>;

/** Where the generated articles are; the benchmark and build tests point it at a temporary folder. */
const articlesDir = process.env.ARCHIVE_ARTICLES_DIR ?? './content/articles';

export const collections = {
  articles: defineCollection({
    loader: articleLoader({ base: articlesDir }),
    schema: articleSchema,
  }),
};
