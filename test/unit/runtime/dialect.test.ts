import {describe, expect, it} from 'vitest'
import {dialectOf, NOT_FOUND, NOT_RUNNING} from '../../../src/runtime/dialect.js'
import {sample} from './fake-processes.js'

describe('dialects', () => {
  it.each([
    ['docker', 'version.json', '20.10.24+dfsg1'],
    ['podman', 'version.json', '4.3.1'],
  ] as const)('reads the %s engine version from `version --format {{json .}}`', (engine, file, version) => {
    expect(dialectOf(engine).parseVersion(sample(engine, file))).toBe(version)
  })

  it('reads no version when docker has a client but no engine', () => {
    expect(dialectOf('docker').parseVersion(sample('docker', 'version-engine-down.stdout'))).toBeUndefined()
  })

  it('reads a remote podman client by its server version', () => {
    const remote = JSON.stringify({Client: {Version: '5.0.0'}, Server: {Version: '4.9.3'}})
    expect(dialectOf('podman').parseVersion(remote)).toBe('4.9.3')
  })

  it.each([
    'Error: No such object: web-1',
    'Error response from daemon: No such container: web-1',
    'Error: inspecting object: no such object: "web-1"',
    'Error: no container with name or ID "web-1" found: no such container',
    'Error: no volume with name "v" found: no such volume',
    'Error response from daemon: get v: no such volume',
    'Error: inspecting object: nosuch/img:1: image not known',
  ])('recognises %j as not found', (stderr) => {
    expect(NOT_FOUND.test(stderr)).toBe(true)
  })

  it.each([
    'Error response from daemon: Cannot kill container: x: Container abc is not running',
    'Error: can only kill running containers. abc is in state exited: container state improper',
  ])('recognises %j as not running', (stderr) => {
    expect(NOT_RUNNING.test(stderr)).toBe(true)
  })
})
