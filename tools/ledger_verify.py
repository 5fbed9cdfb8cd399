#!/usr/bin/env python3
"""Independent reference verifier for ledger exports (entry format v1, docs/ledger-format.md).

Uses nothing but Python's standard library: a JCS serializer for the JSON subset ledger entries use
(objects, arrays, strings, integers, booleans, null) and hashlib's SHA-256 / SM3. It exists to show
that the format can be audited without our Java code, and CI runs it against our own exports.

    python3 tools/ledger_verify.py export.ndjson
"""
import hashlib
import json
import sys

ZERO = "0" * 64
MEMBERS = {"v", "seq", "ts", "actor", "type", "body", "prev"}


def _utf16_key(s):
    return s.encode("utf-16-be")  # RFC 8785 §3.2.3: sort by UTF-16 code units


def jcs(value):
    """RFC 8785 for the integer-only subset; floats are refused rather than guessed at."""
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: _utf16_key(kv[0]))
        return "{" + ",".join(jcs(k) + ":" + jcs(v) for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        if abs(value) > 2**53 - 1:
            raise ValueError("integer outside I-JSON range")
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # same escapes as JSON.stringify for our strings
    raise ValueError("non-integer numbers are not part of ledger entries: %r" % (value,))


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate member name")
    return dict(pairs)


def entry_hash(alg, canonical):
    h = hashlib.new("sm3" if alg == "sm3" else "sha256")
    h.update(b"\x00" + canonical)  # RFC 9162 leaf prefix
    return h.hexdigest()


def verify(lines):
    """Returns (verified, head_seq, head_hash, failure) where failure is (seq, kind, detail) or None."""
    alg, prev, expected = None, ZERO, 0
    for raw in lines:
        seq = expected
        raw = raw[:-1] if raw.endswith(b"\n") else raw
        try:
            entry = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates)
        except (ValueError, UnicodeDecodeError) as e:
            return expected, expected - 1, prev, (seq, "unparseable", str(e))
        try:
            canonical = jcs(entry).encode("utf-8")
        except ValueError as e:
            return expected, expected - 1, prev, (seq, "not_canonical", str(e))
        if canonical != raw:
            return expected, expected - 1, prev, (seq, "not_canonical", "bytes differ from JCS form")
        if not isinstance(entry, dict) or set(entry) != MEMBERS or entry["v"] != 1:
            return expected, expected - 1, prev, (seq, "invalid_entry", "not a v1 entry")
        if entry["seq"] != expected:
            return expected, expected - 1, prev, (seq, "seq_gap", "found seq %s" % entry["seq"])
        if entry["prev"] != prev:
            return expected, expected - 1, prev, (seq, "broken_link", "prev %s" % entry["prev"])
        if seq == 0:
            alg = entry["body"].get("hashAlg")
            if entry["type"] != "ledger.genesis" or alg not in ("sha-256", "sm3"):
                return expected, expected - 1, prev, (seq, "invalid_entry", "bad genesis")
        prev = entry_hash(alg, raw)
        expected += 1
    return expected, expected - 1, prev, None


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    with open(argv[1], "rb") as f:
        verified, head_seq, head_hash, failure = verify(f)
    if failure:
        print("FAILED at seq %d: %s: %s" % failure)
        return 1
    print("OK: verified %d entries; head seq %d hash %s" % (verified, head_seq, head_hash))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
