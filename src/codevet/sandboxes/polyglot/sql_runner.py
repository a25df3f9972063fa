"""Runs INSIDE the sandbox (copied into the workspace, started with codevet's Python):
parse an answer's SQL with sqlglot, and run it on an in-memory SQLite when it creates its
own tables. Prints one JSON object. Reads `prog.sql`; imports nothing of codevet.

Dialects tried in turn (the answer does not say which): sqlglot's generic one, then MySQL,
PostgreSQL, T-SQL, SQLite; the first that parses the whole script names the dialect.
"""
import json
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


def main() -> None:
    sql = open("prog.sql", encoding="utf-8", errors="replace").read()
    print(json.dumps(analyse(sql, run=True)))


if __name__ == "__main__":
    main()
    sys.exit(0)
