#!/usr/bin/env bash
# Reproduces the numbers in docs/performance.md on this machine. Every measurement runs
# beside its baseline in the same invocation, so read the ratios, not the absolute times.
#
#   scripts/bench.sh            # everything (a few minutes)
#   scripts/bench.sh query      # one part: decide | engines | query | batch | scale | hostile
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:-all}
work=${BENCH_DIR:-/tmp/portrules-bench}
mkdir -p "$work"

need() { command -v "$1" >/dev/null || { echo "installing $2"; apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null

cargo build --release --locked --bin portrules --example trivial --example naive_batch --example phases
bin=target/release/portrules
trivial=target/release/examples/trivial
naive=target/release/examples/naive_batch

rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

# hyperfine runs each command's samples back to back, so a neighbour that starts or
# stops mid-run skews the ratios (on this machine by up to 0.5 either way). This runs
# ROUNDS short hyperfine runs of all the commands and prints, per command, the medians
# over rounds of its time and of its ratio to the first command, with the rounds'
# range; with LINES set (millions of input lines per run), also its rate.
#   in_rounds NAME ROUNDS [hyperfine options and commands...]
in_rounds() {
  local name=$1 rounds=$2
  shift 2
  for r in $(seq "$rounds"); do
    hyperfine --export-json "$work/$name-$r.json" "$@" >/dev/null 2>&1
  done
  python3 - "$work" "$name" "$rounds" "${LINES:-0}" <<'PY'
import json, statistics, sys
work, name, rounds, lines = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
runs = [json.load(open(f"{work}/{name}-{r}.json"))["results"] for r in range(1, rounds + 1)]
for i, first in enumerate(runs[0]):
    ratios = [rs[i]["median"] / rs[0]["median"] for rs in runs]
    ms = statistics.median(rs[i]["median"] for rs in runs) * 1000
    line = (f"  {first['command'].split(' <')[0][:70]:70}  median {ms:9.3f} ms"
            f"  ratio {statistics.median(ratios):5.2f} (rounds {min(ratios):.2f}-{max(ratios):.2f})")
    if lines:
        rates = [lines / rs[i]["median"] for rs in runs]
        line += f"  {statistics.median(rates):5.2f} M lines/s (rounds {min(rates):.2f}-{max(rates):.2f})"
    print(line)
PY
}

if [[ $part == all || $part == decide ]]; then
  echo "== decide() in process (criterion)"
  cargo bench --locked --bench decide -- --warm-up-time 1 --measurement-time 5
fi

if [[ $part == all || $part == engines ]]; then
  echo "== the exported policies: decide, regorus and cedar-policy on the same 1,000 requests (criterion)"
  cargo bench --locked --bench engines -- --warm-up-time 1 --measurement-time 5
fi

if [[ $part == all || $part == query ]]; then
  echo "== portrules query, one process per question, against a trivial binary"
  # View in Transfer approved: answered without the FOC date (Transfer pending agrees),
  # with the time rule still looked at. Edit without it is refused since 2.0.0 (exit 2).
  cmds=("$trivial" "$bin query --status transfer_approved --action view" "$bin --version")
  # Every other built-in policy, chosen with --policy (the shortcut reads it too), on a
  # question it answers without facts.
  cmds+=("$bin --policy bandwidth-port-ins query --status SUBMITTED --action view"
         "$bin --policy telnyx-porting-orders query --status draft --action delete")
  # The static build that the README suggests for services, beside a static trivial
  # binary. It needs an explicit --target, so that the flags stay off proc-macros.
  host=$(rustc -vV | sed -n 's/^host: //p')
  if [[ $host == *-linux-gnu ]]; then
    CARGO_TARGET_DIR=target/static RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
      cargo build --release --locked --target "$host" --bin portrules --example trivial
    sbin=target/static/$host/release/portrules
    strivial=target/static/$host/release/examples/trivial
    cmds+=("$strivial" "$sbin query --status transfer_approved --action view")
  fi
  in_rounds query "${QUERY_ROUNDS:-7}" -N --warmup 50 --runs 400 "${cmds[@]}"
  echo "  peak RSS: trivial $(rss $trivial) KB, query $(rss $bin query --status transfer_approved --action view) KB"
  if [[ -n ${sbin:-} ]]; then
    echo "  static: trivial $(rss $strivial) KB, query $(rss $sbin query --status transfer_approved --action view) KB"
  fi
fi

if [[ $part == all || $part == batch ]]; then
  echo "== portrules batch, 1,000,000 lines, against a naive serde_json loop"
  python3 - "$work/batch-1m.jsonl" <<'PY'
import json, random, sys
random.seed(7)
st = ["processing", "contacting_carrier", "transfer_approved", "transfer_pending", "error", "completed", "cancelled"]
ac = ["view", "edit", "cancel", "delete"]
with open(sys.argv[1], "w") as f:
    for i in range(1_000_000):
        f.write(json.dumps({"status": random.choice(st), "action": random.choice(ac), "id": i}, separators=(",", ":")) + "\n")
PY
  # In rounds, like the query benchmark: single long runs swung the ratio between 0.5
  # and 1.2 within an hour on this machine.
  LINES=1 in_rounds batch "${BATCH_ROUNDS:-7}" --warmup 1 --runs 3 \
    "$naive < $work/batch-1m.jsonl > /dev/null" \
    "$bin batch < $work/batch-1m.jsonl > /dev/null"
  echo "  peak RSS on 1 M lines: $(rss sh -c "$bin batch < $work/batch-1m.jsonl") KB"

  echo "== the largest built-in policy (Bandwidth's), 1,000,000 lines: its own process, and one"
  echo "   default-policy process whose requests name it (\"policy\"), against the naive loop"
  python3 - "$work" <<'PY'
import json, random, sys
random.seed(7)
# The statuses without time rules, by id (as the naive loop looks them up).
st = ["draft", "validate_draft_tfns", "invalid_draft_tfns", "valid_draft_tfns", "validate_tfns", "invalid_tfns",
      "pending_documents", "submitted", "exception", "requested_supp", "requested_cancel", "cancelled", "complete"]
ac = ["view", "edit", "submit", "cancel", "delete"]
with open(f"{sys.argv[1]}/batch-bandwidth.jsonl", "w") as own, open(f"{sys.argv[1]}/batch-named.jsonl", "w") as named:
    for i in range(1_000_000):
        r = {"status": random.choice(st), "action": random.choice(ac), "id": i}
        own.write(json.dumps(r, separators=(",", ":")) + "\n")
        named.write(json.dumps({"policy": "bandwidth-port-ins", **r}, separators=(",", ":")) + "\n")
PY
  LINES=1 in_rounds batch-bandwidth "${BATCH_ROUNDS:-7}" --warmup 1 --runs 3 \
    "$naive bandwidth-port-ins < $work/batch-bandwidth.jsonl > /dev/null" \
    "$bin --policy bandwidth-port-ins batch < $work/batch-bandwidth.jsonl > /dev/null" \
    "$bin batch < $work/batch-named.jsonl > /dev/null"
  if [[ ${BATCH_GB:-0} == 1 ]]; then
    echo "  1 GB stream (about 19 M lines): peak RSS $(rss sh -c "for i in \$(seq 19); do cat $work/batch-1m.jsonl; done | $bin batch") KB"
  fi
fi

if [[ $part == all || $part == scale ]]; then
  echo "== validate and docs on synthetic rules (statuses x actions): seconds, peak KB"
  for s in 10 100 1000 10000; do
    for a in 4 16 64; do
      f="$work/rules-${s}x${a}.yaml"
      scripts/gen-rules.py "$s" "$a" > "$f"
      v=$(/usr/bin/time -f "%e %M" "$bin" --max-size 100000000 validate "$f" 2>&1 >/dev/null | tail -1)
      d=$(/usr/bin/time -f "%e %M" "$bin" --max-size 100000000 --rules "$f" docs 2>&1 >/dev/null | tail -1)
      printf "  %6s x %-3s %10s bytes  validate %-16s docs %s\n" "$s" "$a" "$(stat -c %s "$f")" "$v" "$d"
    done
  done
  # One run per size shows the growth; the 2-second target for the largest file is read
  # from the median of several, since a single run on a shared machine can be off by 30 %.
  big="$work/rules-10000x64.yaml"
  hyperfine -N --warmup 1 --runs "${SCALE_RUNS:-11}" --export-json "$work/scale.json" \
    "$bin --max-size 100000000 validate $big" "$bin --max-size 100000000 --rules $big docs" >/dev/null
  python3 - "$work/scale.json" <<'PY'
import json, sys
for x in json.load(open(sys.argv[1]))["results"]:
    name = "validate" if " validate " in x["command"] else "docs"
    print(f"  10000 x 64 {name:8}  median {x['median']:.2f} s  (runs {min(x['times']):.2f}-{max(x['times']):.2f})")
PY
  target/release/examples/phases "$big"
fi

if [[ $part == all || $part == hostile ]]; then
  echo "== hostile inputs: seconds, peak KB"
  python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
open(f"{w}/laughs.yaml", "w").write("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]\n" for i in range(1, 20)))
open(f"{w}/deep.yaml", "w").write("[" * 100_000)
open(f"{w}/line.yaml", "w").write('name: "' + "x" * (20 * 1024 * 1024) + '"\n')
open(f"{w}/garbage.yaml", "wb").write(bytes((i * 2654435761 >> 7) & 255 for i in range(1 << 20)))
PY
  for f in laughs deep line garbage; do
    printf "  %-8s %s\n" "$f" "$(/usr/bin/time -f "%e s %M KB" "$bin" validate "$work/$f.yaml" 2>&1 >/dev/null | tail -1)"
  done
  printf "  %-8s %s\n" "line*" "$(/usr/bin/time -f "%e s %M KB" "$bin" --max-size 67108864 validate "$work/line.yaml" 2>&1 >/dev/null | tail -1)  (*with the size limit raised to 64 MiB)"

  echo "== diagnostics grow linearly: N problems (schema, compile, did-you-mean) and N warnings"
  # OLD=path/to/an/older/portrules measures that binary beside this one.
  python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
head = "schema_version: 1\nname: many\nversion: 1.0.0\ntitle: Many\n"
for n in (1000, 10000, 40000):
    # Schema errors: a decision that is not one, and a misspelt key, in every status.
    with open(f"{w}/schema-{n}.yaml", "w") as f:
        f.write(head + "actions:\n  view: {label: View, question: 'v?'}\nstatuses:\n")
        for i in range(n // 2):
            f.write(f"  s{i}: {{label: S{i}, description: d, permissions: {{view: maybe}}, lable: x}}\n")
    # Transitions to misspelt statuses, each with a did-you-mean over all statuses.
    with open(f"{w}/targets-{n}.yaml", "w") as f:
        f.write(head + "actions:\n  view: {label: View, question: 'v?', read_only: true}\nlifecycle: {initial: s0}\nstatuses:\n")
        for i in range(n):
            f.write(f"  s{i}: {{label: S{i}, description: d, permissions: {{view: allow}}, transitions: [{{to: x{i}, on: {{event: e}}}}]}}\n")
    # Warnings in a valid file: view denied, edit allowed, in every status.
    with open(f"{w}/warnings-{n}.yaml", "w") as f:
        f.write(head + "actions:\n  view: {label: View, question: 'v?'}\n  edit: {label: Edit, question: 'e?'}\nstatuses:\n")
        for i in range(n):
            f.write(f"  s{i}: {{label: S{i}, description: d, permissions: {{view: deny, edit: allow}}}}\n")
PY
  for kind in schema targets warnings; do
    for n in 1000 10000 40000; do
      f="$work/$kind-$n.yaml"
      # validate exits 1 on these files; the assignment must not stop the script.
      v=$(/usr/bin/time -f "%e s %M KB" "$bin" validate "$f" 2>&1 >/dev/null | tail -1 || true)
      line="  $(printf '%-8s %6s problems %8s bytes' "$kind" "$n" "$(stat -c %s "$f")")  validate $v"
      if [[ $kind == warnings ]]; then
        q=$(/usr/bin/time -f "%e s %M KB" "$bin" --rules "$f" query --status s1 --action edit 2>&1 >/dev/null | tail -1 || true)
        line+="  query $q"
      fi
      if [[ -n ${OLD:-} ]]; then
        o=$(timeout 300 /usr/bin/time -f "%e s %M KB" "$OLD" validate "$f" 2>&1 >/dev/null | tail -1 || true)
        line+="  old: $o"
      fi
      echo "$line"
    done
  done

  echo "== batch and docs on hostile input"
  printf "  %-44s %s\n" "batch: 200 MB without a newline" \
    "$(head -c 200000000 /dev/zero | /usr/bin/time -f "%e s %M KB" "$bin" batch 2>&1 >/dev/null | tail -1)"
  python3 -c 'print("{\"status\":\"" + "y" * 1000000 + "\",\"action\":\"view\"}")' > "$work/long-name.jsonl"
  printf "  %-44s %s\n" "batch: a 1 MB unknown status" \
    "$(/usr/bin/time -f "%e s %M KB" "$bin" batch --max-line 2000000 < "$work/long-name.jsonl" 2>&1 >/dev/null | tail -1)"
  big="$work/rules-10000x64.yaml"
  [ -f "$big" ] || scripts/gen-rules.py 10000 64 > "$big"
  python3 -c 'import sys; print("\n".join("{\"status\":\"Status 999%dx\",\"action\":\"view\"}" % (i % 10) for i in range(10000)))' > "$work/misspelt.jsonl"
  printf "  %-44s %s\n" "batch: 10,000 misspelt names, 10,000 statuses" \
    "$(/usr/bin/time -f "%e s %M KB" "$bin" --max-size 100000000 --rules "$big" batch < "$work/misspelt.jsonl" 2>&1 >/dev/null | tail -1)"
  printf '{%% for i in range(100000) %%}{%% for j in range(100000) %%}x{%% endfor %%}{%% endfor %%}\n' > "$work/loops.j2"
  printf "  %-44s %s\n" "docs: template with nested 100,000 loops" \
    "$(/usr/bin/time -f "%e s %M KB" "$bin" docs --template "$work/loops.j2" 2>&1 >/dev/null | tail -1)"
  ln -sf /dev/zero "$work/zero.md"
  printf "  %-44s %s\n" "docs --check on a link to /dev/zero" \
    "$(/usr/bin/time -f "%e s %M KB" "$bin" docs --check "$work/zero.md" 2>&1 >/dev/null | tail -1)"
fi
