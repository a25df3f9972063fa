"""Verdicts per language of a `codevet verify` run, as a Markdown table (for issue notes):
    python bench/verdicts_by_language.py OUT/report.jsonl"""
import json, collections, sys
rows=[json.loads(l) for l in open(sys.argv[1])]
t=collections.defaultdict(collections.Counter)
for r in rows:
    lang=r['language']; a=r.get('artifacts') or {}
    t[lang]['n']+=1; t[lang][r['status']]+=1
    if r['status']=='pass' and lang!='python': t[lang]['lvl:'+(a.get('level') or '-')]+=1
    if r['status']!='pass': t[lang]['why:'+str(r['reason'])]+=1
print("| language | rows | pass | fail | error | pass at parses / compiles / runs | top reasons (fail/error) |")
print("|---|---:|---:|---:|---:|---|---|")
for lang,c in sorted(t.items(), key=lambda kv:-kv[1]['n']):
    lv=" / ".join(str(c['lvl:'+k]) for k in ('parses','compiles','runs')) if lang not in ('python','polyglot') else "-"
    why=", ".join(f"{k[4:]} {v}" for k,v in c.most_common() if k.startswith('why:'))[:120]
    print(f"| {lang if lang!='polyglot' else 'none found (polyglot)'} | {c['n']} | {c['pass']} | {c['fail']} | {c['error']} | {lv} | {why} |")
print("total", len(rows))
