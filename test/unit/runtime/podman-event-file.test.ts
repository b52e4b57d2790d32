import {appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {appendedLines, engineTable, podmanEventFile} from '../../../src/runtime/podman-event-file.js'

const dirs: string[] = []
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tug-podman-events-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** Reads lines from `file` until `count` came, doing `steps` (appends, rotations) along the way. */
async function read(file: string, count: number, steps: (() => void)[]): Promise<string[]> {
  const controller = new AbortController()
  const lines: string[] = []
  const reading = (async () => {
    for await (const line of appendedLines(file, controller.signal)) {
      lines.push(line)
      if (lines.length === count) controller.abort()
    }
  })()
  for (const step of steps) {
    await new Promise((resolve) => setTimeout(resolve, 30))
    step()
  }
  await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 2000))])
  controller.abort()
  await reading
  return lines
}

describe("podman's events file", () => {
  it('reads the [engine] table of containers.conf', () => {
    const conf = join(folder(), 'containers.conf')
    writeFileSync(
      conf,
      [
        '[containers]',
        'tmp_dir = "/not/this/one"',
        '[engine]',
        '# a comment',
        'events_logger = "file"',
        "tmp_dir = '/var/tmp/libpod'",
        '[engine.runtimes]',
        'events_logfile_path = "/not/this/either"',
      ].join('\n'),
    )
    expect(engineTable(conf)).toEqual({events_logger: 'file', tmp_dir: '/var/tmp/libpod'})
    expect(engineTable(join(folder(), 'missing.conf'))).toEqual({})
  })

  it('is found where CONTAINERS_CONF puts it, or under its tmp_dir, and only if it exists', () => {
    const dir = folder()
    const conf = join(dir, 'containers.conf')
    const log = join(dir, 'events.log')
    writeFileSync(conf, `[engine]\nevents_logfile_path = "${log}"\n`)
    expect(podmanEventFile({CONTAINERS_CONF: conf}, 0)).toBeUndefined()
    writeFileSync(log, '')
    expect(podmanEventFile({CONTAINERS_CONF: conf}, 0)).toBe(log)
    writeFileSync(conf, `[engine]\ntmp_dir = "${dir}"\n`)
    expect(podmanEventFile({CONTAINERS_CONF: conf}, 0)).toBeUndefined()
    mkdirSync(join(dir, 'events'))
    writeFileSync(join(dir, 'events', 'events.log'), '')
    expect(podmanEventFile({CONTAINERS_CONF: conf}, 0)).toBe(join(dir, 'events', 'events.log'))
  })

  it('yields the whole lines appended after it began, across writes that split a line', async () => {
    const file = join(folder(), 'events.log')
    writeFileSync(file, '{"old":1}\n')
    const lines = await read(file, 2, [
      () => appendFileSync(file, '{"a":1}\n{"b":'),
      () => appendFileSync(file, '2}\n'),
    ])
    expect(lines).toEqual(['{"a":1}', '{"b":2}'])
  })

  it('goes on at the end of the new file when podman rotates it', async () => {
    const dir = folder()
    const file = join(dir, 'events.log')
    writeFileSync(file, '')
    const lines = await read(file, 2, [
      () => appendFileSync(file, '{"a":1}\n'),
      () => {
        // podman writes the kept half to a new file and renames it over the old one.
        writeFileSync(join(dir, 'rotated'), '{"a":1}\n{"rotation":1}\n')
        renameSync(join(dir, 'rotated'), file)
      },
      () => appendFileSync(file, '{"c":3}\n'),
    ])
    expect(lines).toEqual(['{"a":1}', '{"c":3}'])
  })
})
