/** What a drain needs from its surroundings: where its lines go, the clock, and whether anything runs pods. */

/** The terminal, the clock and the control plane, as a drain sees them; tests pass fakes. */
export interface DrainIo {
  /** A result line (stdout): `evicting pod default/web-x`, `pod/web-x evicted`, `node/n1 drained`. */
  out(line: string): void
  /** A warning or error line (stderr). */
  err(line: string): void
  /** The time now, in ms since the epoch. */
  nowMs(): number
  /** Waits between two looks at the pods. */
  sleep(ms: number): Promise<void>
  /** Whether a control plane (`tug up`) runs, whose kubelets finish the pods' deletion. */
  controlPlaneRunning(): boolean
  /** How often to look whether the evicted pods are gone (kubectl: every second). */
  pollMs: number
}

/**
 * A node's drain failure, as kubectl's errors nest: usually an aggregate of causes (one per filter message,
 * or one per pod that would not go), sometimes a single plain error.
 */
export interface DrainError {
  messages: string[]
  aggregate: boolean
}

/** How Go prints the error: an aggregate of several as `[e1, e2]`, otherwise the message itself. */
export function errorText(error: DrainError): string {
  return error.messages.length === 1 ? (error.messages[0] ?? '') : `[${error.messages.join(', ')}]`
}
