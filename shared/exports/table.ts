import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';

/*
 * One table, three answers: the rows as JSON, CSV for Excel (UTF-8 with a BOM, CRLF) or an XLSX
 * workbook with the Chinese headers as a bold, frozen first row. Reports and registers (台账,
 * 登记表) build a Table; shared/http/export.ts turns it into a download.
 */

export type Cell = string | number | null;

/** A column: its Chinese header and how a row fills it. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => Cell | undefined;
  /** Width in characters for the workbook (CSV has none). */
  readonly width?: number;
}

export interface Table {
  /** The sheet's name (Excel allows 31 characters and none of []:*?/\). */
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly widths: readonly (number | undefined)[];
  readonly rows: readonly (readonly Cell[])[];
}

export function tableOf<Row>(sheet: string, columns: readonly Column<Row>[], rows: readonly Row[]): Table {
  return {
    sheet: sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    headers: columns.map((column) => column.header),
    widths: columns.map((column) => column.width),
    rows: rows.map((row) => columns.map((column) => column.value(row) ?? null)),
  };
}

/**
 * A text cell that Excel would read as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: customers type ticket subjects, and a CSV must not run what they typed (CSV injection).
 * The workbook needs none of this: its text cells are strings, never formulas.
 */
const inert = (cell: Cell): Cell =>
  typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;

/** UTF-8 with a BOM, so Excel opens the Chinese headers as text, not mojibake; CRLF rows. */
export function tableCsv(table: Table): string {
  return `\uFEFF${stringify(
    table.rows.map((row) => row.map(inert)),
    { header: true, columns: [...table.headers], record_delimiter: 'windows' },
  )}`;
}

/** One sheet; text stays text (a phone number or ticket number is never turned into a number). */
export async function tableXlsx(table: Table): Promise<Buffer> {
  const header = table.headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = table.rows.map((row) =>
    row.map((value) => (typeof value === 'string' ? { value, type: String, format: '@' } : value)),
  );
  const columns = table.widths.map((width, index) => ({
    width: width ?? Math.min(40, Math.max(8, 2 * (table.headers[index]?.length ?? 4) + 2)),
  }));
  return writeExcelFile([header, ...body], { sheet: table.sheet, columns, stickyRowsCount: 1 }).toBuffer();
}
