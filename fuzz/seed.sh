#!/usr/bin/env bash
# Seed the fuzz corpora from the repository's fixtures (and ../shared/attacks when present).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/text corpus/docx
for f in ../fixtures/documents/* ../fixtures/rules/*/*.txt ../fixtures/rules/*/*.md; do
    [ -f "$f" ] || continue
    mode=0; case "$f" in *.md) mode=1;; esac
    { printf "\\x0$mode"; cat "$f"; } > "corpus/text/$(basename "$f").seed"
done
for f in ../fixtures/attacks/fix/min-* ../fixtures/attacks/fix/FIX_*; do
    case "$f" in *.sig) continue;; esac
    case "$f" in */min-*) cp "$f" "corpus/text/$(basename "$f")";; *) { printf '\x00'; cat "$f"; } > "corpus/text/$(basename "$f")";; esac
done
cp ../fixtures/docx/libreoffice/*.docx ../fixtures/attacks/docx/*.docx corpus/docx/ 2>/dev/null || true
if [ -d ../../shared/attacks/docx ]; then cp ../../shared/attacks/docx/*.docx corpus/docx/ 2>/dev/null || true; fi
echo "seeded: $(ls corpus/text | wc -l) text, $(ls corpus/docx | wc -l) docx"
