import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadArchive } from '../lib/archive/load.ts';
import { SITE } from '../lib/archive/site.ts';

/** The newest dated articles; undated ones have no date to order or announce them by. */
export async function GET(context: APIContext) {
  const archive = await loadArchive();
  const { articles } = archive;
  const dated = articles.filter((a) => a.data.dateStart !== undefined).slice(0, SITE.feedCount);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: context.site ?? context.url.origin,
    items: dated.map((a) => ({
      title: a.data.title,
      link: a.url,
      pubDate: new Date(`${a.data.dateStart}T00:00:00Z`),
      // The same line the article page gives search engines: standfirst or first sentence.
      description: archive.description(a) ?? a.dateLabel,
      categories: a.data.tags,
    })),
    customData: '<language>en</language>',
  });
}
