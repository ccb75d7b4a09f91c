/** The subcommands, each loaded from src/commands/<name>.js only when chosen. */
export const COMMANDS = [
  { name: 'history', summary: 'list, search and count logged prompts (--search, --tag, --stats, --json ...)' },
  { name: 'log-prompt', summary: 'log a prompt: TEXT (or - for stdin) with --category, --tag, --context, --file' },
  { name: 'migrate', summary: 'add missing tables, columns, indexes and search objects (--dry-run shows the plan)' },
  { name: 'doctor', summary: 'what the database file is: shape, indexes, integrity' },
  { name: 'demo', summary: 'write demo data: --db PATH --scale N' },
] as const;

export type CommandName = (typeof COMMANDS)[number]['name'];

export const isCommandName = (s: string): s is CommandName => COMMANDS.some((c) => c.name === s);

export const GLOBAL_FLAGS_HELP = `Global flags:
  --db PATH         the database file (default: DATABASE_URL, else ./data/bematic.db; demo: --db only)
  --read-only       open the file read-only and change nothing
  --as USER_ID      act as this Slack user id, which must be in users (default: BEMATIC_OPERATOR,
                    else your OS user, acting as admin)
  --no-color        no colours (NO_COLOR is honoured too)
  -h, --help        show help
  --version         print the version`;

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: bematic-console [command] [flags]

The admin console of a Bematic Manager database. Without a command it opens the interactive
console on the database (a terminal is needed; scripts use the commands).

  --demo            make ./data/demo.db with demo data if it is missing, then open the console

Commands:
${commands}

${GLOBAL_FLAGS_HELP}

Run \`bematic-console <command> --help\` for a command's flags.
`;
}
