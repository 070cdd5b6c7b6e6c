// The one type a data function takes its database by: the app's client or an open transaction.
// Data functions that may run inside another write take a Db (or a Tx when they must be inside
// one), so callers compose them into one transaction.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;
