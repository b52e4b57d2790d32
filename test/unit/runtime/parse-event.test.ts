import {describe, expect, it} from 'vitest'
import {parseDockerEvent, parsePodmanEvent} from '../../../src/runtime/parse-event.js'
import {sample} from './fake-processes.js'

const parsers = {docker: parseDockerEvent, podman: parsePodmanEvent}

function eventsOf(engine: 'docker' | 'podman') {
  return sample(engine, 'events.jsonl')
    .split('\n')
    .filter(Boolean)
    .map((line) => parsers[engine](line))
}

describe('event lines recorded from the real engines', () => {
  it.each([
    // A pod's life: infra and app start, a bad container is created, the app is killed, all removed.
    {
      engine: 'docker' as const,
      app: '64dfcd1b7f7447d18c35b9e7f0f6b6bb81c04d902fee52f7e1e757424ff6fce6',
      types: ['create', 'start', 'other', 'die', 'destroy'],
    },
    {
      engine: 'podman' as const,
      app: 'b03fcc73c6b5818ba035b037c6ea527f7b46260c2d7aa1d5c5d62bd98baf7f0d',
      types: ['create', 'other', 'start', 'other', 'die', 'other', 'destroy'],
    },
  ])('normalises $engine events of the app container, `die` and `died` alike', ({engine, app, types}) => {
    const events = eventsOf(engine).filter((event) => event?.id === app)
    expect(events.map((event) => event?.type)).toEqual(types)
    for (const event of events) {
      expect(event?.labels).toEqual({
        'io.tugboat.managed-by': 'tugboat',
        'io.tugboat.role': 'app',
        x: 'a,b=c',
      })
    }
  })

  it('reads event times in epoch milliseconds, in order', () => {
    for (const engine of ['docker', 'podman'] as const) {
      const times = eventsOf(engine).map((event) => event?.time ?? 0)
      expect(times.every((time) => time > Date.parse('2026-01-01'))).toBe(true)
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    }
  })

  it('keeps docker attributes that are not labels out of the labels', () => {
    const die = eventsOf('docker').find((event) => event?.type === 'die')
    expect(die?.labels).not.toHaveProperty('exitCode')
    expect(die?.labels).not.toHaveProperty('name')
    expect(die?.labels).not.toHaveProperty('image')
  })

  it('reports docker oom events', () => {
    expect(eventsOf('docker').filter((event) => event?.type === 'oom')).toHaveLength(4)
  })

  it.each([
    ['docker', '{"Type":"volume","Action":"create","Actor":{"ID":"v1","Attributes":{}}}'],
    ['podman', '{"Type":"image","Status":"pull","ID":"abc"}'],
    ['docker', 'not json'],
    ['podman', ''],
    ['podman', '{"Type":"container","Status":"start"}'],
  ] as const)('ignores a %s line that is not a container event: %s', (engine, line) => {
    expect(parsers[engine](line)).toBeUndefined()
  })
})
