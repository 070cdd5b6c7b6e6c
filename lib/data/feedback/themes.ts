import "server-only";
import { themeKey } from "@/lib/domain/feedback";
import type { Tx } from "@/lib/db/types";
import { statement } from "../platform/sql";

// Feedback themes by title, on a transaction only: the demo seed runs this, and a script must not
// pull in the app's database singleton (lib/db), which would hold the embedded database open.

/** themeKey in SQL: trimmed, inner spaces collapsed, lower case. */
const THEME_BY_KEY = statement<[string]>`
  SELECT id FROM "FeedbackTheme" WHERE lower(regexp_replace(btrim(title), '[[:space:]]+', ' ', 'g')) = $1 ORDER BY id LIMIT 1`;

/** The open theme for a title: the one with the same title (following merges), else a new one. */
export async function themeIdFor(tx: Tx, title: string): Promise<number> {
  const [match] = await tx.$queryRaw<{ id: number }[]>(THEME_BY_KEY(themeKey(title)));
  let theme = match ? await tx.feedbackTheme.findUnique({ where: { id: match.id } }) : null;
  for (let hops = 0; theme?.mergedIntoId && hops < 10; hops++) {
    theme = await tx.feedbackTheme.findUnique({ where: { id: theme.mergedIntoId } });
  }
  return theme?.id ?? (await tx.feedbackTheme.create({ data: { title: title.trim() } })).id;
}

/** Demo and migrated feedback without a theme gets one per title (set-based, for the seed). */
export async function assignThemes(tx: Tx): Promise<void> {
  const unthemed = await tx.feedbackItem.findMany({ where: { themeId: null }, select: { id: true, title: true } });
  const byKey = new Map<string, number[]>();
  for (const item of unthemed) byKey.set(themeKey(item.title), [...(byKey.get(themeKey(item.title)) ?? []), item.id]);
  for (const ids of byKey.values()) {
    const title = unthemed.find((i) => i.id === ids[0])?.title ?? "";
    const themeId = await themeIdFor(tx, title);
    await tx.feedbackItem.updateMany({ where: { id: { in: ids } }, data: { themeId } });
  }
}
