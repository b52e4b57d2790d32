import {Args, Flags} from '@oclif/core'
import {setTimeout as sleep} from 'node:timers/promises'
import {TugCommand} from '../cli/base-command.js'
import {stateDir} from '../cli/context.js'
import {controlPlaneHolder} from '../cli/control-plane-lock.js'
import {dryRunFlag, parseDryRun} from '../cli/flags.js'
import type {DrainResult} from '../core/nodes/drain.js'
import {drainFailureMessage, drainNodes} from '../core/nodes/drain.js'
import {parseDurationFlag} from '../core/nodes/parse-go-duration.js'

export default class Drain extends TugCommand {
  static override description = `Drain nodes in preparation for maintenance.

Cordons each node, then evicts its pods and waits until they are gone: the node's kubelet (in tug up) stops
their containers, and the controllers that own them create replacements on other nodes. Pods that would not
come back are refused unless you say so: pods without a controller need --force, pods with emptyDir data
--delete-emptydir-data, and DaemonSet pods are never evicted (--ignore-daemonsets lets the drain go on).
Mirror pods are left alone. \`tug uncordon\` puts the node back into service.`

  static override strict = false
  static override args = {node: Args.string({description: 'NODE...: the nodes to drain.'})}

  static override examples = [
    {
      command: '<%= config.bin %> drain node01 --ignore-daemonsets',
      description: 'Evict every pod but DaemonSet pods, then print node/node01 drained.',
    },
    {
      command: '<%= config.bin %> drain node01 --force --delete-emptydir-data',
      description: 'Also remove pods without a controller and pods with emptyDir data.',
    },
    {
      command: '<%= config.bin %> drain node01 --timeout=2m --grace-period=5',
      description: 'Give each pod 5 s to stop, and give up after two minutes.',
    },
  ]

  static override flags = {
    force: Flags.boolean({
      description: 'Also delete pods that declare no controller (they are not recreated).',
    }),
    'ignore-daemonsets': Flags.boolean({description: 'Drain even though DaemonSet-managed pods stay.'}),
    'delete-emptydir-data': Flags.boolean({
      description: 'Also delete pods using emptyDir volumes (their data is lost).',
    }),
    'grace-period': Flags.integer({
      description: "Seconds each pod gets to stop; negative: the pod's own terminationGracePeriodSeconds.",
      default: -1,
    }),
    timeout: Flags.string({
      description: 'How long to wait before giving up, e.g. 90s or 5m; 0 waits forever.',
      default: '0s',
    }),
    'disable-eviction': Flags.boolean({description: 'Delete the pods instead of evicting them.'}),
    selector: Flags.string({char: 'l', description: 'Drain the nodes matching this label selector.'}),
    'pod-selector': Flags.string({
      description: 'Only evict the pods on the node matching this label selector.',
    }),
    'skip-wait-for-delete-timeout': Flags.integer({
      description: 'Stop waiting for pods deleted more than this many seconds ago (0: always wait).',
      default: 0,
    }),
    'dry-run': dryRunFlag,
  }

  async run(): Promise<DrainResult> {
    const {argv, flags} = await this.parse(Drain)
    const dryRun = parseDryRun(flags['dry-run'])
    const timeoutMs = parseDurationFlag('timeout', flags.timeout)
    const dir = stateDir()
    const result = await drainNodes(
      this.api(),
      {
        names: argv as string[],
        selector: flags.selector,
        usage: 'drain NODE',
        force: flags.force,
        ignoreDaemonSets: flags['ignore-daemonsets'],
        deleteEmptyDirData: flags['delete-emptydir-data'],
        gracePeriodSeconds: flags['grace-period'],
        timeoutMs,
        disableEviction: flags['disable-eviction'],
        podSelector: flags['pod-selector'],
        skipWaitForDeleteTimeoutSeconds: flags['skip-wait-for-delete-timeout'],
        dryRun,
      },
      {
        out: (line) => this.out(`${line}\n`),
        err: (line) => this.note(line),
        nowMs: () => Date.now(),
        sleep: (ms) => sleep(ms),
        controlPlaneRunning: () => controlPlaneHolder(dir) !== undefined,
        pollMs: 200,
      },
    )
    if (result.failed.length) {
      // kubectl's error handler prints the causes last, and the command fails.
      this.note(drainFailureMessage(result.failed))
      process.exitCode = 1
    }
    return result
  }
}
