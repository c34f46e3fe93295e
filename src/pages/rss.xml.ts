import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadArchive } from '../lib/archive/load.ts';
import { SITE } from '../lib/archive/site.ts';
import { withBase } from '../lib/url.ts';

/** The newest dated articles; undated ones have no date to order or announce them by. */
export async function GET(context: APIContext) {
  const archive = await loadArchive();
  const { articles } = archive;
  const dated = articles.filter((a) => a.data.dateStart !== undefined).slice(0, SITE.feedCount);
  // The channel links to the home page, under the base path; item URLs already carry the base.
  const home = new URL(withBase('/'), context.site ?? context.url.origin);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: home.href,
    items: dated.map((a) => ({
      title: a.data.title,
      link: new URL(a.url, home).href,
      pubDate: new Date(`${a.data.dateStart}T00:00:00Z`),
      // The same line the article page gives search engines: standfirst or first sentence.
      description: archive.description(a) ?? a.dateLabel,
      categories: a.data.tags,
    })),
    customData: '<language>en</language>',
  });
}
