/** `tug lesson check`: a line per step, the reasons and hint of each failing one, then a summary line. */
import type {LessonReport, StepResult} from '../../core/lessons/grade-lesson.js'

const MARK: Record<StepResult['status'], string> = {passed: 'PASS', 'passed earlier': 'PASS', failed: 'FAIL'}

/** The human summary of a grading. */
export function printLessonReport(report: LessonReport): string {
  const lines = [`Lesson ${report.lesson}: ${report.title}`]
  for (const step of report.steps) {
    const earlier = step.status === 'passed earlier' ? ' (passed earlier; no longer holds)' : ''
    lines.push(`${MARK[step.status]}  step ${step.number} (${step.id}): ${step.title}${earlier}`)
    for (const reason of step.reasons) lines.push(`      - ${reason}`)
    if (step.hint)
      lines.push(...step.hint.split('\n').map((line, i) => `      ${i ? '      ' : 'hint: '}${line}`))
  }
  const passed = report.steps.filter((step) => step.status !== 'failed').length
  lines.push(`${passed} of ${report.steps.length} ${report.steps.length === 1 ? 'step' : 'steps'} passed`)
  return `${lines.join('\n')}\n`
}
