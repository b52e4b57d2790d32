/**
 * Grading a lesson: every step's check (or one step's) evaluated now. A step whose check held once stays
 * passed: later steps may undo what earlier ones built (deleting the pod the first step ran), so the
 * report says it passed earlier and why it no longer holds.
 */
import type {ApiServer} from '../api/api-server.js'
import {UserError} from '../api/errors.js'
import {evaluateCheck} from './evaluate-check.js'
import type {Lesson} from './types.js'

/** How a step stands. */
export type StepStatus = 'passed' | 'passed earlier' | 'failed'

/** One step's result. */
export interface StepResult {
  /** 1-based, as `--step` counts. */
  number: number
  id: string
  title: string
  status: StepStatus
  /** Why the check does not hold now; empty when it does. */
  reasons: string[]
  /** The step's hint, for a failing step. */
  hint?: string
}

/** The grading of a lesson; `passed` when no graded step failed. */
export interface LessonReport {
  lesson: string
  title: string
  passed: boolean
  steps: StepResult[]
}

/** Grades `lesson` against the cluster; `passedBefore` holds step ids already recorded as passed. */
export function gradeLesson(
  api: ApiServer,
  lesson: Lesson,
  passedBefore: readonly string[],
  stepNumber?: number,
): LessonReport {
  const numbers =
    stepNumber === undefined ? lesson.steps.map((_, i) => i + 1) : [checkStepNumber(lesson, stepNumber)]
  const steps = numbers.map((number): StepResult => {
    const step = lesson.steps[number - 1]!
    const reasons = evaluateCheck(api, step.check)
    const status: StepStatus =
      reasons.length === 0 ? 'passed' : passedBefore.includes(step.id) ? 'passed earlier' : 'failed'
    return {
      number,
      id: step.id,
      title: step.title,
      status,
      reasons,
      ...(status === 'failed' ? {hint: step.hint} : {}),
    }
  })
  return {lesson: lesson.name, title: lesson.title, passed: steps.every((s) => s.status !== 'failed'), steps}
}

/** A `--step` within the lesson; UserError naming the range otherwise. */
export function checkStepNumber(lesson: Lesson, step: number): number {
  if (Number.isInteger(step) && step >= 1 && step <= lesson.steps.length) return step
  throw new UserError(
    `lesson "${lesson.name}" has steps 1 to ${lesson.steps.length}, not ${step}`,
    `run tug lesson list to see each lesson's steps`,
  )
}
