/**
 * kubectl's boolean flags take a value (`--watch=false`), which oclif's do not: oclif knows `--watch` and
 * `--no-watch`. This rewrites the kubectl spellings before oclif parses them.
 */

/** `--name=false` (or `-c=false`) becomes `--no-name`; `--name=true` becomes `--name`. */
export function normalizeBooleanFlags(
  argv: readonly string[],
  flags: readonly {name: string; char?: string}[],
): string[] {
  const result: string[] = []
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return [...result, ...argv.slice(index)]
    const flag = flags.find(
      ({name, char}) => arg.startsWith(`--${name}=`) || (char && arg.startsWith(`-${char}=`)),
    )
    const value = arg.slice(arg.indexOf('=') + 1).toLowerCase()
    if (flag && ['true', 'false', '1', '0', 't', 'f'].includes(value))
      result.push(['false', '0', 'f'].includes(value) ? `--no-${flag.name}` : `--${flag.name}`)
    else result.push(arg)
  }
  return result
}
