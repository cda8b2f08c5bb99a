#!/usr/bin/env python3
"""Write the corpus (cases/<cloud>/<id>.json) and, with --run, record today's `check` result in `current`."""
import json, os, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CASES, ROOT
import cases_azure, cases_aws

CLI = os.environ.get("ADCS_CLI", "/work/wt/corpus-check/dist/lib/cli/bin.js")


def plan_text(c):
    return c["plan"] if c.get("planIsText") else json.dumps(c["plan"], indent=2)


def run(c):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, c["planFile"])
        with open(p, "w") as f:
            f.write(plan_text(c))
        spec = os.path.join(ROOT, "specs", c["spec"] + ".yaml")
        r = subprocess.run(["node", CLI, "check", "--spec", spec, "--plan", p, "--format", "json"],
                           capture_output=True, text=True, timeout=120)
        note = ""
        try:
            rep = json.loads(r.stdout)
            s = rep.get("summary") or {}
            note = "; ".join(f"{k} {v}" for k, v in s.items()) if isinstance(s, dict) else str(s)
            if not note:
                keys = [k for k in rep if isinstance(rep[k], list) and k != "flows"]
                note = "; ".join(f"{k}: {len(rep[k])}" for k in keys)
                blocked = [f["flow"] for f in rep.get("flows", []) if f.get("status") != "allowed"]
                if blocked:
                    note += "; blocked: " + ",".join(sorted(set(blocked)))
        except Exception:
            note = (r.stderr or r.stdout).strip().splitlines()[0][:300] if (r.stderr or r.stdout).strip() else ""
        return r.returncode, note.replace(d + "/", ""), r.stdout, r.stderr


def main():
    cases_azure.build()
    cases_aws.build()
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    do_run = "--run" in sys.argv
    for c in CASES:
        cloud = "azure" if c["id"].startswith("az-") else "aws"
        if do_run:
            code, note, out, err = run(c)
            c["current"] = {"exit": code, "note": note}
        path = os.path.join(ROOT, "cases", cloud, c["id"] + ".json")
        old = None
        if not do_run and os.path.exists(path):
            try:
                old = json.load(open(path)).get("current")
            except Exception:
                pass
        if old and not do_run:
            c["current"] = old
        with open(path, "w") as f:
            json.dump(c, f, indent=2)
            f.write("\n")
    print(len(CASES), "cases written")


if __name__ == "__main__":
    main()
