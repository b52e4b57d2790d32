/** What this machine is, as every Tugboat node reports it. */
import {readFileSync} from 'node:fs'
import {arch, cpus, release, totalmem} from 'node:os'
import type {NodeFacts} from '../core/control-plane/node-registration.js'

function osImage(): string {
  try {
    const match = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))
    return match?.[1] ?? 'Linux'
  } catch {
    return process.platform
  }
}

/** The facts of a node named `name` on this host. */
export function hostNodeFacts(name: string): Omit<NodeFacts, 'runtime'> {
  const architecture = arch() === 'x64' ? 'amd64' : arch()
  return {
    name,
    cpus: cpus().length,
    memoryBytes: totalmem(),
    maxPods: 110,
    kernelVersion: release(),
    osImage: osImage(),
    architecture,
  }
}
