/* protestwatch dashboard: map, timeline, facets and list over one shared filter.
 *
 * The filter lives in the page URL's query string (so a filtered view can be shared by copying
 * the address); every change pushes a new URL and reloads the four views from the API together.
 */
(function () {
  "use strict";

  // Filters understood by /api/v1/events, /events.geojson, /aggregates, /facets and /export.
  var FILTERS = ["country", "admin1", "date_from", "date_to", "form", "sub_event_type", "issue",
    "target_country", "organizer", "status", "report", "min_confidence", "review", "q"];
  // Form inputs bound to a filter of the same name.
  var INPUTS = ["q", "date_from", "date_to", "min_confidence", "status", "report", "admin1", "organizer"];
  var FACETS = [
    { key: "country", title: "Country", label: function (v) { return PW.countryName(v) + " (" + v + ")"; } },
    { key: "form", title: "Form", label: PW.words },
    { key: "sub_event_type", title: "Sub-event type", label: function (v) { return v; } },
    { key: "issue", title: "Issue", label: PW.words },
    { key: "target_country", title: "Target country", label: function (v) { return PW.countryName(v) + " (" + v + ")"; } },
    { key: "review", title: "Review", label: PW.words },
  ];
  var LABELS = {
    country: "country", admin1: "region", date_from: "from", date_to: "to", form: "form",
    sub_event_type: "sub-event type", issue: "issue", target_country: "target country",
    organizer: "organizer", status: "status", report: "report", min_confidence: "confidence ≥",
    review: "review", q: "text",
  };
  var PER_PAGE = 50;
  var BUCKETS = ["auto", "day", "week", "month", "year"];
  var AUTO_YEARS_AFTER = 96;  // months: longer spans are drawn by year
  var MAP_LIMIT = 10000;

  var state = readState();
  var mapView = null;
  var generation = 0;
  var lastTotal = null;

  function readState() {
    var usp = new URLSearchParams(window.location.search);
    var s = { filters: {}, sort: "date_start", order: "desc", page: 1, colour: "form", bucket: "auto" };
    FILTERS.forEach(function (k) {
      var v = usp.get(k);
      if (v !== null && v !== "") s.filters[k] = v;
    });
    if (usp.get("sort")) s.sort = usp.get("sort");
    if (usp.get("order") === "asc" || usp.get("order") === "desc") s.order = usp.get("order");
    var page = parseInt(usp.get("page") || "1", 10);
    s.page = isFinite(page) && page > 0 ? page : 1;
    if (usp.get("colour") === "sub_event_type") s.colour = "sub_event_type";
    if (BUCKETS.indexOf(usp.get("bucket")) >= 0) s.bucket = usp.get("bucket");
    return s;
  }

  function urlFor(s) {
    var params = {};
    FILTERS.forEach(function (k) { if (s.filters[k]) params[k] = s.filters[k]; });
    if (s.sort !== "date_start") params.sort = s.sort;
    if (s.order !== "desc") params.order = s.order;
    if (s.page > 1) params.page = s.page;
    if (s.colour !== "form") params.colour = s.colour;
    if (s.bucket !== "auto") params.bucket = s.bucket;
    return window.location.pathname + PW.query(params);
  }

  function filterQuery(extra) {
    var params = {};
    FILTERS.forEach(function (k) { if (state.filters[k]) params[k] = state.filters[k]; });
    Object.keys(extra || {}).forEach(function (k) { params[k] = extra[k]; });
    return PW.query(params);
  }

  /** Apply a change to the state, record it in the URL and reload the views. */
  function update(change, options) {
    change(state);
    var url = urlFor(state);
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, "", url);
    }
    syncControls();
    load(options);
  }

  function setFilter(key, value) {
    update(function (s) {
      if (value === null || value === undefined || value === "") delete s.filters[key];
      else s.filters[key] = String(value);
      s.page = 1;
    });
  }

  // ----------------------------------------------------------------------------------------
  // Controls

  function syncControls() {
    INPUTS.forEach(function (k) {
      var input = document.getElementById("f-" + k);
      if (input) input.value = state.filters[k] || "";
    });
    var more = document.getElementById("more-filters");
    if (more && ["status", "report", "admin1", "organizer", "min_confidence"].some(function (k) { return state.filters[k]; })) {
      more.open = true;
    }
    document.getElementById("sort").value = state.sort + ":" + state.order;
    if (document.getElementById("sort").value !== state.sort + ":" + state.order) {
      document.getElementById("sort").value = "date_start:desc";
    }
    document.getElementById("color-by").value = state.colour;
    document.getElementById("timeline-by").value = state.bucket;
    renderChips();
    ["csv", "geojson", "jsonl"].forEach(function (fmt) {
      var a = document.getElementById("export-" + fmt);
      if (a) a.setAttribute("href", "/api/v1/export" + filterQuery({ format: fmt }));
    });
  }

  function renderChips() {
    var box = PW.clear(document.getElementById("active-filters"));
    Object.keys(state.filters).forEach(function (k) {
      var v = state.filters[k];
      var shown = (k === "country" || k === "target_country") ? PW.countryName(v) : PW.words(v);
      box.appendChild(PW.el("button", {
        type: "button", class: "chip", title: "Remove this filter", dataset: { filter: k },
        on: { click: function () { setFilter(k, null); } },
      }, [PW.el("span", { class: "chip-key", text: (LABELS[k] || k) + ": " }), shown, PW.el("span", { class: "chip-x", "aria-hidden": "true", text: " ×" })]));
    });
  }

  function bindControls() {
    document.getElementById("filter-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      update(function (s) {
        INPUTS.forEach(function (k) {
          var input = document.getElementById("f-" + k);
          if (!input) return;
          var v = input.value.trim();
          if (v) s.filters[k] = v;
          else delete s.filters[k];
        });
        s.page = 1;
      });
    });
    ["f-status", "f-report", "f-date_from", "f-date_to"].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.addEventListener("change", function () {
        document.getElementById("filter-form").requestSubmit();
      });
    });
    document.getElementById("clear-filters").addEventListener("click", function () {
      update(function (s) { s.filters = {}; s.page = 1; });
    });
    document.getElementById("copy-link").addEventListener("click", function () {
      var href = window.location.href;
      var done = function () { PW.status("Link to this view copied: " + href, "ok"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(href).then(done, function () { PW.status("Copy this link: " + href, "info"); });
      } else {
        PW.status("Copy this link: " + href, "info");
      }
    });
    document.getElementById("sort").addEventListener("change", function (ev) {
      var parts = ev.target.value.split(":");
      update(function (s) { s.sort = parts[0]; s.order = parts[1] || "desc"; s.page = 1; }, { only: "list" });
    });
    document.getElementById("color-by").addEventListener("change", function (ev) {
      state.colour = ev.target.value === "sub_event_type" ? "sub_event_type" : "form";
      window.history.replaceState(null, "", urlFor(state));
      if (mapView) { mapView.setColourBy(state.colour); renderLegend(); }
    });
    document.getElementById("timeline-by").addEventListener("change", function (ev) {
      update(function (s) { s.bucket = ev.target.value; }, { only: "timeline" });
    });
    window.addEventListener("popstate", function () {
      state = readState();
      syncControls();
      if (mapView) mapView.setColourBy(state.colour);
      load();
    });
  }

  // ----------------------------------------------------------------------------------------
  // Views

  function renderFacets(data) {
    var box = PW.clear(document.getElementById("facet-groups"));
    FACETS.forEach(function (facet) {
      var buckets = (data && data[facet.key]) || [];
      var active = state.filters[facet.key];
      var group = PW.el("section", { class: "facet", dataset: { facet: facet.key } });
      group.appendChild(PW.el("h3", { text: facet.title }));
      if (!buckets.length) {
        group.appendChild(PW.el("p", { class: "muted small", text: "none" }));
      }
      var list = PW.el("ul", { class: "facet-list" });
      buckets.slice(0, 30).forEach(function (b) {
        if (b.key === null || b.key === undefined || b.key === "") return;
        var on = active === String(b.key);
        list.appendChild(PW.el("li", null, PW.el("button", {
          type: "button", class: "facet-value" + (on ? " active" : ""), "aria-pressed": on ? "true" : "false",
          dataset: { facet: facet.key, value: String(b.key) },
          on: { click: function () { setFilter(facet.key, on ? null : b.key); } },
        }, [
          facet.key === "form" || facet.key === "sub_event_type"
            ? swatch(PW.colour(facet.key, b.key)) : null,
          PW.el("span", { class: "facet-label", text: facet.label(String(b.key)) }),
          PW.el("span", { class: "facet-count", text: String(b.count) }),
        ])));
      });
      if (buckets.length > 30) list.appendChild(PW.el("li", { class: "muted small", text: "… " + (buckets.length - 30) + " more" }));
      group.appendChild(list);
      box.appendChild(group);
    });
  }

  function swatch(colour) {
    var s = PW.el("span", { class: "swatch", "aria-hidden": "true" });
    s.style.backgroundColor = colour;
    return s;
  }

  function renderLegend() {
    var box = PW.clear(document.getElementById("legend"));
    if (!mapView) return;
    mapView.legend().forEach(function (item) {
      box.appendChild(PW.el("span", { class: "legend-item" }, [
        swatch(item.colour),
        state.colour === "form" ? PW.words(item.key || "unknown") : (item.key || "unknown"),
        PW.el("span", { class: "muted", text: " " + item.count }),
      ]));
    });
  }

  function renderList(data) {
    var rows = PW.clear(document.getElementById("event-rows"));
    lastTotal = data.total;
    document.getElementById("total-count").textContent = String(data.total);
    if (!data.items.length) {
      rows.appendChild(PW.el("tr", null, PW.el("td", { colspan: "8", class: "muted empty", text: "No events match these filters." })));
    }
    data.items.forEach(function (e) {
      var link = PW.el("a", { href: "/events/" + encodeURIComponent(e.id), class: "event-link", text: PW.place(e) });
      var locate = e.latitude !== null && e.latitude !== undefined
        ? PW.el("button", {
            type: "button", class: "icon-button", title: "Show on the map", "aria-label": "Show on the map",
            on: { click: function () { if (mapView && mapView.focus(e.id)) document.getElementById("map").scrollIntoView({ block: "nearest" }); } },
          }, PW.pinIcon())
        : null;
      rows.appendChild(PW.el("tr", { dataset: { id: e.id } }, [
        PW.el("td", { class: "nowrap", text: PW.dates(e) }),
        PW.el("td", null, [link, " ", locate, e.headline ? PW.el("div", { class: "headline", text: e.headline }) : null]),
        PW.el("td", null, [swatch(PW.colour("form", e.form)), " ", PW.words(e.form),
          e.sub_event_type ? PW.el("div", { class: "muted small", text: e.sub_event_type }) : null]),
        PW.el("td", { text: PW.size(e) || "—", title: e.size_text || "" }),
        PW.el("td", { text: (e.issues || []).map(PW.words).join(", ") || "—" }),
        PW.el("td", null, [String(e.sources), e.disagreements ? PW.el("span", { class: "badge warn", title: "fields the sources disagree on", text: e.disagreements + " disagree" }) : null]),
        PW.el("td", null, PW.confidence(e.confidence)),
        PW.el("td", null, PW.reviewBadge(e.review)),
      ]));
    });
    renderPager(data);
    renderMapNote();
  }

  function renderPager(data) {
    var box = PW.clear(document.getElementById("pager"));
    var pages = Math.max(1, Math.ceil(data.total / data.per_page));
    if (pages <= 1) return;
    var go = function (p) {
      return function () {
        update(function (s) { s.page = p; }, { only: "list" });
        document.getElementById("event-table").scrollIntoView({ block: "start" });
      };
    };
    box.appendChild(PW.el("button", { type: "button", disabled: data.page <= 1, on: { click: go(data.page - 1) } }, "← previous"));
    box.appendChild(PW.el("span", { class: "pager-info", text: "page " + data.page + " of " + pages }));
    box.appendChild(PW.el("button", { type: "button", disabled: data.page >= pages, on: { click: go(data.page + 1) } }, "next →"));
  }

  function renderTimeline(data) {
    var buckets = data.buckets || [];
    var by = state.bucket;
    if (by === "auto") by = PW.timeline.monthSpan(buckets) > AUTO_YEARS_AFTER ? "year" : "month";
    if (by === "year") buckets = PW.timeline.years(buckets);
    document.getElementById("timeline-note").textContent = state.bucket === "auto" ? "(by " + by + ")" : "";
    PW.timeline(document.getElementById("timeline"), buckets, {
      by: by,
      selected: { from: state.filters.date_from, to: state.filters.date_to },
      onSelect: function (from, to) {
        update(function (s) {
          if (s.filters.date_from === from && s.filters.date_to === to) {
            delete s.filters.date_from;
            delete s.filters.date_to;
          } else {
            s.filters.date_from = from;
            s.filters.date_to = to;
          }
          s.page = 1;
        });
      },
    });
  }

  var mapShown = null;  // {features, placed} of the last map drawn

  function renderMap(collection) {
    var features = (collection && collection.features) || [];
    mapShown = { features: features.length, placed: mapView ? mapView.setEvents(collection, true) : 0 };
    renderMapNote();
    renderLegend();
  }

  /** Say when the map cannot show every listed event (needs both the map and the list). */
  function renderMapNote() {
    var note = document.getElementById("map-note");
    if (!note || !mapShown || !mapView) return;
    if (mapShown.features >= MAP_LIMIT) {
      note.textContent = "The map shows the first " + MAP_LIMIT + " events; narrow the filters to see the rest.";
    } else if (lastTotal !== null && mapShown.placed < lastTotal) {
      var missing = lastTotal - mapShown.placed;
      note.textContent = missing + (missing === 1 ? " event has" : " events have") + " no coordinates and " + (missing === 1 ? "is" : "are") + " only in the list.";
    } else {
      note.textContent = "";
    }
  }

  // ----------------------------------------------------------------------------------------
  // Loading

  function fail(what) {
    return function (err) {
      if (err && err.status === 401) {
        window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname + window.location.search));
        return;
      }
      PW.status("Could not load the " + what + ": " + (err && err.message ? err.message : err), "error");
      throw err;
    };
  }

  function load(options) {
    var only = options && options.only;
    var mine = ++generation;
    var fresh = function (fn) { return function (data) { if (mine === generation) fn(data); }; };
    document.body.classList.add("loading");
    var tasks = [];
    if (!only || only === "list") {
      tasks.push(PW.api("/api/v1/events" + filterQuery({ sort: state.sort, order: state.order, page: state.page, per_page: PER_PAGE }))
        .then(fresh(renderList)).catch(fail("event list")));
    }
    if (!only) {
      tasks.push(PW.api("/api/v1/events.geojson" + filterQuery({ limit: MAP_LIMIT }))
        .then(fresh(renderMap)).catch(fail("map")));
      tasks.push(PW.api("/api/v1/facets" + filterQuery()).then(fresh(renderFacets)).catch(fail("filters")));
    }
    if (!only || only === "timeline") {
      var by = state.bucket === "auto" || state.bucket === "year" ? "month" : state.bucket;
      tasks.push(PW.api("/api/v1/aggregates" + filterQuery({ by: by }))
        .then(fresh(renderTimeline)).catch(fail("timeline")));
    }
    return Promise.all(tasks.map(function (t) { return t.catch(function () { return null; }); })).then(function () {
      if (mine !== generation) return;
      document.body.classList.remove("loading");
      document.body.dataset.generation = String(mine);
      PW.ready();
    });
  }

  function start() {
    var note = PW.el("span", { id: "map-note", class: "muted small" });
    document.querySelector(".map-tools").appendChild(note);
    bindControls();
    syncControls();
    // Ask for the data first, then build the map while the answers are on their way.
    load();
    if (PW.hasLeaflet()) PW.basemap().catch(function () { return null; });
    mapView = PW.createMap(document.getElementById("map"), { tileUrl: PW.session.tileUrl, colourBy: state.colour });
  }

  // The script is the last element of the page: the elements it needs are already parsed.
  start();
})();
