import type {Command} from '@oclif/core'
import {Args, Flags} from '@oclif/core'
import {join} from 'node:path'
import {TugCommand} from '../../cli/base-command.js'
import {printWritten} from '../../cli/flags.js'
import {UserError} from '../../core/api/errors.js'
import {applyManifests} from '../../core/apply/apply-manifests.js'
import type {SolutionCommand} from '../../core/lessons/command-line.js'
import {parseSolutionLine} from '../../core/lessons/command-line.js'
import {checkStepNumber} from '../../core/lessons/grade-lesson.js'
import {loadLesson, solutionManifest} from '../../core/lessons/lesson-library.js'
import type {Lesson, SolutionItem} from '../../core/lessons/types.js'
import {parseManifests} from '../../core/manifests/parse.js'
import Annotate from '../annotate.js'
import Apply from '../apply.js'
import Cordon from '../cordon.js'
import Create from '../create.js'
import CreateDeployment from '../create/deployment.js'
import Delete from '../delete.js'
import Describe from '../describe.js'
import Drain from '../drain.js'
import Expose from '../expose.js'
import Get from '../get.js'
import Label from '../label.js'
import NodeStart from '../node/start.js'
import NodeStop from '../node/stop.js'
import RolloutPause from '../rollout/pause.js'
import RolloutRestart from '../rollout/restart.js'
import RolloutResume from '../rollout/resume.js'
import RolloutUndo from '../rollout/undo.js'
import Run from '../run.js'
import Scale from '../scale.js'
import SetImage from '../set/image.js'
import Uncordon from '../uncordon.js'

type CommandClass = {run(argv?: string[], opts?: Command['config']): Promise<unknown>}

/** The command class behind each command a solution may run. */
const COMMANDS: Readonly<Record<SolutionCommand, CommandClass>> = {
  annotate: Annotate,
  apply: Apply,
  cordon: Cordon,
  create: Create,
  'create deployment': CreateDeployment,
  delete: Delete,
  describe: Describe,
  drain: Drain,
  expose: Expose,
  get: Get,
  label: Label,
  'node start': NodeStart,
  'node stop': NodeStop,
  'rollout pause': RolloutPause,
  'rollout restart': RolloutRestart,
  'rollout resume': RolloutResume,
  'rollout undo': RolloutUndo,
  run: Run,
  scale: Scale,
  'set image': SetImage,
  uncordon: Uncordon,
}

export default class LessonSolve extends TugCommand {
  static override description = `Apply a lesson's reference solutions: every step's, in order, or one step's.

Runs each solution's tug command lines in this process (never through a shell) and applies its manifests,
printing what each one prints. Stops at the first command that fails. With a control plane running
(tug up), tug lesson check then passes once the cluster has caught up.`

  static override args = {
    name: Args.string({description: 'The lesson, as tug lesson list names it.', required: true}),
  }

  static override examples = [
    {
      command: '<%= config.bin %> lesson solve pods --step 1',
      description: "Apply the first step's solution.",
    },
    {command: '<%= config.bin %> lesson solve replicasets', description: 'Apply every step in order.'},
  ]

  static override flags = {
    step: Flags.integer({description: 'Solve only this step (1 is the first).'}),
    dir: Flags.string({
      description: 'The folder of lesson files (default: the lessons shipped with Tugboat).',
    }),
  }

  async run(): Promise<{lesson: string; steps: number[]}> {
    const {args, flags} = await this.parse(LessonSolve)
    const lesson = loadLesson(flags.dir ?? join(this.config.root, 'lessons'), args.name)
    const numbers =
      flags.step === undefined ? lesson.steps.map((_, i) => i + 1) : [checkStepNumber(lesson, flags.step)]
    for (const number of numbers) {
      const step = lesson.steps[number - 1]!
      this.note(`Step ${number} (${step.id}): ${step.title}`)
      for (const item of step.solution) await this.solveItem(lesson, number, item)
    }
    return {lesson: lesson.name, steps: numbers}
  }

  /** Runs one solution entry; a failing command has printed its own error, so this only says where it stopped. */
  private async solveItem(lesson: Lesson, step: number, item: SolutionItem): Promise<void> {
    if (item.type !== 'command') {
      const source = solutionManifest(lesson, item)
      this.note(`$ tug apply -f ${item.type === 'file' ? item.path : '-'}`)
      const results = applyManifests(this.api(), parseManifests([source]), {mode: 'apply'})
      this.out(printWritten(results, {output: undefined, dryRun: 'none'}))
      return
    }
    const {command, argv} = parseSolutionLine(item.line)
    this.note(`$ ${item.line}`)
    process.exitCode = undefined
    await COMMANDS[command].run(argv, this.config)
    if (process.exitCode !== undefined && process.exitCode !== 0)
      throw new UserError(`step ${step} of lesson "${lesson.name}" stopped: \`${item.line}\` failed`)
  }
}
