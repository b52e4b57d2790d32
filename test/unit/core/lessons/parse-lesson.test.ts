import {describe, expect, it} from 'vitest'
import {formatFieldError} from '../../../../src/core/api/field.js'
import {parseLesson} from '../../../../src/core/lessons/parse-lesson.js'

const step = (extra = ''): string => `  - id: run-a-pod
    title: Run a pod
    explain: Run one.
    check:
      - pod: {name: hello, phase: Running}
    hint: Use tug run.
    solution:
      - tug run hello --image=tugboat/demo:v1
${extra}`

const problems = (text: string): string[] =>
  parseLesson('pods', 'pods.yaml', text).errors.map((error) => formatFieldError(error))

describe('parseLesson', () => {
  it('reads a valid lesson', () => {
    const {lesson, errors} = parseLesson('pods', 'pods.yaml', `title: Pods\nsummary: S\nsteps:\n${step()}`)
    expect(errors).toEqual([])
    expect(lesson?.steps[0]).toEqual({
      id: 'run-a-pod',
      title: 'Run a pod',
      explain: 'Run one.',
      try: [],
      check: [{kind: 'pod', fields: {name: 'hello', phase: 'Running'}}],
      hint: 'Use tug run.',
      solution: [{type: 'command', line: 'tug run hello --image=tugboat/demo:v1'}],
    })
  })

  it('reports every missing field of a step at once', () => {
    expect(problems('title: Pods\nsummary: S\nsteps:\n  - id: a\n    title: T\n    explain: E\n')).toEqual([
      'steps[0].check: Required value',
      'steps[0].solution: Required value',
      'steps[0].hint: Required value',
    ])
  })

  it('refuses unknown check kinds, unknown fields and wrong types', () => {
    const text = `title: Pods\nsummary: S\nsteps:\n${step().replace(
      '      - pod: {name: hello, phase: Running}',
      '      - pdo: {name: x}\n      - pods: {selector: app=web, count: three, colour: red}\n      - pod: {name: x, phase: Walking}',
    )}`
    expect(problems(text)).toEqual([
      'steps[0].check[0].pdo: Unsupported value: "pdo": supported values: "pods", "pod", "deployment", "replicaset", "replicationcontroller", "service", "node", "object"',
      'steps[0].check[1].pods.count: Invalid value: "three": must be a whole number, 0 or more',
      'steps[0].check[1].pods.colour: Unsupported value: "colour": supported values: "namespace", "selector", "count", "phase", "ready"',
      'steps[0].check[2].pod.phase: Invalid value: "Walking": must be one of Pending, Running, Succeeded, Failed, Unknown',
    ])
  })

  it('refuses a bad selector and a kind Tugboat does not serve', () => {
    const text = `title: Pods\nsummary: S\nsteps:\n${step().replace(
      '      - pod: {name: hello, phase: Running}',
      "      - pods: {selector: 'app in web', count: 1}\n      - object: {kind: CronJob, name: x, exists: true}",
    )}`
    const found = problems(text)
    expect(found[0]).toMatch(/^steps\[0\]\.check\[0\]\.pods\.selector: Invalid value: "app in web": /)
    expect(found[1]).toBe(
      'steps[0].check[1].object.kind: Invalid value: "CronJob": must be a kind Tugboat serves, e.g. Pod or Deployment',
    )
  })

  it('refuses shell syntax, commands solutions may not run, bad manifests and duplicate ids', () => {
    const solution = `      - tug get pods | grep web\n      - tug up\n      - manifest: "kind: Pod"\n      - kubectl get pods`
    const text = `title: Pods\nsummary: S\nsteps:\n${step()}${step().replace(
      '      - tug run hello --image=tugboat/demo:v1',
      solution,
    )}`
    expect(problems(text)).toEqual([
      'steps[1].solution[0]: Invalid value: "tug get pods | grep web": solution line uses shell syntax (|), which tug lesson does not run: tug get pods | grep web',
      'steps[1].solution[1]: Invalid value: "tug up": solution line runs tug up, which solutions may not use: tug up',
      'steps[1].solution[2].manifest: Invalid value: "": error validating "steps[1].solution[2]" (document 1): error validating data: apiVersion not set',
      'steps[1].solution[3]: Invalid value: "kubectl get pods": solution line does not start with tug: kubectl get pods',
      'steps[1].id: Duplicate value: "run-a-pod"',
    ])
  })

  it('refuses a file that is not a map and one that is not YAML', () => {
    expect(problems('- a\n- b\n')).toEqual([
      '<file>: Invalid value: "pods": must be a map with title, summary and steps',
    ])
    expect(problems('title: [\n')[0]).toMatch(/^<file>: Invalid value: "pods": is not valid YAML: /)
  })
})
