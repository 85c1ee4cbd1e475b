/**
 * Breaks a closed SQLite file the way a failing disk or a stray write does:
 * whole pages in the middle of the file overwritten with garbage, at page
 * boundaries, chosen among the table b-tree leaf pages (the rows of the
 * applications), so that `PRAGMA quick_check` reports the damage while the
 * first page (the header, the schema) and the last pages (where a new row
 * goes) are left alone: opening the file still works, and so would an
 * insert. That is the damage a server must notice by checking, not by
 * failing.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** A table b-tree leaf page starts with this byte (the first page after its 100-byte file header). */
const TABLE_LEAF = 0x0d;

/** Overwrites `count` table leaf pages in the middle of the file; returns their page numbers. The file must be closed (no `-wal` with content). */
export function damageTablePages(file: string, count = 2): number[] {
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) throw new Error(`${file} has a -wal with content: close every connection first`);
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pages = bytes.length / pageSize;
  const leaves: number[] = [];
  for (let page = 2; page <= pages; page++) if (bytes[(page - 1) * pageSize] === TABLE_LEAF) leaves.push(page);
  if (leaves.length < count + 4) throw new Error(`only ${leaves.length} table leaf pages in ${file}: store more rows first`);
  const middle = Math.floor(leaves.length / 2);
  const chosen = leaves.slice(middle, middle + count);
  const garbage = Buffer.alloc(pageSize, 0);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 31 + 7) & 0xff;
  const fd = openSync(file, 'r+');
  try {
    for (const page of chosen) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return chosen;
}

/** `PRAGMA quick_check` straight on the file, outside the store: `ok`, or what SQLite says. */
export function quickCheckOf(file: string): string {
  const db = new DatabaseSync(file);
  try {
    const rows = db.prepare('PRAGMA quick_check').all() as Record<string, unknown>[];
    return rows.map((row) => String(Object.values(row)[0])).join('\n');
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}
