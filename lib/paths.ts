// Links to an account's pages: external ids come from CRMs and may hold any character.

export function accountPath(externalId: string): string {
  return `/accounts/${encodeURIComponent(externalId)}`;
}

export function accountPlanPath(externalId: string): string {
  return `${accountPath(externalId)}/plan`;
}

export function offboardingPath(externalId: string): string {
  return `${accountPath(externalId)}/offboarding`;
}

/**
 * A path segment as its text, or null when its percent-encoding is malformed ("100%",
 * "%E0%A4%A"): a link no one could have made, answered with a 404 rather than a server error.
 */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
