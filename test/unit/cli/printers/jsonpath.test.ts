import {describe, expect, it} from 'vitest'
import {renderJsonPath} from '../../../../src/cli/printers/jsonpath/index.js'
import {UserError} from '../../../../src/core/api/errors.js'

// A `kind: List` of pods as `tug get pods` hands it to the printer. Expected outputs below were checked
// against kubectl 1.32 (the same templates over the same objects).
const pods = {
  apiVersion: 'v1',
  items: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        annotations: {'kubernetes.io/change-cause': 'kubectl set image deployment/web nginx=nginx:1.25'},
        labels: {app: 'web', tier: 'frontend'},
        name: 'web-1',
        namespace: 'default',
      },
      spec: {
        containers: [
          {image: 'nginx:1.25', name: 'nginx', ports: [{containerPort: 80, protocol: 'TCP'}]},
          {image: 'busybox:1.36', name: 'sidecar'},
        ],
        nodeName: 'node-1',
      },
      status: {
        conditions: [
          {status: 'True', type: 'Initialized'},
          {status: 'True', type: 'Ready'},
        ],
        containerStatuses: [
          {image: 'nginx:1.25', name: 'nginx', ready: true, restartCount: 0},
          {image: 'busybox:1.36', name: 'sidecar', ready: true, restartCount: 2},
        ],
        phase: 'Running',
        podIP: '10.244.1.5',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {labels: {app: 'web'}, name: 'web-2', namespace: 'default'},
      spec: {containers: [{image: 'nginx:1.25', name: 'nginx'}], nodeName: 'node-2'},
      status: {
        conditions: [{reason: 'ContainersNotReady', status: 'False', type: 'Ready'}],
        containerStatuses: [{image: 'nginx:1.25', name: 'nginx', ready: false, restartCount: 5}],
        phase: 'Pending',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {labels: {app: 'db'}, name: 'db-0', namespace: 'prod'},
      spec: {
        containers: [
          {image: 'postgres:16', name: 'postgres', resources: {limits: {cpu: '500m', memory: '1Gi'}}},
        ],
      },
      status: {phase: 'Failed'},
    },
  ],
  kind: 'List',
  metadata: {resourceVersion: ''},
}

/** The message of the UserError a render throws, or a failure if it renders. */
function failure(template: string, data: unknown = pods, allowMissingKeys?: boolean): string {
  try {
    renderJsonPath(template, data, {allowMissingKeys})
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as UserError).message
  }
  throw new Error(`${template} rendered without an error`)
}

describe('renderJsonPath', () => {
  it.each([
    ['names, space-separated', '{.items[*].metadata.name}', 'web-1 web-2 db-0'],
    ['one index', '{.items[0].metadata.name}', 'web-1'],
    ['a negative index from the end', '{.items[-1].metadata.name}', 'db-0'],
    ['an open-ended slice', '{.items[1:].metadata.name}', 'web-2 db-0'],
    ['a bounded slice', '{.items[0:2].metadata.name}', 'web-1 web-2'],
    ['a slice with a step', '{.items[::2].metadata.name}', 'web-1 db-0'],
    ['a slice from the end', '{.items[-2:].metadata.name}', 'web-2 db-0'],
    ['a union of indexes', '{.items[0,2].metadata.name}', 'web-1 db-0'],
    [
      'a union of keys, member by member',
      "{.items[*].metadata['name','namespace']}",
      'web-1 web-2 db-0 default default prod',
    ],
    ['a quoted key with dots as a path', "{.items[*]['metadata.name']}", 'web-1 web-2 db-0'],
    [
      'every image of every pod',
      '{.items[*].spec.containers[*].image}',
      'nginx:1.25 busybox:1.36 nginx:1.25 postgres:16',
    ],
    ['text around an expression', 'names: {.items[*].metadata.name}.', 'names: web-1 web-2 db-0.'],
    ['the root spelled three ways', '{.kind}/{$.kind}/{@.kind}', 'List/List/List'],
    ['string literals with Go escapes', `{"a\\tb\\u00e9\\x41"}{'single'}`, 'a\tbéAsingle'],
    ['number and boolean literals', '{1}{2.5}{true}', '12.5true'],
  ])('selects %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it.each([
    [
      'one line per pod',
      '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
      'web-1\tRunning\nweb-2\tPending\ndb-0\tFailed\n',
    ],
    [
      'nested ranges',
      '{range .items[*]}{.metadata.name}:{range .spec.containers[*]} {.name}={.image}{end}{"\\n"}{end}',
      'web-1: nginx=nginx:1.25 sidecar=busybox:1.36\nweb-2: nginx=nginx:1.25\ndb-0: postgres=postgres:16\n',
    ],
    [
      'a filter inside a range',
      '{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
      'web-1 True\nweb-2 False\ndb-0 \n',
    ],
    ['text without separators', '{range .items[*]}[{.metadata.name}]{end}', '[web-1][web-2][db-0]'],
    ['a range over nothing, then what follows', '{range .nothing[*]}x{end}done', 'done'],
    // kubectl runs the body once more over the root when `end` is missing; the List has no name.
    ['a range without end', '{range .items[*]}[{.metadata.name}]', '[web-1][web-2][db-0][]'],
  ])('ranges: %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it.each([
    ['==', '{.items[*].status.conditions[?(@.type=="Ready")].status}', 'True False'],
    ['!=', '{.items[?(@.status.phase!="Running")].metadata.name}', 'web-2 db-0'],
    ['> on integers', '{.items[*].status.containerStatuses[?(@.restartCount>0)].name}', 'sidecar nginx'],
    ['>=', '{.items[*].status.containerStatuses[?(@.restartCount>=2)].restartCount}', '2 5'],
    ['<', '{.items[*].status.containerStatuses[?(@.restartCount<2)].restartCount}', '0'],
    ['<=', '{.items[*].status.containerStatuses[?(@.restartCount<=2)].restartCount}', '0 2'],
    ['== on booleans', '{.items[*].status.containerStatuses[?(@.ready==false)].name}', 'nginx'],
    [
      'single-quoted strings',
      "{.items[?(@.metadata.labels.app=='web')].spec.containers[0].image}",
      'nginx:1.25 nginx:1.25',
    ],
    ['existence of a field', '{.items[?(@.spec.nodeName)].metadata.name}', 'web-1 web-2'],
    ['existence, then a field', '{.items[*].status.conditions[?(@.reason)].reason}', 'ContainersNotReady'],
    ['spaces around the operator', '{.items[?(@.metadata.name == "db-0")].metadata.namespace}', 'prod'],
  ])('filters with %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it.each([
    ['below one pod', '{.items[0]..image}', 'nginx:1.25 busybox:1.36 nginx:1.25 busybox:1.36'],
    ['below each metadata', '{.items[*].metadata..app}', 'web web db'],
    ['deep in a pod', '{.items[2]..cpu}', '500m'],
  ])('descends recursively %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it.each([
    [
      'a map as compact JSON with sorted keys',
      '{.items[0].metadata.labels}',
      '{"app":"web","tier":"frontend"}',
    ],
    [
      'a list as compact JSON',
      '{.items[0].spec.containers[0].ports}',
      '[{"containerPort":80,"protocol":"TCP"}]',
    ],
    [
      'a list of maps',
      '{.items[1].status.conditions}',
      '[{"reason":"ContainersNotReady","status":"False","type":"Ready"}]',
    ],
    ['an integer', '{.items[0].spec.containers[0].ports[0].containerPort}', '80'],
    ['a boolean', '{.items[0].status.containerStatuses[0].ready}', 'true'],
    ['the values of a map (sorted by key)', '{.items[0].metadata.labels.*}', 'web frontend'],
    ['the List metadata', '{.metadata}', '{"resourceVersion":""}'],
  ])('prints %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it.each([
    ['an escaped dot', '{.items[0].metadata.annotations.kubernetes\\.io/change-cause}'],
    ['an escaped dot in brackets', "{.items[0].metadata.annotations['kubernetes\\.io/change-cause']}"],
  ])('reads a key with dots through %s', (_, template) => {
    expect(renderJsonPath(template, pods)).toBe('kubectl set image deployment/web nginx=nginx:1.25')
  })

  it.each([
    ['a missing top-level key', '{.missing}', ''],
    ['a key missing on every item', '{.items[*].metadata.missing}', ''],
    ['a key missing on some items', '{.items[*].spec.nodeName}', 'node-1 node-2'],
    [
      'an unescaped dotted key (a path that does not exist)',
      "{.items[*].metadata.annotations['kubernetes.io/change-cause']}",
      '',
    ],
  ])('prints nothing for %s', (_, template, expected) => {
    expect(renderJsonPath(template, pods)).toBe(expected)
  })

  it('prints Go spellings of numbers and null', () => {
    const data = {values: [1.5, 1234567.5, 0.0001, 0.00001, 100000, 1e21, null], text: '<a&b>'}
    expect(renderJsonPath('{.values[*]}', data)).toBe('1.5 1.2345675e+06 0.0001 1e-05 100000 1e+21 null')
    expect(renderJsonPath('{.values}', data)).toBe('[1.5,1234567.5,0.0001,0.00001,100000,1e+21,null]')
    expect(renderJsonPath('{$}', data)).toBe(
      '{"text":"\\u003ca\\u0026b\\u003e","values":[1.5,1234567.5,0.0001,0.00001,100000,1e+21,null]}',
    )
  })

  it('fails on a missing key when missing keys are not allowed', () => {
    expect(failure('{.items[*].metadata.missing}', pods, false)).toMatch(
      /^error executing jsonpath .*: Error executing template: missing is not found\./,
    )
    expect(renderJsonPath('{.items[*].spec.nodeName}', pods, {allowMissingKeys: false})).toBe('node-1 node-2')
  })

  it.each([
    ['{.items[*].metadata.name', 'unclosed action'],
    ['{.items[0}', 'unterminated array'],
    ['{.items[?(@.status.phase=="Running"}', 'unterminated filter'],
    ['{.items[?(@.a)x}', 'unclosed array expect ]'],
    ['{"unterminated}', 'unterminated quoted string'],
    ['{"bad\\q"}', 'unquote string "bad\\q" error invalid syntax'],
    ['{.items[a]}', 'invalid array index a'],
    ['{.items[-]}', 'array index - is not a number'],
    ['{.items["name"]}', 'invalid array index "name"'],
    ['{~}', "unrecognized character in action: U+007E '~'"],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
  ])('rejects the syntax of %s', (template, reason) => {
    expect(failure(template)).toBe(`error parsing jsonpath ${template}, ${reason}\n`)
  })

  it('rejects a double recursive descent but accepts two separated by a field', () => {
    expect(failure('{.items....name}')).toBe(
      'error parsing jsonpath {.items....name}, invalid multiple recursive descent\n',
    )
    expect(renderJsonPath('{..metadata..app}', pods)).toBe('web web db')
  })

  it.each([
    ['{.items[5].metadata.name}', 'array index out of bounds: index 5, length 3'],
    ['{.items[-4]}', 'array index out of bounds: index -1, length 3'],
    ['{.items[2:1]}', 'starting index 2 is greater than ending index 1'],
    ['{.items[::0]}', 'step must be > 0'],
    ['{.items[0].metadata.name[0]}', 'string is not array or slice'],
    ['{.items[0].metadata[0]}', 'map[string]interface {} is not array or slice'],
    [
      '{.items[0].metadata.labels[?(@.app)]}',
      'map[app:web tier:frontend] is not array or slice and cannot be filtered',
    ],
    ['{.items[?(@.status.phase>1)]}', 'incompatible types for comparison'],
    ['{.items[0].status.containerStatuses[?(@.restartCount==2.0)]}', 'incompatible types for comparison'],
    ['{.items[?(@.spec.containers[*].name=="nginx")]}', 'can only compare one element at a time'],
    ['{.items[?(@.metadata==1)]}', 'invalid type for comparison'],
    ['{.items[0].status.containerStatuses[?(@.ready<true)]}', 'invalid type for comparison'],
    ['{.items[0].metadata.name}{end}', 'not in range, nothing to end'],
    ['{range .items[*]}{.metadata.name}{end}{end}', 'not in range, nothing to end'],
    ['{items}', 'unrecognized identifier items'],
  ])('fails to execute %s', (template, reason) => {
    expect(failure(template).split('\n')[0]).toBe(
      `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${reason}. Printing more information for debugging the template:`,
    )
  })

  it('dumps the object as Go does when execution fails', () => {
    const thing = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: {labels: {x: 'y'}, name: 't'},
      spec: {empty: {}, note: null, paused: false, ratio: 0.5, replicas: 2, tags: ['a', 'b"c\tdé']},
    }
    expect(failure('{.spec.tags[5]}', thing)).toBe(
      'error executing jsonpath "{.spec.tags[5]}": Error executing template: array index out of bounds: index 5, length 2. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.spec.tags[5]}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"example.com/v1", "kind":"Thing", ' +
        '"metadata":map[string]interface {}{"labels":map[string]interface {}{"x":"y"}, "name":"t"}, ' +
        '"spec":map[string]interface {}{"empty":map[string]interface {}{}, "note":interface {}(nil), "paused":false, ' +
        '"ratio":0.5, "replicas":2, "tags":[]interface {}{"a", "b\\"c\\tdé"}}}\n\n\n',
    )
  })
})
