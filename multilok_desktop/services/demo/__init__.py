"""Realistic German demo data for the fictional Landkreis Talbach-Rhön (`multilok demo`).

`generate_demo()` fills an empty database with an address book, meeting series with past
and future meetings (agenda, invitations, attendance, minutes, results, action items,
protocols) and tracked measures. "small" is for trying the app out; "large" is the
benchmark database of DESIGN.md §6.

One `random.Random(seed)` drives every choice: the same seed and `today` always give the
same data. The modules, in the order the generator runs them:

- `plans`: how much each size generates
- `context`: the shared state, ids and the bulk write of all rows
- `contacts`: towns, organisations, people, memberships, tags, distribution lists
- `meetings`: meeting series, their meetings and one-off events
- `minutes`: invitations, agenda, attendance, minutes, results, action items, protocols
- `measures`: tool cards, measures, their partners and status history
- `generator`: `generate_demo()`, which runs the steps above
- `names`, `texts`: the invented names and texts they draw from; `records`: what the
  steps remember about the rows they wrote
"""

from .generator import DemoSummary, generate_demo
from .plans import SIZES

__all__ = ["SIZES", "DemoSummary", "generate_demo"]
