"""Scenario files: the shipped one loads with a source for every value; bad files fail clearly."""

import copy
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from sim.domain.errors import ScenarioError
from sim.domain.scenario_io import load_scenario, parse_scenario, read_yaml, scenario_hash

ROOT = Path(__file__).resolve().parents[2]
KURSK = ROOT / "scenarios" / "kursk_2024.yaml"
SEED = ROOT / "seeds" / "2024-10_north_korean_troops_kursk.txt"


@pytest.fixture
def data():
    return read_yaml(KURSK)


def problems_of(data) -> str:
    with pytest.raises(ScenarioError) as err:
        parse_scenario(data, source="kursk_2024.yaml")
    return str(err.value)


def sources(model, path=""):
    """Every (field path, provenance text) of a validated scenario."""
    if isinstance(model, BaseModel):
        for key, value in model:
            if key == "source" and value:
                yield f"{path}.source", value
            elif key == "sources":
                yield from ((f"{path}.sources.{f}", t) for f, t in value.items())
            else:
                yield from sources(value, f"{path}.{key}")
    elif isinstance(model, dict):
        for key, value in model.items():
            yield from sources(value, f"{path}.{key}")
    elif isinstance(model, list):
        for i, value in enumerate(model):
            yield from sources(value, f"{path}.{i}")


def test_kursk_scenario_has_what_the_document_describes():
    world = load_scenario(KURSK)
    assert set(world.actors) == {"russia", "ukraine", "north_korea", "united_states", "nato",
                                 "south_korea", "japan", "australia", "china", "india", "iran"}  # fmt: skip
    assert world.actors["nato"].kind == "alliance"
    kinds = {(r.kind, *r.parties) for r in world.relations.values()}
    assert ("war", "russia", "ukraine") in kinds
    assert ("supply", "north_korea", "russia") in kinds
    treaty = world.relations["russia_north_korea_security_agreement"]
    assert treaty.mutual_defence and set(treaty.parties) == {"russia", "north_korea"}
    assert all(
        world.relations[r].restricted_use
        for r in ("us_weapons_to_ukraine", "nato_weapons_to_ukraine")
    )
    assert world.forces["kpa_expeditionary_corps"].strength == 10000
    assert world.theatres["kursk"].held_by == "ukraine"
    assert str(world.start_date).startswith("2024-10") and world.step_days == 7
    assert {"prk_combat", "co_belligerent", "restrictions_lifted", "nuclear_signal", "nuclear_use",
            "nato_russia_combat", "kursk_salient_lost"} <= set(world.milestones)  # fmt: skip


def test_every_quoted_source_is_a_sentence_of_the_seed():
    seed = SEED.read_text(encoding="utf-8")
    found = list(sources(load_scenario(KURSK)))
    assert len(found) > 100
    not_in_seed = [(p, t) for p, t in found if not t.startswith("assumption:") and t not in seed]
    assert not_in_seed == []


def test_a_value_without_source_is_refused(data):
    del data["actors"]["russia"]["sources"]["risk_tolerance"]
    msg = problems_of(data)
    assert "actors.russia" in msg and "no source for risk_tolerance" in msg


def test_a_too_short_source_is_named_and_the_scenario_not_dumped(data):
    data["title"] = "W."
    data["sources"]["title"] = "W."
    msg = problems_of(data)
    assert "sources.title: a source must be a quote" in msg and "got 'W.'" in msg
    assert len(msg) < 600  # the message names the source; it does not print the whole scenario


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["actors"]["russia"].pop("kind"),
            "actors.russia.kind: required field is missing",
        ),
        (
            lambda d: d["relations"]["russia_ukraine_war"].update(parties=["russia", "atlantis"]),
            "relations.russia_ukraine_war.parties.1: unknown actor 'atlantis'; allowed: australia",
        ),
        (
            lambda d: d["forces"]["kpa_expeditionary_corps"].update(strength=-5),
            "forces.kpa_expeditionary_corps.strength: Input should be greater than or equal to 0",
        ),
        (
            lambda d: d["actors"]["russia"]["doctrine"]["commit_north_korean_troops"].update(
                probability=1.7
            ),
            "actors.russia.doctrine.commit_north_korean_troops.probability: Input should be less than or equal to 1",
        ),
        (
            lambda d: d["actors"]["russia"].update(risk_tolerance="high"),
            "actors.russia.risk_tolerance: Input should be a valid number",
        ),
        (
            lambda d: d["actors"]["russia"].update(kind="empire"),
            "actors.russia.kind: Input should be 'state', 'alliance', 'armed_group' or 'territory'",
        ),
        (
            lambda d: d["actors"]["russia"].update(initial_rung="war"),
            "actors.russia.initial_rung: unknown rung 'war'; allowed: arms_supply",
        ),
        (
            lambda d: d["actors"]["russia"]["doctrine"]["commit_north_korean_troops"].update(
                then="invade"
            ),
            "doctrine.commit_north_korean_troops.then: unknown action 'invade'",
        ),
        (
            lambda d: d["actors"]["united_states"]["doctrine"][
                "ease_restrictions_after_prk_combat"
            ].update(target="ukraine"),
            "doctrine.ease_restrictions_after_prk_combat.target: 'ukraine' is not an actor "
            "united_states holds a posture toward; allowed: north_korea, russia",
        ),
        (
            lambda d: d["actors"]["russia"]["doctrine"]["commit_north_korean_troops"][
                "when"
            ].update(moon_is_full={}),
            "when.moon_is_full: unknown condition; allowed: adversary_escalated",
        ),
        (
            lambda d: d["actors"]["russia"].update(riks_tolerance=0.5),
            "actors.russia.riks_tolerance: unknown field; allowed fields: actors"[:36],
        ),
        (
            lambda d: d["theatres"]["kursk"].update(initial_control=1.5),
            "theatres.kursk.initial_control: Input should be less than or equal to 1",
        ),
        (
            lambda d: d["injects"]["nato_restrictions_review"].update(date="2023-01-01"),
            "is before start_date",
        ),
    ],
    ids=[
        "missing field",
        "unknown actor in relation",
        "negative strength",
        "probability 1.7",
        "wrong type",
        "bad choice",
        "unknown rung",
        "unknown action",
        "aid aimed at a partner",
        "unknown condition",
        "unknown field",
        "share above 1",
        "inject before start",
    ],  # fmt: skip
)
def test_bad_scenarios_name_the_field_and_what_is_allowed(data, mutate, expected):
    mutate(data)
    msg = problems_of(data)
    assert "kursk_2024.yaml" in msg
    assert expected in msg


def test_unknown_field_lists_the_allowed_fields(data):
    data["actors"]["russia"]["riks_tolerance"] = 0.5
    msg = problems_of(data)
    assert "allowed fields:" in msg and "risk_tolerance" in msg


def test_yaml_is_loaded_safely(tmp_path):
    evil = tmp_path / "evil.yaml"
    evil.write_text("name: !!python/object/apply:os.system ['echo owned']\n")
    with pytest.raises(ScenarioError, match="not valid YAML"):
        load_scenario(evil)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "must hold a mapping"), (b"\xff\xfe\x00binary", "not a UTF-8 text file"),
     (b"- a\n- list\n", "must hold a mapping"), (b"name: [unclosed\n", "not valid YAML")],
)  # fmt: skip
def test_unreadable_files_fail_clearly(tmp_path, content, expected):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError, match=expected):
        load_scenario(path)


def test_hash_changes_with_any_value(data):
    a = scenario_hash(parse_scenario(copy.deepcopy(data)))
    data["forces"]["kpa_expeditionary_corps"]["strength"] = 20000
    assert scenario_hash(parse_scenario(data)) != a


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


BASE_DATA = read_yaml(KURSK)
ALL_PATHS = list(_paths(BASE_DATA))
JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                 st.text(max_size=12), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))  # fmt: skip


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["set", "delete"]), JUNK),
                min_size=1, max_size=4))  # fmt: skip
def test_mutated_scenarios_load_or_raise_our_error(tmp_path_factory, mutations):
    """Any mutation of the shipped file either loads or raises ScenarioError, never anything else."""
    data = copy.deepcopy(BASE_DATA)
    for path, how, value in mutations:
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if how == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    target = tmp_path_factory.mktemp("mut") / "mutated.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True))
    try:
        load_scenario(target)
    except ScenarioError:
        pass


def test_a_doctrine_action_above_max_rung_is_refused(data):
    data["actors"]["japan"]["doctrine"] = {
        "strike": {
            "when": {"always": {}},
            "then": "strike_territory",
            "reason": "r",
            "source": "assumption: test",
        }
    }
    assert (
        "actors.japan.doctrine.strike.then: 'strike_territory' is on rung strikes_on_territory, above max_rung 'sanctions'"
        in problems_of(data)
    )


def test_a_non_nuclear_actor_cannot_reach_nuclear_rungs(data):
    data["actors"]["ukraine"]["max_rung"] = "nuclear_use"
    assert "actors.ukraine.max_rung: 'nuclear_use' needs nuclear: true" in problems_of(data)


@pytest.mark.parametrize(
    ("milestone", "expected"),
    [
        ({"kind": "rung_reached", "description": "x"},
         "milestones.bad.rung_reached.rung: required field is missing"),
        ({"kind": "all_at_most", "actors": ["russia"], "description": "x"},
         "milestones.bad.all_at_most.rung: required field is missing"),
        ({"kind": "control_below", "below": 0.1, "description": "x"},
         "milestones.bad.control_below.theatre: required field is missing"),
        ({"kind": "control_below", "theatre": "ukraine_interior", "below": 0.1, "description": "x"},
         "milestones.bad.theatre: unknown contested theatre (with held_by) 'ukraine_interior'; allowed: kursk"),
        ({"kind": "ceasefire", "parties": ["russia"], "description": "x"},
         "milestones.bad.ceasefire.parties: List should have at least 2 items"),
        ({"kind": "posture_reached", "rung": "combat", "target": "atlantis", "description": "x"},
         "milestones.bad.target: unknown actor 'atlantis'"),
        ({"kind": "moon_landing", "description": "x"},
         "milestones.bad: Input tag 'moon_landing' found using 'kind' does not match any of the expected tags"),
    ],
    ids=["rung_reached without rung", "all_at_most without rung", "control_below without theatre",
         "control_below on an uncontested theatre", "ceasefire with one party",
         "posture toward nobody", "unknown kind"],
)  # fmt: skip
def test_each_milestone_kind_has_its_required_fields(data, milestone, expected):
    """Milestones are a discriminated union: what a kind needs is checked when the scenario
    loads, with the field's path, never discovered mid-run."""
    data["milestones"]["bad"] = {**milestone, "source": "assumption: test"}
    assert expected in problems_of(data)


def test_postures_name_known_actors_and_rungs(data):
    data["actors"]["russia"]["postures"] = {"atlantis": "combat", "nato": "warpath"}
    msg = problems_of(data)
    assert "actors.russia.postures.atlantis: unknown actor 'atlantis'" in msg
    assert "actors.russia.postures.nato: unknown rung 'warpath'" in msg


def test_mediators_belong_to_a_war(data):
    data["relations"]["us_japan_alliance"]["mediators"] = ["india"]
    assert "relations.us_japan_alliance.mediators: only a war has mediators" in problems_of(data)
