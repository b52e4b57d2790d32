import {Flags} from '@oclif/core'
import {join} from 'node:path'
import {TugCommand} from '../../cli/base-command.js'
import {stateDir} from '../../cli/context.js'
import type {LessonListRow} from '../../cli/printers/lesson-list.js'
import {lessonRows, printLessonList} from '../../cli/printers/lesson-list.js'
import {loadLessons} from '../../core/lessons/lesson-library.js'
import {readProgress} from '../../core/lessons/progress.js'

export default class LessonList extends TugCommand {
  static override description = `List the lessons, with how many steps each has and how far you are.

Progress counts the steps whose check has passed (tug lesson check records them). Files that do not
validate are left out: tug lesson lint says why.`

  static override examples = [
    {command: '<%= config.bin %> lesson list', description: 'The lessons shipped with Tugboat.'},
    {command: '<%= config.bin %> lesson list --dir ./my-lessons', description: "A teacher's own folder."},
  ]

  static override flags = {
    dir: Flags.string({
      description: 'The folder of lesson files (default: the lessons shipped with Tugboat).',
    }),
  }

  async run(): Promise<LessonListRow[]> {
    const {flags} = await this.parse(LessonList)
    const lessons = loadLessons(flags.dir ?? join(this.config.root, 'lessons'))
    const rows = lessonRows(lessons, readProgress(stateDir()))
    if (rows.length === 0) this.note('No lessons found')
    else this.out(printLessonList(rows))
    return rows
  }
}
