/**
 * Splitting a solution's `tug ...` line into an argument array the way a POSIX shell would split plain
 * words and quotes, without ever running a shell: pipes, redirections and substitutions are refused.
 */
import {UserError} from '../api/errors.js'

/** Characters that mean something to a shell when unquoted; a solution line may not use them. */
const SHELL_SYNTAX = new Set(['|', '&', ';', '<', '>', '`', '$', '(', ')'])

/**
 * The commands a solution may run: those that write objects (and get/describe to show them). Long-running
 * or interactive ones (up, exec, logs, rollout status, get --watch) have no place in a reference solution.
 */
export const SOLUTION_COMMANDS = [
  'annotate',
  'apply',
  'cordon',
  'create',
  'create deployment',
  'delete',
  'describe',
  'drain',
  'expose',
  'get',
  'label',
  'node start',
  'node stop',
  'rollout pause',
  'rollout restart',
  'rollout resume',
  'rollout undo',
  'run',
  'scale',
  'set image',
  'uncordon',
] as const

/** One of SOLUTION_COMMANDS. */
export type SolutionCommand = (typeof SOLUTION_COMMANDS)[number]

/** A solution line resolved: which command, and the arguments after its name. */
export interface SolutionInvocation {
  command: SolutionCommand
  argv: string[]
}

/** Resolves `tug create deployment web ...` to its command (the longest name that fits) and arguments. */
export function parseSolutionLine(line: string): SolutionInvocation {
  const words = splitTugCommand(line)
  const two = `${words[0]} ${words[1] ?? ''}`
  const command =
    SOLUTION_COMMANDS.find((id) => id === two) ?? SOLUTION_COMMANDS.find((id) => id === words[0])
  if (!command)
    throw new UserError(
      `solution line runs tug ${words[0]}, which solutions may not use: ${line}`,
      `solutions may run: ${SOLUTION_COMMANDS.join(', ')}`,
    )
  if (words.includes('--watch') || words.includes('-w'))
    throw new UserError(`solution line watches, which never ends: ${line}`)
  return {command, argv: words.slice(command.split(' ').length)}
}

/** The words of `line` after its leading `tug`; throws UserError for shell syntax or unbalanced quotes. */
export function splitTugCommand(line: string): string[] {
  const words = splitWords(line)
  if (words[0] !== 'tug')
    throw new UserError(
      `solution line does not start with tug: ${line}`,
      'write solutions as `tug <command> ...`',
    )
  if (words.length < 2) throw new UserError(`solution line names no command: ${line}`)
  return words.slice(1)
}

/** Shell-like word splitting: whitespace separates, '...' is literal, "..." honours \" and \\. */
export function splitWords(line: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (quote === "'") {
      if (char === "'") quote = undefined
      else word += char
    } else if (quote === '"') {
      if (char === '"') quote = undefined
      else if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i]!
      else word += char
    } else if (char === "'" || char === '"') {
      quote = char
      word ??= ''
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else if (SHELL_SYNTAX.has(char)) {
      throw new UserError(
        `solution line uses shell syntax (${char}), which tug lesson does not run: ${line}`,
        'quote the character, or split the line into several tug commands',
      )
    } else word = (word ?? '') + char
  }
  if (quote) throw new UserError(`solution line has an unclosed ${quote}: ${line}`)
  if (word !== undefined) words.push(word)
  return words
}
