/**
 * The articles collection: generated MDX under `content/articles/` (or `ARCHIVE_ARTICLES_DIR`),
 * validated against the article schema in `src/schema/article.ts`.
 */
import { defineCollection } from 'astro/content/config';
import { articleLoader } from './loaders/articles.ts';
import { articleSchema } from './schema/article.ts';

export { articleSchema, type ArticleData } from './schema/article.ts';

/** Where the generated articles are; the benchmark and build tests point it at a temporary folder. */
const articlesDir = process.env.ARCHIVE_ARTICLES_DIR ?? './content/articles';

export const collections = {
  articles: defineCollection({
    loader: articleLoader({ base: articlesDir }),
    schema: articleSchema,
  }),
};
