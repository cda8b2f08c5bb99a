#!/usr/bin/env python3
"""Counts per class and cloud, and how many cases today's check gets right (exit code)."""
import glob, json, os, collections, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rows = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(ROOT, "cases", "*", "*.json")))]
tab = collections.OrderedDict()
for c in rows:
    cloud = "azure" if c["id"].startswith("az-") else "aws"
    k = c["class"]
    t = tab.setdefault(k, {"azure": [0, 0], "aws": [0, 0], "pass": 0, "fail": 0})
    t[cloud][0] += 1
    t[cloud][1] += c["current"]["exit"] == c["expect"]["exit"]
    t["pass" if c["expect"]["exit"] == 0 else "fail"] += 1
print("| class | Azure cases (right today) | AWS cases (right today) | expect 0 | expect 1/2 |")
print("|---|---:|---:|---:|---:|")
tot = {"azure": [0, 0], "aws": [0, 0], "pass": 0, "fail": 0}
for k, t in tab.items():
    print(f"| {k} | {t['azure'][0]} ({t['azure'][1]}) | {t['aws'][0]} ({t['aws'][1]}) | {t['pass']} | {t['fail']} |")
    for cl in ("azure", "aws"):
        tot[cl][0] += t[cl][0]; tot[cl][1] += t[cl][1]
    tot["pass"] += t["pass"]; tot["fail"] += t["fail"]
print(f"| **all** | {tot['azure'][0]} ({tot['azure'][1]}) | {tot['aws'][0]} ({tot['aws'][1]}) | {tot['pass']} | {tot['fail']} |")
right = tot["azure"][1] + tot["aws"][1]
print(f"\nright today: {right} of {len(rows)}")
if "--wrong" in sys.argv:
    for c in rows:
        if c["current"]["exit"] != c["expect"]["exit"]:
            print(f"- {c['id']} ({c['class']}): expected {c['expect']['exit']}, got {c['current']['exit']} - {c['title']}")
