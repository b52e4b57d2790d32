/** The shape every kind's column file exports: kubectl's column definitions and one row of cells per object. */
import type {KubeObject} from '../../../core/api/types.js'

/** One column, as a metav1.TableColumnDefinition: priority 1 columns only show with `-o wide`. */
export interface ColumnDefinition {
  /** The header, already uppercase as kubectl prints it. */
  name: string
  priority: 0 | 1
  /** Marks the column that `get` prefixes with `kind.group/` when it prints several kinds. */
  isName?: boolean
}

/** The columns of one kind and how to fill them. */
export interface KindColumns {
  columns: readonly ColumnDefinition[]
  /** One cell per column (wide ones included); the table drops what the output does not show. */
  cells(object: KubeObject, now: Date): string[]
}
