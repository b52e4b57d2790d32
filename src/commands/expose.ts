import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {dryRunFlag, parseDryRun, parseWriteOutput, printWritten, writeOutputFlag} from '../cli/flags.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import {exposeObjects} from '../core/generators/expose-service.js'
import type {GeneratedObject} from '../core/generators/write-generated.js'

export default class Expose extends TugCommand {
  static override description = `Expose a deployment, replica set, replication controller, pod or service as a new Service.

Builds the Service kubectl expose builds: its selector is the object's pod selector (a pod's labels), its
port is --port or the port the object's containers declare, and traffic goes to --target-port (default: the
same port). With --type=NodePort the control plane (tug up) also listens on 127.0.0.1:<nodePort> and spreads
connections over the ready pods.`

  static override strict = false
  static override args = {
    resource: Args.string({description: 'TYPE NAME or TYPE/NAME of the object to expose.'}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> expose deployment web --port=80 --target-port=8080',
      description: 'A ClusterIP Service for a deployment (prints service/web exposed).',
    },
    {
      command: '<%= config.bin %> expose deployment web --port=80 --target-port=8080 --type=NodePort',
      description: 'Reachable from the host on 127.0.0.1:<nodePort>; see the port with tug get svc web.',
    },
    {
      command: '<%= config.bin %> expose pod web --port=8080 --name=web-direct',
      description: 'A Service with another name, selecting the pod by its labels.',
    },
    {
      command: '<%= config.bin %> expose rs web-7d4b9c --port=80 --selector=app=web,tier=front',
      description: 'Choose the pod selector yourself.',
    },
    {
      command: '<%= config.bin %> expose deployment web --port=80 --dry-run=client -o yaml',
      description: 'Print the Service without creating it.',
    },
  ]

  static override flags = {
    port: Flags.string({
      description: "The Service's port; default: the port the object's containers declare.",
    }),
    'target-port': Flags.string({
      description: 'The number or name of the port on the pods that traffic goes to; default: --port.',
    }),
    protocol: Flags.string({description: 'TCP (default), UDP or SCTP.'}),
    type: Flags.string({description: 'ClusterIP (default), NodePort, LoadBalancer or ExternalName.'}),
    name: Flags.string({description: "The new Service's name; default: the object's name."}),
    selector: Flags.string({
      description: "The Service's pod selector, equality only (a=b,c=d); default: the object's selector.",
    }),
    labels: Flags.string({
      char: 'l',
      description: "The Service's labels (a=b,c=d); default: the object's labels.",
    }),
    'cluster-ip': Flags.string({description: 'A cluster IP to ask for, or None for a headless Service.'}),
    'session-affinity': Flags.string({description: 'None (default) or ClientIP.'}),
    'dry-run': dryRunFlag,
    output: writeOutputFlag,
  }

  async run(): Promise<GeneratedObject[]> {
    const {argv, flags} = await this.parse(Expose)
    const output = parseWriteOutput(flags.output)
    const dryRun = parseDryRun(flags['dry-run'])
    const words = argv as string[]
    const results = exposeObjects(this.api(), {
      resources: words.length ? parseResourceArgs(words, 'expose') : [],
      port: flags.port,
      targetPort: flags['target-port'],
      protocol: flags.protocol,
      type: flags.type,
      name: flags.name,
      selector: flags.selector,
      labels: flags.labels,
      clusterIP: flags['cluster-ip'],
      sessionAffinity: flags['session-affinity'],
      namespace: this.namespaceOf(flags),
      namespaceExplicit: flags.namespace !== undefined,
      dryRun,
    })
    const written = results.map(({object}) => ({object, operation: 'exposed'}))
    this.out(printWritten(written, {output, dryRun, asBuilt: dryRun === 'client'}))
    return results
  }
}
