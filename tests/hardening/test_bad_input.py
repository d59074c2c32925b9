"""The bad-input battery: every entry point fed what a careless user or an attacker would give it.

Each case writes its bad input the way people write files (an edited copy of the shipped
scenario, a hand-made exercise pack, a damaged results folder), runs the command in this process
and asserts: the exit code, that the message names the file and the field and says what is
allowed (``expect``: substrings of stderr), no traceback, and no output that looks complete
(no new ``run.json``, ``briefing.html``, ``report.html``, scenario file ...).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import EXERCISE, KURSK, PROJECT, SEED_DOC, run_wargame

COMPLETE = {"run.json", "briefing.html", "briefing.md", "report.html", "report.md",
            "sweep.parquet", "transcript.md", "outcomes.parquet", "game.json"}  # fmt: skip


@dataclass
class Case:
    id: str
    make: Callable[[Path], list[str]]  # writes the bad input into the work folder; returns argv
    expect: list[str]  # substrings of the message ({ws} = the work folder)
    code: int = 2
    xfail: str | None = None
    written: set[str] = field(default_factory=set)  # complete-looking files the case may leave


def kursk_text() -> str:
    return KURSK.read_text(encoding="utf-8")


def edited(old: str, new: str, count: int = 1) -> str:
    text = kursk_text()
    assert old in text, old
    return text.replace(old, new, count)


RUN = ["replicates=1", "steps=1", "plots=false"]


def scenario_case(id_: str, text: str | bytes | Callable[[Path], None], expect, **kw) -> Case:
    """``wargame scenario=bad.yaml`` with the given file content."""

    def make(ws: Path) -> list[str]:
        path = ws / "bad.yaml"
        if callable(text):
            text(path)
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return [f"scenario={path}", f"hydra.run.dir={ws / 'run'}", *RUN]

    return Case(id_, make, ["bad.yaml", *expect], **kw)


def override_case(id_: str, overrides: list[str], expect, **kw) -> Case:
    def make(ws: Path) -> list[str]:
        return [f"hydra.run.dir={ws / 'run'}", "plots=false", *overrides]

    return Case(id_, make, expect, **kw)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


BOMB = "\n".join(
    [
        'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *[f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)],
    ]
)


def big_file(path: Path) -> None:
    text = kursk_text() + "".join(
        f"# padding line {i:09d} " + "x" * 80 + "\n" for i in range(90_000)
    )
    path.write_text(text, encoding="utf-8")


SCENARIO_CASES = [
    scenario_case("duplicate-actor-id", edited("  iran:\n", "  russia:\n"), ["actors.russia", "written twice"]),
    scenario_case("duplicate-top-key", edited("step_days: 7\n", "step_days: 7\nstep_days: 14\n"), ["step_days", "written twice"]),
    scenario_case("duplicate-force-key", edited("    strength: 10000\n", "    strength: 10000\n    strength: 20000\n"), ["forces.kpa_expeditionary_corps.strength", "written twice"]),
    scenario_case("strength-inf", edited("    strength: 10000\n", "    strength: .inf\n"), ["forces.kpa_expeditionary_corps.strength", "finite"]),
    scenario_case("strength-minus-inf", edited("    strength: 10000\n", "    strength: -.inf\n"), ["strength", "finite"]),
    scenario_case("strength-nan", edited("    strength: 10000\n", "    strength: .NaN\n"), ["strength", "finite"]),
    scenario_case("risk-nan", edited("    risk_tolerance: 0.6\n", "    risk_tolerance: .nan\n"), ["actors.russia.risk_tolerance", "finite"]),
    scenario_case("tag-set", edited("    adversaries: [ukraine, united_states, nato]\n", "    adversaries: !!set {ukraine, nato}\n"), ["actors.russia.adversaries", "tag", "allowed"]),
    scenario_case("tag-int-word", edited("step_days: 7\n", "step_days: !!int weekly\n"), ["step_days", "not an integer"]),
    scenario_case("tag-float-word", edited("    quality: 0.3\n", "    quality: !!float good\n"), ["forces.kpa_expeditionary_corps.quality", "not a number"]),
    scenario_case("tag-python", edited("title: North", "title: !!python/object/apply:os.system ['echo owned'] #"), ["title", "tag", "allowed"]),
    scenario_case("tag-custom", edited("title: North", "title: !secret North"), ["title", "tag", "allowed"]),
    scenario_case("tag-binary", edited("title: North Korean troops on the Kursk front (late October 2024)", "title: !!binary aGVsbG8="), ["title", "tag", "allowed"]),
    scenario_case("recursive-alias", edited("sources:\n  name:", "loop: &loop [1, *loop]\nsources:\n  name:"), ["loop", "contains itself"]),
    scenario_case("deep-nesting-20000", edited("title: North", f"deep: {nested(20_000)}\ntitle: North"), ["nested", "50"]),
    scenario_case("deep-nesting-60", edited("title: North", f"deep: {nested(60)}\ntitle: North"), ["nested deeper than 50"]),
    scenario_case("alias-bomb", BOMB + "\n" + kursk_text(), ["alias", "1,000,000"]),
    scenario_case("huge-title", edited("title: North", "title: " + "North " * 40_000 + "#"), ["title", "100,000"]),
    scenario_case("file-over-8mb", big_file, ["bytes", "limit"]),
    scenario_case("not-utf8", "title: Kursk\n".encode("latin-1") + "caf\xe9: 1\n".encode("latin-1"), ["UTF-8"]),
    scenario_case("empty-file", "", ["must hold a mapping", "name:"]),
    scenario_case("comments-only", "# nothing here yet\n", ["must hold a mapping"]),
    scenario_case("top-level-list", "- russia\n- ukraine\n", ["must hold a mapping"]),
    scenario_case("unclosed-bracket", edited("    adversaries: [ukraine, united_states, nato]\n", "    adversaries: [ukraine, united_states, nato\n"), ["not valid YAML"]),
    scenario_case("tab-indent", edited("    kind: state\n", "\tkind: state\n"), ["not valid YAML"]),
    scenario_case("typo-field", edited("    strength: 10000\n", "    strenght: 10000\n"), ["forces.kpa_expeditionary_corps.strenght", "allowed fields", "strength"]),
    scenario_case("unknown-adversary", edited("    adversaries: [ukraine, united_states, nato]\n", "    adversaries: [ukraine, atlantis]\n"), ["atlantis", "russia"]),
    scenario_case("unknown-rung", edited("    initial_rung: strikes_on_territory\n", "    initial_rung: total_war\n"), ["actors.russia.initial_rung", "total_war"]),
    scenario_case("unknown-kind", edited("    kind: alliance\n", "    kind: empire\n"), ["actors.nato.kind", "alliance"]),
    scenario_case("alliance-own-member", edited("    members: [united_states]\n", "    members: [united_states, nato]\n"), ["nato", "member"]),
    scenario_case("step-days-word", edited("step_days: 7\n", "step_days: weekly\n"), ["step_days", "weekly"]),
    scenario_case("step-days-zero", edited("step_days: 7\n", "step_days: 0\n"), ["step_days", "greater than or equal to 1"]),
    scenario_case("start-date-word", edited('start_date: "2024-10-28"\n', "start_date: soon\n"), ["start_date", "soon"]),
    scenario_case("start-date-bad-day", edited('start_date: "2024-10-28"\n', 'start_date: "2024-02-30"\n'), ["start_date"]),
    Case("turns-past-9999", lambda ws: (ws / "late.yaml").write_text(kursk_text().replace('"2024-1', '"9999-1')) and [f"scenario={ws / 'late.yaml'}", "steps=20", "replicates=1", "plots=false", f"hydra.run.dir={ws / 'run'}"], ["steps = 20", "year 9999", "at most 9 steps"]),
    scenario_case("risk-out-of-range", edited("    risk_tolerance: 0.6\n", "    risk_tolerance: 6\n"), ["actors.russia.risk_tolerance", "less than or equal to 1"]),
    scenario_case("negative-strength", edited("    strength: 10000\n", "    strength: -10\n"), ["forces.kpa_expeditionary_corps.strength", "greater than or equal to 0"]),
    scenario_case("relation-unknown-party", edited("    parties: [russia, ukraine]\n", "    parties: [russia, narnia]\n"), ["relations.russia_ukraine_war", "narnia"]),
    scenario_case("force-unknown-theatre", edited("    theatre: kursk\n    strength: 10000\n", "    theatre: moon\n    strength: 10000\n"), ["forces.kpa_expeditionary_corps", "moon"]),
    scenario_case("inject-unknown-effect", edited("      - {kind: adjust_actor, actor: japan,", "      - {kind: teleport, actor: japan,"), ["injects.nato_indo_pacific_consultations", "teleport"]),
    scenario_case("actors-a-list", edited("actors:\n  russia:\n", "actors:\n  - russia\nunused:\n  russia:\n"), ["actors"]),
    scenario_case("milestone-rung-reached-without-rung", edited("milestones:\n", "milestones:\n  broken:\n    kind: rung_reached\n    actors: [russia]\n    description: broken\n    source: 'assumption: test'\n"), ["milestones.broken", "rung"]),
    scenario_case("milestone-all-at-most-without-rung", edited("milestones:\n", "milestones:\n  broken:\n    kind: all_at_most\n    actors: [russia]\n    description: broken\n    source: 'assumption: test'\n"), ["milestones.broken", "rung"]),
]  # fmt: skip


def folder_as_scenario(ws: Path) -> list[str]:
    (ws / "scen_dir.yaml").mkdir()
    return ["scenario=" + str(ws / "scen_dir.yaml"), f"hydra.run.dir={ws / 'run'}", *RUN]


def deck_file(text: str) -> Callable[[Path], list[str]]:
    def make(ws: Path) -> list[str]:
        (ws / "deck.yaml").write_text(text, encoding="utf-8")
        return [f"deck={ws / 'deck.yaml'}", f"hydra.run.dir={ws / 'run'}", *RUN]

    return make


SHIPPED_DECK = (EXERCISE / "deck.yaml").read_text(encoding="utf-8")

RUN_CASES = [
    Case("scenario-folder", folder_as_scenario, ["scen_dir.yaml", "is a folder", "scenario file"]),
    Case("scenario-missing", lambda ws: [f"scenario={ws / 'nope.yaml'}", *RUN], ["nope.yaml", "does not exist"]),
    Case("scenario-unknown-name", lambda ws: ["scenario=kursk_2025", *RUN], ["kursk_2025", "available", "kursk_2024"]),
    override_case("steps-zero", ["steps=0", "replicates=1"], ["steps", "at least 1"]),
    override_case("steps-huge", ["steps=100000000", "replicates=1"], ["steps", "1 to 10,000"]),
    override_case("steps-past-9999", ["steps=9999", "replicates=1", "scenario.step_days=366"], ["year 9999", "at most"]),
    override_case("replicates-zero", ["replicates=0", "steps=1"], ["replicates", "at least 1"]),
    override_case("replicates-huge", ["replicates=5000000", "steps=1"], ["replicates", "1 to 1,000,000"]),
    override_case("seed-negative", ["seed=-1", *RUN], ["seed", "2**63"]),
    override_case("chunk-size-negative", ["chunk_size=-3", *RUN], ["chunk_size", "positive"]),
    override_case("workers-negative", ["workers=-1", *RUN], ["workers", "positive"]),
    override_case("memory-mb-zero", ["memory_mb=0", *RUN], ["memory_mb = 0", "1 or more"]),
    override_case("seeding-unknown", ["seeding=paired", *RUN], ["seeding = 'paired'", "common, per_point"]),
    override_case("plot-formats-unknown", ["plot_formats=[png,gif]", *RUN], ["plot_formats", "gif", "png, svg, pdf"]),
    override_case("workers-word", ["workers=all", *RUN], ["workers", "whole number"]),
    Case("sweep-workers-negative", lambda ws: ["-m", "rules=tit_for_tat,cautious", "workers=-1", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["workers = -1", "0 (automatic) or a positive whole number"]),
    Case("sweep-chunk-size-negative", lambda ws: ["-m", "chunk_size=-3,10", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["chunk_size = -3", "0 (automatic)"]),
    Case("sweep-steps-too-many", lambda ws: ["-m", "steps=5,20000", "replicates=1", "plots=false", f"hydra.sweep.dir={ws / 'sweep'}"], ["steps = 20000", "1 to 10,000"]),
    Case("sweep-seeding-unknown", lambda ws: ["-m", "seeding=common,paired", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["seeding = 'paired'", "common, per_point"]),
    Case("sweep-memory-range", lambda ws: ["-m", "memory_mb=range(-1,2)", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["memory_mb = -1", "memory_mb = 0", "1 or more"]),
    Case("experiment-workers-negative", lambda ws: ["experiment=nk_deployment", "workers=-2", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["workers = -2", "0 (automatic)"]),
    override_case("noise-inf", ["rules.noise=inf", *RUN], ["rules.noise", "finite"]),
    override_case("noise-nan", ["rules.noise=nan", *RUN], ["rules.noise", "nan", "allowed"]),
    override_case("strength-override-inf", ["scenario.forces.kpa_expeditionary_corps.strength=inf", *RUN], ["forces.kpa_expeditionary_corps.strength", "finite"]),
    Case("sweep-interval-default-sweeper", lambda ws: ["-m", "scenario.forces.kpa_expeditionary_corps.strength=interval(1000,2000)", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["interval()", "sampling sweeper", "range("]),
    Case("sweep-every-value-out-of-range", lambda ws: ["-m", "scenario.forces.kpa_expeditionary_corps.strength=-1,-2", "replicates=1", "steps=1", "plots=false", f"hydra.sweep.dir={ws / 'sweep'}"], ["sweep of 2 jobs not started", "strength=-1", "strength=-2", "greater than or equal to 0"]),
    Case("sweep-one-value-out-of-range", lambda ws: ["-m", "scenario.actors.russia.risk_tolerance=0.5,1.7", "replicates=1", "steps=1", "plots=false", f"hydra.sweep.dir={ws / 'sweep'}"], ["sweep of 2 jobs not started", "risk_tolerance=1.7", "less than or equal to 1"]),
    Case("sweep-reserve-null", lambda ws: ["-m", "scenario.forces.russian_kursk_grouping.reserve=null,5", "replicates=1", "steps=1", "plots=false", f"hydra.sweep.dir={ws / 'sweep'}"], ["reserve=null", "a valid number"]),
    override_case("human-actor-unknown", ["human_actors=[atlantis]", *RUN], ["human_actors", "atlantis", "allowed"]),
    Case("deck-missing", lambda ws: [f"deck={ws / 'nodeck.yaml'}", f"hydra.run.dir={ws / 'run'}", *RUN], ["nodeck.yaml", "not found"]),
    Case("deck-a-folder", lambda ws: [f"deck={ws}", f"hydra.run.dir={ws / 'run'}", *RUN], ["Deck", "folder"]),
    Case("deck-unknown-key", deck_file("injects: {}\nsurprise: 1\n"), ["Deck", "deck.yaml", "surprise", "injects:"]),
    Case("deck-injects-a-list", deck_file("injects:\n  - first\n  - second\n"), ["Deck", "deck.yaml", "injects:"]),
    Case("deck-empty", deck_file(""), ["Deck", "deck.yaml", "must hold a mapping", "injects:"]),
    Case("deck-clashing-inject", deck_file("injects:\n  nato_restrictions_review:\n    step: 2\n    text: again\n"), ["deck.yaml", "injects.nato_restrictions_review", "already in the scenario"]),
    Case("deck-duplicate-inject", deck_file(SHIPPED_DECK.replace("  lavrov_instructors_claim:", "  first_clashes_with_kpa:")), ["Deck", "deck.yaml", "injects.first_clashes_with_kpa", "written twice"]),
    Case("deck-set-tag", deck_file("injects: !!set {a, b}\n"), ["Deck", "deck.yaml", "tag"]),
    Case("deck-bad-effect", deck_file(SHIPPED_DECK.replace("{kind: commit_unit, unit: kpa_expeditionary_corps}", "{kind: commit_unit, unit: ghost_army}")), ["deck", "ghost_army"]),
]  # fmt: skip


def pack(data: str, extra: dict[str, str] | None = None) -> Callable[[Path], Path]:
    """A hand-written exercise pack folder in the work folder."""

    def make(ws: Path) -> Path:
        folder = ws / "mypack"
        folder.mkdir(exist_ok=True)
        (folder / "exercise.yaml").write_text(data, encoding="utf-8")
        (folder / "deck.yaml").write_text(SHIPPED_DECK, encoding="utf-8")
        for name, text in (extra or {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return make


GOOD_PACK = (
    "title: My pack\nscenario: kursk_2024\ndeck: deck.yaml\nseats: [united_states]\nsteps: 4\n"
)


def pack_case(id_: str, data: str, expect, command: str = "brief", **kw) -> Case:
    def make(ws: Path) -> list[str]:
        folder = pack(data)(ws)
        argv = [command, "--exercise", str(folder)]
        if command == "brief":
            argv += ["--out", str(ws / "brief_out")]
        return argv

    return Case(id_, make, ["exercise.yaml", *expect], **kw)


PACK_CASES = [
    pack_case("pack-steps-word", GOOD_PACK.replace("steps: 4", "steps: twelve"), ["steps", "integer"]),
    pack_case("pack-steps-zero", GOOD_PACK.replace("steps: 4", "steps: 0"), ["steps", "greater than or equal to 1"]),
    pack_case("pack-deck-number", GOOD_PACK.replace("deck: deck.yaml", "deck: 42"), ["deck", "string"]),
    pack_case("pack-seed-word", GOOD_PACK + "seed: abc\n", ["seed", "integer"]),
    pack_case("pack-objectives-number", GOOD_PACK + "objectives: 5\n", ["objectives", "list"]),
    pack_case("pack-seats-string", GOOD_PACK.replace("seats: [united_states]", "seats: united_states"), ["seats", "list"]),
    pack_case("pack-unknown-key", GOOD_PACK + "homework: none\n", ["homework", "allowed fields", "debrief_questions"]),
    pack_case("pack-no-scenario", "title: x\n", ["scenario", "required"]),
    pack_case("pack-deck-missing", GOOD_PACK.replace("deck: deck.yaml", "deck: other.yaml"), ["deck", "other.yaml"]),
    pack_case("pack-deck-escape", GOOD_PACK.replace("deck: deck.yaml", "deck: ../../../../../../etc/passwd"), ["deck", "outside the allowed folders"]),
    pack_case("pack-scenario-escape", GOOD_PACK.replace("scenario: kursk_2024", "scenario: ../../../../../../../tmp/../etc/hosts.yaml"), ["scenario"]),
    pack_case("pack-duplicate-key", GOOD_PACK + "steps: 8\n", ["steps", "written twice"]),
    pack_case("pack-a-list", "- scenario\n- kursk_2024\n", ["must hold a mapping", "scenario:"]),
    pack_case("pack-commands-list", GOOD_PACK + "commands: [a, b]\n", ["commands", "dictionary"]),
    Case("pack-unknown-seat", lambda ws: ["play", "--exercise", str(pack(GOOD_PACK.replace("[united_states]", "[atlantis]"))(ws))], ["exercise.yaml", "seats", "atlantis", "allowed"]),
    Case("pack-not-found", lambda ws: ["brief", "--exercise", "no_such_pack"], ["no_such_pack", "available", "kursk_2024"]),
]  # fmt: skip


def save_case(id_: str, content: str | Callable[[dict], dict], expect, **kw) -> Case:
    def make(ws: Path) -> list[str]:
        path = ws / "game.json"
        if callable(content):
            base = {"format": "wargame-play/1",
                    "setup": {"scenario": "kursk_2024", "seats": ["united_states"], "seed": 7,
                              "steps": 3, "deck": None, "exercise": None},
                    "choices": []}  # fmt: skip
            path.write_text(json.dumps(content(base)), encoding="utf-8")
        else:
            path.write_text(content, encoding="utf-8")
        path.with_name("saved.json").write_bytes(path.read_bytes())
        path.unlink()
        return ["play", "--resume", str(ws / "saved.json"), "--out", str(ws / "play_out")]

    return Case(id_, make, ["saved.json", *expect], **kw)


def moves(n: int, action: str = "hold") -> list[dict]:
    return [{"turn": t, "actor": "united_states", "action": action} for t in range(1, n + 1)]


SAVE_CASES = [
    save_case("save-not-json", "this is not a saved game", ["cannot read saved game"]),
    save_case("save-truncated", '{"format": "wargame-play/1", "setup": {"scenario": "kur', ["cannot read saved game"]),
    save_case("save-other-format", '{"format": "something-else/2"}', ["not a saved wargame game", "format: wargame-play/"]),
    save_case("save-a-list", "[1, 2, 3]", ["not a saved wargame game"]),
    save_case("save-more-moves-than-steps", lambda d: {**d, "setup": {**d["setup"], "steps": 1}, "choices": moves(3)}, ["turns", "steps"]),
    save_case("save-turn-gap", lambda d: {**d, "choices": [moves(3)[0], moves(3)[2]]}, ["turns", "gap"]),
    save_case("save-turn-word", lambda d: {**d, "choices": [{"turn": "one", "actor": "united_states", "action": "hold"}]}, ["choices.0.turn", "integer"]),
    save_case("save-unknown-action", lambda d: {**d, "choices": moves(1, "invade_mars")}, ["turn 1", "invade_mars", "allowed"]),
    save_case("save-unknown-seat", lambda d: {**d, "setup": {**d["setup"], "seats": ["atlantis"]}}, ["atlantis", "allowed"]),
    save_case("save-seats-number", lambda d: {**d, "setup": {**d["setup"], "seats": 5}}, ["setup.seats", "list"]),
    save_case("save-steps-zero", lambda d: {**d, "setup": {**d["setup"], "steps": 0}}, ["setup.steps", "greater than or equal to 1"]),
    save_case("save-extra-field", lambda d: {**d, "cheat": True}, ["cheat", "allowed"]),
    save_case("save-missing-setup", lambda d: {"format": d["format"], "choices": []}, ["setup", "required"]),
    Case("save-is-a-folder", lambda ws: ["play", "--resume", str(ws)], ["folder", "game.json"]),
    Case("save-is-a-run-manifest", lambda ws: ["play", "--resume", str(_manifest(ws))], ["run.json", "not a saved wargame game"]),
]  # fmt: skip


def _manifest(ws: Path) -> Path:
    path = ws / "run.json"
    path.write_text(json.dumps({"status": "complete", "config": {}}), encoding="utf-8")
    return path


PLAY_CASES = [
    Case("play-steps-zero", lambda ws: ["play", "--as", "united_states", "--steps", "0", "--out", str(ws / "p")], ["steps", "1 to 10,000"]),
    Case("play-steps-negative", lambda ws: ["play", "--as", "united_states", "--steps", "-2", "--out", str(ws / "p")], ["steps", "1 to 10,000"]),
    Case("play-steps-huge", lambda ws: ["play", "--as", "united_states", "--steps", "100000000", "--out", str(ws / "p")], ["steps", "1 to 10,000"]),
    Case("play-seed-negative", lambda ws: ["play", "--as", "united_states", "--seed", "-5", "--out", str(ws / "p")], ["seed", "2**63"]),
    Case("play-unknown-seat", lambda ws: ["play", "--as", "atlantis", "--out", str(ws / "p")], ["--as atlantis", "allowed", "united_states"]),
    Case("play-seat-twice", lambda ws: ["play", "--as", "russia", "--as", "russia", "--out", str(ws / "p")], ["--as", "twice"]),
    Case("play-steps-word", lambda ws: ["play", "--as", "russia", "--steps", "many"], ["--steps", "invalid int value"]),
    Case("play-stray-argument", lambda ws: ["play", "--as", "russia", "banana"], ["banana", "usage"]),
    Case("play-deck-missing", lambda ws: ["play", "--as", "russia", "--deck", str(ws / "nodeck.yaml")], ["nodeck.yaml", "not found"]),
    Case("play-scenario-missing", lambda ws: ["play", "--as", "russia", f"scenario={ws / 'x.yaml'}"], ["x.yaml", "does not exist"]),
    Case("app-unknown-seat", lambda ws: ["app", "--as", "atlantis", "--port", "1"], ["--as atlantis", "allowed"]),
    Case("app-two-seats", lambda ws: ["app", "--as", "russia", "--as", "ukraine", "--port", "1"], ["one human seat", "play"]),
    Case("app-deck-a-list", lambda ws: (ws / "d.yaml").write_text("- a\n") and ["app", "--as", "russia", "--deck", str(ws / "d.yaml"), "--port", "1"], ["Deck", "d.yaml", "injects:"]),
    Case("app-bad-exercise", lambda ws: ["app", "--exercise", str(pack("scenario: 5\n")(ws))], ["Exercise pack", "scenario", "string"]),
]  # fmt: skip


def damaged(name: str, how: str) -> Callable[[Path], None]:
    """Damage ``name`` in a run folder: truncate it, empty it, or replace its text."""

    def apply(folder: Path) -> None:
        path = folder / name
        data = path.read_bytes()
        if how == "truncate":
            path.write_bytes(data[: len(data) // 2])
        elif how == "empty":
            path.write_bytes(b"")
        else:
            path.write_text(how, encoding="utf-8")

    return apply


def results_case(id_: str, command: str, damage, expect, extra=(), **kw) -> Case:
    def make(ws: Path) -> list[str]:
        import shutil

        src = Path(os.environ["WARGAME_TEST_FINISHED_RUN"])
        folder = ws / "run_copy"
        shutil.copytree(src, folder)
        damage(folder)
        args = [command, str(folder), *extra]
        if command in ("plot", "report"):
            args += ["--out", str(ws / "out")]
        if command == "compare":
            args = [command, str(src), str(folder), "--out", str(ws / "cmp")]
        return args

    return Case(id_, make, expect, **kw)


RESULTS_CASES = [
    results_case("plot-truncated-timeseries", "plot", damaged("timeseries.parquet", "truncate"), ["timeseries.parquet", "not a readable Parquet table"]),
    results_case("plot-empty-forces", "plot", damaged("forces.parquet", "empty"), ["forces.parquet", "not a readable Parquet table"]),
    results_case("plot-half-run-json", "plot", damaged("run.json", "truncate"), ["run.json", "not a valid run manifest"]),
    results_case("plot-run-json-list", "plot", damaged("run.json", "[1, 2]"), ["run.json", "JSON object"]),
    results_case("plot-run-json-config-number", "plot", damaged("run.json", '{"config": 5}'), ["run.json", "config", "JSON object"]),
    results_case("plot-missing-outcomes", "plot", lambda f: (f / "outcomes.parquet").unlink(), ["outcomes.parquet", "missing"]),
    results_case("plot-unknown-milestone", "plot", lambda f: None, ["milestone", "moon_landing"], extra=["--milestone", "moon_landing"]),
    results_case("plot-replicate-out-of-range", "plot", lambda f: None, ["replicate", "99"], extra=["--replicate", "99"]),
    results_case("plot-turn-negative", "plot", lambda f: None, ["turn", "-5"], extra=["--turn", "-5"]),
    results_case("compare-truncated-outcomes", "compare", damaged("outcomes.parquet", "truncate"), ["outcomes.parquet", "not a readable Parquet table"]),
    results_case("compare-half-run-json", "compare", damaged("run.json", "truncate"), ["run.json", "not a valid run manifest"]),
    results_case("report-half-run-json", "report", damaged("run.json", "truncate"), ["run.json", "not a valid run manifest"]),
    results_case("report-truncated-decisions", "report", damaged("decisions.parquet", "truncate"), ["decisions.parquet", "not a readable Parquet table"]),
    results_case("report-config-scenario-number", "report", damaged("run.json", '{"config": {"scenario": 3}}'), ["run.json", "config.scenario", "JSON object"]),
    results_case("report-missing-tables", "report", lambda f: (f / "forces.parquet").unlink(), ["forces"]),
    Case("plot-not-a-results-folder", lambda ws: ["plot", str(ws)], ["not a results folder", "run.json"]),
    Case("plot-missing-folder", lambda ws: ["plot", str(ws / "nowhere")], ["nowhere", "no such folder"]),
    Case("compare-one-folder", lambda ws: ["compare", os.environ["WARGAME_TEST_FINISHED_RUN"]], ["two or more folders"]),
    Case("compare-missing-folder", lambda ws: ["compare", os.environ["WARGAME_TEST_FINISHED_RUN"], str(ws / "gone")], ["gone", "no such folder"]),
    Case("report-missing-folder", lambda ws: ["report", str(ws / "gone")], ["gone", "run.json"]),
    Case("report-bad-ensemble", lambda ws: ["report", os.environ["WARGAME_TEST_FINISHED_RUN"], "--ensemble", str(ws), "--out", str(ws / "r")], ["--ensemble", "outcomes.parquet"]),
    Case("sweep-truncated-table", lambda ws: _sweep(ws, "truncate"), ["sweep.parquet", "not a readable Parquet table"]),
    Case("sweep-half-manifest", lambda ws: _sweep(ws, "manifest"), ["manifest.json", "not a valid sweep manifest"]),
]  # fmt: skip


def _sweep(ws: Path, how: str) -> list[str]:
    folder = ws / "sweep"
    folder.mkdir()
    (folder / "sweep.parquet").write_bytes(b"PAR1" + os.urandom(64))
    if how == "manifest":
        import pandas as pd

        pd.DataFrame({"strength": [1.0], "replicate": [0], "x_step": [1]}).to_parquet(
            folder / "sweep.parquet"
        )
        (folder / "manifest.json").write_text('{"jobs": [', encoding="utf-8")
    return ["plot", str(folder), "--out", str(ws / "sweep_plots")]


def symlink_out(ws: Path) -> list[str]:
    folder = ws / "scen"
    (folder / "seeds").mkdir(parents=True)
    (folder / "seeds" / "notes.txt").symlink_to("/etc/passwd")
    text = edited(
        "seed_document: seeds/2024-10_north_korean_troops_kursk.txt",
        "seed_document: seeds/notes.txt",
    )
    (folder / "leak.yaml").write_text(text, encoding="utf-8")
    return ["brief", f"scenario={folder / 'leak.yaml'}", "--out", str(ws / "b")]


def seed_doc_case(id_: str, doc: str) -> Case:
    def make(ws: Path) -> list[str]:
        folder = ws / "scen"
        folder.mkdir()
        text = edited(
            "seed_document: seeds/2024-10_north_korean_troops_kursk.txt", f"seed_document: {doc}"
        )
        (folder / "leak.yaml").write_text(text, encoding="utf-8")
        return ["brief", f"scenario={folder / 'leak.yaml'}", "--out", str(ws / "b")]

    return Case(id_, make, ["leak.yaml", "seed_document", "outside the allowed folders"])


BRIEF_CASES = [
    seed_doc_case("brief-seed-absolute", "/etc/passwd"),
    seed_doc_case("brief-seed-dotdot", "../../../../../../../../etc/passwd"),
    seed_doc_case("brief-seed-dotdot-hosts", "seeds/../../../../../../../etc/hosts"),
    Case("brief-seed-symlink-out", symlink_out, ["leak.yaml", "seed_document", "outside the allowed folders"]),
    Case("brief-bad-scenario", lambda ws: (ws / "b.yaml").write_text("name: [x\n") and ["brief", f"scenario={ws / 'b.yaml'}"], ["b.yaml", "not valid YAML"]),
    Case("brief-stray-argument", lambda ws: ["brief", "--pages", "3"], ["--pages", "usage"]),
]  # fmt: skip


def seed_case(id_: str, content: bytes | None, expect, extra=(), code: int = 1) -> Case:
    def make(ws: Path) -> list[str]:
        doc = ws / "report.txt"
        if content is not None:
            doc.write_bytes(content)
        return ["seed", str(doc), "--out", str(ws / "drafts" / "d.yaml"), *extra]

    return Case(id_, make, expect, code=code)


SEED_CASES = [
    seed_case("seed-missing", None, ["report.txt", "does not exist"]),
    seed_case("seed-empty", b"", ["report.txt", "empty"]),
    seed_case("seed-binary", b"\x00\x01\x02" * 100, ["report.txt", "binary"]),
    seed_case("seed-latin1", "Le café de Kursk est fermé. ".encode("latin-1") * 20, ["report.txt", "UTF-8"]),
    seed_case("seed-not-english", "Северокорейские войска прибыли в Курскую область. ".encode() * 20, ["report.txt", "English"]),
    seed_case("seed-html", b"<html><body><p>North Korea has sent <b>10,000 troops</b> to Russia.</p><script>alert(1)</script></body></html>", ["report.txt", "HTML"]),
    seed_case("seed-too-large", SEED_DOC.read_bytes() * 2500, ["report.txt", "limit"]),
    seed_case("seed-bad-name", SEED_DOC.read_bytes(), ["Kursk!", "lowercase"], extra=["--name", "Kursk!"]),
    Case("seed-into-bad-yaml", lambda ws: (ws / "t.yaml").write_text("name: x\nname: y\n") and ["seed", str(SEED_DOC), "--into", str(ws / "t.yaml")], ["t.yaml", "written twice"], code=1),
    Case("seed-doc-is-folder", lambda ws: ["seed", str(ws), "--out", str(ws / "d.yaml")], ["directory"], code=1),
]  # fmt: skip

HISTORY = PROJECT / "scenarios" / "kursk_2024.history.yaml"


def history_case(id_: str, text: str, expect) -> Case:
    """``wargame score RUN --history h.yaml`` with an edited copy of the shipped history."""

    def make(ws: Path) -> list[str]:
        (ws / "h.yaml").write_text(text, encoding="utf-8")
        run = os.environ["WARGAME_TEST_FINISHED_RUN"]
        return ["score", run, "--history", str(ws / "h.yaml"), "--out", str(ws / "score")]

    return Case(id_, make, ["h.yaml", *expect])


def history_edited(old: str, new: str) -> str:
    text = HISTORY.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def a_file(ws: Path) -> Path:
    """A file where a folder is wanted (a typo'd --out, an old output of the same name)."""
    path = ws / "taken"
    path.write_text("an earlier file\n", encoding="utf-8")
    return path


def _finished() -> str:
    return os.environ["WARGAME_TEST_FINISHED_RUN"]


def _copy_of_finished(ws: Path) -> str:
    import shutil

    return str(shutil.copytree(_finished(), ws / "run_copy"))


# Found in the December 2026 re-run (docs/security.md): each failed before its fix (tracebacks,
# one silently accepted value, one misleading message).
FOUND_CASES = [
    history_case("score-history-bad-date", history_edited("date: 2024-11-13", "date: 2024-13-45"), ["observations.prk_troops_in_combat.date", "2024-13-45", "YYYY-MM-DD"]),
    history_case("score-history-duplicate-id", history_edited("  us_lifts_atacms_restrictions:\n", "  prk_troops_in_combat:\n"), ["observations.prk_troops_in_combat", "written twice"]),
    history_case("score-history-alias-bomb", BOMB + "\n" + HISTORY.read_text(encoding="utf-8"), ["alias", "1,000,000"]),
    history_case("score-history-python-tag", history_edited("    happened: true\n", "    happened: !!python/object/apply:os.system ['echo owned']\n"), ["tag", "allowed"]),
    Case("run-dir-is-a-file", lambda ws: [f"hydra.run.dir={a_file(ws)}", *RUN], ["hydra.run.dir", "taken is a file, not a folder", "allowed: a folder"]),
    Case("sweep-dir-under-a-file", lambda ws: ["-m", "rules=cautious,tit_for_tat", f"hydra.sweep.dir={a_file(ws) / 'sweep'}", *RUN], ["hydra.sweep.dir", "taken is a file, not a folder"]),
    Case("sweep-glob-matches-nothing", lambda ws: ["-m", "rules=glob(zzz*)", f"hydra.sweep.dir={ws / 'sweep'}", *RUN], ["rules=glob(zzz*)", "no rules option matches", "allowed: cautious"]),
    Case("plot-out-is-a-file", lambda ws: ["plot", _finished(), "--out", str(a_file(ws))], ["taken is a file, not a folder"]),
    Case("compare-out-is-a-file", lambda ws: ["compare", _finished(), _copy_of_finished(ws), "--out", str(a_file(ws))], ["taken is a file, not a folder"]),
    Case("compare-same-folder-spelt-twice", lambda ws: ["compare", _finished(), _finished() + "/.", "--out", str(ws / "cmp")], ["given twice", "allowed: different folders"]),
    Case("compare-same-folder-twice", lambda ws: ["compare", _finished(), _finished(), "--out", str(ws / "cmp")], ["given twice", "allowed: different folders"]),
    Case("brief-out-is-a-file", lambda ws: ["brief", "--out", str(a_file(ws))], ["taken is a file, not a folder"]),
    Case("report-out-is-a-file", lambda ws: ["report", _finished(), "--out", str(a_file(ws))], ["taken is a file, not a folder"]),
    Case("play-out-is-a-file", lambda ws: ["play", "--as", "russia", "--steps", "1", "--out", str(a_file(ws))], ["--out", "taken is a file, not a folder"]),
    Case("fork-out-is-a-file", lambda ws: ["fork", _finished(), "--replicate", "0", "--turn", "1", "--k", "1", "--out", str(a_file(ws))], ["--out", "taken is a file, not a folder"]),
    Case("app-port-out-of-range", lambda ws: ["app", "--as", "russia", "--port", "70000"], ["--port 70000", "allowed: 1-65535"]),
    Case("report-replicates-zero", lambda ws: ["report", _finished(), "--replicates", "0", "--out", str(ws / "r")], ["--replicates 0", "allowed: a whole number from 1"]),
    Case("sensitivity-workers-negative", lambda ws: ["sensitivity", "--n", "2", "--param", "rules.noise", "--out", str(ws / "sens"), "workers=-1", "replicates=1", "steps=1"], ["workers = -1", "0 (automatic)"]),
    Case("calibrate-chunk-size-negative", lambda ws: ["calibrate", "--history", str(HISTORY), "--param", "rules.noise", "--samples", "2", "--out", str(ws / "cal"), "chunk_size=-3,2", "replicates=1", "steps=6"], ["chunk_size = -3", "0 (automatic)"]),
    Case("fork-k-negative", lambda ws: ["fork", _finished(), "--replicate", "0", "--turn", "1", "--k", "-1", "--out", str(ws / "f")], ["--k -1", "allowed: 0 or more"]),
]  # fmt: skip

CASES = (
    SCENARIO_CASES
    + RUN_CASES
    + PACK_CASES
    + SAVE_CASES
    + PLAY_CASES
    + RESULTS_CASES
    + BRIEF_CASES
    + SEED_CASES
    + FOUND_CASES
)


def _files(ws: Path) -> set[Path]:
    return {p for p in ws.rglob("*") if p.is_file() and ".hydra" not in p.parts}


@pytest.fixture(autouse=True)
def _finished_run_env(finished_run, monkeypatch):
    monkeypatch.setenv("WARGAME_TEST_FINISHED_RUN", str(finished_run))


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else []) for c in CASES]
)  # fmt: skip
def test_bad_input_is_refused_clearly(case: Case, tmp_path, capsys):
    argv = case.make(tmp_path)
    before = _files(tmp_path)
    res = run_wargame(argv, capsys)
    message = res.err
    assert "Traceback" not in res.err + res.out, res.err[-3000:]
    assert res.code == case.code, f"exit {res.code}\n{res.err[-2000:]}\n{res.out[-1000:]}"
    for part in case.expect:
        assert part.format(ws=tmp_path) in message, f"{part!r} not in:\n{message}"
    new = {p for p in _files(tmp_path) - before
           if (p.name in COMPLETE or (p.suffix == ".yaml" and p.name != "multirun.yaml"))
           and p.name not in case.written}  # fmt: skip
    assert not new, f"outputs that look complete: {sorted(map(str, new))}"
    assert not list(tmp_path.rglob("*.partial")) and not list(tmp_path.rglob(".*.tmp"))
    if res.code == 2:  # refused up front: not even an empty run or sweep folder
        made = [f for f in _output_folders(argv) if f.is_dir()]
        assert not made, (
            f"output folder made: {[sorted(p.name for p in f.rglob('*')) for f in made]}"
        )


def _output_folders(argv: list[str]) -> list[Path]:
    """The run and sweep folders a command line names (``hydra.run.dir=``, ``--out``)."""
    found = [
        Path(a.split("=", 1)[1])
        for a in argv
        if a.startswith(("hydra.run.dir=", "hydra.sweep.dir="))
    ]
    return found + [Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--out"]


def test_the_battery_is_big_enough():
    entry = {c.make(Path("/nonexistent"))[0] if False else c.id.split("-")[0] for c in CASES}
    assert len(CASES) >= 100 and len(entry) >= 8
    assert len({c.id for c in CASES}) == len(CASES)


def test_the_shipped_files_still_pass_the_same_reader():
    from sim.domain.scenario_io import load_scenario
    from sim.teaching.world import read_exercise

    load_scenario(KURSK)
    assert read_exercise(EXERCISE).deck is not None
    assert PROJECT.is_dir()


@pytest.mark.parametrize(
    "overrides",
    [["scenario.forces.kpa_expeditionary_corps.strenght=1"], ["rules=titfortat"],
     ["scenario=atlantis"], ["rules.noise=-1"]],
    ids=["typo", "unknown-rules", "unknown-scenario", "negative-noise"],
)  # fmt: skip
def test_refusals_before_hydra_make_no_output_folder(overrides, tmp_path, capsys):
    """Checked up front (sim/overrides.py): not even an empty run folder is made. (The older
    test in tests/test_cli.py looks for result files only, so it passed without the check.)"""
    run = tmp_path / "run"
    res = run_wargame([*overrides, f"hydra.run.dir={run}", *RUN], capsys)
    assert res.code == 2 and "Traceback" not in res.err
    assert not run.exists(), sorted(p.name for p in run.rglob("*"))
