/** The command line a command records as a Deployment's change-cause (see core/rollout/change-cause.ts). */
import {formatCommandLine} from '../core/rollout/change-cause.js'

/**
 * `tug <command words> <arguments>`, quoted where a shell would need it: `tug set image deployment/web
 * web=tugboat/demo:v2`. The words are named by the caller rather than read from process.argv, which is the
 * test runner's when a command runs in-process, or from oclif's id, which is the class name there.
 */
export function commandLine(words: readonly string[], argv: readonly string[]): string {
  return formatCommandLine(['tug', ...words, ...argv])
}
