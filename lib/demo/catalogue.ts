// The fictional world of the demo: a SaaS vendor's product catalogue and its customers' names,
// people and the words that fill tickets, notes and surveys.
import {
  CHURN_REASON_LABELS,
  OFFBOARDING_ITEMS as DOMAIN_OFFBOARDING_ITEMS,
  type ChurnReason,
} from "@/lib/domain/offboarding";
import type { Segment } from "@/lib/generated/prisma/enums";

/** The product's feature keys (what usage rows report and accounts purchase). */
export const FEATURES = [
  "projects",
  "dashboards",
  "reports",
  "automations",
  "integrations",
  "api",
  "sso",
  "advanced_analytics",
] as const;
export type FeatureKey = (typeof FEATURES)[number];

export interface Plan {
  name: string;
  features: readonly FeatureKey[];
  /** Modules sold on top of this plan, each as its own contract line. */
  addOns: readonly FeatureKey[];
}

export const PLANS = {
  starter: {
    name: "Starter",
    features: ["projects", "dashboards", "reports"],
    addOns: ["automations", "advanced_analytics"],
  },
  professional: {
    name: "Professional",
    features: ["projects", "dashboards", "reports", "automations", "integrations"],
    addOns: ["api", "advanced_analytics"],
  },
  enterprise: {
    name: "Enterprise",
    features: ["projects", "dashboards", "reports", "automations", "integrations", "api", "sso"],
    addOns: ["advanced_analytics"],
  },
} as const satisfies Record<string, Plan>;
export type PlanKey = keyof typeof PLANS;

export const ADD_ON_NAMES: Record<FeatureKey, string> = {
  projects: "Projects",
  dashboards: "Dashboards",
  reports: "Reports",
  automations: "Automations module",
  integrations: "Integrations hub",
  api: "API access",
  sso: "SSO & SCIM",
  advanced_analytics: "Advanced Analytics module",
};

/** Third-party systems a customer can connect (usage rows list the active ones). */
export const INTEGRATIONS = [
  "salesforce",
  "hubspot",
  "slack",
  "jira",
  "zendesk",
  "google_workspace",
  "microsoft_teams",
] as const;

/** Per segment: licensed seats, list price per seat per year (USD), odds of buying each add-on. */
export const SEGMENT_ECONOMICS: Record<
  Segment,
  { seats: [number, number]; seatPrice: [number, number]; addOnOdds: number }
> = {
  enterprise: { seats: [250, 1500], seatPrice: [190, 320], addOnOdds: 0.55 },
  mid_market: { seats: [40, 300], seatPrice: [130, 220], addOnOdds: 0.35 },
  smb: { seats: [5, 40], seatPrice: [90, 160], addOnOdds: 0.2 },
};

const NAME_STEMS = [
  "Northwind",
  "Bluefin",
  "Cedar",
  "Harbor",
  "Summit",
  "Lumen",
  "Vertex",
  "Ironwood",
  "Brightline",
  "Pinecrest",
  "Keystone",
  "Redwood",
  "Silverline",
  "Atlas",
  "Beacon",
  "Copperleaf",
  "Driftwood",
  "Evergreen",
  "Foxglove",
  "Granite",
  "Halcyon",
  "Juniper",
  "Kestrel",
  "Larkspur",
  "Meridian",
  "Nimbus",
  "Oakridge",
  "Parallax",
  "Quarry",
  "Riverstone",
  "Sagebrush",
  "Tidewater",
  "Vantage",
  "Willow",
  "Zenith",
  "Aurora",
  "Bramble",
  "Crescent",
  "Ember",
  "Fjord",
  "Glacier",
  "Horizon",
  "Indigo",
  "Jasper",
  "Kinetic",
  "Lattice",
  "Mosaic",
  "Northstar",
  "Orchid",
  "Prism",
] as const;

/** Company-name endings and the industry each one suggests. */
const NAME_ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ["Labs", "Technology"],
  ["Health", "Healthcare"],
  ["Logistics", "Logistics"],
  ["Financial", "Financial services"],
  ["Systems", "Technology"],
  ["Analytics", "Technology"],
  ["Retail", "Retail"],
  ["Energy", "Energy"],
  ["Media", "Media"],
  ["Robotics", "Manufacturing"],
  ["Foods", "Food & beverage"],
  ["Capital", "Financial services"],
  ["Partners", "Professional services"],
  ["Software", "Technology"],
  ["Manufacturing", "Manufacturing"],
  ["Learning", "Education"],
  ["Bio", "Life sciences"],
  ["Insurance", "Insurance"],
  ["Networks", "Telecommunications"],
  ["Travel", "Travel & hospitality"],
];

export interface CompanyName {
  name: string;
  industry: string;
}

/** Every stem × ending combination (1,000 names), in a fixed order. */
export const COMPANY_NAMES: readonly CompanyName[] = NAME_STEMS.flatMap((stem) =>
  NAME_ENDINGS.map(([ending, industry]) => ({ name: `${stem} ${ending}`, industry })),
);

/** Industries whose usage follows the calendar (school year, holiday season, travel season). */
export const SEASONAL_INDUSTRIES: ReadonlySet<string> = new Set(["Education", "Retail", "Travel & hospitality"]);

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Amara",
  "Noah",
  "Sofia",
  "Mateo",
  "Hana",
  "Ethan",
  "Zara",
  "Lucas",
  "Maya",
  "Kenji",
  "Chloe",
  "Omar",
  "Isla",
  "Ravi",
  "Elena",
  "Jonas",
  "Aisha",
  "Felix",
  "Nora",
  "Tomás",
  "Leila",
  "Marcus",
  "Ingrid",
  "Kwame",
  "Yuki",
  "Daniel",
  "Fatima",
  "Hugo",
  "Grace",
  "Arjun",
  "Camila",
  "Owen",
  "Mei",
  "Samuel",
  "Ana",
  "Viktor",
  "Rosa",
  "Theo",
] as const;

export const LAST_NAMES = [
  "Nguyen",
  "Schmidt",
  "Okonkwo",
  "Rossi",
  "Tanaka",
  "Johansson",
  "Garcia",
  "Patel",
  "Dubois",
  "Kim",
  "Novak",
  "Mensah",
  "Silva",
  "Andersen",
  "Cohen",
  "Haddad",
  "Müller",
  "Murphy",
  "Ivanova",
  "Costa",
  "Bennett",
  "Fischer",
  "Yamamoto",
  "Kaur",
  "Moreau",
  "Larsen",
  "Adeyemi",
  "Romano",
  "Chen",
  "Walsh",
  "Herrera",
  "Lindgren",
  "Osei",
  "Marino",
  "Brooks",
  "Sato",
  "Hughes",
  "Varga",
] as const;

export const TITLES = {
  execSponsor: [
    "Chief Operating Officer",
    "VP Operations",
    "Chief Revenue Officer",
    "VP Customer Experience",
    "Chief Technology Officer",
    "Chief Financial Officer",
  ],
  smbExecSponsor: ["Founder & CEO", "Managing Director", "Co-founder & COO"],
  champion: [
    "Head of Revenue Operations",
    "Operations Manager",
    "Program Manager",
    "Director of Operations",
    "Team Lead, Delivery",
  ],
  decisionMaker: ["VP Finance", "Director of Procurement", "Head of IT", "Director of Business Systems"],
  user: [
    "Business Analyst",
    "Project Coordinator",
    "Product Manager",
    "Systems Administrator",
    "Account Manager",
    "Data Engineer",
  ],
} as const;

export const TICKET_SUBJECTS = {
  positive: [
    "Question about dashboard sharing",
    "How do we set up a new workspace?",
    "Request: bulk-edit projects",
    "Tips for report scheduling",
  ],
  neutral: [
    "SSO login loop for some users",
    "Export to CSV times out",
    "Webhook retries not firing",
    "Seat count mismatch on invoice",
    "Permissions on shared reports",
  ],
  negative: [
    "Dashboards not loading since update",
    "Data missing after sync",
    "Automation stopped running overnight",
    "Still waiting on fix for report errors",
    "Integration keeps disconnecting",
  ],
} as const;

export const TOUCHPOINT_NOTES = {
  check_in: [
    "Weekly onboarding check-in: training plan on track",
    "Reviewed open tickets and adoption blockers",
    "Walked through new automation templates",
  ],
  call: [
    "Monthly call: usage trends and upcoming hires",
    "Call with champion about team rollout",
    "Discussed renewal timeline and budget cycle",
  ],
  email: [
    "Sent monthly product newsletter and webinar invite",
    "Shared best-practice guide for dashboards",
    "Followed up on training session recording",
  ],
  meeting: [
    "Exec sponsor sync on strategic goals",
    "Roadmap preview with the leadership team",
    "Steering meeting on rollout to new regions",
  ],
  qbr: ["QBR: reviewed goals, adoption and ROI", "QBR: agreed next-quarter success metrics"],
  ebr: ["EBR: annual value review with the executive team"],
} as const;

export const SURVEY_COMMENTS = {
  promoter: [
    "Indispensable for our weekly planning.",
    "Great product and a responsive team.",
    "Saved us hours every week.",
  ],
  passive: ["Does the job; reporting could be more flexible.", "Good, but onboarding new teams takes effort."],
  detractor: [
    "Too many outages lately.",
    "Hard to get our teams to adopt it.",
    "Support is slow to resolve issues.",
    "Missing features we were promised.",
  ],
} as const;

/** Success-plan outcomes a customer might sign up to (key, title). */
export const OUTCOMES: ReadonlyArray<readonly [string, string]> = [
  ["onboarding-time", "Cut new-hire onboarding time by 30%"],
  ["one-dashboard", "Consolidate weekly reporting into one dashboard"],
  ["automate-handoffs", "Automate half of the manual hand-offs"],
  ["regional-rollout", "Roll out to every regional team"],
  ["crm-sync", "Connect CRM and support data"],
  ["exec-reporting", "Monthly executive reporting without spreadsheets"],
  ["on-time-delivery", "Raise on-time project delivery to 90%"],
];

export const ONBOARDING_MILESTONES: ReadonlyArray<readonly [key: string, weeks: number]> = [
  ["technical_setup", 1],
  ["active", 4],
  ["initial_value", 8],
  ["full_speed", 10],
  ["achievement", 12],
];

/** The churn reasons demo customers leave for: six of the taxonomy's keys (lib/domain/offboarding.ts), with their labels. */
export const CHURN_REASONS: ReadonlyArray<readonly [key: ChurnReason, label: string]> = (
  ["budget", "no_value", "competitor", "champion_left", "product_gap", "acquired"] as const
).map((key) => [key, CHURN_REASON_LABELS[key]] as const);

/** The offboarding checklist of SPEC §4 (key, title), as the product defines it. */
export const OFFBOARDING_ITEMS: ReadonlyArray<readonly [string, string]> = DOMAIN_OFFBOARDING_ITEMS.map(
  (i) => [i.key, i.title] as const,
);

/** The QBR preparation checklist of SPEC §4. */
export const QBR_CHECKLIST = [
  "review_health",
  "analyse_usage",
  "gather_metrics",
  "identify_upsell",
  "prepare_deck",
  "send_pre_read",
] as const;

export const FEEDBACK = {
  feature_request: [
    "Gantt view for projects",
    "Custom fields on reports",
    "Native Power BI connector",
    "Audit log export",
    "Mobile approvals",
  ],
  bug: ["Report totals off by one day", "Slack notifications duplicated", "Filters reset after refresh"],
  complaint: ["Slow dashboard loading", "Price increase at renewal", "Too many notification emails"],
} as const;

export const OVERRIDE_REASONS = {
  worse: [
    "Champion is leaving next month; successor not engaged yet",
    "Parent company is reviewing all software vendors",
  ],
  better: ["Usage dip is seasonal; renewal verbally committed", "New VP is sponsoring a company-wide rollout"],
} as const;
