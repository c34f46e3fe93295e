/**
 * Indexes the built site in `dist/` with Pagefind's Node API. Runs as the last step of
 * `npm run build`; only elements marked `data-pagefind-body` (article bodies) are indexed.
 */
import * as pagefind from 'pagefind';
import path from 'node:path';

async function main(site: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site });
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  console.log(`pagefind: indexed ${added.page_count} pages into ${path.join(site, 'pagefind')}`);
  await pagefind.close();
}

await main(path.resolve(process.argv[2] ?? 'dist'));
