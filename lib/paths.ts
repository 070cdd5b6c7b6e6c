// Links to an account's pages: external ids come from CRMs and may hold any character.

export function accountPath(externalId: string): string {
  return `/accounts/${encodeURIComponent(externalId)}`;
}

export function offboardingPath(externalId: string): string {
  return `${accountPath(externalId)}/offboarding`;
}
