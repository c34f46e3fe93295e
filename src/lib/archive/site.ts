/** The site's name and the things every page says about it. */
export const SITE = {
  title: 'Article Archive',
  description: 'A searchable, citable archive of articles, browsable by date, tag, source and editor.',
  /** Articles on the home page and in the RSS feed. */
  latestCount: 20,
  feedCount: 50,
} as const;
