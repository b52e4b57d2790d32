/**
 * The two ways a template fails, before they become kubectl's messages in index.ts. Both carry client-go's
 * own wording as their message.
 */

/** The template does not parse (kubectl: `error parsing jsonpath <template>, <message>`). */
export class JsonPathSyntaxError extends Error {
  override name = 'JsonPathSyntaxError'
}

/**
 * Evaluating the template failed. `partial` is what client-go returns alongside the error: an existence
 * filter `[?(@.x)]` ignores the error and keeps an element when that partial result is not empty.
 */
export class JsonPathEvalError extends Error {
  override name = 'JsonPathEvalError'
  constructor(
    message: string,
    readonly partial: readonly unknown[],
  ) {
    super(message)
  }
}
