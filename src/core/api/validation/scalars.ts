/** Checks of scalar fields shared by every kind: integers (apimachinery ValidateNonnegativeField) and enums. */
import type {FieldError} from '../field.js'
import {invalid, notSupported, required} from '../field.js'

/** apimachinery's IsNegativeErrorMsg. */
export const NEGATIVE_MESSAGE = 'must be greater than or equal to 0'

/** An integer field that was sent as something else (Go's decoder would refuse it). */
export function notInteger(value: unknown, path: string): FieldError[] {
  return value === undefined || Number.isInteger(value) ? [] : [invalid(path, value, 'must be an integer')]
}

/** `<path>: Invalid value: -1: must be greater than or equal to 0`; unset counts as 0. */
export function nonNegative(value: unknown, path: string): FieldError[] {
  if (value === undefined) return []
  if (!Number.isInteger(value)) return notInteger(value, path)
  return (value as number) < 0 ? [invalid(path, value, NEGATIVE_MESSAGE)] : []
}

/** validation.InclusiveRangeError. */
export function inclusiveRange(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`
}

/** A required enum field: empty is Required, anything unknown is Unsupported (listing `supported` in order). */
export function oneOf(value: unknown, supported: readonly string[], path: string): FieldError[] {
  if (!value) return [required(path, '')]
  return supported.includes(value as string) ? [] : [notSupported(path, value, supported)]
}
