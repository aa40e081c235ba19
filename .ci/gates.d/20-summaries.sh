# Summaries on the dev files: LEAD-3 must reproduce the published figures (within 0.05 ROUGE
# points) and the default summarizer must keep its ROUGE-1 (floors in .ci/floors.properties).
set -euo pipefail
cnndm="$DATA/summarization/cnndm-dev.jsonl"
bbc="$DATA/summarization/bbc-dev.jsonl"

# reproduce FILE R1 R2 RLsum: LEAD-3 figures x100 must be within 0.05 of the reference ones.
reproduce() {
  local out; out=$(./precis eval summaries --data "$1" --algorithm lead --sentences 3 --json | tail -n 1)
  local name; name=$(basename "$1" .jsonl)
  local r1 r2 rl
  r1=$(echo "$out" | .ci/json-field rouge1.f1); r2=$(echo "$out" | .ci/json-field rouge2.f1)
  rl=$(echo "$out" | .ci/json-field rougeLsum.f1)
  awk -v n="$name" -v r1="$r1" -v r2="$r2" -v rl="$rl" -v e1="$2" -v e2="$3" -v el="$4" 'BEGIN {
    d1 = 100 * r1 - e1; d2 = 100 * r2 - e2; dl = 100 * rl - el
    ok = (d1 * d1 <= 0.0025 && d2 * d2 <= 0.0025 && dl * dl <= 0.0025)
    printf "%s  lead-3 %s R1/R2/RLsum = %.2f/%.2f/%.2f (reference %.2f/%.2f/%.2f)\n", ok ? "ok   " : "FAIL ", n, 100 * r1, 100 * r2, 100 * rl, e1, e2, el
    exit !ok }'
}
reproduce "$cnndm" 40.58 17.87 36.90
reproduce "$bbc" 44.20 35.33 43.10

out=$(./precis eval summaries --data "$cnndm" --sentences 3 --json | tail -n 1)
echo "$out"
.ci/floor summaries.cnndm.precis.rouge1 "$(echo "$out" | .ci/json-field rouge1.f1)"
out=$(./precis eval summaries --data "$bbc" --ratio 0.4 --json | tail -n 1)
echo "$out"
.ci/floor summaries.bbc.precis.rouge1 "$(echo "$out" | .ci/json-field rouge1.f1)"
