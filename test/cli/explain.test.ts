import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import Explain from '../../src/commands/explain.js'
import {runTug, tempHome} from '../support/run-tug.js'

const REPLICAS = `GROUP:      apps
KIND:       Deployment
VERSION:    v1

FIELD: replicas <integer>

DESCRIPTION:
    Number of desired pods. This is a pointer to distinguish between explicit
    zero and not specified. Defaults to 1.
    

`

describe('tug explain', () => {
  let home: ReturnType<typeof tempHome>
  beforeEach(() => {
    home = tempHome()
  })
  afterEach(() => home.cleanup())

  it('prints the documentation of a field', async () => {
    const result = await runTug(Explain, ['deployment.spec.replicas'], home.home)
    expect(result).toEqual({stdout: REPLICAS, stderr: '', exitCode: 0})
  })

  it('prints nested fields with --recursive', async () => {
    const result = await runTug(Explain, ['deploy.spec.strategy.rollingUpdate', '--recursive'], home.home)
    expect(
      result.stdout.endsWith('FIELDS:\n  maxSurge\t<IntOrString>\n  maxUnavailable\t<IntOrString>\n\n'),
    ).toBe(true)
    expect(result.exitCode).toBe(0)
  })

  it.each([
    {argv: ['deployment.spec.replicaz'], stderr: 'error: field "replicaz" does not exist\n'},
    {argv: ['widgets'], stderr: `error: the server doesn't have a resource type "widgets"\n`},
  ])('fails like kubectl for $argv', async ({argv, stderr}) => {
    const result = await runTug(Explain, argv, home.home)
    expect(result).toEqual({stdout: '', stderr, exitCode: 1})
  })
})
