/** Waiting in integration tests: polling with a deadline, never a fixed sleep. */

/**
 * Polls `check` every `everyMs` until it returns a value other than undefined, at most `ms`. On timeout the
 * error says what was awaited and, through `last`, what was seen instead.
 */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  ms: number,
  options: {what?: string; last?: () => unknown; everyMs?: number} = {},
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) {
      const seen = options.last ? `; last seen: ${JSON.stringify(options.last())}` : ''
      throw new Error(`${options.what ?? 'condition'} not met within ${ms} ms${seen}`)
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 50))
  }
}
