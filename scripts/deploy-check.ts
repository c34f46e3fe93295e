/**
 * The last step of `npm run build`: a build made without `SITE_URL` has `http://localhost:4321` baked
 * into its canonical links, RSS feed, sitemap, JSON-LD and every copied citation, so it ends with a
 * warning nobody can scroll past. `npm start` sets `SITE_URL` to the localhost address it serves on,
 * which is then the right value, so it stays quiet.
 *
 * Usage: node scripts/deploy-check.ts   (reads SITE_URL and BASE_PATH from the environment)
 */

/** The framed warning, or undefined when `SITE_URL` is set. */
export function siteUrlWarning(env: Record<string, string | undefined>): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  const lines = [
    'WARNING: SITE_URL is not set, so this build is for http://localhost:4321 only.',
    'Its canonical links, RSS feed, sitemap, JSON-LD and citations all point at localhost.',
    'Before deploying, build again with the public address (and the sub-path, if any):',
    '',
    '  SITE_URL=https://archive.example.org npm run build',
    '  SITE_URL=https://example.org BASE_PATH=/archive/ npm run build',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '═'.repeat(width + 2);
  return [`╔${rule}╗`, ...lines.map((l) => `║ ${l.padEnd(width)} ║`), `╚${rule}╝`].join('\n');
}

if (import.meta.main) {
  const warning = siteUrlWarning(process.env);
  if (warning) {
    const colour = process.stderr.isTTY && !process.env.NO_COLOR;
    console.error(colour ? `\n\x1b[1;33m${warning}\x1b[0m\n` : `\n${warning}\n`);
  }
}
