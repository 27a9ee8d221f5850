import "server-only";

/**
 * Streams what `start` yields as NDJSON, one JSON line per item as it comes. The signal handed to `start` aborts
 * when the client goes away (Next ties request.signal to the response closing) or cancels the stream, so the reads
 * behind the lines stop when nobody waits for them.
 */
export function ndjsonResponse<T>(
  request: Request,
  start: (signal: AbortSignal) => AsyncGenerator<T>,
  toLine: (item: T) => unknown = (item) => item,
): Response {
  const controller = new AbortController();
  const onGone = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) onGone();
  else request.signal.addEventListener("abort", onGone, { once: true });
  const items = start(controller.signal);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const next = await items.next();
        if (next.done) {
          request.signal.removeEventListener("abort", onGone);
          stream.close();
        } else stream.enqueue(encoder.encode(`${JSON.stringify(toLine(next.value))}\n`));
      } catch (error) {
        stream.error(error);
      }
    },
    async cancel(reason) {
      controller.abort(reason);
      await items.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
