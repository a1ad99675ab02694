/* protestwatch review queue: events with source disagreements and low confidence first.
 *
 * Each row can be accepted or rejected in place, or opened to correct its fields against their
 * evidence (and to split it). Two events can be merged: tick two rows, or type their ids.
 */
(function () {
  "use strict";

  var PER_PAGE = 25;
  var page = Math.max(1, parseInt(new URLSearchParams(window.location.search).get("page") || "1", 10) || 1);

  function decide(e, decision, button) {
    button.disabled = true;
    return PW.api("/api/v1/events/" + encodeURIComponent(e.id) + "/review", { method: "POST", body: { decision: decision } })
      .then(function () {
        PW.status((decision === "accept" ? "Accepted " : "Rejected ") + e.id + ".", "ok");
        return load();
      })
      .catch(function (err) { PW.status(err.message, "error"); button.disabled = false; });
  }

  function selectedIds() {
    return Array.prototype.map.call(document.querySelectorAll("#queue-rows input.pick:checked"), function (c) { return c.value; });
  }

  function syncMerge() {
    var ids = selectedIds();
    if (ids.length >= 1) document.getElementById("merge-a").value = ids[0];
    if (ids.length >= 2) document.getElementById("merge-b").value = ids[1];
  }

  function renderRows(data) {
    var body = PW.clear(document.getElementById("queue-rows"));
    if (!data.items.length) {
      body.appendChild(PW.el("tr", null, PW.el("td", { colspan: "9", class: "muted empty", text: "The queue is empty: every event has been reviewed." })));
    }
    data.items.forEach(function (e) {
      var accept = PW.el("button", { type: "button", class: "small-button primary", text: "Accept" });
      accept.addEventListener("click", function () { decide(e, "accept", accept); });
      var reject = PW.el("button", { type: "button", class: "small-button danger", text: "Reject" });
      var armed = false;
      reject.addEventListener("click", function () {
        if (!armed) {
          armed = true; reject.textContent = "Sure?"; reject.classList.add("armed");
          setTimeout(function () { armed = false; reject.textContent = "Reject"; reject.classList.remove("armed"); }, 5000);
          return;
        }
        decide(e, "reject", reject);
      });
      var pick = PW.el("input", { type: "checkbox", class: "pick", value: e.id, "aria-label": "Select " + e.id });
      pick.addEventListener("change", syncMerge);
      body.appendChild(PW.el("tr", { dataset: { id: e.id } }, [
        PW.el("td", null, pick),
        PW.el("td", null, PW.el("a", { href: "/events/" + encodeURIComponent(e.id), class: "mono", text: e.id })),
        PW.el("td", { class: "nowrap", text: PW.dates(e) }),
        PW.el("td", null, [PW.place(e), e.headline ? PW.el("div", { class: "headline", text: e.headline }) : null]),
        PW.el("td", { text: PW.words(e.form) }),
        PW.el("td", { text: String(e.sources) }),
        PW.el("td", null, e.disagreements ? PW.el("span", { class: "badge warn", text: String(e.disagreements) }) : "0"),
        PW.el("td", null, PW.confidence(e.confidence)),
        PW.el("td", { class: "actions nowrap" }, [
          accept, " ", reject, " ",
          PW.el("a", { class: "small-button", href: "/events/" + encodeURIComponent(e.id), text: "Open / edit" }),
        ]),
      ]));
    });
    var pager = PW.clear(document.getElementById("pager"));
    var pages = Math.max(1, Math.ceil(data.total / data.per_page));
    pager.appendChild(PW.el("span", { class: "pager-info", text: data.total + " events to review" + (pages > 1 ? " · page " + data.page + " of " + pages : "") }));
    if (pages > 1) {
      var go = function (p) { return function () { page = p; window.history.replaceState(null, "", "/review" + PW.query({ page: p > 1 ? p : "" })); load(); }; };
      pager.appendChild(PW.el("button", { type: "button", disabled: data.page <= 1, on: { click: go(data.page - 1) } }, "← previous"));
      pager.appendChild(PW.el("button", { type: "button", disabled: data.page >= pages, on: { click: go(data.page + 1) } }, "next →"));
    }
  }

  function load() {
    return PW.api("/api/v1/review/queue" + PW.query({ page: page, per_page: PER_PAGE })).then(function (data) {
      if (!data.items.length && page > 1 && data.total > 0) { page = 1; return load(); }
      renderRows(data);
    }).catch(function (err) {
      if (err.status === 401) { window.location.assign("/login?next=/review"); return; }
      PW.status("Could not load the queue: " + err.message, "error");
    });
  }

  function start() {
    var all = document.getElementById("select-all");
    all.addEventListener("change", function () {
      document.querySelectorAll("#queue-rows input.pick").forEach(function (c) { c.checked = all.checked; });
      syncMerge();
    });
    document.getElementById("merge-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var a = document.getElementById("merge-a").value.trim();
      var b = document.getElementById("merge-b").value.trim();
      var note = document.getElementById("merge-note").value.trim();
      if (!a || !b || a === b) { PW.status("Give two different event ids to merge.", "error"); return; }
      var body = { a: a, b: b };
      if (note) body.note = note;
      PW.api("/api/v1/events/merge", { method: "POST", body: body }).then(function (res) {
        var id = res && (res.id || res.event_id);
        PW.status("Merged " + a + " and " + b + (id ? " into " + id : "") + ".", "ok");
        ev.target.reset();
        return load();
      }).catch(function (err) { PW.status(err.message, "error"); });
    });
    if (!PW.canEdit()) {
      PW.status("Reviewing needs a coder account.", "error");
      PW.ready();
      return;
    }
    load().then(PW.ready);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
