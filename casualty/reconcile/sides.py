"""Whose side a source speaks for, and when its figure serves that side.

SPEC §6: a claim is *self-serving* when a belligerent's figure for its enemy's losses is above
every other source's, or its figure for its own losses is below them. "Other" means sources
not on the same side (two outlets of one side do not excuse each other). A figure for civilians
its own side killed counts like its own losses: playing it down serves the side. Figures are
compared by their lower bound (the upper one when that is all a source gives).

A source is partisan when the registry gives it a `side` (a belligerent's ministry, state media)
or when its `source_type` is `belligerent` (then, without a registry entry, it speaks for itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from casualty.model import Claim

Direction = Literal["inflate", "deflate"]


class SourceInfo(Protocol):
    """What reconciliation needs to know about a source."""

    @property
    def side(self) -> str | None: ...

    @property
    def source_type(self) -> str: ...


class ActorInfo(Protocol):
    """What reconciliation needs to know about an actor."""

    @property
    def name(self) -> str: ...

    @property
    def side(self) -> str | None: ...


class RegistryLike(Protocol):
    """The lookups of `casualty.registry.Registry` that reconciliation uses."""

    def source(self, name_or_alias: str) -> SourceInfo | None: ...

    def actor(self, name_or_alias: str) -> ActorInfo | None: ...


def actor_side(name: str, registry: RegistryLike | None) -> str:
    """The party an actor belongs to: its registry `side`, else its canonical name."""
    if registry is not None:
        actor = registry.actor(name)
        if actor is not None:
            return actor.side or actor.name
    return name


def source_side(source: str, source_type: str, registry: RegistryLike | None) -> str | None:
    """The party a source speaks for, None for a source that speaks for nobody."""
    if registry is not None:
        info = registry.source(source)
        if info is not None and info.side:
            return actor_side(info.side, registry)
    if source_type == "belligerent":
        return actor_side(source, registry)
    return None


def bias_direction(
    source: str,
    source_type: str,
    victim: str | None,
    victim_category: str | None,
    claims: Sequence[Claim],
    registry: RegistryLike | None,
) -> Direction | None:
    """Which way a partisan source's figure would lean for this row, None if it has no stake.

    `inflate` for its enemy's combatant losses, `deflate` for its own losses or for civilians
    its side is blamed for.
    """
    side = source_side(source, source_type, registry)
    if side is None:
        return None
    if victim and actor_side(victim, registry) == side:
        return "deflate"
    perpetrator_sides = {actor_side(c.perpetrator, registry) for c in claims if c.perpetrator}
    if victim_category == "civilians":
        return "deflate" if side in perpetrator_sides else None
    if side in perpetrator_sides:
        return "inflate"
    if victim and victim_category == "combatants":
        return "inflate"
    return None
