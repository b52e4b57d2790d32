import {describe, expect, it} from 'vitest'
import {UserError} from '../../../../src/core/api/errors.js'
import {isImageReference, validateImageReference} from '../../../../src/core/generators/image-reference.js'

describe('isImageReference', () => {
  it.each([
    'nginx',
    'nginx:1.25',
    'nginx:1.25.3-alpine',
    'library/nginx',
    'docker.io/library/nginx:latest',
    'localhost:5000/team/app',
    'registry.example.com:5000/team/web_app:v2',
    'Registry.Example.com/app',
    'ghcr.io/org/my--app:1',
    `nginx@sha256:${'a'.repeat(64)}`,
    `nginx:1.25@sha256:${'0'.repeat(64)}`,
    '[::1]:5000/app',
  ])('accepts %s', (image) => {
    expect(isImageReference(image)).toBe(true)
  })

  it.each([
    '',
    'NGINX',
    'nginx;rm -rf /',
    'nginx && curl x',
    'nginx | sh',
    '$(whoami)',
    '`id`',
    'nginx latest',
    ' nginx',
    'nginx:',
    'nginx:-bad',
    'nginx@sha256:short',
    '/nginx',
    'nginx/',
    "nginx'",
    'nginx\n',
    `nginx:${'a'.repeat(129)}`,
  ])('refuses %j', (image) => {
    expect(isImageReference(image)).toBe(false)
  })
})

describe('validateImageReference', () => {
  it("throws kubectl run's message with a hint", () => {
    const error = catchError(() => validateImageReference('nginx;rm'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe('Invalid image name "nginx;rm": invalid reference format')
    expect((error as UserError).hint).toContain('shell characters')
  })

  it('returns quietly for a good reference', () => {
    expect(() => validateImageReference('busybox:1.36')).not.toThrow()
  })
})

function catchError(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}
