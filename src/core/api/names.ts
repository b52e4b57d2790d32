/**
 * Name, label and annotation rules of the API server, with Kubernetes v1.28's exact texts
 * (apimachinery pkg/util/validation/validation.go, pkg/apis/meta/v1/validation, pkg/api/validation/objectmeta.go),
 * and generateName as apiserver's names.SimpleNameGenerator does it.
 */
import type {FieldError} from './field.js'
import {invalid, required, tooLong} from './field.js'

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

const DNS1123_LABEL_MAX = 63
const DNS1123_SUBDOMAIN_MAX = 253
const DNS1035_LABEL_MAX = 63
const QUALIFIED_NAME_MAX = 63
const LABEL_VALUE_MAX = 63
/** Sum of the bytes of every annotation key and value (objectmeta.go TotalAnnotationSizeLimitB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024

const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`)
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL_FMT)
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN_FMT)
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL_FMT)
const QUALIFIED_NAME_RE = anchored(QUALIFIED_NAME_FMT)
const LABEL_VALUE_RE = anchored(LABEL_VALUE_FMT)

const encoder = new TextEncoder()
/** Go's len(): limits count UTF-8 bytes, not UTF-16 units. */
const byteLength = (value: string): number => encoder.encode(value).length

/** `must be no more than N characters`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

/**
 * Go's RegexError, including its quirk: each example is followed by `, ` and joined with ` or `, which
 * yields the double space in `'my-name',  or '123-abc'` that kubectl users see.
 */
export function regexError(message: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${fmt}')`
  const listed = examples.map((example) => `'${example}', `).join(' or ')
  return `${message} (e.g. ${listed}regex used for validation is '${fmt}')`
}

/** Problems with a DNS-1123 subdomain (most object names); empty when valid. */
export function isDNS1123Subdomain(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX))
  if (!DNS1123_SUBDOMAIN_RE.test(value))
    errors.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errors
}

/**
 * Problems with a DNS-1123 label (namespace names); empty when valid. v1.28 gives the regex text for dots too
 * ([newer] releases say `must not contain dots`).
 */
export function isDNS1123Label(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1123_LABEL_MAX) errors.push(maxLenError(DNS1123_LABEL_MAX))
  if (!DNS1123_LABEL_RE.test(value))
    errors.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  return errors
}

/** Problems with a DNS-1035 label (Service names: must start with a letter); empty when valid. */
export function isDNS1035Label(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > DNS1035_LABEL_MAX) errors.push(maxLenError(DNS1035_LABEL_MAX))
  if (!DNS1035_LABEL_RE.test(value))
    errors.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'))
  return errors
}

/** Problems with a qualified name `[prefix/]name` (label keys, annotation keys); empty when valid. */
export function isQualifiedName(value: string): string[] {
  const errors: string[] = []
  const parts = value.split('/')
  if (parts.length > 2) {
    const rule = regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')
    return [
      `a qualified name ${rule} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  const name = parts.length === 2 ? parts[1]! : parts[0]!
  if (parts.length === 2) {
    const prefix = parts[0]!
    if (prefix === '') errors.push('prefix part must be non-empty')
    else errors.push(...isDNS1123Subdomain(prefix).map((message) => `prefix part ${message}`))
  }
  if (name === '') errors.push('name part must be non-empty')
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errors.push(`name part ${maxLenError(QUALIFIED_NAME_MAX)}`)
  if (!QUALIFIED_NAME_RE.test(name)) {
    errors.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    )
  }
  return errors
}

/** Problems with a label value (empty is allowed); empty when valid. */
export function isValidLabelValue(value: string): string[] {
  const errors: string[] = []
  if (byteLength(value) > LABEL_VALUE_MAX) errors.push(maxLenError(LABEL_VALUE_MAX))
  if (!LABEL_VALUE_RE.test(value))
    errors.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errors
}

/** One `Invalid value` per message, as the API server reports each broken rule separately. */
const invalidEach = (path: string, value: string, messages: string[]): FieldError[] =>
  messages.map((message) => invalid(path, value, message))

/** Field errors for a DNS-1123 subdomain at `path`. */
export const validateDNS1123Subdomain = (value: string, path: string): FieldError[] =>
  invalidEach(path, value, isDNS1123Subdomain(value))

/** Field errors for a DNS-1123 label at `path`. */
export const validateDNS1123Label = (value: string, path: string): FieldError[] =>
  invalidEach(path, value, isDNS1123Label(value))

/** Field errors for a DNS-1035 label at `path`. */
export const validateDNS1035Label = (value: string, path: string): FieldError[] =>
  invalidEach(path, value, isDNS1035Label(value))

/** Field errors for a label key at `path` (ValidateLabelName). */
export const validateLabelKey = (key: string, path: string): FieldError[] =>
  invalidEach(path, key, isQualifiedName(key))

/** Field errors for a label value at `path`. */
export const validateLabelValue = (value: string, path: string): FieldError[] =>
  invalidEach(path, value, isValidLabelValue(value))

/** metadata.labels: every key and value, all reported at the map's path (ValidateLabels). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  return Object.entries(labels ?? {}).flatMap(([key, value]) => [
    ...validateLabelKey(key, path),
    ...validateLabelValue(value, path),
  ])
}

/** metadata.annotations: keys are qualified names ignoring case, and the whole map is at most 256 KiB. */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const entries = Object.entries(annotations ?? {})
  const errors = entries.flatMap(([key]) => invalidEach(path, key, isQualifiedName(key.toLowerCase())))
  const size = entries.reduce((total, [key, value]) => total + byteLength(key) + byteLength(value), 0)
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT))
  return errors
}

/** Which DNS rule a kind's names follow: most kinds `subdomain`, Namespace `label`, Service `dns1035`. */
export type NameRule = 'subdomain' | 'label' | 'dns1035'

const RULES: Record<NameRule, (value: string) => string[]> = {
  subdomain: isDNS1123Subdomain,
  label: isDNS1123Label,
  dns1035: isDNS1035Label,
}

/** metadata.name: required (after generateName has been applied), then the kind's DNS rule. */
export function validateName(name: string | undefined, rule: NameRule, path: string): FieldError[] {
  if (!name) return [required(path, 'name or generateName is required')]
  return invalidEach(path, name, RULES[rule](name))
}

/**
 * metadata.generateName: checked as a prefix, so a trailing '-' is allowed. Mirrors v1.28's maskTrailingDash,
 * which swaps the last two characters for an 'a' (`web-` is checked as `wea`).
 */
export function validateGenerateName(
  generateName: string | undefined,
  rule: NameRule,
  path: string,
): FieldError[] {
  if (!generateName) return []
  const masked =
    generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -2)}a` : generateName
  return invalidEach(path, generateName, RULES[rule](masked))
}

/** utilrand's alphabet: no vowels (no accidental words) and no look-alikes such as 0/o, 1/l, 3/e. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
/** The random part's length. */
export const NAME_SUFFIX_LENGTH = 5
/** The longest base kept, so that base + suffix fits a 63-character label (MaxGeneratedNameLength). */
export const MAX_GENERATED_NAME_BASE = 63 - NAME_SUFFIX_LENGTH

/** Five characters from NAME_SUFFIX_ALPHABET; `random` returns [0, 1) like Math.random, injected for tests. */
export function generateNameSuffix(random: () => number): string {
  let suffix = ''
  for (let i = 0; i < NAME_SUFFIX_LENGTH; i++) {
    const index = Math.min(
      Math.floor(random() * NAME_SUFFIX_ALPHABET.length),
      NAME_SUFFIX_ALPHABET.length - 1,
    )
    suffix += NAME_SUFFIX_ALPHABET[Math.max(index, 0)]
  }
  return suffix
}

/** names.SimpleNameGenerator: `web-` becomes `web-x7k2p`; a base past 58 characters is cut first. */
export function nameFromGenerateName(base: string, random: () => number): string {
  return base.slice(0, MAX_GENERATED_NAME_BASE) + generateNameSuffix(random)
}
