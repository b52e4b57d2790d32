import {describe, expect, it} from 'vitest'
import {hintFor} from '../../../src/runtime/error-hints.js'

describe('hintFor', () => {
  it.each([
    [
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      /start the docker engine/,
    ],
    ['Error: runc: cgroups in hybrid mode not supported', /CONTAINERS_CONF/],
    ['Error: OCI runtime error: setrlimit `RLIMIT_NOFILE`: Operation not permitted', /CONTAINERS_CONF/],
    ['docker: Error response from daemon: No such image: tugboat/demo:v9.', /npm run images/],
    ['Error: short-name "nginx" did not resolve to an alias', /docker\.io\/library\/nginx/],
    [
      'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host',
      /no image registry is reachable/,
    ],
  ])('knows the fix for %j', (stderr, hint) => {
    expect(hintFor('docker', stderr)).toMatch(hint)
  })

  it('says the program is missing when it could not be started', () => {
    expect(hintFor('podman', '', 'ENOENT')).toBe(
      'podman is not installed or not on PATH; install it or use --runtime',
    )
  })

  it('gives no hint for a failure it does not know', () => {
    expect(hintFor('docker', 'Error: something else entirely')).toBeUndefined()
  })
})
