/** kubectl's three dry-run strategies, shared by every command that writes. */

/**
 * `none` writes; `server` runs the API server's defaulting and validation without storing; `client` only
 * shows what would be sent, without asking the API server at all.
 */
export type DryRun = 'none' | 'client' | 'server'
