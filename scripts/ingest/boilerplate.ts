/**
 * Boilerplate: lines a scraper picked up from the page around the article. Each rule has an id
 * that the ingest report prints beside every line it removed, so nothing disappears silently.
 * Rules match whole lines only; a sentence that merely mentions "Skip to content" stays.
 */
import { foldWords } from './masthead.ts';

/** A line prepared once for every rule: its text and a lower-cased, space-folded key. */
export interface RuleInput {
  text: string;
  key: string;
}

export interface BoilerplateRule {
  id: string;
  test(line: RuleInput): boolean;
}

/** No whole-line rule matches a longer line but the ad-script one, which reads `text`. */
const MAX_KEYED = 120;

export function ruleInput(text: string): RuleInput {
  return { text, key: text.length > MAX_KEYED ? '' : text.replace(/\s+/g, ' ').trim().toLowerCase() };
}

const exact = (id: string, ...lines: string[]): BoilerplateRule => {
  const keys = new Set(lines.map((l) => l.toLowerCase()));
  return { id, test: (line) => keys.has(line.key) };
};

/** Calls into ad players that scrapers copy as text, e.g. `cnxps.cmd.push(function () {…});`. */
const AD_SCRIPT = /^\s*(?:cnxps\.|googletag\.|\(adsbygoogle\s*=|window\._?taboola|_taboola\.)/;
const RETRIEVED_FROM = /^\s*content retrieved from:?(?:\s+\S+)?\s*$/i;

export const FIXED_RULES: BoilerplateRule[] = [
  exact('skip-link', 'Skip to content', 'Skip to main content', 'Skip to navigation'),
  exact('mobile-version', 'Exit mobile version'),
  exact('about-author', 'About The Author'),
  exact('separator', '* * *', '***', '* * * *', '—', '– – –'),
  { id: 'retrieved-from', test: (line) => RETRIEVED_FROM.test(line.text) },
  { id: 'ad-script', test: (line) => AD_SCRIPT.test(line.text) },
];

/** Site taglines from the registry; only lines of a tagline's length are folded and compared. */
export function taglineRule(taglines: string[]): BoilerplateRule {
  const folded = new Set(taglines.map((t) => foldWords(t).join(' ')));
  const longest = Math.max(0, ...taglines.map((t) => t.length)) + 8;
  return {
    id: 'tagline',
    test: (line) => line.text.length <= longest && folded.has(foldWords(line.text).join(' ')),
  };
}

export function matchBoilerplate(text: string, rules: BoilerplateRule[]): string | undefined {
  const line = ruleInput(text);
  return rules.find((rule) => rule.test(line))?.id;
}
