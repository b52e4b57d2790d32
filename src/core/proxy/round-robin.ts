/**
 * Round-robin over a Service's ready endpoints (kube-proxy's userspace LoadBalancerRR, pkg/proxy/userspace/
 * roundrobin.go NextEndpoint): each connection takes the next endpoint, wrapping around. When the set of
 * endpoints changes, the turn starts over from the first. Kubernetes also shuffles the new set so that many
 * proxies do not all start on the same pod; with one proxy per cluster, Tugboat keeps the Endpoints' order so
 * the rotation is predictable. E.g. endpoints a, b, c: connections go a, b, c, a, ...
 */
import type {ProxyTarget} from './node-port-rules.js'

/** The rotation for one node port. */
export class RoundRobin {
  private targets: readonly ProxyTarget[] = []
  private index = 0

  /** Replaces the endpoints; returns whether they changed (the rotation then restarts). */
  update(targets: readonly ProxyTarget[]): boolean {
    const same =
      targets.length === this.targets.length &&
      targets.every((target, i) => sameTarget(target, this.targets[i]))
    if (same) return false
    this.targets = [...targets]
    this.index = 0
    return true
  }

  /** How many endpoints there are to choose from. */
  get size(): number {
    return this.targets.length
  }

  /** The next endpoint, or undefined when there is none. */
  next(): ProxyTarget | undefined {
    if (this.targets.length === 0) return undefined
    const target = this.targets[this.index % this.targets.length]
    this.index = (this.index + 1) % this.targets.length
    return target
  }
}

function sameTarget(a: ProxyTarget, b: ProxyTarget | undefined): boolean {
  return b !== undefined && a.endpoint === b.endpoint && a.host === b.host && a.port === b.port
}
