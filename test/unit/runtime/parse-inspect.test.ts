import {describe, expect, it} from 'vitest'
import {parseInspect, parsePorts} from '../../../src/runtime/parse-inspect.js'
import {sample} from './fake-processes.js'

const DOCKER_DEMO = 'sha256:1dd6aa7589bb3481c2c0b6138a5f6ed0eb72b9431454209e27e0e2b52c90feab'
const PODMAN_DEMO = 'sha256:d2449c96507fae2be38acd23b974d7916196d2598ce19e3bb6cc7b451177141a'

describe('parseInspect on output recorded from the real engines', () => {
  it.each([
    {
      engine: 'docker' as const,
      file: 'inspect-infra-running.json',
      expected: {
        name: 's-infra-docker',
        image: 'tugboat/pause:3.9',
        state: 'running',
        ip: '172.17.0.2',
        ports: [{containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 32770}],
        startedAt: '2026-11-23T01:48:06.188Z',
      },
    },
    {
      engine: 'podman' as const,
      file: 'inspect-infra-running.json',
      expected: {
        name: 's-infra-podman',
        image: 'localhost/tugboat/pause:3.9',
        state: 'running',
        ip: '10.88.0.9',
        ports: [{containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 44693}],
        startedAt: '2026-11-23T01:48:13.350Z',
      },
    },
  ])('reads the $engine infra container with its published port and IP', ({engine, file, expected}) => {
    const [info] = parseInspect(sample(engine, file)) ?? []
    expect(info).toMatchObject(expected)
    expect(info?.finishedAt).toBeUndefined()
    expect(info?.labels).toEqual({
      'io.tugboat.managed-by': 'tugboat',
      'io.tugboat.pod.name': 'web',
      'io.tugboat.role': 'infra',
    })
  })

  it.each([
    {engine: 'docker' as const, imageId: DOCKER_DEMO, name: 's-app-docker'},
    {engine: 'podman' as const, imageId: PODMAN_DEMO, name: 's-app-podman'},
  ])(
    'reports no IP and no ports for a $engine container sharing another network',
    ({engine, imageId, name}) => {
      // podman repeats the infra container's IP and ports here; docker reports none. Both read as none.
      const [info] = parseInspect(sample(engine, 'inspect-app-running.json')) ?? []
      expect(info).toMatchObject({name, imageId, state: 'running', exitCode: 0, ports: []})
      expect(info?.ip).toBeUndefined()
      expect(info?.labels.x).toBe('a,b=c')
    },
  )

  it.each([
    {engine: 'docker' as const, finishedAt: '2026-11-23T01:48:08.526Z'},
    {engine: 'podman' as const, finishedAt: '2026-11-23T01:48:16.140Z'},
  ])('reads a killed $engine container as exited with 137', ({engine, finishedAt}) => {
    const [info] = parseInspect(sample(engine, 'inspect-app-killed.json')) ?? []
    expect(info).toMatchObject({state: 'exited', exitCode: 137, oomKilled: false, finishedAt, ports: []})
  })

  it('reads an out-of-memory kill from docker', () => {
    const [info] = parseInspect(sample('docker', 'inspect-oom.json')) ?? []
    expect(info).toMatchObject({state: 'exited', exitCode: 137, oomKilled: true})
  })

  it.each([
    {engine: 'docker' as const, exitCode: 127, error: /exec: "\/nonexistent": stat \/nonexistent/},
    {engine: 'podman' as const, exitCode: 0, error: undefined},
  ])('reads a $engine container that failed to start as created', ({engine, exitCode, error}) => {
    const [info] = parseInspect(sample(engine, 'inspect-start-failed.json')) ?? []
    expect(info).toMatchObject({state: 'created', exitCode})
    expect(info?.startedAt).toBeUndefined()
    if (error) expect(info?.error).toMatch(error)
    else expect(info?.error).toBeUndefined()
  })

  it.each([
    ['running', 'running'],
    ['configured', 'created'],
    ['created', 'created'],
    ['stopped', 'exited'],
    ['exited', 'exited'],
    ['paused', 'paused'],
    ['dead', 'dead'],
    ['removing', 'exited'],
    ['something-new', 'unknown'],
  ])('maps the engine state %s to %s', (status, state) => {
    const [info] = parseInspect(JSON.stringify([{Id: 'abc', State: {Status: status}}])) ?? []
    expect(info?.state).toBe(state)
  })

  it('returns undefined for text that is not a JSON array and skips objects without an id', () => {
    expect(parseInspect('Error: no such object')).toBeUndefined()
    expect(parseInspect('[{"Name": "x"}]')).toEqual([])
  })
})

describe('parsePorts', () => {
  it('skips exposed ports without a binding and sorts the rest', () => {
    expect(
      parsePorts({
        '9090/tcp': [{HostIp: '127.0.0.1', HostPort: '40001'}],
        '53/udp': [{HostIp: '', HostPort: '40002'}],
        '8080/tcp': null,
        '7070/sctp': [{HostIp: '127.0.0.1', HostPort: '40003'}],
      }),
    ).toEqual([
      {containerPort: 53, protocol: 'udp', hostIp: '0.0.0.0', hostPort: 40002},
      {containerPort: 9090, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 40001},
    ])
  })
})
