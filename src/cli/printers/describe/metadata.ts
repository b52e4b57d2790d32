/**
 * The multi-line blocks describers share (describe.go): labels, annotations, tolerations and taints, each
 * `<none>` when empty and one entry per line, continuation lines starting with a tab so they align.
 */
import type {Taint, Toleration} from '../../../core/api/types.js'
import type {DescribeWriter} from './prefix-writer.js'

/** Annotations longer than this print on their own lines, cut with `...` (describe.go maxAnnotationLen). */
const MAX_ANNOTATION_LENGTH = 140
/** kubectl never shows apply's bookkeeping. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

/** `Labels:  app=web` then `        tier=front`, sorted (printLabelsMultiline). The title may carry indentation. */
export function printLabels(
  writer: DescribeWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  writer.write(0, `${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return writer.writeLine('<none>')
  for (const [index, key] of keys.entries()) {
    if (index > 0) writer.write(0, '\t')
    writer.write(0, `${key}=${labels?.[key] ?? ''}\n`)
  }
}

/** `Annotations:  key: value`, long or multi-line values below their key (printAnnotationsMultiline). */
export function printAnnotations(
  writer: DescribeWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  writer.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((key) => !SKIPPED_ANNOTATIONS.has(key))
    .sort()
  if (keys.length === 0) return writer.writeLine('<none>')
  for (const [index, key] of keys.entries()) {
    if (index > 0) writer.write(0, '\t')
    const value = (annotations?.[key] ?? '').replace(/\n$/, '')
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      writer.write(0, `${key}:\n`)
      for (const line of value.split('\n'))
        writer.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LENGTH - 2)}\n`)
    } else {
      writer.write(0, `${key}: ${value}\n`)
    }
  }
}

/** `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`, sorted by key (printPodTolerationsMultiline). */
export function printTolerations(
  writer: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  writer.write(0, `${title}:\t`)
  const sorted = [...(tolerations ?? [])].sort((a, b) => compare(a.key ?? '', b.key ?? ''))
  if (sorted.length === 0) return writer.writeLine('<none>')
  for (const [index, toleration] of sorted.entries()) {
    if (index > 0) writer.write(0, '\t')
    writer.write(0, `${formatToleration(toleration)}\n`)
  }
}

function formatToleration(toleration: Toleration): string {
  let text = toleration.key ?? ''
  if (toleration.value) text += `=${toleration.value}`
  if (toleration.effect) text += `:${toleration.effect}`
  // An Exists toleration without a value; on its own (no key, no effect) it tolerates everything.
  if (toleration.operator === 'Exists' && !toleration.value)
    text += toleration.key || toleration.effect ? ' op=Exists' : 'op=Exists'
  if (toleration.tolerationSeconds !== undefined) text += ` for ${toleration.tolerationSeconds}s`
  return text
}

/** `key=value:NoSchedule`, sorted by effect then key (printNodeTaintsMultiline). */
export function printTaints(
  writer: DescribeWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  writer.write(0, `${title}:\t`)
  const sorted = [...(taints ?? [])].sort((a, b) => compare(`${a.effect},${a.key}`, `${b.effect},${b.key}`))
  if (sorted.length === 0) return writer.writeLine('<none>')
  for (const [index, taint] of sorted.entries()) {
    if (index > 0) writer.write(0, '\t')
    writer.write(0, `${taint.value ? `${taint.key}=${taint.value}` : taint.key}:${taint.effect}\n`)
  }
}

/** Go compares strings bytewise; for the ASCII keys Kubernetes allows that is plain code unit order. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Go's s[:max] + "..." works on bytes. */
function shorten(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8')
  return bytes.length > max ? `${bytes.subarray(0, max).toString('utf8')}...` : text
}
