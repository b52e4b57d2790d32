/**
 * Change causes, always recorded. kubectl recorded `kubernetes.io/change-cause` only with `--record`, which
 * is deprecated and does nothing in recent versions, so `kubectl rollout history` shows `<none>` unless users
 * annotate by hand. Tugboat differs on purpose: every command that changes a Deployment's pod template (set
 * image, apply -f, create -f, create deployment, rollout restart, rollout undo of a revision without a cause)
 * writes the command line as the change-cause, unless the user set the annotation in that same change; the
 * deployment controller copies it onto the new ReplicaSet, so `tug rollout history` tells learners which
 * command made each revision. A change that leaves the template alone (scale, label) leaves it alone too.
 */
import type {ApiServer} from '../api/api-server.js'
import {applyDefaults} from '../api/defaults/index.js'
import {cloneObject, jsonEqual} from '../api/object-meta.js'
import {mustTypeForKind} from '../api/resources.js'
import type {Deployment, KubeObject} from '../api/types.js'
import {CHANGE_CAUSE_ANNOTATION} from './annotations.js'

/** Characters a POSIX shell leaves alone in a word, so the word needs no quotes. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * The command line as a person would type it: words joined by spaces, each quoted only when a shell would
 * need it (`tug set image deployment/web '*=nginx:1.25'`).
 */
export function formatCommandLine(words: readonly string[]): string {
  return words.map((word) => (SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(' ')
}

/**
 * The object to create with its change-cause set to `cause`, when it is a Deployment whose manifest names
 * none; anything else is returned as is.
 */
export function withCauseOnCreate(input: KubeObject, cause: string): KubeObject {
  if (input.kind !== 'Deployment' || input.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] !== undefined)
    return input
  return withCause(input, cause)
}

/**
 * The update with its change-cause set to `cause`, when it changes the Deployment's pod template (compared
 * after defaulting, so a manifest that leaves defaults out changes nothing) and leaves the change-cause as
 * it was; anything else is returned as is.
 */
export function withCauseOnUpdate(
  live: KubeObject | undefined,
  input: KubeObject,
  cause: string,
): KubeObject {
  if (input.kind !== 'Deployment' || !live) return input
  const userSet = input.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
  if (userSet !== live.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]) return input
  const defaulted = cloneObject(input)
  applyDefaults(defaulted)
  const before = (live as Deployment).spec?.template
  const after = (defaulted as Deployment).spec?.template
  return jsonEqual(before, after) ? input : withCause(input, cause)
}

/**
 * An API server whose creates and updates record `cause` on Deployments as described above; every other
 * call goes straight through. Commands hand it to the core function they call, so the core functions
 * themselves need not know about change causes.
 */
export function recordingChangeCause(api: ApiServer, cause: string): ApiServer {
  const deployments = mustTypeForKind('Deployment')
  const liveOf = (input: KubeObject): KubeObject | undefined =>
    input.kind === 'Deployment'
      ? api.find(deployments, input.metadata.namespace ?? 'default', input.metadata.name ?? '')
      : undefined
  const overrides: Partial<ApiServer> = {
    create: (input, options) => api.create(withCauseOnCreate(input, cause), options),
    update: (input, options) =>
      options?.subresource === 'status'
        ? api.update(input, options)
        : api.update(withCauseOnUpdate(liveOf(input), input, cause), options),
    updateWithOutcome: (input, options) =>
      options?.subresource === 'status'
        ? api.updateWithOutcome(input, options)
        : api.updateWithOutcome(withCauseOnUpdate(liveOf(input), input, cause), options),
  }
  return new Proxy(api, {
    get(target, property) {
      const override = overrides[property as keyof ApiServer]
      if (override) return override
      const value: unknown = Reflect.get(target, property, target)
      // Methods run against the real server, whose private fields a proxy receiver cannot reach.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

function withCause(input: KubeObject, cause: string): KubeObject {
  const copy = cloneObject(input)
  copy.metadata.annotations = {...copy.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: cause}
  return copy
}
