/**
 * kubectl's `-o jsonpath=<template>` printer: `renderJsonPath('{.items[*].metadata.name}', list)`.
 * A port of client-go's util/jsonpath as kubectl uses it (cli-runtime's JSONPathPrinter): missing keys print
 * nothing unless `allowMissingKeys` is false (kubectl's --allow-missing-template-keys), and failures carry
 * kubectl's messages verbatim, trailing newlines included.
 */
import {UserError} from '../../../core/api/errors.js'
import {findResults} from './evaluate.js'
import {JsonPathEvalError, JsonPathSyntaxError} from './failures.js'
import {formatGoSyntax, quoteGo} from './go-format.js'
import type {ListNode} from './nodes.js'
import {parseTemplate} from './parser.js'
import {printResults} from './print-results.js'

/** Options of the printer. */
export interface JsonPathOptions {
  /** Print nothing for a missing key instead of failing; kubectl's default (true). */
  allowMissingKeys?: boolean
}

/** Checks a template's syntax; throws UserError with kubectl's `error parsing jsonpath` message. */
export function parseJsonPath(template: string): ListNode {
  try {
    return parseTemplate(template)
  } catch (error) {
    if (error instanceof JsonPathSyntaxError)
      throw new UserError(`error parsing jsonpath ${template}, ${error.message}\n`)
    throw error
  }
}

/** Renders `template` over `data` (an object or `kind: List`) exactly as `kubectl get -o jsonpath=` prints it. */
export function renderJsonPath(template: string, data: unknown, options: JsonPathOptions = {}): string {
  const root = parseJsonPath(template)
  try {
    return printResults(findResults(root, data, options.allowMissingKeys ?? true))
  } catch (error) {
    if (error instanceof JsonPathEvalError)
      throw new UserError(executionMessage(template, error.message, data))
    throw error
  }
}

/** cli-runtime's message for a failed execution, with the template and a Go dump of the object. */
function executionMessage(template: string, reason: string, data: unknown): string {
  const details =
    `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n`
  return `error executing jsonpath ${quoteGo(template)}: ${details}\n`
}
