/** Delimited text (CSV, TSV) read as rows of fields: RFC 4180 quoting, CRLF or LF. */

/** Splits `text` into rows of fields separated by `delimiter`; `"` quotes a field (`""` is a quote). */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as records by header name; rows before the one that holds `headerHint` (banners) are skipped. */
export function records(text: string, delimiter: string, headerHint: string): Record<string, string>[] {
  const rows = parseDelimited(text, delimiter);
  const at = rows.findIndex((r) => r.includes(headerHint));
  if (at < 0) throw new Error(`no header with "${headerHint}"`);
  const header = rows[at]!;
  const out: Record<string, string>[] = [];
  for (const r of rows.slice(at + 1)) {
    if (r.length === 1 && r[0] === '') continue;
    const rec: Record<string, string> = {};
    header.forEach((h, k) => (rec[h] = (r[k] ?? '').trim()));
    out.push(rec);
  }
  return out;
}

/** A `|`-separated list field (HGNC, DrugBank, GtoPdb), empty parts dropped. */
export function list(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
