// The playbooks Bowtie ships (SPEC §4; seed 001's escalation process and segment model): the
// five success playbooks and the segment cadences. They are written into PlaybookRule the first
// time the engine runs on an empty table; from then on admins edit the stored copies.
import type { Condition, NumberFact, PlaybookRule } from "./playbooks";
import { RENEWAL_HORIZON_DAYS } from "./windows";

/** A fall of at least this many points over 30 days calls for an executive, whatever the band. */
export const SHARP_DROP_POINTS = 15;
/** The renewal stage tasks' playbook: closing a renewal closes its open steps. */
export const RENEWAL_PLAYBOOK = "renewal_preparation";
/** Onboarding lasts the first 90 days after the contract starts (SPEC §4 lifecycle stages). */
export const ONBOARDING_DAYS = 90;

const band = (...value: ("red" | "yellow" | "green" | "purple")[]): Condition => ({ fact: "band", op: "in", value });
const segment = (...value: ("enterprise" | "mid_market" | "smb")[]): Condition => ({
  fact: "segment",
  op: "in",
  value,
});
const atLeast = (fact: NumberFact, value: number): Condition => ({
  fact,
  op: "gte",
  value,
});
const atMost = (fact: NumberFact, value: number): Condition => ({
  fact,
  op: "lte",
  value,
});
const renewalWithin = (from: number, to: number) => [atLeast("daysToRenewal", from), atMost("daysToRenewal", to)];
const dayOfContract = (from: number, to: number) => [atLeast("daysSinceStart", from), atMost("daysSinceStart", to)];

const redRenewingSoon = [band("red"), ...renewalWithin(0, RENEWAL_HORIZON_DAYS)];
const sharpDrop = [atMost("trend", -SHARP_DROP_POINTS)];
const atRisk: Condition[] = [{ fact: "renewalForecast", op: "in", value: ["at_risk"] }];
const greenNoDeal = [band("green", "purple"), atMost("openExpansions", 0)];

export const DEFAULT_PLAYBOOKS: readonly PlaybookRule[] = [
  {
    key: "onboarding",
    name: "New-customer onboarding",
    enabled: true,
    trigger: "onboarding",
    cadence: null,
    rearmDays: 30,
    conditions: [dayOfContract(0, ONBOARDING_DAYS - 1)],
    steps: [
      {
        key: "kickoff",
        type: "task",
        when: [[atMost("daysSinceStart", 30)]],
        owner: "csm",
        title: "Onboarding kickoff",
        description:
          "Send the welcome email, hold the kickoff call, and agree the implementation plan, quick wins, training schedule and success metrics.",
        dueDays: 3,
        dueFrom: "raised",
        priority: "high",
      },
      {
        key: "welcome_email",
        type: "email",
        when: [[segment("smb"), atMost("daysSinceStart", 30)]],
        owner: "csm",
        subject: "Welcome aboard: your first 30 days",
        title: "Welcome email",
        description:
          "Welcome! Here is how to get set up in your first week, the training sessions you can join, and where to find help whenever you need it.",
      },
      {
        key: "initial_value",
        type: "task",
        when: [[atLeast("daysSinceStart", 56)]],
        owner: "csm",
        title: "Initial value check (week 8)",
        description:
          "Confirm the customer has seen first value: the first report or workflow live, and a month of stats.",
        dueDays: 7,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "low_engagement",
    name: "Low-engagement recovery",
    enabled: true,
    trigger: "state",
    cadence: null,
    rearmDays: 30,
    conditions: [[band("yellow")], [band("red")]],
    steps: [
      {
        key: "action_plan",
        type: "task",
        when: [[band("yellow")]],
        owner: "csm",
        title: "CSM action plan",
        description: "Find the cause with your champion, agree an action plan with dates and log it as a touchpoint.",
        dueDays: 7,
        dueFrom: "raised",
        priority: "normal",
      },
      {
        key: "save_plan",
        type: "task",
        when: [[band("red")]],
        owner: "manager",
        title: "Manager save plan",
        description:
          "Review the account with its CSM, approve a save plan with owners and dates, and check in weekly until it leaves red.",
        dueDays: 3,
        dueFrom: "raised",
        priority: "high",
      },
    ],
  },
  {
    key: "expansion",
    name: "Expansion opportunity",
    enabled: true,
    trigger: "state",
    cadence: null,
    rearmDays: 90,
    // Green plus an upsell trigger (seed 001): high feature adoption, an engaged executive, promoters.
    conditions: [
      [...greenNoDeal, atLeast("featureAdoption", 0.6)],
      [...greenNoDeal, atMost("execSponsorDays", 30)],
      [...greenNoDeal, atLeast("nps", 50)],
    ],
    steps: [
      {
        key: "expansion_conversation",
        type: "task",
        when: [],
        owner: "ae",
        title: "Expansion conversation",
        description:
          "Review current success with the CSM, pick the growth opportunity (seats, tier, add-on, services, training) and open a deal.",
        dueDays: 14,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: RENEWAL_PLAYBOOK,
    name: "Renewal preparation",
    enabled: true,
    trigger: "renewal",
    cadence: null,
    rearmDays: 30,
    // Only the current window's steps: a renewal first seen 20 days out needs the contract presented.
    conditions: [renewalWithin(0, RENEWAL_HORIZON_DAYS)],
    steps: [
      {
        key: "initial_conversation",
        type: "task",
        when: [[atLeast("daysToRenewal", 61)]],
        owner: "ae",
        title: "Renewal: initial conversation",
        description: "Open the renewal conversation and set a forecast.",
        dueDays: -60,
        dueFrom: "renewal",
        priority: "normal",
      },
      {
        key: "value_summary",
        type: "task",
        when: [[atLeast("daysToRenewal", 61)]],
        owner: "csm",
        title: "Renewal preparation: value summary",
        description: "Review health, outcomes achieved and risks, and brief the AE.",
        dueDays: -60,
        dueFrom: "renewal",
        priority: "normal",
      },
      {
        key: "proposal",
        type: "task",
        when: [renewalWithin(31, 60)],
        owner: "ae",
        title: "Renewal: prepare the proposal",
        description: "Prepare the renewal proposal (seats, tier, price).",
        dueDays: -30,
        dueFrom: "renewal",
        priority: "normal",
      },
      {
        key: "contract",
        type: "task",
        when: [renewalWithin(0, 30)],
        owner: "ae",
        title: "Renewal: present the contract",
        description: "Present the contract and get it signed.",
        dueDays: 0,
        dueFrom: "renewal",
        priority: "normal",
      },
    ],
  },
  {
    key: "churn_prevention",
    name: "Churn prevention",
    enabled: true,
    trigger: "state",
    cadence: null,
    rearmDays: 30,
    conditions: [redRenewingSoon, sharpDrop, atRisk],
    steps: [
      {
        key: "executive",
        type: "task",
        when: [redRenewingSoon, sharpDrop],
        owner: "manager",
        title: "Executive involvement",
        description:
          "Brief an executive and set up a call with the customer's executive sponsor to agree what it takes to stay.",
        dueDays: 2,
        dueFrom: "raised",
        priority: "urgent",
      },
      {
        key: "save_team",
        type: "task",
        when: [atRisk],
        owner: "manager",
        title: "Activate the save team",
        description:
          "The contract is at risk: bring the CSM, AE, an executive and support together, agree the save offer and who calls whom this week.",
        dueDays: 2,
        dueFrom: "raised",
        priority: "urgent",
      },
    ],
  },
  {
    key: "enterprise_checkins",
    name: "Enterprise: weekly check-ins (first 90 days)",
    enabled: true,
    trigger: "cadence",
    cadence: "weekly",
    rearmDays: 30,
    conditions: [[segment("enterprise"), ...dayOfContract(0, ONBOARDING_DAYS - 1)]],
    steps: [
      {
        key: "checkin",
        type: "task",
        when: [],
        owner: "csm",
        title: "Weekly check-in",
        description: "Check in with the champion: progress against the onboarding plan, blockers, next week's goals.",
        dueDays: 4,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "enterprise_reviews",
    name: "Enterprise: monthly reviews",
    enabled: true,
    trigger: "cadence",
    cadence: "monthly",
    rearmDays: 30,
    conditions: [[segment("enterprise"), atLeast("daysSinceStart", ONBOARDING_DAYS)]],
    steps: [
      {
        key: "review",
        type: "task",
        when: [],
        owner: "csm",
        title: "Monthly business review",
        description: "Review objectives, usage and open issues with the customer's team.",
        dueDays: 14,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "enterprise_qbr",
    name: "Enterprise: quarterly QBR with the executive sponsor",
    enabled: true,
    trigger: "cadence",
    cadence: "quarterly",
    rearmDays: 30,
    conditions: [[segment("enterprise"), atLeast("daysSinceStart", ONBOARDING_DAYS)]],
    steps: [
      {
        key: "qbr",
        type: "task",
        when: [],
        owner: "csm",
        title: "Quarterly business review",
        description:
          "Schedule and hold this quarter's QBR with the executive sponsor: health, usage, ROI against the success plan, roadmap.",
        dueDays: 30,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "mid_market_reviews",
    name: "Mid-Market: semi-annual reviews",
    enabled: true,
    trigger: "cadence",
    cadence: "semiannual",
    rearmDays: 30,
    conditions: [[segment("mid_market"), atLeast("daysSinceStart", ONBOARDING_DAYS)]],
    steps: [
      {
        key: "review",
        type: "task",
        when: [],
        owner: "csm",
        title: "Semi-annual business review",
        description: "Hold the half-year review: goals, adoption and value delivered, plans for the next six months.",
        dueDays: 30,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "mid_market_shared_csm",
    name: "Mid-Market: shared CSM",
    enabled: true,
    trigger: "state",
    cadence: null,
    rearmDays: 30,
    conditions: [[segment("mid_market"), { fact: "hasCsm", op: "is", value: false }]],
    steps: [
      {
        key: "assign_csm",
        type: "task",
        when: [],
        owner: "manager",
        title: "Assign a shared CSM",
        description: "Mid-Market accounts are covered by a shared CSM (10–15 accounts each): assign one.",
        dueDays: 5,
        dueFrom: "raised",
        priority: "normal",
      },
    ],
  },
  {
    key: "smb_tech_touch",
    name: "SMB: tech-touch emails",
    enabled: true,
    trigger: "cadence",
    cadence: "monthly",
    rearmDays: 30,
    conditions: [[segment("smb")]],
    steps: [
      {
        key: "monthly_tips",
        type: "email",
        when: [],
        owner: "csm",
        subject: "This month's tips from your success team",
        title: "Monthly tips email",
        description:
          "Three features teams like yours get the most from this month, short how-to videos, and the self-service help centre.",
      },
    ],
  },
  {
    key: "smb_webinars",
    name: "SMB: webinar invitations",
    enabled: true,
    trigger: "cadence",
    cadence: "quarterly",
    rearmDays: 30,
    conditions: [[segment("smb")]],
    steps: [
      {
        key: "webinar_invite",
        type: "email",
        when: [],
        owner: "csm",
        subject: "You're invited: this quarter's customer webinar",
        title: "Webinar invitation",
        description:
          "Join this quarter's live group training: best practices, what's new, and your questions answered by our team.",
      },
    ],
  },
];
