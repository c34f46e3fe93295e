/**
 * Boilerplate: lines a scraper picked up from the page around the article. Each rule has an id
 * that the ingest report prints beside every line it removed, so nothing disappears silently.
 * Rules match whole lines only; a sentence that merely mentions "Skip to content" stays.
 */
import { foldWords } from './masthead.ts';

export interface BoilerplateRule {
  id: string;
  test(line: string): boolean;
}

const exact = (id: string, ...lines: string[]): BoilerplateRule => {
  const folded = new Set(lines.map((l) => l.toLowerCase()));
  return { id, test: (line) => folded.has(line.trim().replace(/\s+/g, ' ').toLowerCase()) };
};

/** Calls into ad players that scrapers copy as text, e.g. `cnxps.cmd.push(function () {…});`. */
const AD_SCRIPT = /^\s*(?:cnxps\.|googletag\.|\(adsbygoogle\s*=|window\._?taboola|_taboola\.)/;

export const FIXED_RULES: BoilerplateRule[] = [
  exact('skip-link', 'Skip to content', 'Skip to main content', 'Skip to navigation'),
  exact('mobile-version', 'Exit mobile version'),
  exact('about-author', 'About The Author', 'About the Author'),
  exact('separator', '* * *', '***', '* * * *', '—', '– – –'),
  { id: 'retrieved-from', test: (line) => /^\s*Content retrieved from:?(?:\s+\S+)?\s*$/i.test(line) },
  { id: 'ad-script', test: (line) => AD_SCRIPT.test(line) },
];

export function taglineRule(folded: Set<string>): BoilerplateRule {
  return { id: 'tagline', test: (line) => folded.size > 0 && folded.has(foldWords(line).join(' ')) };
}

export function matchBoilerplate(line: string, rules: BoilerplateRule[]): string | undefined {
  return rules.find((rule) => rule.test(line))?.id;
}
