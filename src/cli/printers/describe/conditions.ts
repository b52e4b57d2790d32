/** The `Conditions:` table of controllers: Type, Status, Reason (describe.go, deployments and replica sets). */
import type {Condition} from '../../../core/api/types.js'
import type {DescribeWriter} from './prefix-writer.js'

/** Writes nothing when there are no conditions. */
export function printReasonConditions(
  writer: DescribeWriter,
  conditions: readonly Condition[] | undefined,
): void {
  if (!conditions?.length) return
  writer.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
  writer.write(1, '----\t------\t------\n')
  for (const condition of conditions)
    writer.write(1, `${condition.type} \t${condition.status}\t${condition.reason ?? ''}\n`)
}
