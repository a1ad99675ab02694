"""Words that are never a name by themselves: the organizer and participant stages reject a
"name" made only of them ("The", "Police", "Saturday", "Protesters")."""

from __future__ import annotations

NOT_NAMES = frozenset(
    """the a an it its they them he she we i this that these those one other police authorities
    government president monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december today
    yesterday last next protesters demonstrators people residents workers students rally protest
    organizers organisers some many several two three four both officials state city local
    national opposition independent""".split()
)
