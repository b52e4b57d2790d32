import {TugCommand} from '../cli/base-command.js'
import {printApiResources} from '../cli/printers/api-resources.js'
import type {ResourceType} from '../core/api/resources.js'
import {RESOURCE_TYPES} from '../core/api/resources.js'

export default class ApiResources extends TugCommand {
  static override description = 'Print the resource types Tugboat serves, with their short names.'

  static override examples = [
    {
      command: '<%= config.bin %> api-resources',
      description: 'NAME SHORTNAMES APIVERSION NAMESPACED KIND, one type a row.',
    },
  ]

  async run(): Promise<readonly ResourceType[]> {
    await this.parse(ApiResources)
    this.out(printApiResources(RESOURCE_TYPES))
    return RESOURCE_TYPES
  }
}
