// The generator assigns primary keys itself, so rows can reference each other (a survey its
// contact, a QBR its touchpoint) before anything is written. The writer inserts the ids as
// given and then moves each table's sequence past them.
import type { DemoTable } from "./types";

export type SerialTable = Exclude<DemoTable, "usageDays" | "touchpointContacts">;

/** The first id to use per table (default 1): the seed passes MAX(id) + 1 for non-empty tables. */
export type FirstIds = Partial<Record<SerialTable, number>>;

export class IdAllocator {
  private readonly nextIds = new Map<SerialTable, number>();

  constructor(first: FirstIds = {}) {
    for (const [table, id] of Object.entries(first)) this.nextIds.set(table as SerialTable, id);
  }

  next(table: SerialTable): number {
    const id = this.nextIds.get(table) ?? 1;
    this.nextIds.set(table, id + 1);
    return id;
  }

  /** The ids the next batch should start from. */
  snapshot(): FirstIds {
    return Object.fromEntries(this.nextIds);
  }
}
