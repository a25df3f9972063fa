#!/usr/bin/env python3
import json, sys
# Compare two report.jsonl files line by line: (status, reason) as root vs as a plain user.
# usage: python bench/compare_verdicts.py ROOT_OUT/report.jsonl USER_OUT/report.jsonl
a=[json.loads(l) for l in open(sys.argv[1])]
b=[json.loads(l) for l in open(sys.argv[2])]
same=0
for x,y in zip(a,b):
    ok=(x['status'],x['reason'])==(y['status'],y['reason'])
    same+=ok
    print(f"{x['id']:32} root={x['status']}/{x['reason']!s:22} user={y['status']}/{y['reason']!s}{'' if ok else '  <-- DIFFERS'}")
print(same,"of",len(a),"equal;", len(b), "user lines")
