/**
 * The one CSV writer for every export: RFC 4180 (comma separated, CRLF line ends, a cell with a
 * quote, comma or line break is quoted and its quotes doubled). A cell a spreadsheet could run as a
 * formula (= + - @ first, also after spaces, or a leading tab or line break) is kept as text with a
 * leading apostrophe (OWASP "CSV injection").
 */
const formulaStart = /^(\s*[=+\-@]|[\t\r\n])/;
const needsQuotes = /[",\r\n]/;

/** Text as it is; null and undefined as empty; anything else as JSON. */
function cell(value: unknown) {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map(cell).join(',') + '\r\n').join('');
}
