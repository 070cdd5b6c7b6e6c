import Papa from "papaparse";
import { clock } from "@/lib/clock";

export type CsvCell = string | number | boolean | null;

/** A plain number written as text ("-12.50", "+3") is data, not a formula. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ tab or carriage
 * return as a formula (=HYPERLINK(…) can leak data or phish). Such text cells are written with
 * a leading single quote, which spreadsheets show as text; numbers are left as they are.
 */
export function neutraliseCell(cell: CsvCell): CsvCell {
  if (typeof cell !== "string" || cell === "") return cell;
  if (!/^[=+\-@\t\r]/.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}

/** CSV text (header, then rows, CRLF line ends) with every cell neutralised. */
export function toCsv(fields: string[], rows: CsvCell[][], options: { header?: boolean } = {}): string {
  return Papa.unparse(
    { fields: fields.map((f) => String(neutraliseCell(f))), data: rows.map((row) => row.map(neutraliseCell)) },
    { header: options.header ?? true },
  );
}

/**
 * The one CSV writer: every export goes through here. A CSV download named bowtie-<name>-<today>.csv, written one batch of rows at a time so a
 * large table never sits in memory at once: the header row first (alone when there are no rows).
 */
export function csvResponse(
  name: string,
  fields: string[],
  batches: AsyncIterable<CsvCell[][]> | Iterable<CsvCell[][]>,
): Response {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in batches
      ? batches[Symbol.asyncIterator]()
      : (async function* () {
          yield* batches;
        })();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let next = await iterator.next();
        while (!next.done && next.value.length === 0 && !first) next = await iterator.next();
        if (next.done) {
          if (first) controller.enqueue(encoder.encode(`${toCsv(fields, [])}\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(`${toCsv(fields, next.value, { header: first })}\r\n`));
        first = false;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="bowtie-${name}-${clock.today()}.csv"`,
    },
  });
}
