import Papa from "papaparse";
import { clock } from "@/lib/clock";

export type CsvCell = string | number | boolean | null;

/**
 * A CSV download named bowtie-<name>-<today>.csv, written one batch of rows at a time so a
 * large table never sits in memory at once: the header row first (alone when there are no rows).
 */
export function csvResponse(name: string, fields: string[], batches: AsyncIterable<CsvCell[][]> | Iterable<CsvCell[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (async function* () { yield* batches; })();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let next = await iterator.next();
        while (!next.done && next.value.length === 0 && !first) next = await iterator.next();
        if (next.done) {
          if (first) controller.enqueue(encoder.encode(`${Papa.unparse({ fields, data: [] })}\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(`${Papa.unparse({ fields, data: next.value }, { header: first })}\r\n`));
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
