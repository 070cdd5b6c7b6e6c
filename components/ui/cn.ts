import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones, and resolves Tailwind conflicts so that later
 * classes win: cn("whitespace-nowrap", "whitespace-normal") → "whitespace-normal".
 * tailwind-merge 3.x targets Tailwind CSS 4.
 */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return twMerge(classes.filter(Boolean).join(" "));
}
