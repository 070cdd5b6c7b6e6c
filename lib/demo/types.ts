// The demo generator's output: one plain row type per table, with the Prisma model's field
// names, so rows can go to the bulk writer or to prisma.<model>.createMany unchanged.
// Money is a decimal string (exact to the cent); calendar dates are Dates at 00:00Z.
import type {
  AccountStatus,
  ArrMovementType,
  ExpansionStage,
  ExpansionType,
  FeedbackStatus,
  FeedbackType,
  LifecycleStage,
  OpportunityStatus,
  QbrStatus,
  RenewalForecast,
  RenewalOutcome,
  RenewalStatus,
  Role,
  RockStatus,
  Segment,
  Sentiment,
  SurveyType,
  TicketPriority,
  TouchpointType,
  Band,
} from "@/lib/generated/prisma/enums";

export type Money = string;

export interface AccountRow {
  id: number;
  externalId: string;
  name: string;
  domain: string;
  industry: string;
  segment: Segment;
  plan: string;
  seats: number;
  arr: Money;
  contractStart: Date;
  renewalDate: Date;
  lifecycleStage: LifecycleStage;
  status: AccountStatus;
  churnedAt: Date | null;
  purchasedFeatures: string[];
  csmId: number;
  aeId: number;
  lastTouchAt: Date | null;
}

export interface ContactRow {
  id: number;
  accountId: number;
  name: string;
  email: string;
  title: string;
  execSponsor: boolean;
  champion: boolean;
  decisionMaker: boolean;
  referenceWilling: boolean;
  lastTouchAt: Date | null;
}

export interface ContractLineRow {
  id: number;
  accountId: number;
  product: string;
  seats: number;
  price: Money;
  startDate: Date;
  endDate: Date;
}

export interface UsageDayRow {
  accountId: number;
  date: Date;
  activeUsers: number;
  logins: number;
  sessions: number;
  sessionMinutes: number;
  featuresUsed: string[];
  workflowsStarted: number;
  workflowsCompleted: number;
  integrationsActive: string[];
  dataQuality: number | null;
}

export interface SupportTicketRow {
  id: number;
  accountId: number;
  externalId: string;
  subject: string;
  openedAt: Date;
  closedAt: Date | null;
  priority: TicketPriority;
  sentiment: Sentiment;
}

export interface SurveyResponseRow {
  id: number;
  accountId: number;
  contactId: number | null;
  type: SurveyType;
  score: number;
  respondedAt: Date;
  comment: string | null;
  externalId: string;
}

export interface TouchpointRow {
  id: number;
  accountId: number;
  type: TouchpointType;
  occurredAt: Date;
  attended: boolean | null;
  notes: string;
  createdById: number;
  createdAt: Date;
}

export interface TouchpointContactRow {
  touchpointId: number;
  contactId: number;
}

export interface QbrRow {
  id: number;
  accountId: number;
  kind: TouchpointType;
  scheduledFor: Date;
  status: QbrStatus;
  checklist: Record<string, boolean>;
  touchpointId: number | null;
}

export interface SuccessOutcomeRow {
  id: number;
  accountId: number;
  key: string;
  title: string;
  dueDate: Date;
  achieved: boolean;
  achievedAt: Date | null;
}

export interface OnboardingMilestoneRow {
  id: number;
  accountId: number;
  key: string;
  targetDate: Date;
  reachedAt: Date | null;
  challenges: string | null;
  issues: string | null;
}

export interface RenewalRow {
  id: number;
  accountId: number;
  renewalDate: Date;
  status: RenewalStatus;
  forecast: RenewalForecast | null;
  arr: Money;
  processStartedAt: Date | null;
  outcome: RenewalOutcome | null;
  newArr: Money | null;
  signedAt: Date | null;
  churnReason: string | null;
}

export interface ExpansionOpportunityRow {
  id: number;
  accountId: number;
  key: string;
  title: string;
  type: ExpansionType;
  arr: Money;
  status: OpportunityStatus;
  stage: ExpansionStage;
  createdAt: Date;
  closedAt: Date | null;
}

export interface ArrMovementRow {
  id: number;
  accountId: number;
  type: ArrMovementType;
  /** Signed: positive for new/expansion, negative for contraction/churn. */
  amount: Money;
  date: Date;
  note: string;
}

export interface OffboardingRow {
  id: number;
  accountId: number;
  startedAt: Date;
  accessOffDate: Date;
  churnReasons: string[];
  churnNotes: string;
  exitInterview: string | null;
  completedAt: Date | null;
}

export interface OffboardingItemRow {
  id: number;
  offboardingId: number;
  key: string;
  title: string;
  ownerId: number;
  dueDate: Date;
  doneAt: Date | null;
}

export interface FeedbackItemRow {
  id: number;
  accountId: number;
  type: FeedbackType;
  title: string;
  description: string | null;
  status: FeedbackStatus;
  createdAt: Date;
}

export interface SentimentOverrideRow {
  id: number;
  accountId: number;
  band: Band;
  reason: string;
  createdById: number;
  createdAt: Date;
}

export interface CsCostRow {
  id: number;
  periodStart: Date;
  periodEnd: Date;
  amount: Money;
  grossMarginPct: number;
}

export interface RockRow {
  id: number;
  title: string;
  ownerId: number;
  dueDate: Date;
  status: RockStatus;
  metricKey: string | null;
  startValue: number | null;
  targetValue: number | null;
}

/** Rows for every table the demo fills, in an order that satisfies the foreign keys. */
export interface DemoData {
  accounts: AccountRow[];
  contacts: ContactRow[];
  contractLines: ContractLineRow[];
  usageDays: UsageDayRow[];
  supportTickets: SupportTicketRow[];
  surveyResponses: SurveyResponseRow[];
  touchpoints: TouchpointRow[];
  touchpointContacts: TouchpointContactRow[];
  qbrs: QbrRow[];
  successOutcomes: SuccessOutcomeRow[];
  onboardingMilestones: OnboardingMilestoneRow[];
  renewals: RenewalRow[];
  expansionOpportunities: ExpansionOpportunityRow[];
  arrMovements: ArrMovementRow[];
  offboardings: OffboardingRow[];
  offboardingItems: OffboardingItemRow[];
  feedbackItems: FeedbackItemRow[];
  sentimentOverrides: SentimentOverrideRow[];
  csCosts: CsCostRow[];
  rocks: RockRow[];
}

export type DemoTable = keyof DemoData;

/** The users who own demo accounts and records; CSMs and AEs are required. */
export type UserIdsByRole = Partial<Record<Role, readonly number[]>> & {
  csm: readonly number[];
  ae: readonly number[];
};
