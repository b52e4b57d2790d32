/**
 * `ps` output as container ids and states, the cheap look a relist takes before it inspects only what
 * changed. The engines cannot share one format: podman 4's `{{.State}}` is the human status (`Up 3 seconds`),
 * so podman prints JSON (`--format=json`: an array of objects with `Id` and `State`), while docker prints
 * `<id> <state>` lines from a template.
 */
import type {ContainerSummary} from '../core/runtime/container-runtime.js'
import {objectAt, parseJsonArray, stringAt} from './json-shape.js'
import {containerState} from './parse-inspect.js'

/** The `ps --format` value each engine's output below is read from. */
export const PS_STATES_FORMAT = {docker: '{{.ID}} {{.State}}', podman: 'json'} as const

/** Parses either engine's `ps` output; lines or objects without an id are skipped. */
export function parsePsStates(stdout: string): ContainerSummary[] {
  const text = stdout.trim()
  if (!text) return []
  const items = text.startsWith('[') ? parseJsonArray(text) : undefined
  if (items) {
    return items
      .map((item) => objectAt(item))
      .map((item) => ({
        id: stringAt(item.Id) || stringAt(item.ID),
        state: containerState(stringAt(item.State)),
      }))
      .filter((summary) => summary.id !== '')
  }
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([id]) => id !== undefined && /^[0-9a-f]{12,64}$/.test(id))
    .map(([id = '', state = '']) => ({id, state: containerState(state)}))
}
