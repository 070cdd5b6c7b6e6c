// The customer segments (SPEC §2): every list of them, in this order, comes from here.
export const SEGMENTS = ["enterprise", "mid_market", "smb"] as const;
export type Segment = (typeof SEGMENTS)[number];
