import {Flags} from '@oclif/core'
import {isAbsolute, join, relative} from 'node:path'
import {TugCommand} from '../../cli/base-command.js'
import {UserError} from '../../core/api/errors.js'
import {formatFieldError} from '../../core/api/field.js'
import type {LessonFileProblems} from '../../core/lessons/lesson-library.js'
import {lessonFiles, lintLessonFile} from '../../core/lessons/lesson-library.js'

export default class LessonLint extends TugCommand {
  static override description = `Validate lesson files: their fields, check kinds and solutions.

Every step needs a check, a hint and a solution; every check names a known kind with known fields; every
solution line is a tug command a solution may run, and every manifest parses. Prints each problem as
error: FILE: FIELD: ..., and exits 1 if there is any.`

  static override examples = [
    {command: '<%= config.bin %> lesson lint', description: 'Validate the lessons shipped with Tugboat.'},
    {
      command: '<%= config.bin %> lesson lint --dir ./my-lessons',
      description: "Validate a teacher's folder.",
    },
  ]

  static override flags = {
    dir: Flags.string({
      description: 'The folder of lesson files (default: the lessons shipped with Tugboat).',
    }),
  }

  async run(): Promise<LessonFileProblems[]> {
    const {flags} = await this.parse(LessonLint)
    const dir = flags.dir ?? join(this.config.root, 'lessons')
    const files = lessonFiles(dir)
    if (files.length === 0) throw new UserError(`no lesson files (*.yaml) in ${dir}`)
    const results = files.map((file) => lintLessonFile(file))
    for (const {file, errors} of results) {
      const shown = shownPath(file)
      if (errors.length === 0) this.out(`${shown}: valid\n`)
      for (const error of errors) this.note(`error: ${shown}: ${formatFieldError(error)}`)
    }
    if (results.some((result) => result.errors.length)) process.exitCode = 1
    return results
  }
}

/** A path inside the working directory relative to it (`lessons/pods.yaml`), any other as it is. */
function shownPath(file: string): string {
  const inside = relative(process.cwd(), file)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file
}
