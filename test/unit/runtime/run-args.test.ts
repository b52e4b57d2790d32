import {describe, expect, it} from 'vitest'
import type {ContainerSpec} from '../../../src/core/runtime/container-runtime.js'
import {dialectOf} from '../../../src/runtime/dialect.js'
import {buildRunArgs} from '../../../src/runtime/run-args.js'
import {InvalidValueError} from '../../../src/runtime/runtime-error.js'

const docker = dialectOf('docker')
const podman = dialectOf('podman')

const base: ContainerSpec = {
  name: 'web-1-app',
  image: 'tugboat/demo:v1',
  labels: {'io.tugboat.pod.name': 'web-1'},
}

describe('buildRunArgs', () => {
  it('builds a detached run with labels, managed-by, and the image after --', () => {
    expect(buildRunArgs(base, docker)).toEqual([
      'run',
      '--detach',
      '--pull=never',
      '--name=web-1-app',
      '--label=io.tugboat.managed-by=tugboat',
      '--label=io.tugboat.pod.name=web-1',
      '--',
      'tugboat/demo:v1',
    ])
  })

  it('always labels as managed by tugboat, whatever the spec says', () => {
    const args = buildRunArgs({...base, labels: {'io.tugboat.managed-by': 'someone-else'}}, docker)
    expect(args.filter((arg) => arg.startsWith('--label='))).toEqual([
      '--label=io.tugboat.managed-by=tugboat',
    ])
  })

  it('passes every option of a full spec as --opt=value, then image, command and args', () => {
    const spec: ContainerSpec = {
      ...base,
      entrypoint: ['/bin/sh', '-c'],
      args: ['echo hi'],
      env: {A: '1', B: 'two words'},
      workingDir: '/srv',
      hostname: 'web-1',
      publish: [
        {containerPort: 8080, protocol: 'tcp'},
        {containerPort: 53, protocol: 'udp'},
      ],
      mounts: [
        {volume: 'web-1-cache', path: '/cache'},
        {volume: 'web-1-conf', path: '/etc/app', readOnly: true},
      ],
      memoryBytes: 67108864,
      nanoCpus: 500_000_000,
      stopTimeoutSeconds: 30,
    }
    expect(buildRunArgs(spec, docker).slice(6)).toEqual([
      '--entrypoint=/bin/sh',
      '--env=A=1',
      '--env=B=two words',
      '--workdir=/srv',
      '--hostname=web-1',
      '--publish=127.0.0.1::8080/tcp',
      '--publish=127.0.0.1::53/udp',
      '--mount=type=volume,source=web-1-cache,target=/cache',
      '--mount=type=volume,source=web-1-conf,target=/etc/app,readonly',
      '--memory=67108864',
      '--cpus=0.5',
      '--stop-timeout=30',
      '--',
      'tugboat/demo:v1',
      '-c',
      'echo hi',
    ])
  })

  it('gives podman the entrypoint as a JSON array, so a program named like an array stays one program', () => {
    const args = buildRunArgs({...base, entrypoint: ['["/bin/sh","-c","id"]']}, podman)
    expect(args).toContain('--entrypoint=["[\\"/bin/sh\\",\\"-c\\",\\"id\\"]"]')
    expect(buildRunArgs({...base, entrypoint: ['/pause']}, podman)).toContain('--entrypoint=["/pause"]')
  })

  it('joins another network and drops the hostname only where docker refuses the pair', () => {
    const spec = {...base, hostname: 'web-1', networkOf: 'web-1-infra'}
    expect(buildRunArgs(spec, docker)).toContain('--network=container:web-1-infra')
    expect(buildRunArgs(spec, docker).some((arg) => arg.startsWith('--hostname'))).toBe(false)
    expect(buildRunArgs(spec, podman)).toContain('--hostname=web-1')
  })

  it('passes hostile env values, args and label values as one argument each', () => {
    const hostile = 'line one\nline "two" \'three\' $(id) `id` ; rm -rf / && --privileged'
    const args = buildRunArgs(
      {
        ...base,
        labels: {note: hostile},
        env: {WEIRD: hostile, DASH: '--volume=/:/host'},
        entrypoint: ['-v/:/x'],
        args: ['--privileged', hostile, '$(reboot)'],
      },
      docker,
    )
    expect(args).toContain(`--env=WEIRD=${hostile}`)
    expect(args).toContain('--env=DASH=--volume=/:/host')
    expect(args).toContain(`--label=note=${hostile}`)
    expect(args).toContain('--entrypoint=-v/:/x')
    // After the image, both engines stop reading options: everything there is the container's command.
    expect(args.slice(args.indexOf('--'))).toEqual([
      '--',
      'tugboat/demo:v1',
      '--privileged',
      hostile,
      '$(reboot)',
    ])
    expect(args.slice(0, args.indexOf('--'))).not.toContain('--privileged')
    expect(args.filter((arg) => arg === '--')).toHaveLength(1)
  })

  it.each<[string, Partial<ContainerSpec>, RegExp]>([
    ['an image that reads as a flag', {image: '-v/:/x'}, /invalid image reference "-v\/:\/x"/],
    ['an image with shell words', {image: 'x;rm -rf /'}, /invalid image reference "x;rm -rf \/"/],
    ['a name with a command substitution', {name: 'web$(id)'}, /invalid container name "web\$\(id\)"/],
    ['a name that reads as a flag', {name: '--privileged'}, /invalid container name/],
    ['an env name holding =', {env: {'A=B': 'c'}}, /invalid environment variable name "A=B"/],
    ['an empty env name', {env: {'': 'c'}}, /invalid environment variable name ""/],
    ['a label key holding =', {labels: {'a=b': 'c'}}, /invalid label key "a=b"/],
    ['a mount path with a comma', {mounts: [{volume: 'v', path: '/a,readonly=false'}]}, /invalid mount path/],
    ['a relative mount path', {mounts: [{volume: 'v', path: 'data'}]}, /invalid mount path/],
    [
      'a volume name that reads as a flag',
      {mounts: [{volume: '-v', path: '/a'}]},
      /invalid volume name "-v"/,
    ],
    ['a network owner with shell words', {networkOf: 'x;id'}, /invalid container name "x;id"/],
    ['a hostname with spaces', {hostname: 'a b'}, /invalid hostname "a b"/],
    [
      'a port out of range',
      {publish: [{containerPort: 70000, protocol: 'tcp'}]},
      /invalid container port "70000"/,
    ],
    ['a fractional memory limit', {memoryBytes: 1.5}, /invalid memory limit "1.5"/],
    ['a NUL in an argument', {args: ['a\u0000b']}, /invalid argument/],
  ])('refuses %s before running anything', (_, change, message) => {
    expect(() => buildRunArgs({...base, ...change}, docker)).toThrow(InvalidValueError)
    expect(() => buildRunArgs({...base, ...change}, docker)).toThrow(message)
  })
})
