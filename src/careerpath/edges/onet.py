"""Reading one occupation from the O*NET text database (db_30_x_text, as users download it).

Skills.txt and Knowledge.txt give each element's importance (IM) and level (LV) rows; Occupation
Data.txt the title and description. The files are read line by line and only the occupation's
rows are kept, so the full database costs no more memory than the sample in tests/data/onet.
"""

from __future__ import annotations

import csv
import difflib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from careerpath.core.onet import Draft, Occupation, Rating, draft, spread
from careerpath.edges.load import unreadable
from careerpath.edges.safe_open import open_file
from careerpath.errors import CareerpathError, UsageError

if TYPE_CHECKING:
    from careerpath.edges.load import Library

SKILLS, KNOWLEDGE, OCCUPATIONS = "Skills.txt", "Knowledge.txt", "Occupation Data.txt"
CODE = "O*NET-SOC Code"
RATING_COLUMNS = (
    CODE,
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
)
OCCUPATION_COLUMNS = (CODE, "Title", "Description")
_CODE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}")
_FILES = f"{SKILLS}, {KNOWLEDGE} and {OCCUPATIONS}"


def read_occupation(folder: Path, code: str) -> Occupation:
    """The occupation `code` with its skill and knowledge ratings, from the files in `folder`."""
    if not _CODE.fullmatch(code):
        raise UsageError(
            f"{{option}} must be an O*NET-SOC code like 15-1232.00, got '{code}'", option="code"
        )
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(
            f"the O*NET folder {problem}; name the folder that holds {_FILES}", file=folder
        )
    paths = [folder / name for name in (OCCUPATIONS, SKILLS, KNOWLEDGE)]
    for path in paths:
        if not path.exists() or path.is_dir():  # a pipe or a device: _open says what it is
            raise CareerpathError(
                f"no such file; the O*NET text database (db_30_x_text) has {_FILES}", file=path
            )
    title, description = _occupation(paths[0], code)
    ratings: dict[str, dict[str, tuple[str, ...]]] = {}
    for path in paths[1:]:
        for line, row in _rows(path, RATING_COLUMNS, code):
            element, scale = row[1], row[3]
            if scale in ("IM", "LV"):
                _number(row[4], path, line)
                ratings.setdefault(element, {})[scale] = row
    if not ratings:
        raise CareerpathError(
            f"O*NET has no skill or knowledge ratings for {code} ({title}) in these files;"
            " choose an occupation O*NET has rated",
            file=paths[1],
        )
    return Occupation(code, title, description, {e: _rating(e, r) for e, r in ratings.items()})


def _occupation(path: Path, code: str) -> tuple[str, str]:
    codes: list[str] = []
    for _, row in _rows(path, OCCUPATION_COLUMNS, None):
        if row[0] == code:
            return row[1], row[2]
        codes.append(row[0])
    close = difflib.get_close_matches(code, codes, n=1, cutoff=0.8)
    hint = f"did you mean {close[0]}?" if close else "O*NET OnLine's search finds the code"
    raise UsageError(f"unknown O*NET-SOC code '{code}' in this file; {hint}", file=path)


def _open(path: Path) -> TextIO:
    """The file as text, a regular file only (careerpath.edges.safe_open: never a hang)."""
    try:
        return os.fdopen(open_file(path), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise unreadable(path, exc) from None


def _rows(
    path: Path, columns: tuple[str, ...], code: str | None
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(line, the named columns) of each row of `path`; with `code`, that occupation's only."""
    try:
        with _open(path) as stream:
            reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, [])
            missing = [c for c in columns if c not in header]
            if missing:
                raise CareerpathError(
                    "not O*NET's text format: the first line must be its tab-separated header"
                    f" (no column '{missing[0]}'); use the text files of the database"
                    " (db_30_x_text), not the Excel or SQL ones",
                    file=path,
                    line=1,
                )
            at = [header.index(c) for c in columns]
            for row in reader:
                if code is not None and (not row or row[0] != code):
                    continue
                if len(row) != len(header):
                    raise CareerpathError(
                        f"has {len(row)} tab-separated fields where the header has"
                        f" {len(header)}; is the file complete and unedited?",
                        file=path,
                        line=reader.line_num,
                    )
                yield reader.line_num, tuple(row[i] for i in at)
    except UnicodeDecodeError:
        raise CareerpathError(
            "not O*NET's text format (not UTF-8 text); use the text files of the database"
            " (db_30_x_text), not the Excel ones",
            file=path,
        ) from None
    except csv.Error as exc:
        raise CareerpathError(f"not O*NET's text format: {exc}", file=path) from None


def _number(text: str, path: Path, line: int) -> float:
    try:
        return float(text)
    except ValueError:
        raise CareerpathError(
            f"Data Value must be a number, got '{text}'; is the file unedited?",
            file=path,
            line=line,
        ) from None


def _rating(element: str, scales: dict[str, tuple[str, ...]]) -> Rating:
    """One element's IM and LV rows as a Rating (columns in RATING_COLUMNS order)."""
    im, lv = scales.get("IM"), scales.get("LV")
    any_row = im or lv
    assert any_row is not None
    dates = sorted(
        (row[7] for row in (im, lv) if row is not None),
        key=lambda d: d[-4:] + d[:2],  # MM/YYYY
    )
    return Rating(
        element=element,
        name=any_row[2],
        importance=None if im is None else float(im[4]),
        level=None if lv is None else float(lv[4]),
        not_relevant=lv is not None and lv[6] == "Y",
        suppress=any(row is not None and row[5] == "Y" for row in (im, lv)),
        date=dates[-1],
    )


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "role"


def role_id_for(title: str, role_id: str | None, out: Path | None) -> str:
    """The draft's id: --id, else the --out file's name, else the occupation's title."""
    if role_id is not None and out is not None and out.stem != role_id:
        raise UsageError(
            f"a role profile's file is named for its id: write {role_id}.yaml, or leave out"
            " {option}",
            option="role_id",
        )
    chosen = role_id or (out.stem if out is not None else _slug(title))
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", chosen):
        raise UsageError(
            f"{{option}} must be a lowercase role id (letters, digits, _ and -, like"
            f" support-engineer), got '{chosen}'",
            option="role_id",
        )
    return chosen


def import_role(
    folder: Path,
    code: str,
    library: Library,
    role_id: str | None = None,
    out: Path | None = None,
) -> tuple[Draft, str]:
    """A draft profile of O*NET occupation `code` and its YAML text, which validates."""
    from careerpath.core import checks
    from careerpath.core.model import Role
    from careerpath.edges.load import raise_problems, validate
    from careerpath.edges.yaml_source import parse
    from careerpath.views.onet_draft_text import draft_text

    occupation = read_occupation(folder, code)
    chosen = role_id_for(occupation.title, role_id, out)
    hand_written = [r for r in library.roles.values() if r.id != chosen]
    result = draft(occupation, library.catalogue, spread(hand_written, library.catalogue), chosen)
    names = {k: s.name for k, s in library.catalogue.skills.items()}
    text = draft_text(result, names)
    document = parse(text, str(out or f"{chosen}.yaml"))  # what a person will load: it must
    role = validate(document, Role)  # validate, or this is careerpath's bug, not theirs
    raise_problems(document, checks.check_role(role, library.catalogue, chosen))
    return result, text
