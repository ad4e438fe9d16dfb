"""The change bus (services.changes): typed changes, caches heard before views whatever the
order they subscribed in, nothing announced when a write is refused or rolled back."""

from __future__ import annotations

import pytest

from imsmap.domain.errors import ValidationError
from imsmap.services.changes import Action, Change, Entity, Tier

pytestmark = pytest.mark.both_backends


def test_a_change_is_made_of_an_action_and_an_entity_never_of_words():
    with pytest.raises(TypeError, match="Action and an Entity"):
        Change("update", "settings", 0)  # type: ignore[arg-type]
    change = Change(Action.UPDATE, Entity.SITE, 7, session_id=3)
    assert change.entity.value == "site"  # the audit trail's word for it


def test_caches_hear_a_change_before_views_whatever_the_order_they_came_in(context, patient):
    heard = []
    context.bus.subscribe(lambda c: heard.append(("view", c.action)))
    context.bus.subscribe(lambda c: heard.append(("cache", c.action)), Tier.CACHE)
    context.records.update_patient(patient.id, notes="moved house")
    assert heard == [("cache", Action.UPDATE), ("view", Action.UPDATE)]


def test_nothing_is_announced_for_a_refused_or_rolled_back_write(context, session):
    heard = []
    context.bus.subscribe(heard.append)
    with pytest.raises(ValidationError):
        context.records.add_site(session.id, "posterior", -5, 10)  # off the chart
    with pytest.raises(RuntimeError):
        with context.records.write() as work:
            work.changed(Change(Action.UPDATE, Entity.SESSION, session.id,
                                session_id=session.id))
            raise RuntimeError("a bug halfway through a write")
    assert heard == []
    context.records.update_session(session.id, complaint="Neck pain")
    assert [(c.action, c.entity) for c in heard] == [(Action.UPDATE, Entity.SESSION)]
