import {describe, expect, it} from 'vitest'
import {
  checkImageReference,
  isImageReference,
  qualifyImageReference,
} from '../../../src/runtime/image-reference.js'
import {InvalidValueError} from '../../../src/runtime/runtime-error.js'

describe('image references', () => {
  it.each([
    'nginx',
    'nginx:1.25',
    'tugboat/demo:v1',
    'tugboat/pause:3.9',
    'registry.k8s.io/pause:3.9',
    'localhost:5000/team/app:latest',
    'docker.io/library/redis:7-alpine',
    'ghcr.io/a_b/c__d/e-f:1.0_rc',
    `busybox@sha256:${'a'.repeat(64)}`,
    `quay.io/x/y:1@sha256:${'0'.repeat(64)}`,
  ])('accepts %s', (reference) => {
    expect(isImageReference(reference)).toBe(true)
    expect(checkImageReference(reference)).toBe(reference)
  })

  it.each([
    '-v/:/x',
    '--privileged',
    'x;rm -rf /',
    '$(touch /tmp/pwned)',
    '`id`',
    'nginx latest',
    'nginx\n--privileged',
    'Nginx',
    'nginx:',
    ':tag',
    'a//b',
    'nginx@sha256:short',
    '',
    `${'a'.repeat(256)}`,
  ])('refuses %j with InvalidImageName-style reason', (reference) => {
    expect(isImageReference(reference)).toBe(false)
    expect(() => checkImageReference(reference)).toThrow(InvalidValueError)
    expect(() => checkImageReference(reference)).toThrow(
      /invalid image reference .*: invalid reference format/,
    )
  })

  it.each([
    ['nginx', 'docker.io/library/nginx'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['tugboat/demo:v1', 'docker.io/tugboat/demo:v1'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
    ['localhost/tugboat/demo:v1', 'localhost/tugboat/demo:v1'],
    ['localhost:5000/app', 'localhost:5000/app'],
  ])('qualifies %s as %s for pulls', (reference, qualified) => {
    expect(qualifyImageReference(reference)).toBe(qualified)
  })
})
