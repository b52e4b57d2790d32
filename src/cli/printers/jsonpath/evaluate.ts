/**
 * Runs a parsed template over data, as client-go's JSONPath.FindResults: each root node yields one list of
 * results; `{range ...}` repeats the nodes up to its `{end}` once per value. The range bookkeeping (counters
 * and the index of the last `end` seen) is client-go's, so templates with a missing or extra `end` behave
 * as kubectl's do.
 */
import {ComparisonError, compareValues} from './compare.js'
import {JsonPathEvalError} from './failures.js'
import {GoNumber, NO_VALUE, listElements} from './go-values.js'
import {formatGoValue} from './go-format.js'
import type {ListNode, Node} from './nodes.js'
import {selectField, selectRecursive, selectSlice, selectWildcard} from './steps.js'

/** Evaluates `root` over `data`; returns one list of values per printed node. Throws JsonPathEvalError. */
export function findResults(root: ListNode, data: unknown, allowMissingKeys: boolean): unknown[][] {
  return new Evaluator(root.nodes, allowMissingKeys).run(data, 0)
}

/** What a value becomes when a range hands it on: Go's `reflect.ValueOf(v.Interface())` turns nil into no value. */
function rangeValue(value: unknown): unknown {
  return value === null ? NO_VALUE : value
}

class Evaluator {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode = -1

  constructor(
    private readonly nodes: readonly Node[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** client-go's FindResults over the root nodes from `first` on; a range recurses for its body. */
  run(data: unknown, first: number): unknown[][] {
    const current = [rangeValue(data)]
    const full: unknown[][] = []
    for (let i = first; i < this.nodes.length; i++) {
      const results = this.walk(current, this.nodes[i]!)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        // An `{end}` closes the body being repeated: stop here and tell the range where the body ended.
        this.endRange--
        this.lastEndNode = i
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) {
          for (const value of results) full.push(...this.run(rangeValue(value), i + 1))
        } else {
          // Walk the body once over nothing, only to find where its `end` is.
          this.run(NO_VALUE, i + 1)
        }
        this.inRange--
        // Resume after the body's `end` (if the body had one; otherwise its nodes run again, as in kubectl).
        if (this.lastEndNode > i) i = this.lastEndNode
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: readonly unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return selectField(input, node.name, this.allowMissingKeys)
      case 'array':
        return selectSlice(input, node.params)
      case 'filter':
        return this.evalFilter(input, node.left, node.right, node.operator)
      case 'int':
        return input.map(() => new GoNumber('int', node.value))
      case 'float':
        return input.map(() => new GoNumber('float64', node.value))
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return selectWildcard(input)
      case 'recursive':
        return selectRecursive(input)
      case 'union':
        return this.evalUnion(input, node.nodes)
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  private evalList(input: readonly unknown[], list: ListNode): unknown[] {
    let current = [...input]
    for (const node of list.nodes) current = this.walk(current, node)
    return current
  }

  private evalIdentifier(input: readonly unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++
      return [...input]
    }
    if (name === 'end') {
      if (this.inRange === 0) throw new JsonPathEvalError('not in range, nothing to end', [])
      this.endRange++
      return []
    }
    throw new JsonPathEvalError(`unrecognized identifier ${name}`, input)
  }

  private evalUnion(input: readonly unknown[], members: readonly ListNode[]): unknown[] {
    return members.flatMap((member) => {
      try {
        return this.evalList(input, member)
      } catch (error) {
        throw error instanceof JsonPathEvalError ? new JsonPathEvalError(error.message, input) : error
      }
    })
  }

  /** `[?(...)]`: the elements of each list for which the comparison holds, or the left side exists. */
  private evalFilter(
    input: readonly unknown[],
    left: ListNode,
    right: ListNode,
    operator: string,
  ): unknown[] {
    const results: unknown[] = []
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathEvalError(
          `${formatGoValue(value)} is not array or slice and cannot be filtered`,
          input,
        )
      }
      for (const element of listElements(value)) {
        const {values: lefts, error} = this.tryList([element], left)
        if (operator === 'exists') {
          // client-go ignores the error here and looks only at what came back with it.
          if (lefts.length > 0) results.push(element)
          continue
        }
        if (error) throw new JsonPathEvalError(error.message, input)
        const leftValue = this.single(lefts, input)
        if (leftValue === undefined) continue
        const rights = this.tryList([element], right)
        if (rights.error) throw new JsonPathEvalError(rights.error.message, input)
        const rightValue = this.single(rights.values, input)
        if (rightValue === undefined) continue
        if (this.compare(operator, leftValue.value, rightValue.value, results)) results.push(element)
      }
    }
    return results
  }

  private tryList(
    input: readonly unknown[],
    list: ListNode,
  ): {values: readonly unknown[]; error?: JsonPathEvalError} {
    try {
      return {values: this.evalList(input, list)}
    } catch (error) {
      if (error instanceof JsonPathEvalError) return {values: error.partial, error}
      throw error
    }
  }

  /** The one value an operand must yield; none skips the element, several is an error. */
  private single(values: readonly unknown[], input: readonly unknown[]): {value: unknown} | undefined {
    if (values.length === 0) return undefined
    if (values.length > 1) throw new JsonPathEvalError('can only compare one element at a time', input)
    return {value: values[0] === NO_VALUE ? null : values[0]}
  }

  private compare(operator: string, left: unknown, right: unknown, results: readonly unknown[]): boolean {
    try {
      return compareValues(operator, left, right)
    } catch (error) {
      if (error instanceof ComparisonError) throw new JsonPathEvalError(error.message, results)
      throw error
    }
  }
}
