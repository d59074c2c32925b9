// The classroom's only script (served by the classroom itself; nothing comes from outside).
// 1. It waits on the server (a long poll on /api/wait with the key of what the page shows) and,
//    when that changes, fetches the page again and swaps in its body, keeping what was typed
//    (and, within the same turn, what was selected).
// 2. It counts the turn clock down between updates.
(function () {
  "use strict";
  let clockTimer = null;

  function fields() {
    const values = {};
    document.querySelectorAll("input[name], textarea[name], select[name]").forEach((el) => {
      if (el.type !== "hidden" && el.type !== "checkbox") values[el.name] = el.value;
    });
    return values;
  }

  function restore(values, sameTurn) {
    Object.entries(values).forEach(([name, value]) => {
      const el = document.querySelector('[name="' + CSS.escape(name) + '"]');
      if (!el || value === "") return;
      if (el.tagName === "SELECT") {
        if (sameTurn && [...el.options].some((o) => o.value === value)) el.value = value;
      } else {
        el.value = value;
      }
    });
  }

  async function refresh() {
    const r = await fetch(location.pathname, {cache: "no-store", credentials: "same-origin"});
    const url = new URL(r.url);
    if (!r.ok || url.pathname !== location.pathname) { location.reload(); return; }
    const doc = new DOMParser().parseFromString(await r.text(), "text/html");
    const values = fields();
    const sameTurn = doc.body.dataset.turn === document.body.dataset.turn;
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    restore(values, sameTurn);
    window.wargameShownAt = Date.now();
    countDown();
  }

  async function wait() {
    const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
    for (;;) {
      const view = document.body.dataset.view, key = document.body.dataset.key;
      try {
        const r = await fetch("/api/wait?view=" + encodeURIComponent(view) +
                              "&key=" + encodeURIComponent(key), {cache: "no-store"});
        if (!r.ok) { await pause(2000); continue; }
        const j = await r.json();
        if (j.key !== key) await refresh();
      } catch (err) {
        await pause(2000);
      }
    }
  }

  function countDown() {
    if (clockTimer) clearInterval(clockTimer);
    const el = document.getElementById("clock");
    if (!el || el.dataset.running !== "1") return;
    const end = Date.now() + 1000 * parseFloat(el.dataset.left);
    const b = el.querySelector("b");
    clockTimer = setInterval(() => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      b.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" +
                      String(left % 60).padStart(2, "0");
    }, 250);
  }

  countDown();
  if (document.body.dataset.view) wait();
})();
