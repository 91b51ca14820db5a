#!/usr/bin/env bash
# Regenerate the screenshots in docs/ that the README shows ("What the pages look like"): the
# plan on screen and printed, the team page, the progress and history pages, made from the
# shipped example and a generated team, with headless Chromium.
#
#   bash docs/screenshots.sh        (from anywhere; uses .venv/bin/careerpath if it exists)
#
# Needs chromium and poppler-utils (pdftoppm, pdftotext); pngquant, if installed, shrinks the
# PNGs to a few hundred KB in all (apt-get install -y chromium poppler-utils pngquant).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
docs=$root/docs
python=$root/.venv/bin/python
[ -x "$python" ] || python=python3
careerpath=("$python" -m careerpath)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CAREERPATH_HOME=$work/home

shot() {  # shot PAGE.html OUT.png HEIGHT: the top of the page, 1000 px wide
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,"$3" \
        --screenshot="$2" "file://$1" >/dev/null 2>&1
}

# The plan, on screen and printed (A4): its first page (This month) and the page with the radar.
"${careerpath[@]}" plan examples/support-analyst.yaml --role testing --date 2026-11-02 \
    --out "$work/plan.html" --force
shot "$work/plan.html" "$docs/plan-html.png" 1400
sed 's#</head>#<style>@page { size: A4; }</style></head>#' "$work/plan.html" >"$work/plan-a4.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/plan.pdf" "file://$work/plan-a4.html" >/dev/null 2>&1
radar=$(for page in $(seq 1 "$(pdfinfo "$work/plan.pdf" | awk '/^Pages:/ {print $2}')"); do
    if pdftotext -f "$page" -l "$page" "$work/plan.pdf" - | grep -q "Current and required levels"
    then echo "$page"; break; fi
done)
pdftoppm -png -r 120 -f 1 -l 1 -singlefile "$work/plan.pdf" "$docs/plan-print-1"
pdftoppm -png -r 120 -f "$radar" -l "$radar" -singlefile "$work/plan.pdf" "$docs/plan-print-radar"

# The team page: a generated team of 12 (benchmarks/team_folder.py), every role.
"$python" benchmarks/team_folder.py "$work/team" 12 --seed 7 >/dev/null
"${careerpath[@]}" team "$work/team" --out "$work/team.html" --force
shot "$work/team.html" "$docs/team-html.png" 1300

# Progress and history: the example, then two later inventories of the same person.
mkdir -p "$work/megan"
"$python" - "$work/megan" <<'EOF'
import sys
from pathlib import Path

import yaml

folder = Path(sys.argv[1])
example = yaml.safe_load(Path("examples/support-analyst.yaml").read_text(encoding="utf-8"))
later = [
    ("2027-02-01", {
        "scripting": {"level": 2, "evidence": "Wrote a Python script, reviewed by a QA engineer,"
                      " that checks bank-feed logs for the header fault of ticket 51937."},
        "test_automation": {"level": 1, "evidence": "Traced three failures of the automated"
                            " suite to the test and step that failed, with the QA lead."},
        "requirements_analysis": 2,
    }),
    ("2027-05-03", {
        "test_design": {"level": 3, "evidence": "Planned the tests of the new payroll export"
                        " with the QA lead; two of my cases found release blockers."},
        "presenting": 3,
    }),
]
inventory = dict(example)
(folder / "inventory-2026-11-02.yaml").write_text(yaml.safe_dump(inventory), encoding="utf-8")
for date, ratings in later:
    inventory = {**inventory, "date": date, "ratings": {**inventory["ratings"], **ratings}}
    (folder / f"inventory-{date}.yaml").write_text(yaml.safe_dump(inventory), encoding="utf-8")
EOF
"${careerpath[@]}" progress "$work/megan/inventory-2026-11-02.yaml" \
    "$work/megan/inventory-2027-02-01.yaml" --out "$work/progress.html" --force
shot "$work/progress.html" "$docs/progress-html.png" 1500
"${careerpath[@]}" history "Megan Doyle" --dir "$work/megan" --out "$work/history.html" --force
shot "$work/history.html" "$docs/history-html.png" 1500

if command -v pngquant >/dev/null; then
    for png in plan-html plan-print-1 plan-print-radar team-html progress-html history-html; do
        pngquant --force --skip-if-larger --strip --quality 55-80 --output "$docs/$png.png" \
            "$docs/$png.png" || true
    done
fi
ls -l "$docs"/*.png
