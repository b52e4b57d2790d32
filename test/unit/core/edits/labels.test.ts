import {describe, expect, it} from 'vitest'
import {ApiError} from '../../../../src/core/api/errors.js'
import type {MetadataEditRequest} from '../../../../src/core/edits/labels.js'
import {
  CHANGE_CAUSE,
  editAnnotations,
  editLabels,
  parseAnnotationChanges,
  parseLabelChanges,
} from '../../../../src/core/edits/labels.js'
import {testApiServer} from '../../../support/api.js'
import {named, pod, seed} from './fixtures.js'

function setup() {
  const {api} = testApiServer()
  seed(api, pod('web', {app: 'web', tier: 'front'}, {note: 'hi'}), pod('db', {app: 'db'}))
  const labelsOf = (name: string) => api.get(named('Pod').type, 'default', name).metadata.labels
  const request = (changes: string[], extra: Partial<MetadataEditRequest> = {}): MetadataEditRequest => ({
    resources: [named('Pod', 'web')],
    namespace: 'default',
    changes,
    dryRun: 'none',
    ...extra,
  })
  return {api, labelsOf, request}
}

describe('parseLabelChanges', () => {
  it('reads sets and removals', () => {
    const changes = parseLabelChanges(['a=1', 'b=', 'c-'])
    expect({...changes.set}).toEqual({a: '1', b: ''})
    expect(changes.remove).toEqual(['c'])
  })

  it.each([
    [['a=b=c'], 'invalid label spec: a=b=c'],
    [
      ['a=b c'],
      `invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [[`a=${'x'.repeat(64)}`], 'must be no more than 63 characters'],
    [['a=1', 'a-'], 'can not both modify and remove a label in the same command'],
    [['a'], 'unknown label spec: a'],
  ])("refuses %j with kubectl's message", (pairs, message) => {
    expect(() => parseLabelChanges(pairs)).toThrow(message)
  })
})

describe('parseAnnotationChanges', () => {
  it('keeps everything after the first = as the value', () => {
    expect({...parseAnnotationChanges(['a=b=c', 'd=e f']).set}).toEqual({a: 'b=c', d: 'e f'})
  })

  it('names every key that is both set and removed', () => {
    expect(() => parseAnnotationChanges(['a=1', 'b=2', 'a-', 'b-'])).toThrow(
      'can not both modify and remove the following annotation(s) in the same command: a, b',
    )
  })
})

describe('editLabels', () => {
  it.each([
    [['env=dev'], {}, 'labeled', {app: 'web', tier: 'front', env: 'dev'}],
    [['app=web'], {}, 'not labeled', {app: 'web', tier: 'front'}],
    [['tier-'], {}, 'unlabeled', {app: 'web'}],
    [['tier-'], {overwrite: true}, 'labeled', {app: 'web'}],
    [['app=api'], {overwrite: true}, 'labeled', {app: 'api', tier: 'front'}],
    [['absent-'], {}, 'not labeled', {app: 'web', tier: 'front'}],
  ])('%j %j is %s', (changes, extra, operation, labels) => {
    const {api, labelsOf, request} = setup()
    const result = editLabels(api, request(changes, extra))
    expect(result.edits.map((edit) => edit.operation)).toEqual([operation])
    expect(result.single).toBe(true)
    expect(labelsOf('web')).toEqual(labels)
  })

  it('refuses to change a value without --overwrite, naming every key', () => {
    const {api, labelsOf, request} = setup()
    expect(() => editLabels(api, request(['tier=back']))).toThrow(
      "'tier' already has a value (front), and --overwrite is false",
    )
    expect(() => editLabels(api, request(['tier=back', 'app=x', 'new=1']))).toThrow(
      "'app' already has a value (web), and --overwrite is false\n'tier' already has a value (front), and --overwrite is false",
    )
    expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
  })

  it('reports removals of absent labels, as kubectl prints label "x" not found.', () => {
    const {api, request} = setup()
    expect(editLabels(api, request(['absent-', 'tier-'])).edits[0]?.absentKeys).toEqual(['absent'])
  })

  it('removes the labels field when the last label goes', () => {
    const {api, request} = setup()
    const result = editLabels(api, request(['app-'], {resources: [named('Pod', 'db')]}))
    expect(result.edits[0]?.object.metadata.labels).toBeUndefined()
  })

  it.each(['client', 'server'] as const)(
    'stores nothing in a %s dry run but returns the edited object',
    (dryRun) => {
      const {api, labelsOf, request} = setup()
      const result = editLabels(api, request(['env=dev'], {dryRun}))
      expect(result.edits[0]?.object.metadata.labels).toEqual({app: 'web', tier: 'front', env: 'dev'})
      expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
    },
  )

  it('lists labels, with the changes applied, without writing', () => {
    const {api, labelsOf, request} = setup()
    const result = editLabels(api, request(['env=dev'], {list: true}))
    expect(result.edits[0]?.object.metadata.labels).toEqual({app: 'web', tier: 'front', env: 'dev'})
    expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
    expect(editLabels(api, request([], {list: true})).edits).toHaveLength(1)
  })

  it('selects by label selector or --all', () => {
    const {api, labelsOf, request} = setup()
    expect(
      editLabels(api, request(['env=dev'], {resources: [named('Pod')], selector: 'app=db'})).edits.map(
        (e) => e.object.metadata.name,
      ),
    ).toEqual(['db'])
    expect(labelsOf('db')).toEqual({app: 'db', env: 'dev'})
    const all = editLabels(api, request(['x=1'], {resources: [named('Pod')], all: true}))
    expect(all.single).toBe(false)
    expect(all.edits.map((e) => e.object.metadata.name)).toEqual(['db', 'web'])
  })

  it('writes only at the given resourceVersion', () => {
    const {api, request} = setup()
    const live = api.get(named('Pod').type, 'default', 'web')
    expect(() => editLabels(api, request(['env=dev'], {resourceVersion: '1'}))).toThrow(ApiError)
    expect(() => editLabels(api, request(['env=dev'], {resourceVersion: '1'}))).toThrow(
      'Operation cannot be fulfilled on pods "web"',
    )
    expect(
      editLabels(api, request(['env=dev'], {resourceVersion: live.metadata.resourceVersion})).edits[0]
        ?.operation,
    ).toBe('labeled')
  })

  it('changes nothing when one named object is missing', () => {
    const {api, labelsOf, request} = setup()
    expect(() => editLabels(api, request(['env=dev'], {resources: [named('Pod', 'web', 'ghost')]}))).toThrow(
      'pods "ghost" not found',
    )
    expect(labelsOf('web')).toEqual({app: 'web', tier: 'front'})
  })

  it.each([
    ['no changes', {changes: []}, 'at least one label update is required'],
    [
      'no resources',
      {resources: []},
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    ],
    [
      '--all with a selector',
      {resources: [named('Pod')], all: true, selector: 'a=b'},
      'cannot set --all and --selector at the same time',
    ],
    [
      'a type without names',
      {resources: [named('Pod')]},
      'resource(s) were provided, but no name was specified',
    ],
    ['names with a selector', {selector: 'app=web'}, 'name cannot be provided when a selector is specified'],
    [
      '--list with --output',
      {list: true, output: 'yaml'},
      '--list and --output may not be specified together',
    ],
    [
      '--resource-version with several objects',
      {resources: [named('Pod', 'web', 'db')], resourceVersion: '5'},
      '--resource-version may only be used with a single resource',
    ],
  ])('refuses %s', (_case, extra, message) => {
    const {api, request} = setup()
    expect(() => editLabels(api, {...request(['env=dev']), ...extra})).toThrow(message)
  })

  it('lets the API server refuse an invalid key', () => {
    const {api, request} = setup()
    expect(() => editLabels(api, request(['bad key=1']))).toThrow('The Pod "web" is invalid')
  })
})

describe('editAnnotations', () => {
  it('annotates, and calls every change "annotated"', () => {
    const {api, request} = setup()
    for (const changes of [['owner=a b'], ['note=hi'], ['absent-'], ['note-']]) {
      expect(editAnnotations(api, request(changes)).edits[0]?.operation).toBe('annotated')
    }
    expect(api.get(named('Pod').type, 'default', 'web').metadata.annotations).toEqual({owner: 'a b'})
  })

  it('refuses to change values without --overwrite in one message', () => {
    const {api, request} = setup()
    editAnnotations(api, request(['z=1']))
    expect(() => editAnnotations(api, request(['z=2', 'note=x']))).toThrow(
      "--overwrite is false but found the following declared annotation(s): 'note' already has a value (hi); 'z' already has a value (1)",
    )
  })

  it('always lets the change-cause annotation be overwritten', () => {
    const {api, request} = setup()
    editAnnotations(api, request([`${CHANGE_CAUSE}=first`]))
    editAnnotations(api, request([`${CHANGE_CAUSE}=second`]))
    expect(api.get(named('Pod').type, 'default', 'web').metadata.annotations?.[CHANGE_CAUSE]).toBe('second')
  })

  it('never reports absent keys', () => {
    const {api, request} = setup()
    expect(editAnnotations(api, request(['absent-'])).edits[0]?.absentKeys).toEqual([])
  })

  it('says "annotation" in its messages', () => {
    const {api, request} = setup()
    expect(() => editAnnotations(api, request([]))).toThrow('at least one annotation update is required')
  })
})
