/** The inside of `[...]` when it is an index or a slice: `[2]`, `[-1]`, `[1:3]`, `[::2]`, `[*]` (as `:`). */
import {JsonPathSyntaxError} from './failures.js'
import type {SliceParam} from './nodes.js'

// client-go's sliceOperatorRex; `\d` is ASCII-only in both Go's RE2 and JavaScript.
const SLICE_OPERATOR = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const INT64_MAX = 2n ** 63n - 1n

/** Start, end and step as client-go's parseArray records them; `[n]` becomes `n:n+1` with a derived end. */
export function parseSliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const match = SLICE_OPERATOR.exec(text)
  if (!match) throw new JsonPathSyntaxError(`invalid array index ${text}`)
  const params: [SliceParam, SliceParam, SliceParam] = [unknown(), unknown(), unknown()]
  for (let i = 0; i < 3; i++) {
    let part = match[i + 1] ?? ''
    if (part === '') {
      // A lone index selects one element: its end is start+1, marked derived so `[-1]` ends at the length.
      if (i === 1) params[1] = {value: params[0].value + 1, known: true, derived: true}
      continue
    }
    if (i > 0) part = part.slice(1)
    if (i > 0 && part === '') continue
    params[i] = {value: atoi(part), known: true, derived: false}
  }
  return params
}

function unknown(): SliceParam {
  return {value: 0, known: false, derived: false}
}

/** Go's strconv.Atoi on the digits the pattern allowed: fails on a bare `-` or past int64. */
function atoi(text: string): number {
  if (!/^-?\d+$/.test(text) || BigInt(text) > INT64_MAX || BigInt(text) < -INT64_MAX - 1n) {
    throw new JsonPathSyntaxError(`array index ${text} is not a number`)
  }
  return Number(text)
}
