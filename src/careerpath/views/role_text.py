"""A role profile as readable text for `careerpath roles show`."""

from __future__ import annotations

from careerpath.core.model import LEVEL_NAMES, Catalogue, Role
from careerpath.views.escape import terminal_text


def role_text(role: Role, catalogue: Catalogue) -> str:
    lines = [role.title, "=" * len(role.title), role.summary, ""]
    if role.onet is not None:
        lines += [f"O*NET occupation: {role.onet.title} ({role.onet.code})", ""]
    lines.append("Skills (required level, importance 1-5), most important first:")
    ordered = sorted(role.skills.items(), key=lambda kv: (-kv[1].importance, -kv[1].level, kv[0]))
    width = max(len(catalogue.skills[s].name) for s, _ in ordered)
    for skill_id, req in ordered:
        name = catalogue.skills[skill_id].name
        lines.append(
            f"  {name:<{width}}  level {req.level} ({LEVEL_NAMES[req.level]}),"
            f" importance {req.importance}"
        )
    sections = [
        (
            "Credentials (none is mandatory)",
            [f"{c.name}: {c.why}" if c.why else c.name for c in role.credentials],
        ),
        (
            "Experiences to seek",
            [f"{e.name}: {e.how}" if e.how else e.name for e in role.experiences],
        ),
        ("People to know", [f'{r.who}: ask "{r.ask}"' for r in role.relationships]),
        ("Exposure across the business", [f"{e.area}: {e.how}" for e in role.exposure]),
        ("Influence without authority", list(role.influence)),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title}:"] + [f"  - {item}" for item in items]
    lines += ["", "A good mentor for this move:", f"  {role.mentor.profile}"]
    if role.mentor.questions:
        lines += ["  First questions:"] + [f"    - {q}" for q in role.mentor.questions]
    return terminal_text("\n".join(lines))
