"""The classroom web page: a Mesa SolaraViz page of the escalation model (``wargame app``).

Controls come from the parameter dataclasses (app_model.controls); step / play / reset are
SolaraViz's own. The page shows the turn and last turn's injects, the human seat (choose the
played actor's move for the next turn), the escalation chart, the decision log, the Kursk front
and the relations network. The same seed and choices give the same game as ``wargame play``
with its default number of turns. ``sim.teaching.serve`` starts it with the scenario, deck and
seat in environment variables (solara imports this module by name, so it takes no arguments).
"""

from __future__ import annotations

import os

import solara
from mesa.visualization import SolaraViz
from mesa.visualization.utils import update_counter

from sim.experiment.simulate import tables_of
from sim.teaching.app_model import ENV, NOBODY, ClassroomModel, controls
from sim.teaching.figures import escalation_figure, front_figure, relations_figure
from sim.teaching.game import DEFAULT_SEED
from sim.teaching.offline import serve_cached_assets_only
from sim.teaching.turns import describe, injects_of, options_for, turn_dates, turn_rows
from sim.teaching.world import DEFAULT_SCENARIO, load_world

serve_cached_assets_only()  # this module is imported by the page's server: no CDN downloads

# Text from scenarios, decks and exercise packs is data: it is shown with solara.Text (a text
# node), never solara.Markdown (a Vue template: HTML and {{ }} in it would run in the page).
BOLD = {"font-weight": "bold"}
HEADING = {"font-weight": "bold", "font-size": "1.2em", "display": "block"}


def app_config() -> dict[str, str]:
    """Scenario, deck, seat and seed for the page, from the environment ``serve`` sets."""
    return {
        "scenario": os.environ.get(ENV["scenario"]) or DEFAULT_SCENARIO,
        "deck": os.environ.get(ENV["deck"], ""),
        "seat": os.environ.get(ENV["seat"]) or NOBODY,
        "seed": os.environ.get(ENV["seed"]) or str(DEFAULT_SEED),
    }


def model_params(cfg: dict[str, str]) -> dict:
    """SolaraViz's parameter specs: fixed scenario and deck, the seat, the seed, every knob."""
    world, _ = load_world(cfg["scenario"], cfg["deck"] or None)
    seats = [NOBODY, *world.actors]
    return {
        "scenario": cfg["scenario"],
        "deck": cfg["deck"],
        "seat": {"type": "Select", "value": cfg["seat"], "values": seats, "label": "human seat"},
        "seed": {"type": "InputText", "value": cfg["seed"], "label": "seed"},
        **controls(),
    }


def initial_kwargs(params: dict) -> dict:
    """The keyword values of a fresh model: each spec's value, fixed values as they are."""
    return {k: v["value"] if isinstance(v, dict) else v for k, v in params.items()}


@solara.component
def HumanSeat(model: ClassroomModel):
    """The turn counter (the turn last played and the week it covered: ``turn_dates``), last
    turn's injects, and the played actor's menu for the next turn
    (a seat that chooses nothing holds)."""
    update_counter.get()
    picked, set_picked = solara.use_state(None)
    _, set_chosen = solara.use_state("")  # re-renders the card once a move is chosen
    with solara.Card("Human seat"):
        played = turn_dates(model.world, model.steps) if model.steps else "the start"
        solara.Text(f"Turn {model.steps} — {played}", style=HEADING)
        for text in injects_of(turn_rows(model, model.steps)):
            solara.Warning(f"INJECT: {text}")
        if not model.seat:
            solara.Text("No human seat: pick one under “human seat” and press Reset.")
            return
        agent = model.actor_agents[model.seat]
        options = options_for(agent)
        labels = [o.label for o in options]
        label = picked if picked in labels else labels[0]
        with solara.Div():
            solara.Text(agent.spec.name, style=BOLD)
            solara.Text(f" stands at rung {agent.rung}.")
        solara.Select("your move", value=label, values=labels, on_value=set_picked)

        def choose() -> None:
            action = options[labels.index(label)].action
            model.choices[model.seat] = action
            set_chosen(f"{model.steps}:{action}")

        solara.Button("Choose this move", color="primary", on_click=choose)
        chosen = model.choices.get(model.seat)
        with solara.Div():
            solara.Text("Next turn: ")
            solara.Text(str(chosen or "hold (nothing chosen yet)"), style=BOLD)
            if model.last_choice:
                solara.Text(f" · last turn: {model.last_choice}")


def _frames(model: ClassroomModel):
    return {k: t.to_pandas() for k, t in tables_of(model.recorder).items()}


@solara.component
def EscalationChart(model: ClassroomModel):
    update_counter.get()
    deps = [id(model), model.steps]
    fig = solara.use_memo(
        lambda: escalation_figure(_frames(model)["timeseries"], model.world, (model.seat,)), deps
    )
    solara.FigureMatplotlib(fig, dependencies=deps, format="png")


@solara.component
def FrontChart(model: ClassroomModel):
    update_counter.get()
    deps = [id(model), model.steps]

    def draw():
        frames = _frames(model)
        return front_figure(frames["forces"], frames["theatres"], model.world)

    solara.FigureMatplotlib(solara.use_memo(draw, deps), dependencies=deps, format="png")


@solara.component
def RelationsNetwork(model: ClassroomModel):
    update_counter.get()
    rungs = {a.actor_id: a.rung for a in model.actor_list}
    deps = [id(model), tuple(rungs.values())]
    fig = solara.use_memo(lambda: relations_figure(model.world, rungs), deps)
    solara.FigureMatplotlib(fig, dependencies=deps, format="png")


@solara.component
def DecisionLog(model: ClassroomModel):
    """The last three turns' moves that changed something, newest first, with reasons."""
    update_counter.get()
    lines = []
    for step in range(model.steps, max(0, model.steps - 3), -1):
        rows = [r for r in turn_rows(model, step) if r[5] != "hold" or r[7] == "human"]
        lines += [(f"turn {step} ", describe(model.world, r)) for r in rows]
    with solara.Card("Decision log"):
        if not lines:
            solara.Text("No turn played yet: press Step.")
        for turn, text in lines:
            with solara.Div():
                solara.Text(turn, style=BOLD)
                solara.Text(text)


COMPONENTS = [(HumanSeat, 0), (EscalationChart, 0), (DecisionLog, 0), (FrontChart, 0),
              (RelationsNetwork, 0)]  # fmt: skip


@solara.component
def Page():
    """One session's page: a fresh model and the SolaraViz frame around the components."""
    cfg = solara.use_memo(app_config, [])
    params = solara.use_memo(lambda: model_params(cfg), [])
    model = solara.use_memo(lambda: ClassroomModel(**initial_kwargs(params)), [])
    SolaraViz(
        model, components=COMPONENTS, model_params=params, name="wargame: " + model.world.title
    )
