"""Generator of the Lystkom example report project (ledger, budget, forecast).

Two steps, both deterministic:

1. :mod:`lystkom_gen.planner` turns the figures of the seed report (in tkr) into
   exact amounts in öre per *plan item* (an account group x verksamhet x half-year,
   a balance at a date, a budget line) so that every figure the report shows rounds
   to the seed's figure, or to the corrected figure where the seed contradicts
   itself. The solved plan is committed as ``plan.csv``; :mod:`lystkom_gen.items`
   defines the plan items and :mod:`lystkom_gen.model` how each figure is computed.
2. :mod:`lystkom_gen.ledger` and :mod:`lystkom_gen.books` spread each plan item over
   realistic vouchers (service invoices, payroll, supplier invoices, depreciation runs, interest,
   amortisation, IT purchases, period-end accruals) and writes SIE 4 files,
   budget and forecast CSV files (:mod:`lystkom_gen.output`).
"""

from __future__ import annotations

__all__: list[str] = []
