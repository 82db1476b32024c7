/** Placeholder: `pathways jobs …` (issue 9). */
import type { Command } from 'commander'

export function registerJobCommands(program: Command): void {
  void program
}
