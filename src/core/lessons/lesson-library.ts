/**
 * The lessons of a folder: `<name>.yaml` files, and the manifests their solutions name with `file:`
 * (resolved against the lesson file's folder, and never outside it).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {ApiError, UserError} from '../api/errors.js'
import type {FieldError} from '../api/field.js'
import {formatFieldError, invalid} from '../api/field.js'
import type {ManifestSource} from '../manifests/parse.js'
import {parseManifests} from '../manifests/parse.js'
import {parseLesson} from './parse-lesson.js'
import type {Lesson, SolutionItem} from './types.js'

const LESSON_FILE = /\.ya?ml$/

/** The problems of one lesson file, for lint. */
export interface LessonFileProblems {
  file: string
  errors: FieldError[]
  /** The lesson, when the file itself parsed (its `file:` manifests may still have problems). */
  lesson?: Lesson
}

/** The lesson files of `dir`, in name order; UserError when the folder cannot be read. */
export function lessonFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    throw new UserError(`cannot read the lesson folder ${dir}`, 'pass a folder of lesson files with --dir')
  }
  return names
    .filter((name) => LESSON_FILE.test(name))
    .sort()
    .map((name) => join(dir, name))
}

/** A lesson's name: its file's name without the extension. */
export function lessonName(file: string): string {
  return basename(file).replace(LESSON_FILE, '')
}

/** Reads and validates one file, including that every `file:` manifest exists and parses. */
export function lintLessonFile(file: string): LessonFileProblems {
  const parsed = parseLesson(lessonName(file), file, readFileSync(file, 'utf8'))
  const errors = [...parsed.errors]
  parsed.lesson?.steps.forEach((step, s) =>
    step.solution.forEach((item, i) => {
      if (item.type !== 'file') return
      try {
        if (parseManifests([solutionManifest(parsed.lesson!, item)]).length === 0)
          errors.push(invalid(`steps[${s}].solution[${i}].file`, item.path, 'holds no objects'))
      } catch (error) {
        if (!(error instanceof UserError)) throw error
        errors.push(invalid(`steps[${s}].solution[${i}].file`, item.path, error.message))
      }
    }),
  )
  return {file, errors, lesson: parsed.lesson}
}

/** Every lesson of `dir`, valid ones only; lint reports the others. */
export function loadLessons(dir: string): Lesson[] {
  return lessonFiles(dir).flatMap((file) => {
    const {lesson} = parseLesson(lessonName(file), file, readFileSync(file, 'utf8'))
    return lesson ? [lesson] : []
  })
}

/** The lesson `name` of `dir`; NotFound when there is none, UserError listing problems when it is invalid. */
export function loadLesson(dir: string, name: string): Lesson {
  const file = lessonFiles(dir).find((candidate) => lessonName(candidate) === name)
  if (!file) throw new ApiError('NotFound', `lessons "${name}" not found`)
  const {lesson, errors} = lintLessonFile(file)
  if (!lesson || errors.length)
    throw new UserError(
      `${file}: ${errors.map(formatFieldError).join('; ')}`,
      `tug lesson lint --dir ${dir} lists every problem`,
    )
  return lesson
}

/** The text of a manifest solution item, named for error messages. */
export function solutionManifest(
  lesson: Lesson,
  item: Exclude<SolutionItem, {type: 'command'}>,
): ManifestSource {
  if (item.type === 'manifest') return {source: `${lesson.source} (${item.source})`, text: item.text}
  const folder = dirname(lesson.source)
  const path = resolve(folder, item.path)
  const inside = relative(folder, path)
  if (isAbsolute(item.path) || inside.startsWith('..'))
    throw new UserError(`${item.path} is outside the lesson's folder`)
  if (!existsSync(path)) throw new UserError(`${item.path} does not exist`)
  return {source: path, text: readFileSync(path, 'utf8')}
}
