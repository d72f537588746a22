/**
 * SQLite: every table in one database file, `data/<package name>.sqlite`, built with sql.js (SQLite as
 * WebAssembly: no native build, the same bytes for the same statements) and a Datasette `metadata.json` beside
 * it. Column types, nullability and vocabularies come from the column model: STRICT tables, primary and foreign
 * keys, CHECK constraints for the vocabularies and for real dates, indexes on the keys people join on. A list
 * column becomes its link table, one row per item, with foreign keys where its items are ids.
 */
import initSqlJs, { type Database } from "sql.js";
import { DATA_LICENSE } from "../../publish/datapackage.ts";
import type { Column } from "../../tables/columns.ts";
import { cell, type Table, type TableDefinition } from "../../tables/index.ts";
import { DATASETTE_METADATA_FILE, linkTables, sqliteFile } from "./index.ts";

export async function sqliteFiles(
  tables: readonly Table[],
  packageName: string,
  title: string,
): Promise<Map<string, Uint8Array | string>> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    // Enforced row by row as the rows go in: a dangling id or an unknown vocabulary value fails the build.
    db.run("PRAGMA foreign_keys = ON");
    db.run("PRAGMA page_size = 1024");
    const ids = new Map(tables.map(({ name, rows }) => [name, new Set(rows.map((row) => cell(row, "id")))]));
    // One transaction: statement by statement in autocommit mode, each would write its own journal.
    db.run("BEGIN");
    const ordered = referencedFirst(tables);
    for (const table of ordered) createTable(db, table);
    for (const table of ordered) insertRows(db, table, ids);
    db.run("COMMIT");
    return new Map<string, Uint8Array | string>([
      [sqliteFile(packageName), db.export()],
      [DATASETTE_METADATA_FILE, datasetteMetadata(tables, packageName, title)],
    ]);
  } finally {
    db.close();
  }
}

/**
 * The tables with each one after the tables its foreign keys point to (the codebook before the data that uses
 * it), so that every row is checked against rows already there; otherwise in their published order.
 */
export function referencedFirst<T extends Pick<TableDefinition, "name" | "foreignKeys" | "columns">>(
  tables: readonly T[],
): T[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: T[] = [];
  const visiting = new Set<string>();
  const visit = (table: T) => {
    if (ordered.includes(table) || visiting.has(table.name)) return;
    visiting.add(table.name);
    const targets = [
      ...table.foreignKeys.map((key) => key.resource),
      ...table.columns.flatMap(({ link }) =>
        link ? [...link.references, ...(link.codebook ? [link.codebook] : [])] : [],
      ),
    ];
    for (const target of targets) {
      const referenced = byName.get(target);
      if (referenced !== undefined && referenced !== table) visit(referenced);
    }
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;
const singular = (table: string) => table.replace(/s$/, "");
/** A link table's column that points at a record of `table`: "figures" → "figure_id", quoted. */
const idColumn = (table: string) => quoteId(`${singular(table)}_id`);
const SQL_TYPES: Record<Exclude<Column["kind"], "list">, string> = {
  text: "TEXT",
  integer: "INTEGER",
  number: "REAL",
  date: "TEXT",
};

function columnDefinition(column: Column): string {
  const name = quoteId(column.name);
  const checks = [
    ...(column.allowed ? [`${name} IN (${column.allowed.map(quoteText).join(", ")})`] : []),
    // A date is stored as ISO 8601 text; date() gives it back unchanged only for a real calendar day.
    ...(column.kind === "date" ? [`${name} IS date(${name})`] : []),
  ];
  return [
    name,
    SQL_TYPES[column.kind as keyof typeof SQL_TYPES],
    column.nullable ? "" : "NOT NULL",
    ...checks.map((c) => `CHECK (${c})`),
  ]
    .filter(Boolean)
    .join(" ");
}

/** The columns a link table uses to point at its parent row: `<table>_id` for an id, else the key's own names. */
function parentKey(spec: TableDefinition): { column: string; as: string }[] {
  return spec.primaryKey.map((column) => ({
    column,
    as: spec.primaryKey.length === 1 ? `${singular(spec.name)}_${column}` : column,
  }));
}

function createTable(db: Database, spec: TableDefinition): void {
  const { columns } = spec;
  const scalar = columns.filter((column) => column.kind !== "list");
  const keys = spec.foreignKeys.map(
    (key) =>
      `FOREIGN KEY (${quoteId(key.fields)}) REFERENCES ${quoteId(key.resource)} (${quoteId(key.resourceFields)})`,
  );
  const definitions = [
    ...scalar.map(columnDefinition),
    `PRIMARY KEY (${spec.primaryKey.map(quoteId).join(", ")})`,
    ...keys,
  ];
  db.run(`CREATE TABLE ${quoteId(spec.name)} (\n  ${definitions.join(",\n  ")}\n) STRICT`);
  // A key that leads the primary key is served by the primary key's index.
  const unindexed = spec.foreignKeys.filter((key) => spec.primaryKey[0] !== key.fields);
  for (const key of unindexed)
    db.run(`CREATE INDEX ${quoteId(`${spec.name}_${key.fields}`)} ON ${quoteId(spec.name)} (${quoteId(key.fields)})`);
  for (const list of columns.filter((column) => column.kind === "list")) {
    const link = list.link!;
    const parent = parentKey(spec);
    const parentColumns = parent.map(
      ({ column, as }) =>
        `${quoteId(as)} ${SQL_TYPES[columns.find((c) => c.name === column)!.kind as keyof typeof SQL_TYPES]} NOT NULL`,
    );
    const codebookKey = link.codebook === undefined ? "" : ` REFERENCES ${quoteId(link.codebook)} ("code")`;
    const itemColumns =
      link.references.length === 0
        ? [columnDefinition({ ...list, name: singular(list.name), kind: "text", nullable: false }) + codebookKey]
        : link.references.map(
            (table) =>
              `${idColumn(table)} TEXT${link.references.length === 1 ? " NOT NULL" : ""} ` +
              `REFERENCES ${quoteId(table)} ("id")`,
          );
    const exactlyOne =
      link.references.length > 1
        ? [`CHECK (${link.references.map((table) => `(${idColumn(table)} IS NOT NULL)`).join(" + ")} = 1)`]
        : [];
    db.run(
      `CREATE TABLE ${quoteId(link.table)} (\n  ${[
        ...parentColumns,
        `${quoteId("position")} INTEGER NOT NULL CHECK (${quoteId("position")} >= 1)`,
        ...itemColumns,
        ...exactlyOne,
        `PRIMARY KEY (${[...parent.map(({ as }) => quoteId(as)), quoteId("position")].join(", ")})`,
        `FOREIGN KEY (${parent.map(({ as }) => quoteId(as)).join(", ")}) REFERENCES ${quoteId(spec.name)} ` +
          `(${spec.primaryKey.map(quoteId).join(", ")})`,
      ].join(",\n  ")}\n) STRICT`,
    );
    const itemNames =
      link.references.length === 0 ? [singular(list.name)] : link.references.map((table) => `${singular(table)}_id`);
    for (const item of itemNames)
      db.run(`CREATE INDEX ${quoteId(`${link.table}_${item}`)} ON ${quoteId(link.table)} (${quoteId(item)})`);
  }
}

type SqlValue = string | number | null;

function insertRows(db: Database, spec: Table, ids: Map<string, Set<unknown>>): void {
  const { columns } = spec;
  const scalar = columns.filter((column) => column.kind !== "list");
  const records = spec.rows as Record<string, unknown>[];
  insertAll(
    db,
    spec.name,
    scalar.map((c) => c.name),
    records.map((row) => scalar.map((column) => (row[column.name] ?? null) as SqlValue)),
  );
  for (const list of columns.filter((column) => column.kind === "list")) {
    const link = list.link!;
    const targets = link.references.length === 0 ? [null] : link.references;
    const names = [
      ...parentKey(spec).map(({ as }) => as),
      "position",
      ...(link.references.length === 0
        ? [singular(list.name)]
        : link.references.map((table) => `${singular(table)}_id`)),
    ];
    const linkRows = records.flatMap((row) =>
      (row[list.name] as string[]).map((item, index) => [
        ...spec.primaryKey.map((column) => row[column] as SqlValue),
        index + 1,
        ...targets.map((table) => (table === null || ids.get(table)!.has(item) ? item : null)),
      ]),
    );
    insertAll(db, link.table, names, linkRows);
  }
}

/** SQLite's limit on the parameters of one statement. */
const MAX_PARAMETERS = 32_766;

/** Inserts rows many to a statement: in sql.js each statement run costs far more than the rows it carries. */
function insertAll(db: Database, table: string, columns: string[], rows: SqlValue[][]): void {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let first = 0; first < rows.length; first += perStatement) {
    const chunk = rows.slice(first, first + perStatement);
    db.run(
      `INSERT INTO ${quoteId(table)} (${columns.map(quoteId).join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`,
      chunk.flat(),
    );
  }
}

/** Datasette's metadata: the database's and each table's title and description, and every column's description. */
function datasetteMetadata(tables: readonly Table[], database: string, title: string): string {
  const describe = (column: Column) => (column.unit ? `${column.description} (${column.unit})` : column.description);
  const tableEntries: [string, object][] = tables.flatMap((spec) => {
    const main: [string, object] = [
      spec.name,
      {
        title: spec.title,
        description: spec.schema.description ?? "",
        columns: Object.fromEntries(spec.columns.filter((c) => c.kind !== "list").map((c) => [c.name, describe(c)])),
      },
    ];
    const links = spec.columns
      .filter((column) => column.kind === "list")
      .map((list): [string, object] => [
        list.link!.table,
        {
          title: `${spec.name}.${list.name}, one row per item`,
          description: `${list.description}; \`position\` keeps the items' order.`,
        },
      ]);
    return [main, ...links];
  });
  const document = {
    title,
    license: DATA_LICENSE.name,
    license_url: DATA_LICENSE.path,
    databases: {
      [database]: { title, description: databaseDescription(tables), tables: Object.fromEntries(tableEntries) },
    },
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/** The database's description for Datasette, naming its link tables and what their items point to. */
function databaseDescription(tables: readonly Table[]): string {
  const links = linkTables(tables).map(({ table, from, references }) =>
    references.length === 0 ? table : `${table} (${singular(from)} to ${references.map(singular).join(" or ")})`,
  );
  return (
    `Every table of the dataset. List columns are link tables, one row per item: ${inWords(links)}. Dates are ISO ` +
    `8601 text.`
  );
}

/** "a, b and c". */
function inWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
