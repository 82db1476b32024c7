/** Placeholder: `pathways backup|restore|migrate-to-postgres` (issue 9). */
import type { Command } from 'commander'

export function registerBackupCommands(program: Command): void {
  void program
}
