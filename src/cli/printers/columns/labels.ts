/** Labels as kubectl's labels.FormatLabels prints them: `k=v` pairs sorted by key, `<none>` when empty. */

/** `app=web,tier=front`, or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',')
}
