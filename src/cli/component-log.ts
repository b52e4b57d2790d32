/**
 * The control plane's narration on stderr: each component with its own coloured prefix, colour only on a TTY
 * and never with NO_COLOR (chalk's own detection honours both).
 */
import chalk from 'chalk'

const PALETTE = [chalk.cyan, chalk.magenta, chalk.yellow, chalk.green, chalk.blue, chalk.red]
const assigned = new Map<string, (text: string) => string>()

function colourFor(component: string): (text: string) => string {
  const family = component.split('/')[0] ?? component
  let colour = assigned.get(family)
  if (!colour) {
    colour = PALETTE[assigned.size % PALETTE.length] ?? ((text: string) => text)
    assigned.set(family, colour)
  }
  return colour
}

/** Writes `HH:MM:SS component: message` to stderr. */
export function logComponent(component: string, message: string): void {
  const time = new Date().toISOString().slice(11, 19)
  process.stderr.write(`${chalk.dim(time)} ${colourFor(component)(component)}: ${message}\n`)
}
