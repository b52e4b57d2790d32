/**
 * The service proxy, Tugboat's kube-proxy (in the spirit of its original userspace mode): for every NodePort
 * Service it listens on 127.0.0.1:<nodePort> and forwards each connection, round-robin, to the ready endpoints
 * of the Service's Endpoints object, reached through the ports their pods publish on the host. It watches only
 * Services and Endpoints, as kube-proxy does: listeners open and close as Services come and go, and a change
 * of endpoints applies to the very next connection.
 */
import type {Endpoints, Service} from '../api/types.js'
import type {Clock, Timer} from '../loop/clock.js'
import {systemClock} from '../loop/clock.js'
import type {SharedInformer} from '../loop/informer.js'
import {keyOf, splitKey} from '../loop/informer.js'
import type {NodePortRule} from './node-port-rules.js'
import {nodePortRules} from './node-port-rules.js'
import {PortListener} from './port-listener.js'

/** How to run the proxy. */
export interface ServiceProxyOptions {
  /** Services and Endpoints are read from here; the proxy subscribes before the informer first lists. */
  informer: SharedInformer
  /** Narrates what it does ("service default/web: listening on 127.0.0.1:30080 -> 3 ready endpoints"). */
  log: (message: string) => void
  /** How long to wait before trying a taken port again. */
  retryMs?: number
  clock?: Clock
}

/** One node port as the proxy serves it, for status displays and tests. */
export interface ProxiedPort {
  name: string
  nodePort: number
  endpoints: number
}

/** A listener, the Service key it belongs to, and what the narration last said of its endpoints. */
interface Entry {
  service: string
  listener: PortListener
  listening: boolean
  summary: string
  /** Settles once the listener is open and announced (true), or could not open or was dropped (false). */
  opened: Promise<boolean>
}

/** The proxy over one informer. */
export class ServiceProxy {
  private readonly entries = new Map<number, Entry>()
  private readonly retries = new Map<number, Timer>()
  private readonly said = new Set<string>()
  private stopped = false

  constructor(private readonly options: ServiceProxyOptions) {}

  /** Subscribes to Services and Endpoints; call before the informer's first pump. */
  start(): void {
    // Informer handlers must not throw: a Service the proxy cannot handle is narrated, the rest go on.
    const resync = (key: string): void => {
      if (this.stopped) return
      try {
        this.sync(key)
      } catch (error) {
        this.options.log(`service ${key}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    this.options.informer.on('Service', (event) => resync(keyOf(event.object)))
    this.options.informer.on('Endpoints', (event) => resync(keyOf(event.object)))
  }

  /** The node ports listening now, by port. */
  ports(): ProxiedPort[] {
    return [...this.entries.values()]
      .filter((entry) => entry.listening)
      .map(({listener}) => ({name: listener.name, nodePort: listener.nodePort, endpoints: listener.size}))
      .sort((a, b) => a.nodePort - b.nodePort)
  }

  /** Closes every listener and the connections it forwards. */
  async stop(): Promise<void> {
    this.stopped = true
    for (const timer of this.retries.values()) timer.cancel()
    this.retries.clear()
    const entries = [...this.entries.values()]
    this.entries.clear()
    await Promise.all(entries.map((entry) => entry.opened.then(() => entry.listener.close())))
  }

  /** Brings the listeners of one Service in line with it and its Endpoints. */
  private sync(key: string): void {
    const {namespace, name} = splitKey(key)
    const service = this.options.informer.get('Service', namespace, name) as Service | undefined
    const endpoints = this.options.informer.get('Endpoints', namespace, name) as Endpoints | undefined
    const {rules, skipped} = service ? nodePortRules(service, endpoints) : {rules: [], skipped: []}
    for (const port of skipped) this.sayOnce(`service ${port.name}: ${port.reason}`)
    const wanted = new Set(rules.map((rule) => rule.nodePort))
    for (const [nodePort, entry] of this.entries)
      if (entry.service === key && !wanted.has(nodePort)) this.close(nodePort, entry)
    for (const rule of rules) this.apply(key, rule)
  }

  /** Opens the rule's listener, or points it at the rule's endpoints. */
  private apply(key: string, rule: NodePortRule): void {
    const existing = this.entries.get(rule.nodePort)
    if (existing && existing.service !== key) this.close(rule.nodePort, existing)
    const entry = existing?.service === key ? existing : this.open(key, rule)
    entry.listener.setTargets(rule.targets)
    const summary = endpointCount(rule)
    if (summary === entry.summary) return
    entry.summary = summary
    // Until the port is listening, the summary waits to be said with "listening on".
    if (entry.listening) this.options.log(`service ${rule.name}: ${entry.listener.address} -> ${summary}`)
  }

  private open(key: string, rule: NodePortRule): Entry {
    const listener = new PortListener(rule.name, rule.nodePort, this.options.log)
    const entry: Entry = {
      service: key,
      listener,
      listening: false,
      summary: '',
      opened: Promise.resolve(false),
    }
    entry.opened = listener.open().then(
      () => {
        // Closed or replaced while it was opening: nothing was announced, nothing to say.
        if (this.stopped || this.entries.get(rule.nodePort) !== entry) return false
        entry.listening = true
        this.options.log(`service ${rule.name}: listening on ${listener.address} -> ${entry.summary}`)
        return true
      },
      (error: Error) => {
        this.options.log(`service ${rule.name}: cannot listen on ${listener.address}: ${error.message}`)
        this.retryLater(entry, rule.nodePort)
        return false
      },
    )
    this.entries.set(rule.nodePort, entry)
    return entry
  }

  /** A taken port is tried again later, if the Service still wants it then. */
  private retryLater(entry: Entry, nodePort: number): void {
    if (this.stopped || this.entries.get(nodePort) !== entry) return
    this.entries.delete(nodePort)
    const retryMs = this.options.retryMs ?? 5000
    this.options.log(
      `service ${entry.listener.name}: trying ${entry.listener.address} again in ${retryMs / 1000}s`,
    )
    this.retries.get(nodePort)?.cancel()
    const timer = (this.options.clock ?? systemClock).setTimer(() => {
      this.retries.delete(nodePort)
      if (!this.stopped) this.sync(entry.service)
    }, retryMs)
    this.retries.set(nodePort, timer)
  }

  private close(nodePort: number, entry: Entry): void {
    this.entries.delete(nodePort)
    void entry.opened.then((listening) => {
      if (listening)
        this.options.log(`service ${entry.listener.name}: stopped listening on ${entry.listener.address}`)
      return entry.listener.close()
    })
  }

  private sayOnce(message: string): void {
    if (this.said.has(message)) return
    this.said.add(message)
    this.options.log(message)
  }
}

/**
 * `3 ready endpoints`, `1 ready endpoint`, `no ready endpoints`, and ready endpoints the host cannot reach:
 * the kubelet publishes only the ports a pod's containers declare (and its probes use).
 */
export function endpointCount(rule: NodePortRule): string {
  const count = rule.targets.length
  const text = count === 0 ? 'no ready endpoints' : `${count} ready endpoint${count === 1 ? '' : 's'}`
  if (!rule.unpublished) return text
  const others = `${rule.unpublished} more ready without a host port`
  return `${text}; ${others} (is the target port among the containers' ports?)`
}

/**
 * Runs the proxy until the signal aborts, then closes every listener. It subscribes at once (before its
 * first await), so start it before the informer runs.
 */
export async function runServiceProxy(options: ServiceProxyOptions & {signal: AbortSignal}): Promise<void> {
  const proxy = new ServiceProxy(options)
  proxy.start()
  if (!options.signal.aborted)
    await new Promise<void>((resolve) =>
      options.signal.addEventListener('abort', () => resolve(), {once: true}),
    )
  await proxy.stop()
}
