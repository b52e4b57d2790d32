import {describe, expect, it} from 'vitest'
import {TugError} from '../../../src/core/api/errors.js'
import {formatCommandRecord} from '../../../src/runtime/command-log.js'
import {ForeignObjectError, RuntimeError, tail} from '../../../src/runtime/runtime-error.js'

describe('RuntimeError', () => {
  it('says what failed, the escaped command, its exit code, the end of stderr and the fix', () => {
    const cause = new Error('original')
    const error = new RuntimeError(
      'cannot start container "web-1"',
      {
        file: 'docker',
        args: ['run', '--detach', '--name=web-1', '--env=A=two words', '--', 'tugboat/demo:v1'],
        exitCode: 125,
        stderr: 'docker: Error response from daemon: No such image: tugboat/demo:v1.\n',
      },
      {cause, hint: 'build the local images with `npm run images`'},
    )
    expect(error).toBeInstanceOf(TugError)
    expect(error.cause).toBe(cause)
    expect(error.commandExitCode).toBe(125)
    expect(error.command).toBe("docker run --detach --name=web-1 '--env=A=two words' -- tugboat/demo:v1")
    expect(error.message).toBe(
      [
        'cannot start container "web-1": docker exited with code 125',
        "  command: docker run --detach --name=web-1 '--env=A=two words' -- tugboat/demo:v1",
        '  stderr: docker: Error response from daemon: No such image: tugboat/demo:v1.',
        '  hint: build the local images with `npm run images`',
      ].join('\n'),
    )
  })

  it.each([
    [{timedOut: true}, 'podman timed out'],
    [{}, 'podman did not run to completion'],
  ])('describes a command without an exit code (%j)', (extra, status) => {
    const error = new RuntimeError('cannot list containers', {
      file: 'podman',
      args: ['ps'],
      stderr: '',
      ...extra,
    })
    expect(error.message.split('\n')[0]).toBe(`cannot list containers: ${status}`)
  })

  it('keeps only the last lines of a long stderr', () => {
    const stderr = Array.from({length: 30}, (_, i) => `line ${i}`).join('\n')
    expect(tail(stderr).split('\n')).toEqual(Array.from({length: 10}, (_, i) => `line ${i + 20}`))
    expect(tail('x'.repeat(5000))).toHaveLength(2003)
  })
})

describe('ForeignObjectError', () => {
  it('names the object, the missing label, and where to go instead', () => {
    const error = new ForeignObjectError('remove', 'container', 'my-db')
    expect(error.message).toBe(
      'refusing to remove container "my-db": Tugboat did not create it (it lacks the label io.tugboat.managed-by=tugboat)',
    )
    expect(error.hint).toMatch(/docker or podman directly/)
  })
})

describe('formatCommandRecord', () => {
  it.each([
    [
      {file: 'docker', args: ['stop', '-t', '5', '--', 'abc'], durationMs: 211.6, exitCode: 0},
      'docker stop -t 5 -- abc (212 ms, exit 0)',
    ],
    [
      {file: 'podman', args: ['events', '--format=json'], durationMs: 3000},
      'podman events --format=json (3000 ms, no exit code)',
    ],
  ])('prints %j as one line', (record, line) => {
    expect(formatCommandRecord(record)).toBe(line)
  })
})
