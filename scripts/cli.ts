/**
 * `parseArgs` for the project's command-line scripts. `--help` (or `-h`) prints the script's usage
 * and exits 0; an option the script does not know, or one missing its value, prints what was wrong
 * and the usage and exits 2, rather than Node's stack trace. Other errors are not caught here.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function commandLine<T extends ParseArgsConfig>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw error;
    process.stderr.write(`error: ${(error as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}
