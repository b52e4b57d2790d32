import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import LessonCheck from '../../src/commands/lesson/check.js'
import LessonLint from '../../src/commands/lesson/lint.js'
import LessonList from '../../src/commands/lesson/list.js'
import LessonSolve from '../../src/commands/lesson/solve.js'
import {readProgress} from '../../src/core/lessons/progress.js'
import {ROOT, runTug, tempHome} from '../support/run-tug.js'
import {withStateDir} from '../support/state-dir.js'

const LESSON = `title: Demo
summary: A small lesson.
steps:
  - id: run-a-pod
    title: Run a pod
    explain: Run one.
    check:
      - pod: {name: hello, image: tugboat/demo:v1}
    hint: Run tug run hello --image=tugboat/demo:v1.
    solution:
      - tug run hello --image=tugboat/demo:v1
  - id: two-pods
    title: Apply two pods
    explain: Apply them.
    check:
      - pods: {selector: app=pair, count: 2}
    hint: Apply manifests/pair.yaml.
    solution:
      - file: manifests/pair.yaml
`
const pod = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: pair\nspec:\n  containers:\n  - name: c\n    image: tugboat/demo:v1\n`

describe('tug lesson', () => {
  let home: ReturnType<typeof tempHome>
  let dir: string
  beforeEach(() => {
    home = tempHome()
    dir = join(home.home, 'lessons')
    mkdirSync(join(dir, 'manifests'), {recursive: true})
    writeFileSync(join(dir, 'demo.yaml'), LESSON)
    writeFileSync(join(dir, 'manifests', 'pair.yaml'), `${pod('a')}---\n${pod('b')}`)
  })
  afterEach(() => home.cleanup())

  it('lists lessons with their progress', async () => {
    expect(await runTug(LessonList, ['--dir', dir], home.home)).toEqual({
      stdout: 'NAME   TITLE   STEPS   PROGRESS\ndemo   Demo    2       0/2\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('fails every step with its reasons and hints before anything is done', async () => {
    expect(await runTug(LessonCheck, ['demo', '--dir', dir], home.home)).toEqual({
      stdout: [
        'Lesson demo: Demo',
        'FAIL  step 1 (run-a-pod): Run a pod',
        '      - pod "hello" not found',
        '      hint: Run tug run hello --image=tugboat/demo:v1.',
        'FAIL  step 2 (two-pods): Apply two pods',
        '      - found 0 pods with app=pair, want 2',
        '      hint: Apply manifests/pair.yaml.',
        '0 of 2 steps passed',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 1,
    })
  })

  it('solves a lesson, then checks it, records progress and lists it done', async () => {
    expect(await runTug(LessonSolve, ['demo', '--dir', dir], home.home)).toEqual({
      stdout: 'pod/hello created\npod/a created\npod/b created\n',
      stderr: [
        'Step 1 (run-a-pod): Run a pod',
        '$ tug run hello --image=tugboat/demo:v1',
        'Step 2 (two-pods): Apply two pods',
        '$ tug apply -f manifests/pair.yaml',
        '',
      ].join('\n'),
      exitCode: 0,
    })
    const check = await runTug(LessonCheck, ['demo', '--dir', dir], home.home)
    expect(check.exitCode).toBe(0)
    expect(check.stdout).toBe(
      'Lesson demo: Demo\nPASS  step 1 (run-a-pod): Run a pod\nPASS  step 2 (two-pods): Apply two pods\n2 of 2 steps passed\n',
    )
    expect(readProgress(home.home)).toEqual({demo: ['run-a-pod', 'two-pods']})
    expect((await runTug(LessonList, ['--dir', dir], home.home)).stdout).toContain(
      'demo   Demo    2       done',
    )
  })

  it('keeps a step passed after a later change undoes it, and says so', async () => {
    await runTug(LessonSolve, ['demo', '--dir', dir, '--step', '1'], home.home)
    expect((await runTug(LessonCheck, ['demo', '--dir', dir, '--step', '1'], home.home)).exitCode).toBe(0)
    withStateDir(home.home, (api) =>
      api.delete(
        {
          kind: 'Pod',
          group: '',
          version: 'v1',
          plural: 'pods',
          singular: 'pod',
          shortNames: [],
          namespaced: true,
        },
        'default',
        'hello',
      ),
    )
    const result = await runTug(LessonCheck, ['demo', '--dir', dir, '--step', '1', '--json'], home.home)
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      lesson: 'demo',
      title: 'Demo',
      passed: true,
      steps: [
        {
          number: 1,
          id: 'run-a-pod',
          title: 'Run a pod',
          status: 'passed earlier',
          reasons: ['pod "hello" not found'],
        },
      ],
    })
  })

  it('stops a solution at the first command that fails', async () => {
    await runTug(LessonSolve, ['demo', '--dir', dir, '--step', '1'], home.home)
    const again = await runTug(LessonSolve, ['demo', '--dir', dir, '--step', '1'], home.home)
    expect(again.exitCode).toBe(1)
    expect(again.stderr).toBe(
      [
        'Step 1 (run-a-pod): Run a pod',
        '$ tug run hello --image=tugboat/demo:v1',
        'Error from server (AlreadyExists): pods "hello" already exists',
        'error: step 1 of lesson "demo" stopped: `tug run hello --image=tugboat/demo:v1` failed',
        '',
      ].join('\n'),
    )
  })

  it('refuses a step out of range and an unknown lesson', async () => {
    expect(await runTug(LessonCheck, ['demo', '--dir', dir, '--step', '3'], home.home)).toMatchObject({
      stderr:
        'error: lesson "demo" has steps 1 to 2, not 3\nhint: run tug lesson list to see each lesson\'s steps\n',
      exitCode: 1,
    })
    expect(await runTug(LessonCheck, ['nope', '--dir', dir], home.home)).toMatchObject({
      stderr: 'Error from server (NotFound): lessons "nope" not found\n',
      exitCode: 1,
    })
  })

  it('lints a folder and names the file and field of each problem', async () => {
    writeFileSync(
      join(dir, 'broken.yaml'),
      LESSON.replace('    hint: Apply manifests/pair.yaml.\n', '')
        .replace('manifests/pair.yaml', 'manifests/none.yaml')
        .replace('pod: {', 'pdo: {'),
    )
    const result = await runTug(LessonLint, ['--dir', dir], home.home)
    const broken = join(dir, 'broken.yaml').replace(`${process.cwd()}/`, '')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe(`${join(dir, 'demo.yaml').replace(`${process.cwd()}/`, '')}: valid\n`)
    expect(result.stderr.split('\n')).toEqual([
      `error: ${broken}: steps[0].check[0].pdo: Unsupported value: "pdo": supported values: "pods", "pod", "deployment", "replicaset", "replicationcontroller", "service", "node", "object"`,
      `error: ${broken}: steps[1].hint: Required value`,
      '',
    ])
  })

  it('lints every shipped lesson clean', async () => {
    const result = await runTug(LessonLint, ['--dir', join(ROOT, 'lessons')], home.home)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.stdout.trim().split('\n')).toHaveLength(3)
  })
})
