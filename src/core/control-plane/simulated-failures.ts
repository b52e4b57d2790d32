/**
 * Carries `tug node stop|start` to the nodes: the command marks the Node object, and the control plane's
 * informer hands the mark to that node's agent, which then fails or comes back.
 */
import type {SharedInformer} from '../loop/informer.js'
import {isSimulatedStopped} from '../nodes/simulated-failure.js'
import type {NodeAgent} from './node-agent.js'

/** Keeps each agent's stopped state in line with its Node object. */
export function followSimulatedFailures(informer: SharedInformer, agents: NodeAgent[]): void {
  const byName = new Map(agents.map((agent) => [agent.name, agent]))
  informer.on('Node', ({type, object}) => {
    const agent = byName.get(object.metadata.name)
    if (agent && type !== 'DELETED') agent.setStopped(isSimulatedStopped(object))
  })
}
