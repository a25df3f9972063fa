"""Runs INSIDE the sandbox (copied into the workspace, started with codevet's Python):
parse an answer's SQL with sqlglot, and run it on an in-memory SQLite when it creates its
own tables. Prints one JSON object. Reads `prog.sql`; imports nothing of codevet.

Dialects tried in turn (the answer does not say which): sqlglot's generic one, then MySQL,
PostgreSQL, T-SQL, SQLite; the first that parses the whole script names the dialect.
"""
import json
import re
import sqlite3
import sys

DIALECTS = ("", "mysql", "postgres", "tsql", "sqlite")


def analyse(sql: str, run: bool) -> dict:
    """Parse (and with `run`, execute on SQLite when the script creates its tables).
    The sandbox calls this in-process with run=False (a parser runs nothing) and starts
    this file in isolation only for an answer that creates its own tables."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ParseError, TokenError

    out = {"parsed": False, "dialect": None, "error": None, "creates": [], "ran": False, "run_error": None}
    trees = None
    for dialect in DIALECTS:
        try:
            trees = [t for t in sqlglot.parse(sql, read=dialect or None) if t is not None]
        except (ParseError, TokenError) as exc:
            if out["error"] is None:
                out["error"] = str(exc).splitlines()[0][:500]
            continue
        except Exception as exc:  # sqlglot's own bug on odd input: not the answer's syntax error
            out["error"] = f"{type(exc).__name__}: {exc}"[:500]
            continue
        out["parsed"], out["dialect"] = True, dialect or "generic"
        break
    if not trees:
        if out["parsed"]:
            out["parsed"], out["error"] = False, "no SQL statement"
        return out
    out["error"] = None
    reserved = reserved_table_names(trees, exp)
    if reserved:  # sqlglot's generic dialect lets `FROM Table` through; no real database does
        out["parsed"], out["error"] = False, f"the reserved word {reserved[0]!r} is used as a table name unquoted"
        return out
    trailing = TRAILING_COMMA.search(_without_strings(sql))
    if trailing:  # `SELECT a, b, FROM t`: sqlglot accepts it (DuckDB does); MySQL, PostgreSQL, T-SQL, SQLite do not
        out["parsed"], out["error"] = False, f"a comma right before {trailing.group(1).upper()}"
        return out
    out["unknown_names"] = unknown_qualifiers(trees, exp)
    out["statements"] = len(trees)
    out["creates"] = sorted({t.this.name if isinstance(t.this, exp.Table) else str(t.this.this)
                             for t in trees if isinstance(t, exp.Create) and t.args.get("kind") == "TABLE"
                             and t.this is not None})
    out["tables"] = sorted({tbl.name for t in trees for tbl in t.find_all(exp.Table)})
    if out["creates"] and run:
        db = sqlite3.connect(":memory:")
        for tree in trees:
            statement = tree.sql(dialect="sqlite")
            try:
                db.execute(statement)
            except sqlite3.Error as exc:
                out["run_error"] = f"{exc} in: {statement[:300]}"
                break
        else:
            out["ran"] = True
    return out


TRAILING_COMMA = re.compile(r",\s*\b(FROM|WHERE|GROUP\s+BY|ORDER\s+BY)\b", re.IGNORECASE)


def _without_strings(sql: str) -> str:
    return re.sub(r"'(?:''|[^'])*'|\"(?:[^\"])*\"|--[^\n]*", "''", sql)


# Reserved in every dialect tried (SQL standard, MySQL, PostgreSQL, T-SQL, SQLite).
RESERVED = {"TABLE", "SELECT", "FROM", "WHERE", "ORDER", "GROUP", "JOIN", "INSERT", "UPDATE", "DELETE", "CREATE",
            "DROP", "INTO", "VALUES", "HAVING", "UNION", "AND", "OR", "NOT", "NULL", "BY", "ON", "AS"}
# Qualifiers a statement may use without declaring them (trigger rows, upserts, T-SQL outputs).
IMPLICIT = {"new", "old", "excluded", "inserted", "deleted"}


def reserved_table_names(trees: list, exp) -> list[str]:
    """Unquoted table names that are reserved words (`SELECT ... FROM Table`)."""
    found = []
    for tree in trees:
        for table in tree.find_all(exp.Table):
            ident = table.this
            if isinstance(ident, exp.Identifier) and not ident.quoted and ident.name.upper() in RESERVED:
                found.append(ident.name)
    return found


def unknown_qualifiers(trees: list, exp) -> list[str]:
    """Column qualifiers (`d2.id`) naming no table, alias, subquery or CTE anywhere in the
    statement: an alias used but never joined. Only statements that name tables count."""
    unknown: set[str] = set()
    for tree in trees:
        known = set(IMPLICIT)
        for node in tree.find_all(exp.Table, exp.Subquery, exp.CTE, exp.TableAlias):
            for name in (node.alias_or_name, node.name):
                if name:
                    known.add(name.lower())
        if not any(True for _ in tree.find_all(exp.Table)):
            continue
        for column in tree.find_all(exp.Column):
            qualifier = column.table
            if qualifier and qualifier.lower() not in known:
                unknown.add(qualifier)
    return sorted(unknown)


def main() -> None:
    sql = open("prog.sql", encoding="utf-8", errors="replace").read()
    print(json.dumps(analyse(sql, run=True)))


if __name__ == "__main__":
    main()
    sys.exit(0)
