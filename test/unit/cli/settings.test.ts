import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {readSettings, settingsFile} from '../../../src/cli/settings.js'

describe('config.yaml settings', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tug-settings-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))
  const write = (text: string): void => writeFileSync(settingsFile(dir), text)

  it('means no settings when the file is missing or empty', () => {
    expect(readSettings(dir)).toEqual({})
    write('# nothing yet\n')
    expect(readSettings(dir)).toEqual({})
  })

  it('reads the cluster shape', () => {
    write('nodes: 3\ntimings: kubernetes\nbackoff: classroom\n')
    expect(readSettings(dir)).toEqual({nodes: 3, timings: 'kubernetes', backoff: 'classroom'})
  })

  it.each([
    ['nodes: 0\n', /nodes: must be a whole number from 1 to 10, got 0/],
    ['nodes: two\n', /nodes: must be a whole number from 1 to 10, got "two"/],
    ['timings: fast\n', /timings: must be one of classroom, kubernetes, got "fast"/],
    ['workers: 3\n', /unknown setting "workers"/],
    ['- nodes\n', /expected a map of settings/],
    ['nodes: [\n', /config\.yaml: /],
  ])('refuses %j naming the setting', (text, message) => {
    write(text)
    expect(() => readSettings(dir)).toThrow(message)
  })
})
