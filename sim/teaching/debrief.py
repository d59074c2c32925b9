"""The opening of the after-action review: the team's path drawn over the computer-played games,
its moves beside what the rule-driven actor did in the same situation, outliers flagged; and the
class roll-up when several games of one exercise are reviewed together.

"Computer-played games" are the rule-driven ensemble of the same scenario, deck, rules, turns
and base seed (sim/teaching/ensemble.py). "The same situation" is the played game's own state
at that turn: the game is replayed from ``game.json`` and, just before each turn's moves, the
seat's own rules are asked what they would do (with a copy of the game's random stream, so the
question leaves the game untouched).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sim.abm.perception import situation_of
from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario
from sim.teaching.doc import Doc
from sim.teaching.figures import fan_figure, png_bytes
from sim.teaching.game import Game, Setup
from sim.teaching.turns import actor_name, words

OUTLIER_BAND = (0.05, 0.95)  # a path outside this band of the ensemble is flagged


def opening(
    doc: Doc,
    world: Scenario,
    seats: list[str],
    game_ts: pd.DataFrame,
    ens_ts: pd.DataFrame | None,
    run_dir: Path,
) -> None:
    """Fan charts with the team's line, the moves table, the outliers (for each human seat)."""
    if not seats:
        return
    doc.heading("Your path among the computer-played games")
    if ens_ts is None or ens_ts.empty:
        doc.note("No computer-played games to compare with were found.")
    else:
        n = ens_ts.replicate.nunique()
        for seat in seats:
            caption = (
                f"{actor_name(world, seat)}: your rung turn by turn (thick line) over "
                f"{n} rule-driven games (shaded: middle 50% and 90%; thin: median)"
            )
            doc.image(png_bytes(fan_figure(ens_ts, game_ts, world, seat)), caption)
        doc.bullets(
            outlier_lines(world, seats, game_ts, ens_ts)
            or ["No turn of your game lies outside the 5-95% band of the computer-played games."]
        )
    rows = moves_beside_rules(run_dir)
    if rows:
        doc.heading("Your move / what the rule-driven actor did in the same situation", 3)
        doc.table(["Turn", "Seat", "Your move", "The rules' move", "Their reason", "Same?"], rows)


def outlier_lines(
    world: Scenario, seats: list[str], game_ts: pd.DataFrame, ens_ts: pd.DataFrame
) -> list[str]:
    """The turns where a seat's rung lies outside the ensemble's 5-95% band, in words."""
    lo_q, hi_q = OUTLIER_BAND
    out = []
    for seat in seats:
        band = ens_ts[ens_ts.actor == seat].groupby("step").rung.quantile([lo_q, hi_q]).unstack()
        mine = game_ts[(game_ts.actor == seat) & (game_ts.replicate == 0)].set_index("step").rung
        for step, rung in mine.items():
            if step in band.index and not band.loc[step, lo_q] <= rung <= band.loc[step, hi_q]:
                side = "above" if rung > band.loc[step, hi_q] else "below"
                out.append(
                    f"OUTLIER: turn {step}, {actor_name(world, seat)} at rung {rung} is "
                    f"{side} 95% of the computer-played games"
                )
    return out


def moves_beside_rules(run_dir: Path) -> list[list[object]]:
    """Each human move beside the decision the seat's rules take in the same situation."""
    path = Path(run_dir) / "game.json"
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = data["setup"]
    game = Game(Setup(**{**raw, "seats": tuple(raw["seats"])}))
    asked: list[list[object]] = []

    def ask_rules(g: Game) -> None:
        for seat in g.setup.seats:
            agent = g.model.actor_agents[seat]
            saved = g.model.random.getstate()
            try:
                view = g.model.outlook(agent)
                d = agent.decide(situation_of(g.model.state, agent, view, flags=True))
            finally:
                g.model.random.setstate(saved)
            asked.append([g.turn + 1, seat, d.action, d.reason])

    game.replay_all(data.get("choices", []), data.get("journal", []), path, ask_rules)
    yours = {(c["turn"], c["actor"]): c for c in data.get("choices", [])}
    rows = []
    for turn, seat, action, reason in asked:
        c = yours.get((turn, seat), {})
        mine = words(c.get("action", "?")) + (" (held: no move in time)" if c.get("held") else "")
        rows.append(
            [
                turn,
                actor_name(game.world, seat),
                mine,
                words(action),
                reason,
                "yes" if c.get("action") == action else "NO",
            ]
        )
    return rows


def class_rollup(runs: list[tuple[Path, Scenario, list[str], pd.DataFrame]]) -> Doc:
    """One row per reviewed game: its seats, turns, peak rung of everyone, milestones reached."""
    labels = standard_ladder().labels
    doc = Doc("Class roll-up: every game of the exercise side by side")
    doc.para(
        f"{len(runs)} games. Each row is a single game; see each game's own review for its "
        "place among the computer-played games."
    )
    rows = []
    for path, world, seats, outcomes in runs:
        o = outcomes[outcomes.replicate == 0].iloc[0]
        peak = int(max(o[c] for c in o.index if str(c).startswith("peak_rung_")))
        reached = [m for m in world.milestones if pd.notna(o.get(f"{m}_step"))]
        rows.append(
            [
                path.name,
                ", ".join(actor_name(world, s) for s in seats) or "-",
                f"{peak}: {labels[peak]}",
                ", ".join(reached) or "none",
            ]
        )
    doc.table(["Game (folder)", "Human seats", "Highest rung anyone reached", "Milestones"], rows)
    return doc
