#!/usr/bin/env python3
"""Write a synthetic, valid rule file with N statuses and M actions, for the scale
benchmark: `scripts/gen-rules.py 10000 64 > /tmp/rules-10000x64.yaml`."""
import sys


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: gen-rules.py STATUSES ACTIONS")
    statuses, actions = int(sys.argv[1]), int(sys.argv[2])
    out = sys.stdout
    out.write("schema_version: 1\nname: synthetic\nversion: 1.0.0\ntitle: Synthetic rules\n")
    out.write("actions:\n")
    out.write('  view: { label: View, question: "Can you view it?" }\n')
    for a in range(1, actions):
        out.write(f'  a{a}: {{ label: Action {a}, question: "Can you do {a}?" }}\n')
    out.write("fields:\n  f1: { label: Field one }\n  f2: { label: Field two }\n")
    out.write("statuses:\n")
    for s in range(statuses):
        out.write(f"  s{s}:\n    label: Status {s}\n    description: Synthetic status number {s}.\n")
        out.write("    permissions:\n      view: allow\n")
        for a in range(1, actions):
            k = (s * 31 + a * 7) % 5
            if k == 0:
                out.write(f"      a{a}: {{ decision: limited, fields: [f1], note: Only field one. }}\n")
            elif k in (1, 2):
                out.write(f"      a{a}: allow\n")
            else:
                out.write(f"      a{a}: deny\n")


if __name__ == "__main__":
    main()
