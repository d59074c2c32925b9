"""The classroom's web server: Starlette routes over one Classroom, run by uvicorn.

One process, one event loop, one shared game: every change happens in a request handler or in
the clock's task on the loop, so no two changes interleave. Pages are server-rendered; each page
long-polls ``/api/wait`` with the key of what it shows and reloads when that key changes, so a
turn reaches every page within moments of the last submission without any page polling hard.
Teams are known by a cookie holding their join code (a reload returns to the same seat), the
instructor by a cookie holding the instructor's code. Nothing is fetched from outside: the
script and the style sheet are served from ``static/``. Ctrl-C stops the server at once: the
waiting long polls are answered first (a page then asks again and finds the server gone, so it
retries quietly until the class is resumed), instead of uvicorn waiting up to ``WAIT_SECONDS`` for
each of them to time out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sim.domain.errors import WargameError
from sim.teaching.classroom import team_page as tp
from sim.teaching.classroom import white_page as wp
from sim.teaching.classroom.state import Classroom, Team
from sim.teaching.turns import threshold_crossed

log = logging.getLogger("wargame.classroom")
STATIC = Path(__file__).parent / "static"
TEAM_COOKIE, WHITE_COOKIE = "wargame_team", "wargame_white"
WAIT_SECONDS = 20.0  # a long poll returns at the latest after this (the page asks again)
TICK_SECONDS = 0.2  # how often the clock task looks at the clock
STOP_SECONDS = 2.0  # on Ctrl-C, the longest any other request may still take before it is cut


class Hub:
    """The classroom, the condition pages wait on, and the after-action review's writing."""

    def __init__(self, room: Classroom, write_review):
        self.room = room
        self.changed = asyncio.Condition()
        self.write_review = write_review  # (folder) -> None, run in a thread once the game ends
        self.review_ready = (room.folder / "report.html").is_file() and bool(room.ended)
        self._review_task: asyncio.Task | None = None
        self.closing = False  # the server is stopping: long polls return at once

    async def close(self) -> None:
        """Answer every waiting long poll now (the server is stopping)."""
        self.closing = True
        async with self.changed:
            self.changed.notify_all()

    async def notify(self) -> None:
        if self.room.ended and self._review_task is None and not self.review_ready:
            self._review_task = asyncio.create_task(self._review())
        async with self.changed:
            self.changed.notify_all()
        if self.room.results_due:  # after the woken pages have had their answers
            asyncio.get_running_loop().call_soon(self.room.write_results)

    async def _review(self) -> None:
        try:
            self.room.write_results()
            await asyncio.to_thread(self.write_review, self.room.folder)
            self.review_ready = True
        except Exception:  # the class goes on; the instructor can run `wargame report` by hand
            log.exception("the after-action review could not be written")
        await self.notify()

    async def clock(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                if self.room.tick(time.time()):
                    await self.notify()
            except WargameError as exc:
                log.error("%s", exc)


async def _form(request: Request) -> dict[str, str]:
    """The posted form's fields (application/x-www-form-urlencoded), last value wins."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}


def _see(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def make_app(room: Classroom, write_review) -> Starlette:
    """The classroom's web application."""
    hub = Hub(room, write_review)

    def team_of(request: Request) -> Team | None:
        return room.team_by_code(request.cookies.get(TEAM_COOKIE))

    def white(request: Request) -> bool:
        return room.is_instructor(request.cookies.get(WHITE_COOKIE))

    def html(text: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(text, status, headers={"Cache-Control": "no-store"})

    async def home(request: Request) -> Response:
        return _see("/team") if team_of(request) else html(tp.join_page(_title(room)))

    async def join(request: Request) -> Response:
        team = room.team_by_code((await _form(request)).get("code"))
        if team is None:
            return html(tp.join_page(_title(room), "Unknown join code: ask your instructor."), 403)
        response = _see("/team")
        response.set_cookie(TEAM_COOKIE, team.code, httponly=True, samesite="strict")
        room.note(f"Turn {room.turn}: a browser joined {team.name}")
        return response

    async def team(request: Request) -> Response:
        t = team_of(request)
        if t is None:
            return _see("/")
        return html(tp.team_page(room, t, time.time(), hub.review_ready))

    async def move(request: Request) -> Response:
        t = team_of(request)
        if t is None:
            return _see("/")
        data = await _form(request)
        moves, asked = {}, {}
        for seat in t.seats:
            action, target = data.get(f"action_{seat}", ""), data.get(f"target_{seat}") or None
            moves[seat] = (action, target)
            agent = room.game.model.actor_agents[seat]
            crossed = threshold_crossed(agent, action)
            if crossed and data.get(f"confirm_{seat}") != "yes":
                asked[seat] = (action, target, crossed)
        if asked:
            return html(tp.team_page(room, t, time.time(), hub.review_ready, asked))
        try:
            room.submit(t, moves)
        except WargameError as exc:
            return html(tp.team_page(room, t, time.time(), hub.review_ready, error=str(exc)), 400)
        await hub.notify()
        return _see("/team")

    async def brief(request: Request) -> Response:
        t = team_of(request)
        if t is None:
            return _see("/")
        return html(_brief_html(room, t.seats))

    async def instructor(request: Request) -> Response:
        if request.method == "POST":
            code = (await _form(request)).get("code")
            if not room.is_instructor(code):
                return html(wp.login_page(_title(room), "Wrong instructor code."), 403)
            response = _see("/instructor")
            response.set_cookie(
                WHITE_COOKIE, room.instructor_code, httponly=True, samesite="strict"
            )
            return response
        if not white(request):
            return html(wp.login_page(_title(room)))
        return html(wp.console(room, time.time(), hub.review_ready))

    def white_act(act):
        async def handler(request: Request) -> Response:
            if not white(request):
                return _see("/instructor")
            try:
                act(await _form(request), time.time())
            except (WargameError, ValueError) as exc:
                page = wp.console(room, time.time(), hub.review_ready, str(exc))
                return html(page, 400)
            await hub.notify()
            return _see("/instructor")

        return Route(
            f"/instructor/{act.__name__.strip('_').replace('_', '/')}", handler, methods=["POST"]
        )

    def clock_start(form, now):
        room.start_clock(now, float(form["minutes"]) if form.get("minutes") else None)

    def clock_pause(form, now):
        room.pause_clock(now)

    def advance(form, now):
        room.note(f"Turn {room.turn}: the instructor played the turn now")
        room.advance(now)

    def fire(form, now):
        room.fire(form.get("inject", ""))

    def write(form, now):
        room.write(form.get("text", ""))

    def override(form, now):
        rung, toward = int(form.get("rung", "-1")), form.get("toward") or None
        room.override(form.get("actor", ""), rung, form.get("reason", ""), toward)

    def end(form, now):
        if not room.ended:
            room.finish(f"the instructor ended the game after turn {room.game.turn}")

    async def wait(request: Request) -> Response:
        view, key = request.query_params.get("view"), request.query_params.get("key", "")
        t = team_of(request)

        def current() -> str | None:
            if view == "team" and t is not None:
                return tp.team_key(room, t, hub.review_ready)
            if view == "instructor" and white(request):
                return wp.white_key(room, hub.review_ready)
            return None

        if current() is None:
            return JSONResponse({"error": "not joined"}, 403)
        async with hub.changed:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    hub.changed.wait_for(lambda: hub.closing or current() != key), WAIT_SECONDS
                )
        return JSONResponse({"key": current()}, headers={"Cache-Control": "no-store"})

    async def report(request: Request) -> Response:
        path = room.folder / "report.html"
        if not (team_of(request) or white(request)) or not hub.review_ready:
            return html("<p>The after-action review is not ready yet.</p>", 404)
        return FileResponse(path, headers={"Cache-Control": "no-store"})

    @asynccontextmanager
    async def lifespan(app):
        task = asyncio.create_task(hub.clock())
        if room.ended and not hub.review_ready:
            await hub.notify()
        yield
        task.cancel()

    routes = [
        Route("/", home),
        Route("/join", join, methods=["POST"]),
        Route("/team", team),
        Route("/team/move", move, methods=["POST"]),
        Route("/brief", brief),
        Route("/instructor", instructor, methods=["GET", "POST"]),
        *(white_act(a) for a in (clock_start, clock_pause, advance, fire, write, override, end)),
        Route("/api/wait", wait),
        Route("/report", report),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.hub = hub
    return app


def class_server(app: Starlette, host: str, port: int):
    """The uvicorn server of a classroom app, which stops promptly on Ctrl-C (see the module's
    docstring); anything still running after ``STOP_SECONDS`` is cut off."""
    import uvicorn

    class ClassServer(uvicorn.Server):
        async def shutdown(self, sockets=None) -> None:
            await app.state.hub.close()
            await super().shutdown(sockets)

    config = uvicorn.Config(app, host=host, port=port, log_level="warning",
                            timeout_graceful_shutdown=STOP_SECONDS)  # fmt: skip
    return ClassServer(config)


def _title(room: Classroom) -> str:
    return room.title or room.game.world.title


def _brief_html(room: Classroom, seats: tuple[str, ...]) -> str:
    from sim.teaching.role_brief import role_brief

    return role_brief(room.game.world, seats, room.exercise).html()
