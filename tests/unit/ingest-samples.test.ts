/** The table of the Foundation issue: what the five bundled samples must become. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestReport } from '../../scripts/ingest/run.ts';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
let report: IngestReport;
let output: string;

beforeAll(async () => {
  output = mkdtempSync(path.join(tmpdir(), 'ingest-samples-'));
  report = await runIngest({
    input: path.join(root, 'content/raw'),
    output,
    curated: path.join(root, 'content/curated'),
  });
});

function article(rawFile: string): { data: Record<string, unknown>; body: string; slug: string } {
  const slug = report.files.find((f) => f.rawFile === rawFile)?.slug;
  if (!slug) throw new Error(`${rawFile} has no page`);
  const text = readFileSync(path.join(output, `${slug}.mdx`), 'utf8');
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: parse(yaml ?? '') as Record<string, unknown>, body: body ?? '', slug };
}

describe('the bundled samples', () => {
  it('all become articles, with no warning', () => {
    expect(report.summary).toMatchObject({ files: 5, written: 5, rejected: 0, warnings: 0 });
  });

  it('pins the slugs', () => {
    expect(report.files.map((f) => f.slug)).toEqual([
      'iran-we-will-help-any-country-fighting-the-zionist-regime-and-the-united-states',
      '2021-05-13-spotlight-on-iran-may-13-27-2021',
      'irans-military-threats-are-a-fantasy-designed-to-hold-back-regime-change',
      '2020-03-22-spotlight-on-iran-march-22-april-5-2020',
      '2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us',
    ]);
  });

  it('000: JCPA article with standfirst and its own labels, undated', () => {
    const { data } = article('000_89785c16a81d71ee.txt');
    expect(data).toMatchObject({
      title: 'Iran: “We Will Help Any Country Fighting the Zionist Regime and the United States”',
      subtitle:
        'Spokesman for the Iranian Armed Forces, Abolfazi Shekarchi: “We will assist the resistance camp against Israel and the United States.”',
      source: 'Jerusalem Center for Public Affairs',
      rawFile: '000_89785c16a81d71ee.txt',
    });
    expect(data.tags).toEqual(expect.arrayContaining(['Iran', 'U.S. Policy']));
    expect(data).not.toHaveProperty('dateStart');
    expect(data).not.toHaveProperty('series');
  });

  it('001: Spotlight on Iran bulletin with range and editor', () => {
    const { data } = article('001_b4141182fc587337.txt');
    expect(data).toMatchObject({
      title: 'Spotlight on Iran: May 13–27, 2021',
      source: 'Meir Amit Intelligence and Terrorism Information Center',
      series: 'Spotlight on Iran',
      dateStart: '2021-05-13',
      dateEnd: '2021-05-27',
      editor: 'Dr. Raz Zimmt',
    });
    expect(data).not.toHaveProperty('via');
    expect(data).not.toHaveProperty('subtitle');
  });

  it('002: NCRI article, undated, no standfirst', () => {
    const { data } = article('002_f5d3fec7361aa2d6.txt');
    expect(data).toMatchObject({
      title: 'Iran’s Military Threats Are a Fantasy Designed to Hold Back Regime Change',
      source: 'National Council of Resistance of Iran (NCRI)',
    });
    for (const field of ['subtitle', 'dateStart', 'series', 'editor']) expect(data).not.toHaveProperty(field);
  });

  it('003: bulletin republished via Mesopotamia News', () => {
    const { data } = article('003_f962de14055e5357.txt');
    expect(data).toMatchObject({
      title: 'Spotlight on Iran: March 22 – April 5, 2020',
      source: 'Meir Amit Intelligence and Terrorism Information Center',
      series: 'Spotlight on Iran',
      via: 'Mesopotamia News',
      dateStart: '2020-03-22',
      dateEnd: '2020-04-05',
      editor: 'Dr. Raz Zimmt',
    });
  });

  it('004: dated article whose source is not stated', () => {
    const { data } = article('004_b3611ee2d1f4bff8.txt');
    expect(data).toMatchObject({
      title: 'Iran’s Zarif tries to form Russia-China alliance against US',
      subtitle: 'Iran seeks to harness Russia and also China to confront “US lawlessness,”',
      dateStart: '2020-09-24',
    });
    expect(data).not.toHaveProperty('source');
    expect(data).not.toHaveProperty('dateEnd');
  });

  it('prints each title once and each caption once in the body', () => {
    for (const file of report.files) {
      const { data, body } = article(file.rawFile);
      expect(body.split(String(data.title)).length - 1, file.rawFile).toBe(0);
    }
    expect(
      article('001_b4141182fc587337.txt').body.split('Rally in support for Palestine in Tehran.').length - 1,
    ).toBe(1);
    expect(
      article('003_f962de14055e5357.txt').body.split('Hossein Salami (Defa’ Press, March 28, 2020)').length -
        1,
    ).toBe(1);
  });

  it('reports every boilerplate line it removed, with its line number', () => {
    const removed = report.files.flatMap((f) =>
      f.removed.filter((r) => r.kind === 'boilerplate').map((r) => `${f.rawFile}:${r.line}:${r.rule}`),
    );
    expect(removed).toEqual([
      '000_89785c16a81d71ee.txt:1:skip-link',
      '000_89785c16a81d71ee.txt:3:tagline',
      '000_89785c16a81d71ee.txt:47:separator',
      '002_f5d3fec7361aa2d6.txt:38:mobile-version',
      '004_b3611ee2d1f4bff8.txt:20:ad-script',
      '004_b3611ee2d1f4bff8.txt:22:retrieved-from',
      '004_b3611ee2d1f4bff8.txt:24:about-author',
    ]);
  });
});
