# Sentence splitting on bbc-dev, and ROUGE scorer conformance with the reference vectors and stems.
set -euo pipefail
out=$(./precis eval sentences --data "$DATA/summarization/bbc-dev.jsonl" --json)
echo "$out" | tail -n 1
.ci/floor sentences.bbc.exact "$(echo "$out" | .ci/json-field exact)"
./precis eval rouge-conformance --data "$DATA/summarization"
