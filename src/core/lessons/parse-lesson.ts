/**
 * Reading a lesson file: YAML to a Lesson, reporting every problem at once with its field path, as the API
 * server validates an object. Lint prints these; the other lesson commands refuse a lesson that has any.
 */
import {parseDocument} from 'yaml'
import {UserError} from '../api/errors.js'
import type {FieldError} from '../api/field.js'
import {duplicate, invalid, notSupported, required} from '../api/field.js'
import {parseManifests} from '../manifests/parse.js'
import {parseSolutionLine} from './command-line.js'
import {isMap, parseCondition} from './parse-condition.js'
import type {Condition, Lesson, SolutionItem, Step} from './types.js'

/** A lesson and the problems found in its file; the lesson is undefined when there are any. */
export interface ParsedLesson {
  lesson?: Lesson
  errors: FieldError[]
}

const LESSON_FIELDS = ['title', 'summary', 'steps']
const STEP_FIELDS = ['id', 'title', 'explain', 'try', 'check', 'hint', 'solution']
const STEP_ID = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/

/** Parses and validates the text of lessons/<name>.yaml. */
export function parseLesson(name: string, source: string, text: string): ParsedLesson {
  const document = parseDocument(text, {prettyErrors: false, uniqueKeys: true})
  const syntax = document.errors[0]
  if (syntax)
    return {errors: [invalid('<file>', name, `is not valid YAML: ${syntax.message.split('\n')[0]}`)]}
  const value: unknown = document.toJS()
  if (!isMap(value)) return {errors: [invalid('<file>', name, 'must be a map with title, summary and steps')]}
  const errors: FieldError[] = unknownFields(value, LESSON_FIELDS, '')
  const title = requiredText(value, 'title', '', errors)
  const summary = requiredText(value, 'summary', '', errors)
  const steps = list(value, 'steps', '', errors).map((step, index) =>
    parseStep(step, `steps[${index}]`, errors),
  )
  const ids = new Set<string>()
  steps.forEach((step, index) => {
    if (step.id && ids.has(step.id)) errors.push(duplicate(`steps[${index}].id`, step.id))
    ids.add(step.id)
  })
  if (errors.length) return {errors}
  return {lesson: {name, source, title, summary, steps}, errors}
}

function parseStep(value: unknown, path: string, errors: FieldError[]): Step {
  if (!isMap(value)) {
    errors.push(invalid(path, value, 'must be a map with id, title, explain, check, hint and solution'))
    return {id: '', title: '', explain: '', try: [], check: [], hint: '', solution: []}
  }
  errors.push(...unknownFields(value, STEP_FIELDS, `${path}.`))
  const id = requiredText(value, 'id', `${path}.`, errors)
  if (id && !STEP_ID.test(id))
    errors.push(invalid(`${path}.id`, id, 'must be lower-case letters, digits and dashes, e.g. run-a-pod'))
  const tries = value.try === undefined ? [] : list(value, 'try', `${path}.`, errors)
  tries.forEach((item, index) => {
    if (typeof item !== 'string')
      errors.push(invalid(`${path}.try[${index}]`, item, 'must be a command line'))
  })
  const check: Condition[] = []
  list(value, 'check', `${path}.`, errors).forEach((item, index) => {
    const parsed = parseCondition(item, `${path}.check[${index}]`)
    errors.push(...parsed.errors)
    if (parsed.condition) check.push(parsed.condition)
  })
  const solution = list(value, 'solution', `${path}.`, errors).flatMap((item, index) =>
    parseSolutionItem(item, `${path}.solution[${index}]`, errors),
  )
  return {
    id,
    title: requiredText(value, 'title', `${path}.`, errors),
    explain: requiredText(value, 'explain', `${path}.`, errors),
    try: tries.filter((item): item is string => typeof item === 'string'),
    check,
    hint: requiredText(value, 'hint', `${path}.`, errors),
    solution,
  }
}

/** A `tug ...` line, `{manifest: <YAML>}` or `{file: <path relative to the lesson file>}`. */
function parseSolutionItem(item: unknown, path: string, errors: FieldError[]): SolutionItem[] {
  if (typeof item === 'string') {
    try {
      parseSolutionLine(item)
      return [{type: 'command', line: item}]
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      errors.push(invalid(path, item, error.message))
      return []
    }
  }
  if (isMap(item) && Object.keys(item).length === 1 && typeof item.manifest === 'string') {
    try {
      if (parseManifests([{source: path, text: item.manifest}]).length === 0)
        errors.push(invalid(`${path}.manifest`, '', 'holds no objects'))
      return [{type: 'manifest', text: item.manifest, source: path}]
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      errors.push(invalid(`${path}.manifest`, '', error.message))
      return []
    }
  }
  if (isMap(item) && Object.keys(item).length === 1 && typeof item.file === 'string')
    return [{type: 'file', path: item.file}]
  errors.push(invalid(path, item, 'must be a `tug ...` line, {manifest: <YAML>} or {file: <path>}'))
  return []
}

function unknownFields(
  value: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
): FieldError[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => notSupported(`${prefix}${key}`, key, known))
}

/** A required, non-empty string field. */
function requiredText(
  value: Record<string, unknown>,
  key: string,
  prefix: string,
  errors: FieldError[],
): string {
  const field = value[key]
  if (field === undefined || field === null || field === '') errors.push(required(`${prefix}${key}`))
  else if (typeof field !== 'string') errors.push(invalid(`${prefix}${key}`, field, 'must be a string'))
  else return field.trim()
  return ''
}

/** A required, non-empty list field. */
function list(value: Record<string, unknown>, key: string, prefix: string, errors: FieldError[]): unknown[] {
  const field = value[key]
  if (field === undefined || field === null) errors.push(required(`${prefix}${key}`))
  else if (!Array.isArray(field)) errors.push(invalid(`${prefix}${key}`, field, 'must be a list'))
  else if (field.length === 0) errors.push(required(`${prefix}${key}`, 'must list at least one entry'))
  else return field as unknown[]
  return []
}
