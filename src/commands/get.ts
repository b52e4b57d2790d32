import {Args, Flags} from '@oclif/core'
import {TugCommand} from '../cli/base-command.js'
import {parseJsonPath} from '../cli/printers/jsonpath/index.js'
import {parseOutputFormat} from '../cli/printers/output-format.js'
import {printGetResult} from '../cli/printers/print-get.js'
import {followChanges} from '../cli/watch-printer.js'
import {parseResourceArgs} from '../cli/resource-args.js'
import type {GetResult} from '../core/queries/get-objects.js'
import {getObjects} from '../core/queries/get-objects.js'

export default class Get extends TugCommand {
  static override description = `Display one or many objects.

Prints a table of the most important information about the objects, as kubectl get does; -o yaml prints
manifests you can edit and apply again (to Tugboat or to a real cluster).`

  static override strict = false
  static override args = {
    type: Args.string({description: 'TYPE[,TYPE...] [NAME...] or TYPE/NAME...', required: true}),
  }

  static override examples = [
    {command: '<%= config.bin %> get pods', description: 'List pods in the default namespace.'},
    {
      command: '<%= config.bin %> get deployment web --output yaml',
      description: 'Print one deployment as YAML.',
    },
    {
      command: '<%= config.bin %> get pods,services --selector app=web --show-labels',
      description: 'Several types, filtered by label.',
    },
    {
      command: `<%= config.bin %> get pods --output jsonpath='{.items[*].metadata.name}'`,
      description: 'Just the names.',
    },
    {
      command: '<%= config.bin %> get pods --watch',
      description: 'Print the table, then a row for every change.',
    },
  ]

  static override flags = {
    output: Flags.string({
      char: 'o',
      description: 'Output format: wide, yaml, json, name or jsonpath=TEMPLATE.',
    }),
    selector: Flags.string({
      char: 'l',
      description: "Label selector, e.g. -l app=web, -l 'env in (a,b)', -l '!legacy'.",
    }),
    'all-namespaces': Flags.boolean({char: 'A', description: 'List across all namespaces.'}),
    'show-labels': Flags.boolean({description: 'Add a LABELS column.'}),
    'label-columns': Flags.string({
      char: 'L',
      description: 'Add a column for each of these label keys.',
      multiple: true,
    }),
    'no-headers': Flags.boolean({description: 'Leave out the header row.'}),
    watch: Flags.boolean({char: 'w', description: 'After listing, watch for changes.'}),
  }

  async run(): Promise<GetResult> {
    const {argv, flags} = await this.parse(Get)
    const format = parseOutputFormat(flags.output)
    // A bad template fails before anything is read, as kubectl fails before it contacts the server.
    if (format.type === 'jsonpath') parseJsonPath(format.template)
    const types = parseResourceArgs(argv as string[], 'get')
    const namespace = this.namespaceOf(flags)
    const api = this.api()
    const result = getObjects(api, {
      types,
      namespace,
      allNamespaces: flags['all-namespaces'],
      selector: flags.selector,
    })
    const printOptions = {
      format,
      showLabels: flags['show-labels'],
      labelColumns: (flags['label-columns'] ?? []).flatMap((value) => value.split(',')),
      allNamespaces: flags['all-namespaces'],
      noHeaders: flags['no-headers'],
      singleNamed: types.length === 1 && types[0]?.names.length === 1,
      now: api.now(),
    }
    const printed = printGetResult(result, printOptions)
    this.out(printed.text)
    const found = result.groups.some((group) => group.objects.length > 0)
    if (!found && result.missing.length === 0 && format.type === 'table' && !flags.watch) {
      this.note(
        flags['all-namespaces'] ? 'No resources found' : `No resources found in ${namespace} namespace.`,
      )
    }
    for (const error of result.missing) this.note(`Error from server (${error.reason}): ${error.message}`)
    if (result.missing.length) process.exitCode = 1
    this.warnIfNothingReconciles(result.groups.filter((g) => g.objects.length).map((g) => g.type.kind))
    if (flags.watch)
      await followChanges(
        api,
        result,
        {...printOptions, namespace, selector: flags.selector, tableWidths: printed.widths},
        (text) => this.out(text),
      )
    return result
  }
}
