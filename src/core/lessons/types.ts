/** The shape of a lesson once its file has been parsed and validated. */

/** The kinds of check a step may declare, each a condition on objects read through the API server. */
export const CHECK_KINDS = [
  'pods',
  'pod',
  'deployment',
  'replicaset',
  'replicationcontroller',
  'service',
  'node',
  'object',
] as const

/** One of CHECK_KINDS. */
export type CheckKind = (typeof CHECK_KINDS)[number]

/** The fields of a condition, already type-checked against its kind's schema (condition-schema.ts). */
export type ConditionFields = Readonly<Record<string, string | number | boolean>>

/** One condition of a step's check, e.g. `pods: {selector: app=web, count: 3}`. */
export interface Condition {
  kind: CheckKind
  fields: ConditionFields
}

/** One entry of a reference solution: a `tug` command line, or a manifest to apply (inline or a file). */
export type SolutionItem =
  | {type: 'command'; line: string}
  | {type: 'manifest'; text: string; source: string}
  | {type: 'file'; path: string}

/** One step of a lesson. */
export interface Step {
  id: string
  title: string
  explain: string
  try: readonly string[]
  check: readonly Condition[]
  hint: string
  solution: readonly SolutionItem[]
}

/** A lesson: its name is its file's name without `.yaml`. */
export interface Lesson {
  name: string
  /** The file it was read from, for messages and to resolve `file:` manifests. */
  source: string
  title: string
  summary: string
  steps: readonly Step[]
}
