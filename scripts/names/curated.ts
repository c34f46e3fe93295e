/**
 * `content/curated/names.yaml`: the one curated list of names. Each entry is a person, organisation
 * or place with its canonical name and the spellings sources use; `ban` drops names the language
 * library finds that are not names; `minMentions` is how many paragraphs of the archive must name
 * a found (uncurated) name before it is kept. The ingester validates it with the other curated
 * files (scripts/ingest/curated.ts); the search reads its people and places (`searchAliases`).
 */
import { z } from 'astro/zod';

export const NAME_KINDS = ['person', 'organisation', 'place'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

const text = z.string().trim().min(1);

export const namesSchema = z
  .object({
    /**
     * Run the language library on the text the curated names leave (else curated names only: ~7×
     * cheaper, see the README's "Names").
     */
    library: z.boolean().default(true),
    /** A found name is kept when at least this many paragraphs of the archive mention it. */
    minMentions: z.number().int().min(1).default(3),
    /**
     * In a large archive, a found name needs more: this many paragraphs per 1,000 articles (rounded
     * up), when that is more than `minMentions`. 0 keeps `minMentions` whatever the archive's size.
     */
    minMentionsPer1000Articles: z.number().min(0).default(0),
    names: z
      .array(
        z
          .object({
            /** The name as the archive prints it on its page. */
            name: text,
            kind: z.enum(NAME_KINDS),
            /** Other spellings, the surname alone included; all-capital ones match only in capitals. */
            aliases: z.array(text).default([]),
          })
          .strict(),
      )
      .default([]),
    /**
     * Given names the language library should know (it knows English ones): a capitalised run that
     * starts with one reads as a person (`Iraj Masjedi`).
     */
    givenNames: z.array(text).default([]),
    /** Spellings never kept as names when the library finds them. */
    ban: z.array(text).default([]),
  })
  .strict();

export type CuratedNames = z.infer<typeof namesSchema>;
export type CuratedName = CuratedNames['names'][number];

/** `US`, `U.S.`, `IRGC`: a spelling in capitals only, which matches only in capitals (`us` is a word). */
export function isAcronym(spelling: string): boolean {
  return /^[\p{Lu}\p{N}.&-]+$/u.test(spelling) && /\p{Lu}/u.test(spelling);
}

/** The search's alias entries: the spellings of people and places, acronyms left out (they fold to words). */
export function searchAliases(curated: CuratedNames): { name: string; spellings: string[] }[] {
  return curated.names
    .filter((entry) => entry.kind !== 'organisation')
    .map((entry) => ({ name: entry.name, spellings: entry.aliases.filter((a) => !isAcronym(a)) }))
    .filter((entry) => entry.spellings.length > 0);
}
