"""Röjandekontroll: which sick-leave figures may be shown.

The law (LKBR 11 kap.; formerly 4 kap. 1 a § KRL) forbids a group figure when the group
has ten employees or fewer, or when the figure can be attributed to an individual.
redovisa applies, in order:

1. **Primary.** A figure is not shown when its group has at most ``max_hidden_employees``
   (10) employees with ordinary working time in the period, or, with
   ``single_person`` on, when all of its numerator hours come from one employee (the
   figure would then describe that person). A group with no employees has no figure.
2. **Secondary (complementary).** Women + men, and the three age groups, partition the
   total, weighted by hours. If exactly one group of a partition were hidden, it could
   be worked out from the total and the others; so the next-smallest group is hidden
   too (reason "sekundär röjandekontroll").
3. **Whole disclosure.** When the total population has at most ten employees, every
   figure is hidden (the law then does not require the disclosure). Otherwise the total
   is shown, unless one person has all its sick hours (with ``single_person``: it would
   describe that person). The long-term share is hidden
   when one person has all long-term hours (it would say that person was ill for 60
   days or more).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redovisa.hr.sickleave import Figure

__all__ = ["SuppressionRule", "protect"]

SMALL_GROUP = "Redovisas inte: gruppen har tio eller färre anställda."
SINGLE_PERSON = "Redovisas inte: uppgiften kan hänföras till en enskild person."
SECONDARY = (
    "Redovisas inte (sekundär röjandekontroll): uppgiften skulle annars kunna räknas fram"
    " ur totalen och övriga grupper."
)
SMALL_POPULATION = "Redovisas inte: tio eller färre anställda i hela redovisningen."

PARTITIONS = (("women", "men"), ("age_29", "age_30", "age_50"))


@dataclass(frozen=True, slots=True)
class SuppressionRule:
    """Regel för röjandekontroll: the threshold and whether single-person figures are hidden."""

    max_hidden_employees: int = 10
    single_person: bool = True

    def primary(self, figure: Figure) -> str | None:
        """The reason a figure is hidden on its own, or None."""
        if figure.employees <= self.max_hidden_employees:
            return SMALL_GROUP
        if self.single_person and figure.contributors == 1:
            return SINGLE_PERSON
        return None

    def protect_partition(self, total: Figure, groups: Sequence[Figure]) -> list[Figure]:
        """Hide enough of ``groups`` that none hidden can be derived from the total."""
        out = list(groups)
        if total.suppressed is not None:
            return out
        live = [i for i, f in enumerate(out) if f.employees > 0]
        hidden = [i for i in live if out[i].suppressed is not None]
        if len(hidden) == 1:
            shown = [i for i in live if out[i].suppressed is None]
            if shown:
                pick = min(shown, key=lambda i: (out[i].employees, i))
                out[pick] = replace(out[pick], suppressed=SECONDARY)
        return out


def protect(figures: dict[str, Figure], rule: SuppressionRule) -> dict[str, Figure]:
    """Apply primary, secondary and whole-disclosure suppression to the seven figures."""
    out: dict[str, Figure] = {}
    for key, figure in figures.items():
        if key == "total":
            # Not a group figure (see the whole-disclosure rule), but when one person has all
            # the sick hours it describes that person, and a group hidden for that reason
            # could be read off it.
            reason = SINGLE_PERSON if rule.single_person and figure.contributors == 1 else None
        elif key == "long":
            # The long-term share reveals a person when one person has all long-term hours.
            reason = SINGLE_PERSON if rule.single_person and figure.contributors == 1 else None
        elif figure.employees == 0:
            reason = None  # an empty group has no figure and reveals nothing
        else:
            reason = rule.primary(figure)
        out[key] = replace(figure, suppressed=reason)
    if out["total"].employees <= rule.max_hidden_employees:
        return {k: replace(f, suppressed=SMALL_POPULATION) for k, f in out.items()}
    for partition in PARTITIONS:
        protected = rule.protect_partition(out["total"], [out[k] for k in partition])
        out.update(zip(partition, protected, strict=True))
    return out
