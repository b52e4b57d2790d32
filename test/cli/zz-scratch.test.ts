import {expect, it} from 'vitest'
import CreateDeployment from '../../src/commands/create/deployment.js'
import Run from '../../src/commands/run.js'
import {runTug, tempHome} from '../support/run-tug.js'
it('x', async () => {
  const {home, cleanup} = tempHome()
  for (const argv of [['--image', 'nginx', 'web', '--dry-run=client', '-o', 'name'], ['web', '--image', 'nginx', '--image', 'redis', '--dry-run=client', '-o', 'json']]) {
    console.log(JSON.stringify(await runTug(CreateDeployment, argv, home)))
  }
  for (const argv of [['--env', 'A=1', 'web', '--image', 'nginx', '--dry-run=client', '-o', 'yaml'], ['web', 'x', 'y', '--image', 'nginx', '--dry-run=client', '-o', 'yaml', '--', 'z'], ['web', '--image=nginx', '-o', 'json', '--', 'a&b']]) {
    console.log(JSON.stringify(await runTug(Run, argv, home)))
  }
  cleanup()
  expect(1).toBe(1)
})
