import { type FileFormat, fileContentTypes } from '../exports/formats';
import { type Table, tableCsv, tableXlsx } from '../exports/table';
import type { HttpResult } from './handler';

/**
 * A table as a download: CSV or XLSX with its content type and a Content-Disposition naming the
 * file. The name is Chinese for people (RFC 6266 `filename*`), with an ASCII fallback for old clients.
 * A paged export names the next page's cursor in `next-cursor` (absent on the last page).
 */
export async function fileAnswer(
  format: FileFormat,
  table: Table,
  name: { readonly ascii: string; readonly title: string },
  cursor?: string | null,
): Promise<HttpResult> {
  const headers = {
    'content-disposition': `attachment; filename="${name.ascii.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name.title}.${format}`)}`,
    ...(cursor ? { 'next-cursor': cursor } : {}),
  };
  const content =
    format === 'csv'
      ? { type: fileContentTypes.csv, text: tableCsv(table) }
      : { type: fileContentTypes.xlsx, bytes: await tableXlsx(table) };
  return { status: 200, content, headers };
}
