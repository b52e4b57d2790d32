/**
 * Opens the state database with the pragmas the store relies on and brings its schema up to date.
 * Migrations are an append-only list of SQL files counted by PRAGMA user_version.
 */
import Database from 'better-sqlite3'
import {mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {UserError} from '../core/api/errors.js'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** A migration file, numbered from 1. */
interface Migration {
  version: number
  name: string
  sql: string
}

let cachedMigrations: Migration[] | undefined

/** The migrations shipped with this build, in order. */
export function migrations(): Migration[] {
  cachedMigrations ??= readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}_.+\.sql$/.test(file))
    .sort()
    .map((file, index) => {
      const version = Number(file.slice(0, 4))
      if (version !== index + 1) throw new Error(`internal: migration ${file} is out of sequence`)
      return {version, name: file, sql: readFileSync(MIGRATIONS_DIR + file, 'utf8')}
    })
  return cachedMigrations
}

/** Opens (creating if needed) the database file; ':memory:' gives a private in-memory store for tests. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), {recursive: true, mode: 0o700})
  const db = new Database(file)
  // busy_timeout first: every later statement, the WAL switch included, may meet another writer.
  db.pragma('busy_timeout = 30000')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  try {
    migrate(db, file)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/** Applies the missing migrations, each in its own IMMEDIATE transaction so concurrent openers serialise. */
function migrate(db: Database.Database, file: string): void {
  const known = migrations()
  const current = db.pragma('user_version', {simple: true}) as number
  if (current > known.length) throw newerSchema(file, current, known.length)
  if (current === known.length) return
  for (const migration of known) {
    db.transaction(() => {
      // Re-read inside the lock: another process may have applied it while we waited.
      const version = db.pragma('user_version', {simple: true}) as number
      if (version >= migration.version) return
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}

function newerSchema(file: string, found: number, known: number): UserError {
  return new UserError(
    `the state in ${file} was written by a newer Tugboat (schema version ${found}; this one knows up to ${known})`,
    'upgrade tug, or point TUG_HOME at another state directory',
  )
}
