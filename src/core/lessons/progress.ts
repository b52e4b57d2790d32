/**
 * A learner's progress: which steps of each lesson have passed their check, kept as JSON in the state
 * directory so `tug lesson list` can show it and a later step undoing an earlier one does not erase it.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** Passed step ids per lesson name. */
export type Progress = Record<string, string[]>

/** The progress file inside a state directory. */
export function progressFile(stateDir: string): string {
  return join(stateDir, 'lessons-progress.json')
}

/** Reads the progress in `stateDir`; none yet (or an unreadable file) is no progress. */
export function readProgress(stateDir: string): Progress {
  let text: string
  try {
    text = readFileSync(progressFile(stateDir), 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed = JSON.parse(text) as {lessons?: unknown}
    return isProgress(parsed.lessons) ? parsed.lessons : {}
  } catch {
    return {}
  }
}

/** Adds `passed` to a lesson's passed steps and writes the file atomically; returns the new progress. */
export function recordPassed(stateDir: string, lesson: string, passed: readonly string[]): Progress {
  const progress = readProgress(stateDir)
  const before = progress[lesson] ?? []
  const merged = [...new Set([...before, ...passed])]
  if (merged.length === before.length) return progress
  const next = {...progress, [lesson]: merged}
  mkdirSync(stateDir, {recursive: true})
  const file = progressFile(stateDir)
  // Write then rename, so a reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify({lessons: next}, null, 2)}\n`)
  renameSync(`${file}.tmp`, file)
  return next
}

function isProgress(value: unknown): value is Progress {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
  )
}
