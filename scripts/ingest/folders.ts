/**
 * Folders are the user's own classification: `politics/001.txt` is about politics. A curated entry
 * for a folder (content/curated/folders.yaml) gives every file below it a source, series, via and
 * tags; a file under no entry is tagged with the name of the folder it sits in.
 */
import type { Folders } from './curated.ts';
import { folderOf } from './repeated.ts';

export interface FolderDefaults {
  source?: string;
  series?: string;
  via?: string;
  tags: string[];
}

/** `world_news` → `World News`; a name with capitals of its own (`US`, `Middle East`) is kept. */
export function folderTag(folder: string): string | undefined {
  const name = folder
    .slice(folder.lastIndexOf('/') + 1)
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(name)) return undefined;
  return name === name.toLowerCase()
    ? name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
    : name;
}

/** `a/b/c` → `a`, `a/b`, `a/b/c`: outermost first, so deeper entries win. */
function ancestors(folder: string): string[] {
  const parts = folder === '' ? [] : folder.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export function folderDefaults(rawFile: string, folders: Folders): FolderDefaults {
  const folder = folderOf(rawFile);
  const entries = ancestors(folder).flatMap((f) => (folders[f] ? [folders[f]] : []));
  if (entries.length === 0) {
    const tag = folderTag(folder);
    return { tags: tag ? [tag] : [] };
  }
  const merged: FolderDefaults = { tags: [] };
  for (const { tags, ...fields } of entries) {
    Object.assign(merged, fields);
    merged.tags.push(...(tags ?? []).filter((t) => !merged.tags.includes(t)));
  }
  return merged;
}
