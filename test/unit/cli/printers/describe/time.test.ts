import {afterEach, describe, expect, it} from 'vitest'
import {formatRFC1123Z} from '../../../../../src/cli/printers/describe/time.js'

const zone = process.env.TZ

describe('formatRFC1123Z', () => {
  afterEach(() => {
    // Assigning undefined would set the string "undefined".
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it.each([
    ['UTC', '2024-05-14T11:54:50Z', 'Tue, 14 May 2024 11:54:50 +0000'],
    ['Europe/Berlin', '2024-05-14T11:54:50Z', 'Tue, 14 May 2024 13:54:50 +0200'],
    ['America/New_York', '2024-01-02T03:04:05Z', 'Mon, 01 Jan 2024 22:04:05 -0500'],
    ['Asia/Kolkata', '2024-12-31T20:00:00Z', 'Wed, 01 Jan 2025 01:30:00 +0530'],
  ])('prints in the local zone like kubectl (%s)', (timeZone, iso, expected) => {
    process.env.TZ = timeZone
    expect(formatRFC1123Z(iso)).toBe(expected)
  })

  it.each([[undefined], [null], ['']])("prints Go's zero time for a missing timestamp (%s)", (iso) => {
    expect(formatRFC1123Z(iso)).toBe('Mon, 01 Jan 0001 00:00:00 +0000')
  })
})
