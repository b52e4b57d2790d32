import {Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {openRuntime} from '../cli/runtime-context.js'
import {toJson, toYaml} from '../cli/printers/serialize.js'
import {UserError} from '../core/api/errors.js'
import {KUBELET_VERSION} from '../core/control-plane/node-registration.js'

/** What `tug version` reports. */
interface VersionInfo {
  clientVersion: string
  serverVersion: string
  runtimeVersion?: string
  runtimeError?: string
}

export default class Version extends TugCommand {
  static override description = `Print the versions of tug, the Kubernetes API it mirrors, and the container engine.

The engine is the one \`tug up\` would use: --runtime, else TUG_RUNTIME, else docker when its engine answers,
else podman.`

  static override examples = [
    {
      command: '<%= config.bin %> version',
      description:
        'Client Version: v0.1.0 / Server Version: v1.28.0-tugboat / Runtime Version: podman://4.3.1',
    },
    {command: '<%= config.bin %> version --output json', description: 'The same as JSON.'},
  ]

  static override flags = {
    runtime: Flags.string({description: 'docker or podman (default: TUG_RUNTIME, else detected).'}),
    output: Flags.string({char: 'o', description: 'yaml or json.', options: ['yaml', 'json']}),
  }

  async run(): Promise<VersionInfo> {
    const {flags} = await this.parse(Version)
    const info: VersionInfo = {clientVersion: `v${this.config.version}`, serverVersion: KUBELET_VERSION}
    try {
      info.runtimeVersion = (await (await openRuntime({runtime: flags.runtime})).info()).runtimeVersion
    } catch (error) {
      const hint = error instanceof UserError && error.hint ? `\nhint: ${error.hint}` : ''
      info.runtimeError = `${error instanceof Error ? error.message : String(error)}${hint}`
    }
    if (flags.output === 'json') this.out(toJson(info))
    else if (flags.output === 'yaml') this.out(toYaml(info))
    else {
      this.out(`Client Version: ${info.clientVersion}\nServer Version: ${info.serverVersion}\n`)
      if (info.runtimeVersion) this.out(`Runtime Version: ${info.runtimeVersion}\n`)
    }
    if (info.runtimeError) this.note(`error: no container runtime: ${info.runtimeError}`)
    return info
  }
}
