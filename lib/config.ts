/** BOWTIE_DEMO=off turns demo mode off: no demo data, no demo sign-in hints. */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BOWTIE_DEMO !== "off";
}
