/**
 * A command line as a person would type it into a POSIX shell, for error messages and `--verbose`. Only for
 * showing: commands themselves always run as argument arrays, never through a shell.
 */

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/

const C_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\\': '\\\\',
  "'": "\\'",
}

/** One argument: bare when safe, single-quoted when a shell would split or expand it, `$'...'` with escapes
 * when it holds control characters (a newline in an env value stays on one line). */
export function escapeArgument(argument: string): string {
  if (PLAIN.test(argument)) return argument
  const codes = [...argument].map((char) => char.charCodeAt(0))
  if (codes.some((code) => code < 0x20 || code === 0x7f)) {
    const escaped = [...argument].map((char) => {
      const code = char.charCodeAt(0)
      if (C_ESCAPES[char]) return C_ESCAPES[char]
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char
    })
    return `$'${escaped.join('')}'`
  }
  return `'${argument.replaceAll("'", `'\\''`)}'`
}

/** The program and its arguments, each escaped, joined by spaces. */
export function escapeCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map(escapeArgument).join(' ')
}
