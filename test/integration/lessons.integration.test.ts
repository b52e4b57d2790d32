/**
 * Every shipped lesson end to end on real docker and podman, as CI grades them: for each step, `tug lesson
 * check --step N` fails (showing the hint) before the reference solution, `tug lesson solve --step N`
 * applies it, and the check then passes once the cluster has acted. The control plane runs in the test
 * process (support/control-plane-cluster.ts); the commands run in-process against its state directory.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import LessonCheck from '../../src/commands/lesson/check.js'
import LessonSolve from '../../src/commands/lesson/solve.js'
import {lessonFiles, lessonName, loadLesson} from '../../src/core/lessons/lesson-library.js'
import type {ControlPlaneCluster} from '../support/control-plane-cluster.js'
import {useControlPlaneCluster} from '../support/control-plane-cluster.js'
import {probeEngines, reportMissingEngines} from '../support/engines.js'
import {ROOT, runTug} from '../support/run-tug.js'
import {waitFor} from '../support/wait-for.js'

const LESSONS = join(ROOT, 'lessons')
const NAMES = lessonFiles(LESSONS).map(lessonName)

const {available, missing} = await probeEngines()
reportMissingEngines(missing, 'lesson integration tests')

describe.each(available)('the lessons on %s', (engine) => {
  let cluster: ControlPlaneCluster

  useControlPlaneCluster(engine, (made) => (cluster = made))

  it.each(NAMES)(
    '%s: each step fails before its solution and passes after it',
    async (name) => {
      const lesson = loadLesson(LESSONS, name)
      for (const [index, step] of lesson.steps.entries()) {
        const number = String(index + 1)
        const check = () => runTug(LessonCheck, [name, '--step', number], cluster.stateDir)
        const before = await check()
        expect(before.exitCode, `step ${number} (${step.id}) before its solution`).toBe(1)
        expect(before.stdout + before.stderr).toContain(step.hint.trim().split('\n')[0] ?? '')
        const solved = await runTug(LessonSolve, [name, '--step', number], cluster.stateDir)
        expect(solved.exitCode, `solve step ${number}: ${solved.stderr}`).toBe(0)
        await waitFor(async () => ((await check()).exitCode === 0 ? true : undefined), 60_000, {
          what: `lesson ${name} step ${number} (${step.id}) passing`,
          last: async () => (await check()).stdout,
        })
      }
    },
    300_000,
  )
})
