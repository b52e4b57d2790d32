/**
 * The syntax tree of a JSONPath template, shaped like client-go's jsonpath node.go: the root is a list of
 * text and action nodes; each `{...}` action is a list of steps applied left to right.
 */

/** One bound of a slice `[start:end:step]`; `derived` marks the end of a single index `[n]` (n+1). */
export interface SliceParam {
  value: number
  known: boolean
  derived: boolean
}

/** A sequence of steps, each fed the previous step's results. */
export interface ListNode {
  type: 'list'
  nodes: Node[]
}

/** Every node the parser produces. */
export type Node =
  | ListNode
  | {type: 'text'; text: string}
  | {type: 'field'; name: string}
  | {type: 'array'; params: readonly [SliceParam, SliceParam, SliceParam]}
  | {type: 'filter'; left: ListNode; right: ListNode; operator: string}
  | {type: 'int'; value: number}
  | {type: 'float'; value: number}
  | {type: 'bool'; value: boolean}
  | {type: 'wildcard'}
  | {type: 'recursive'}
  | {type: 'union'; nodes: ListNode[]}
  | {type: 'identifier'; name: string}

/** An empty list, ready for steps. */
export function newList(): ListNode {
  return {type: 'list', nodes: []}
}
