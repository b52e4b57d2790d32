// The figures' output: one line per figure, its value and its ratio to the anchor measured in the same run.
// Lines print as soon as they are measured (a pods run takes minutes); progress goes to stderr.

const NAME_WIDTH = 58

/** `1.23x anchor`: a figure against its anchor. */
export function ratio(value, anchor, anchorName) {
  return `${(value / anchor).toFixed(2)}x ${anchorName}`
}

/** `met` or `MISSED`, for a target. */
export function verdict(ok) {
  return ok ? 'met' : 'MISSED'
}

/** Prints figures as they come. */
export class Report {
  /** A heading for a group of figures. */
  section(title) {
    console.log(`\n${title}`)
  }

  /** One figure: name, value (ms unless told) and a note with its ratio or target. */
  figure(name, value, note = '', unit = 'ms') {
    const shown =
      unit === 'ms' ? `${value.toFixed(1).padStart(9)} ms` : `${String(value).padStart(9)} ${unit}`
    console.log(`  ${name.padEnd(NAME_WIDTH)} ${shown}  ${note}`.trimEnd())
  }

  /** A line of explanation under the figures (how something was measured, why one is missing). */
  note(text) {
    console.log(`    ${text}`)
  }
}

/** Progress for the person waiting, on stderr so stdout holds only the figures. */
export function progress(message) {
  process.stderr.write(`bench: ${message}\n`)
}
