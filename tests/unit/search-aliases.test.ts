import { describe, expect, it } from 'vitest';
import {
  ALIAS_MARK,
  aliasGroupAt,
  aliasTable,
  expandHtml,
  groupsIn,
  withoutAliasWords,
} from '../../src/lib/search/aliases.ts';
import { aliasMatches, paragraphHits } from '../../src/lib/search/paragraphs.ts';
import { parseQuery } from '../../src/lib/search/query-terms.ts';
import { segmentsText } from '../../src/lib/search/segments.ts';
import type { PagefindFragment } from '../../src/lib/search/types.ts';

const M = ALIAS_MARK;
const table = aliasTable([
  { name: 'Esmail Qa’ani', spellings: ['Ghaani', 'Ismail Qaani'] },
  { name: 'Qasem Soleimani', spellings: ['Suleimani'] },
]);

describe('aliasTable', () => {
  it('maps every normalised spelling to the words of its entry', () => {
    expect(table.bySpelling.get('qaani')).toBeUndefined();
    expect(table.bySpelling.get('ghaani')).toEqual(['esmail', 'qaani', 'ghaani', 'ismail']);
    expect(table.bySpelling.get('esmail qaani')).toEqual(['esmail', 'qaani', 'ghaani', 'ismail']);
    expect(table.longest).toBe(2);
  });

  it('refuses a spelling listed under two names', () => {
    expect(() =>
      aliasTable([
        { name: 'A B', spellings: ['Ghaani'] },
        { name: 'C', spellings: ['ghaani'] },
      ]),
    ).toThrow('"ghaani" is listed under two names');
  });
});

describe('groupsIn', () => {
  it('finds spellings whatever the case, apostrophes and punctuation, longest first', () => {
    expect(groupsIn('General Esmail Qaʼani, and GHAANI again; Suleimani.', table)).toEqual([
      table.bySpelling.get('ghaani'),
      table.bySpelling.get('suleimani'),
    ]);
    expect(groupsIn('Qa’ani alone is not listed', table)).toEqual([]);
  });
});

describe('expandHtml', () => {
  const run = ` ${M} ${M}${M}esmail ${M} ${M}qaani ${M} ${M}ghaani ${M} ${M}ismail`;

  it('appends marked words at the end of each paragraph that prints a spelling, and nowhere else', () => {
    const html =
      '<h1>Ghaani</h1><p id="a">Met <em>Esmail Qa’ani</em> today.</p><p id="b">Nothing.</p><script>var x = "Ghaani";</script>';
    expect(expandHtml(html, table)).toBe(
      `<h1>Ghaani${run}</h1><p id="a">Met <em>Esmail Qa’ani</em> today.${run}</p><p id="b">Nothing.</p><script>var x = "Ghaani";</script>`,
    );
  });

  it('leaves attributes alone and the page untouched without aliases', () => {
    const html = '<p title="Ghaani">Plain.</p>';
    expect(expandHtml(html, table)).toBe(html);
    expect(expandHtml('<p>Ghaani</p>', aliasTable([]))).toBe('<p>Ghaani</p>');
  });
});

describe('withoutAliasWords', () => {
  it('gives back a headline as printed from its indexed copy (the result title Pagefind keeps)', () => {
    const table = aliasTable([{ name: 'Mohammad Bagher Qalibaf', spellings: ['Qalibaf', 'Ghalibaf'] }]);
    const headline = 'Raisi, Qalibaf are both the fittest: Rezaee';
    const indexed = expandHtml(`<h1>${headline}</h1>`, table).replace(/<[^>]*>/g, '');
    expect(indexed).not.toBe(headline);
    expect(withoutAliasWords(indexed)).toBe(headline);
    expect(withoutAliasWords('No  alias here')).toBe('No  alias here');
  });
});

describe('alias words in results', () => {
  // Words:   0         1    2       3        4      5    6           7    8        9    10        11   12        13   14
  const content = `Headline. Met Esmail Qa’ani, today. ${M} ${M}${M}esmail ${M} ${M}qaani ${M} ${M}ghaani ${M} ${M}ismail ${M} ${M}${M}qasem`;
  const fragment: PagefindFragment = {
    url: '/articles/x/?pagefind-highlight=Ghaani',
    content,
    excerpt: '',
    meta: { title: 'Headline' },
    anchors: [{ element: 'p', id: 'p-a', location: 1 }],
    locations: [10],
  };

  it('reads the group a marked word belongs to', () => {
    const words = content.split(' ');
    expect([...aliasGroupAt(words, 10)]).toEqual(['esmail', 'qaani', 'ghaani', 'ismail']);
    expect([...aliasGroupAt(words, 14)]).toEqual(['qasem']);
  });

  it('lands on the paragraph, shows no alias word and marks the printed spelling', () => {
    const [hit] = paragraphHits(fragment, parseQuery('Ghaani'));
    expect(hit.id).toBe('p-a');
    expect(hit.terms).toBe(1);
    expect(segmentsText(hit.snippet)).toBe('Met Esmail Qa’ani, today.');
    expect(hit.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(['Qa’ani,']);
  });

  it('names the printed spelling for the article page to highlight', () => {
    expect(aliasMatches(fragment)).toEqual(['Qa’ani']);
  });
});
