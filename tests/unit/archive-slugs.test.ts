import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify } from '../../src/lib/archive/slugs.ts';

describe('slugify', () => {
  it('spells out Latin letters Unicode does not decompose', () => {
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('Łódź and Ærø, Œuvre')).toBe('lodz-and-aero-oeuvre');
  });

  it('lowercases and hyphenates words', () => {
    expect(slugify('U.S. Policy')).toBe('u-s-policy');
  });

  it('folds accents to ASCII', () => {
    expect(slugify('Défense Ministère')).toBe('defense-ministere');
  });

  it('drops apostrophes inside words', () => {
    expect(slugify('Shi’ite militias')).toBe('shiite-militias');
  });

  it('gives an empty slug for a name with no Latin letters or digits', () => {
    expect(slugify('إيران')).toBe('');
  });
});

describe('assignSlugs', () => {
  it('keeps the plain slug for a name that collides with nothing', () => {
    expect(assignSlugs(['Iran', 'Iraq']).get('Iran')).toBe('iran');
  });

  it('gives a name with no Latin letters a non-empty ASCII segment', () => {
    const slug = assignSlugs(['إيران']).get('إيران')!;
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives colliding names distinct segments that do not depend on input order', () => {
    const one = assignSlugs(['US Policy', 'U.S. Policy']);
    const two = assignSlugs(['U.S. Policy', 'US Policy']);
    expect(one.get('US Policy')).not.toBe(one.get('U.S. Policy'));
    expect(one).toEqual(two);
  });

  it('maps any set of names to unique URL-safe segments', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), { maxLength: 30 }),
        (names) => {
          const slugs = [...assignSlugs(names).values()];
          expect(new Set(slugs).size).toBe(names.length);
          for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        },
      ),
    );
  });
});
