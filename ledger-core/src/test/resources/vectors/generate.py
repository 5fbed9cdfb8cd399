#!/usr/bin/env python3
"""Writes the golden vectors with an implementation independent of the Java code under test.

entries/<alg>-<name>.json : {"alg", "entry", "canonical", "hash"} for docs/ledger-format.md
chains/<name>.ndjson      : an export; chains/<name>.expect holds "ok <count> <seq> <hash>" or
                            "<kind> <seq>" (the first failure an auditor must report)
Run from this folder: python3 generate.py   (output is committed; the Java tests read it)
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "..", "tools"))
from ledger_verify import ZERO, entry_hash, jcs, verify  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def gtin_check_digit(body13):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body13)))
    return str((10 - total % 10) % 10)


GTIN = "0690123456789" + gtin_check_digit("0690123456789")

BODIES = [
    ("admin", "product.registered",
     {"gtin": GTIN, "name": "六枝小黄姜", "baseUnit": "g", "referencePrice": {"fen": 600, "per": 500}}),
    ("coop-liuzhi", "harvest.delivered",
     {"lotId": "LZ-2022-H001", "gtin": GTIN, "householdId": "hh-7f3a9c", "baseId": "base-langdai",
      "quantity": 125000, "occurredAt": "2022-03-01T07:30:00.000Z"}),
    ("proc-liuzhi", "lot.transformed",
     {"process": "grading", "inputs": [{"lotId": "LZ-2022-H001", "quantity": 125000}],
      "outputs": [{"lotId": "LZ-2022-A01", "gtin": GTIN, "quantity": 80000, "grade": "A"},
                  {"lotId": "LZ-2022-B01", "gtin": GTIN, "quantity": 40000, "grade": "B"}],
      "occurredAt": "2022-03-02T09:00:00.000Z"}),
    ("seller-live", "sale.recorded",
     {"saleId": "S-000001", "channel": "livestream", "lotId": "LZ-2022-A01", "quantity": 2500,
      "unitPriceFen": 1200, "pricePer": 500,
      "fees": {"platformFen": 300, "serviceFen": 150, "logisticsFen": 800, "packagingFen": 100},
      "occurredAt": "2022-03-05T12:00:00.000Z"}),
    ("coop-liuzhi", "payout.made",
     {"householdId": "hh-7f3a9c", "amountFen": 4650, "reference": "转账 2022-03 第1批\n\"备注\"",
      "occurredAt": "2022-03-31T10:00:00.000Z"}),
]


def build_chain(alg, ledger_id):
    lines, prev = [], ZERO
    genesis = {"v": 1, "seq": 0, "ts": "2022-03-01T08:00:00.000Z", "actor": "admin",
               "type": "ledger.genesis", "body": {"ledgerId": ledger_id, "hashAlg": alg}, "prev": prev}
    entries = [genesis]
    for i, (actor, typ, body) in enumerate(BODIES, start=1):
        entries.append({"v": 1, "seq": i, "ts": "2022-03-%02dT08:00:%02d.%03dZ" % (i + 1, i, i * 7),
                        "actor": actor, "type": typ, "body": body, "prev": None})
    for e in entries:
        e["prev"] = prev
        canonical = jcs(e).encode("utf-8")
        prev = entry_hash(alg, canonical)
        lines.append((e, canonical, prev))
    return lines


def flip_prev(line):
    """The same entry with the first hex digit of its prev changed: still a well-formed entry."""
    at = line.index(b'"prev":"') + len(b'"prev":"')
    return line[:at] + (b"1" if line[at:at + 1] != b"1" else b"2") + line[at + 1:]


def write(path, data):
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)


def main():
    os.makedirs(os.path.join(HERE, "entries"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "chains"), exist_ok=True)
    for alg in ("sha-256", "sm3"):
        chain = build_chain(alg, "liuzhi-ginger")
        for e, canonical, h in chain:
            name = "%s-%d-%s.json" % (alg, e["seq"], e["type"].replace(".", "-"))
            doc = {"alg": alg, "entry": e, "canonical": canonical.decode("utf-8"), "hash": h}
            write("entries/" + name, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode())
        good = [c for _, c, _ in chain]
        tag = alg.replace("-", "")
        cases = {
            "valid-" + tag: good,
            "changed-body-" + tag: good[:2] + [good[2].replace(b"125000", b"125001")] + good[3:],
            "deleted-entry-" + tag: good[:3] + good[4:],
            "swapped-pair-" + tag: good[:2] + [good[3], good[2]] + good[4:],
            "inserted-copy-" + tag: good[:4] + [good[1]] + good[4:],
            "broken-prev-" + tag: good[:3] + [flip_prev(good[3])] + good[4:],
            "not-canonical-" + tag: good[:1] + [good[1].replace(b'","', b'", "', 1)] + good[2:],
            "unparseable-" + tag: good[:5] + [good[5][:40]],
        }
        for name, lines in cases.items():
            export = b"".join(l + b"\n" for l in lines)
            write("chains/%s.ndjson" % name, export)
            verified, head_seq, head_hash, failure = verify(export.splitlines(keepends=True))
            expect = ("ok %d %d %s" % (verified, head_seq, head_hash) if failure is None
                      else "%s %d" % (failure[1], failure[0]))
            write("chains/%s.expect" % name, (expect + "\n").encode())
            print(name, expect)


if __name__ == "__main__":
    main()
