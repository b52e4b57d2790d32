import {Args, Flags} from '@oclif/core'
import {join} from 'node:path'
import {TugCommand} from '../../cli/base-command.js'
import {stateDir} from '../../cli/context.js'
import {printLessonReport} from '../../cli/printers/lesson-report.js'
import type {LessonReport} from '../../core/lessons/grade-lesson.js'
import {gradeLesson} from '../../core/lessons/grade-lesson.js'
import {loadLesson} from '../../core/lessons/lesson-library.js'
import {readProgress, recordPassed} from '../../core/lessons/progress.js'

export default class LessonCheck extends TugCommand {
  static override description = `Check a lesson's steps against the cluster, without asking anything.

Runs every step's check (or one step's with --step), prints which pass and why the others do not, with
their hints, and exits 1 if any fails. A step that passed once stays passed, so a later step may undo an
earlier one. Passing steps are recorded as progress in the state directory.`

  static override args = {
    name: Args.string({description: 'The lesson, as tug lesson list names it.', required: true}),
  }

  static override examples = [
    {command: '<%= config.bin %> lesson check pods', description: 'Grade every step of the pods lesson.'},
    {command: '<%= config.bin %> lesson check pods --step 2', description: 'Grade the second step only.'},
    {command: '<%= config.bin %> lesson check pods --json', description: 'A report for scripts.'},
  ]

  static override flags = {
    step: Flags.integer({description: 'Check only this step (1 is the first).'}),
    json: Flags.boolean({description: 'Print the report as JSON.'}),
    dir: Flags.string({
      description: 'The folder of lesson files (default: the lessons shipped with Tugboat).',
    }),
  }

  async run(): Promise<LessonReport> {
    const {args, flags} = await this.parse(LessonCheck)
    const lesson = loadLesson(flags.dir ?? join(this.config.root, 'lessons'), args.name)
    const state = stateDir()
    const report = gradeLesson(this.api(), lesson, readProgress(state)[lesson.name] ?? [], flags.step)
    recordPassed(
      state,
      lesson.name,
      report.steps.filter((step) => step.status === 'passed').map((step) => step.id),
    )
    this.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : printLessonReport(report))
    if (!report.passed) process.exitCode = 1
    return report
  }
}
