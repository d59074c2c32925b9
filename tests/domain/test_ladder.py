"""The escalation ladder is consistent: scales monotone, every action on exactly one rung."""

import subprocess
from collections import Counter
from pathlib import Path

from sim.domain.ladder import standard_ladder
from sim.domain.rules import HOLD, STEP_DOWN
from sim.domain.scenario_io import load_scenario
from sim.experiment.catalog import HISTORY_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
DRAFT_HEADER = "# Draft scenario seeded from"


def shipped_scenarios() -> list[Path]:
    """The scenario files the repository ships: tracked by git (else, outside a checkout, every
    file but the drafts `wargame seed` writes). A user's half-edited draft is no test case."""
    folder = ROOT / "scenarios"
    try:
        listed = subprocess.run(["git", "ls-files", "--", "scenarios"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.split()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return [p for p in sorted(folder.glob("*.yaml"))
                if not p.read_text(encoding="utf-8").startswith(DRAFT_HEADER)
                and not p.name.endswith(HISTORY_SUFFIX)]  # fmt: skip
    return [ROOT / p for p in sorted(listed) if (ROOT / p).parent == folder and p.endswith(".yaml")
            and not p.endswith(HISTORY_SUFFIX)]  # fmt: skip


KAHN_ORDER = ["subcrisis_maneuvering", "traditional_crises", "intense_crises", "bizarre_crises"]


def test_rungs_run_from_de_escalation_to_nuclear_use():
    ladder = standard_ladder()
    assert ladder.rung_ids[0] == "de_escalation"
    assert ladder.rung_ids[-1] == "nuclear_use"
    for needed in ("diplomacy", "sanctions", "arms_supply", "lift_restrictions",
                   "troop_deployment", "combat", "strikes_on_territory", "nuclear_signalling"):  # fmt: skip
        assert needed in ladder.rung_ids
    assert [r.index for r in ladder.rungs] == list(range(len(ladder.rungs)))


def test_kahn_groups_rise_with_rungs_and_scores_are_in_range():
    """Kahn's groups are ordered; MID levels and Goldstein weights follow the codebooks, which
    do not order a ladder (aid is cooperation toward its recipient; a nuclear alert is a display
    of force, MID 3), so they are only checked for range here and per action in test_actions."""
    rungs = standard_ladder().rungs
    kahn = [KAHN_ORDER.index(r.kahn_group) for r in rungs]
    assert kahn == sorted(kahn)
    assert all(r.mid_level in {1, 2, 3, 4, 5} and -10 <= r.goldstein <= 10 for r in rungs)


def test_economic_gestures_sit_below_kahns_first_threshold():
    """On Escalation, rung 2 ("political, economic and diplomatic gestures") is subcrisis
    maneuvering, below "Don't rock the boat"."""
    ladder = standard_ladder()
    assert ladder.rungs[ladder.index("sanctions")].kahn_group == "subcrisis_maneuvering"
    assert ladder.crosses_threshold(2, 3).label == "Don't rock the boat"


def test_every_action_is_on_exactly_one_rung():
    counts = Counter(a for r in standard_ladder().rungs for a in r.actions)
    assert [a for a, n in counts.items() if n != 1] == []
    assert HOLD not in counts and STEP_DOWN not in counts  # movements, not ladder actions


def test_kahn_thresholds_sit_between_groups():
    ladder = standard_ladder()
    labels = {t.label: t.below for t in ladder.thresholds}
    assert ladder.rungs[labels["No nuclear use"]].id == "nuclear_signalling"
    assert ladder.crosses_threshold(5, 6).label == "Nuclear war is unthinkable"
    assert ladder.crosses_threshold(6, 7) is None


def test_every_action_the_scenarios_use_is_classified():
    actions = standard_ladder().actions
    paths = shipped_scenarios()
    assert ROOT / "scenarios" / "kursk_2024.yaml" in paths
    for path in paths:
        world = load_scenario(path)
        used = {e.then for a in world.actors.values() for e in a.doctrine.values()}
        used |= {m.action for m in world.milestones.values() if getattr(m, "action", None)}
        assert used <= set(actions), path.name
