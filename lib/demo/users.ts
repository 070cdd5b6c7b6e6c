import type { Role } from "@/lib/generated/prisma/enums";

/** Demo mode only: every demo user signs in with this password (printed in the README). */
export const DEMO_PASSWORD = "bowtie-demo";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@bowtie.demo", name: "Ada Lindqvist", role: "admin" },
  { email: "manager@bowtie.demo", name: "Morgan Reyes", role: "manager" },
  { email: "priya@bowtie.demo", name: "Priya Shah", role: "csm" },
  { email: "diego@bowtie.demo", name: "Diego Alvarez", role: "csm" },
  { email: "lena@bowtie.demo", name: "Lena Kowalski", role: "csm" },
  { email: "sam@bowtie.demo", name: "Sam Okafor", role: "ae" },
  { email: "june@bowtie.demo", name: "June Park", role: "ae" },
  { email: "erin@bowtie.demo", name: "Erin Blake", role: "executive" },
];
