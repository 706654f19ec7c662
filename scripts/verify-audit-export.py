#!/usr/bin/env python3
"""Verifies an audit export (`waarborg audit export`, JSON lines) without Waarborg.

Usage: verify-audit-export.py [FILE]   (no FILE, or -, reads standard input)

An independent second implementation of docs/audit.md: the canonical content and the SHA-256 chain.
Exit 0 and "N events intact, last hash H" when the chain holds from genesis; exit 1 naming the first
broken event otherwise; exit 2 when FILE cannot be read. Compare the last hash with one you kept elsewhere.
"""
import hashlib, json, struct, sys, uuid
from datetime import datetime, timedelta, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

def text(t):
    b = t.encode('utf-8')
    return struct.pack('>i', len(b)) + b

def texts(ts):
    return struct.pack('>i', len(ts)) + b''.join(text(t) for t in ts)

def opt(value, encode):
    return b'\x00' if value is None else b'\x01' + encode(value)

def micros(iso):
    return (datetime.fromisoformat(iso.replace('Z', '+00:00')) - EPOCH) // timedelta(microseconds=1)

def content(e):
    return (b'\x01' + struct.pack('>qq', e['seq'], micros(e['occurredAt']))
            + text(e['actor']) + text(e['role']) + text(e['action'])
            + opt(e['purpose'], text)
            + opt(e['subjectId'], lambda u: uuid.UUID(u).bytes)
            + texts(e['categories']) + text(e['outcome']) + texts(e['reasons'])
            + opt(e['policyVersion'], lambda v: struct.pack('>q', v)))

if len(sys.argv) > 2: sys.exit('usage: verify-audit-export.py [FILE]')
name = sys.argv[1] if len(sys.argv) == 2 else '-'
try:
    source = sys.stdin if name == '-' else open(name, encoding='utf-8')
except OSError as problem:
    print(f'{name}: cannot read: {problem.strerror}', file=sys.stderr)
    sys.exit(2)
prev, seq = bytes(32), 0
for line in source:
    if not line.strip(): continue
    e = json.loads(line)
    seq += 1
    if e['seq'] != seq: sys.exit(f'gap in seq at event {seq}')
    if bytes.fromhex(e['prevHash']) != prev: sys.exit(f'link broken at event {seq}')
    prev = hashlib.sha256(prev + content(e)).digest()
    if prev.hex() != e['hash']: sys.exit(f'content changed at event {seq}')
print(f'{seq} events intact, last hash {prev.hex()}')
