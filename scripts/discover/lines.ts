// Lines of a text stream, read on demand: the stream's own iterator pulls the next chunk only when the
// lines of the last one are used up (readline's iterator reads ahead without limit).

import { createReadStream } from "node:fs";

/** Each line with its number (from 1), without its line break; a last line without one included. */
export async function* numberedLines(chunks: AsyncIterable<string>): AsyncGenerator<[number, string]> {
  let rest = "";
  let line = 0;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      line++;
      yield [line, text.slice(start, end)];
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== "") yield [line + 1, rest];
}

/** A file's lines (UTF-8). */
export async function* fileLines(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 14 });
  for await (const [, line] of numberedLines(stream)) yield line;
}
