// CSV as RFC 4180 writes it (what spreadsheet exports produce): fields separated by commas, quoted
// with "" when they hold a comma, a quote or a line break, records ended by CRLF or LF. Streaming: text
// goes in by chunks, whole records come out with the line each began on.

export interface CsvRecord {
  /** The physical line the record begins on, from 1. */
  line: number;
  fields: string[];
}

export class CsvParser {
  private field = "";
  private fields: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote just seen: either the closing one or the first of "". */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private started = false;

  /** The records completed by this chunk. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // the closing quote: c is read as outside quotes below
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (c === "\n") this.line++;
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === "") {
        this.quoted = true;
        this.started = true;
      } else if (c === ",") {
        this.fields.push(this.field);
        this.field = "";
        this.started = true;
      } else if (c === "\n") {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else if (c !== "\r") {
        this.field += c;
        this.started = true;
      }
    }
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): CsvRecord[] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    const out: CsvRecord[] = [];
    this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]): void {
    if (this.started || this.fields.length > 0) {
      this.fields.push(this.field);
      // A blank line between records is skipped, not read as a record of one empty field.
      if (this.fields.length > 1 || this.fields[0] !== "")
        out.push({ line: this.recordLine, fields: this.fields });
    }
    this.field = "";
    this.fields = [];
    this.started = false;
  }
}

/** Parses a whole CSV text (tests, small files). */
export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One record as a CSV line, with its line break. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (NEEDS_QUOTES.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",")}\r\n`;
}
