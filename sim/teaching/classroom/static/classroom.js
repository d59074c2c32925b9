// The classroom's only script (served locally). It does two things:
// 1. waits on the server (long poll /api/wait) and reloads the page when what it shows has
//    changed (a new turn, an inject, the clock), keeping what was typed into the forms;
// 2. counts the turn clock down between updates.
(function () {
  "use strict";
  const body = document.body;
  const view = body.dataset.view;
  const key = body.dataset.key;
  const store = "wargame-form:" + location.pathname;

  function keepForms() {
    const values = {};
    document.querySelectorAll("input[name], textarea[name], select[name]").forEach((el) => {
      if (el.type !== "hidden" && el.type !== "checkbox") values[el.name] = el.value;
    });
    sessionStorage.setItem(store, JSON.stringify(values));
  }

  function restoreForms() {
    const saved = sessionStorage.getItem(store);
    sessionStorage.removeItem(store);
    if (!saved) return;
    const values = JSON.parse(saved);
    Object.entries(values).forEach(([name, value]) => {
      const el = document.querySelector('[name="' + CSS.escape(name) + '"]');
      if (el && el.type !== "hidden" && value !== "" && el.tagName !== "SELECT") el.value = value;
    });
  }

  async function wait() {
    for (;;) {
      try {
        const r = await fetch("/api/wait?view=" + encodeURIComponent(view) +
                              "&key=" + encodeURIComponent(key), {cache: "no-store"});
        if (r.ok) {
          const j = await r.json();
          if (j.key !== key) { keepForms(); location.reload(); return; }
        } else {
          await new Promise((ok) => setTimeout(ok, 2000));
        }
      } catch (err) {
        await new Promise((ok) => setTimeout(ok, 2000));
      }
    }
  }

  function countDown() {
    const el = document.getElementById("clock");
    if (!el || el.dataset.running !== "1") return;
    const end = Date.now() + 1000 * parseFloat(el.dataset.left);
    const b = el.querySelector("b");
    setInterval(() => {
      const left = Math.max(0, Math.round((end - Date.now()) / 1000));
      b.textContent = String(Math.floor(left / 60)).padStart(2, "0") + ":" +
                      String(left % 60).padStart(2, "0");
    }, 250);
  }

  restoreForms();
  countDown();
  if (view) wait();
})();
