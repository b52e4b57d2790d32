/** `tug lesson list`: one row per lesson with its progress, aligned as kubectl's tables are. */
import type {Lesson} from '../../core/lessons/types.js'
import type {Progress} from '../../core/lessons/progress.js'
import {TABLE_WRITER_OPTIONS, alignText} from './tabwriter.js'

/** One row of the list, as `--json` prints it. */
export interface LessonListRow {
  name: string
  title: string
  steps: number
  passed: number
}

/** The rows of the list: steps passed counts only ids the lesson still has. */
export function lessonRows(lessons: readonly Lesson[], progress: Progress): LessonListRow[] {
  return lessons.map((lesson) => {
    const passed = new Set(progress[lesson.name] ?? [])
    return {
      name: lesson.name,
      title: lesson.title,
      steps: lesson.steps.length,
      passed: lesson.steps.filter((step) => passed.has(step.id)).length,
    }
  })
}

/** NAME, TITLE, STEPS and PROGRESS (`1/3`, or `done`). */
export function printLessonList(rows: readonly LessonListRow[]): string {
  const lines = rows.map(
    (row) =>
      `${row.name}\t${row.title}\t${row.steps}\t${row.passed === row.steps ? 'done' : `${row.passed}/${row.steps}`}\n`,
  )
  return alignText(`NAME\tTITLE\tSTEPS\tPROGRESS\n${lines.join('')}`, TABLE_WRITER_OPTIONS)
}
