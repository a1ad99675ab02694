/* protestwatch event page: every field with the sentences that support it.
 *
 * Left: the fields, each with its value and, per source article, the sentence(s) holding the
 * evidence with the evidence words highlighted; where sources disagree, their values side by
 * side with the reconciled value and the rule; the history. Right: the source articles; clicking
 * a quote opens its article and highlights the span in the full text. Coders also get accept /
 * reject / merge / split and a per-field editor.
 *
 * Offsets from the server count Unicode code points (Python); JavaScript strings count UTF-16
 * units, so offsets are converted whenever an article contains characters outside the BMP.
 */
(function () {
  "use strict";

  var root = document.getElementById("event-root");
  var eventId = root.dataset.eventId;
  var details = null;
  var articles = {};          // id -> article (with text) once fetched
  var currentArticle = null;  // id shown in the pane
  var focusSpan = null;       // {article_id, start, end} to emphasise
  var lastSelection = null;   // {article_id, start, end, text} in code points
  var config = null;
  var openEditor = null;

  // ----------------------------------------------------------------------------------------
  // Code point <-> UTF-16 offsets

  function offsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return null;  // identity for BMP-only text
    var toUnit = [];
    var unit = 0;
    for (var cp = 0; unit < text.length; cp++) {
      toUnit.push(unit);
      var code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length ? 2 : 1;
    }
    toUnit.push(text.length);
    return toUnit;
  }
  function unitOf(map, cp) { return map ? map[Math.max(0, Math.min(cp, map.length - 1))] : cp; }
  function cpOf(map, unit) {
    if (!map) return unit;
    var lo = 0, hi = map.length - 1;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (map[mid] < unit) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // ----------------------------------------------------------------------------------------
  // Quotes

  var CONTEXT = 90;  // characters of the sentence shown on each side of the evidence

  /** Cut `chars` (an array of code points) to at most `n` from its start or end, at a space. */
  function clip(chars, n, fromEnd) {
    if (chars.length <= n) return chars.join("");
    var part = fromEnd ? chars.slice(chars.length - n) : chars.slice(0, n);
    var text = part.join("");
    var space = fromEnd ? text.indexOf(" ") : text.lastIndexOf(" ");
    if (space > 0 && space < text.length - 1) text = fromEnd ? text.slice(space + 1) : text.slice(0, space);
    return fromEnd ? "…" + text : text + "…";
  }

  /** The sentence of an evidence span with the span itself in <mark> (long sentences are cut
   * around the span; the whole sentence is in the tooltip and in the article pane). */
  function quote(ev, articleId, fieldName) {
    var sentence = ev.sentence || ev.text || "";
    var chars = Array.from(sentence);
    var a = Math.max(0, Math.min(chars.length, (ev.start || 0) - (ev.sentence_start || 0)));
    var b = Math.max(a, Math.min(chars.length, (ev.end || 0) - (ev.sentence_start || 0)));
    if (!ev.sentence) { a = 0; b = chars.length; }
    return PW.el("button", {
      type: "button", class: "quote", title: sentence.length > 2 * CONTEXT ? sentence : "Show in the article",
      dataset: { article: articleId, start: String(ev.start), end: String(ev.end), field: fieldName },
      on: { click: function () { showArticle(articleId, { article_id: articleId, start: ev.start, end: ev.end }); } },
    }, [
      clip(chars.slice(0, a), CONTEXT, true),
      PW.el("mark", { text: chars.slice(a, b).join("") }),
      clip(chars.slice(b), CONTEXT, false),
    ]);
  }

  /** Quotes of one source: the first `shown`, the rest behind a "more" button. */
  function quotes(evs, articleId, fieldName, shown) {
    var box = PW.el("div", { class: "quotes" });
    evs.forEach(function (ev, i) {
      var q = quote(ev, articleId, fieldName);
      if (i >= shown) q.hidden = true;
      box.appendChild(q);
    });
    if (evs.length > shown) {
      var more = PW.el("button", { type: "button", class: "linkish more", text: "+ " + (evs.length - shown) + " more" });
      more.addEventListener("click", function () {
        Array.prototype.forEach.call(box.querySelectorAll(".quote"), function (q) { q.hidden = false; });
        more.remove();
      });
      box.appendChild(more);
    }
    return box;
  }

  function outletOf(articleId) {
    var a = (details.articles || []).filter(function (x) { return x.id === articleId; })[0];
    return a ? (a.outlet || a.title || a.id) : articleId;
  }

  // ----------------------------------------------------------------------------------------
  // Rendering

  function renderSummary() {
    var s = details.summary;
    var title = document.getElementById("event-title");
    PW.clear(title);
    title.appendChild(document.createTextNode(
      PW.formLabel(s.form) + " in " + PW.place(s) + ", " + PW.dates(s)));
    document.title = title.textContent + " · protestwatch";
    var box = PW.clear(document.getElementById("event-summary"));
    var dl = PW.el("dl", { class: "summary-grid" });
    function item(label, value) {
      if (value === null || value === undefined || value === "") return;
      dl.appendChild(PW.el("div", null, [PW.el("dt", { text: label }), PW.el("dd", null, value)]));
    }
    item("Event id", PW.el("span", { class: "mono", text: s.id }));
    item("Headline", s.headline);
    item("Status", PW.words(s.status) + " · " + PW.words(s.report) + " report");
    item("Sub-event type", s.sub_event_type);
    item("Size", PW.size(s) ? PW.size(s) + (s.size_text ? " (“" + s.size_text + "”)" : "") : s.size_text);
    item("Organizers", (s.organizers || []).join(", "));
    item("Issues", (s.issues || []).map(PW.words).join(", "));
    item("Confidence", PW.confidence(s.confidence));
    item("Review", PW.reviewBadge(s.review));
    item("Sources", String(s.sources) + (s.disagreements ? " · disagree on " + s.disagreements + " field" + (s.disagreements === 1 ? "" : "s") : ""));
    box.appendChild(dl);
    var mini = document.getElementById("map-mini");
    if (s.latitude !== null && s.latitude !== undefined && PW.hasLeaflet() && !mini.dataset.drawn) {
      mini.dataset.drawn = "1";
      var view = PW.createMap(mini, { tileUrl: PW.session.tileUrl, cluster: false, maxFitZoom: 4 });
      if (view) view.setEvents({ features: [{ type: "Feature", geometry: { type: "Point", coordinates: [s.longitude, s.latitude] }, properties: s }] }, true);
    } else if (s.latitude === null || s.latitude === undefined) {
      mini.hidden = true;
    }
  }

  function renderFields() {
    var body = PW.clear(document.getElementById("field-rows"));
    var corrected = {};
    (details.corrections || []).forEach(function (c) { corrected[c.field] = c; });
    var reports = (details.reports || []).filter(function (r) { return (r.evidence || []).length; });
    if (reports.length) {
      var evCell0 = PW.el("td", { class: "evidence" });
      var hiddenBlocks = [];
      reports.forEach(function (r, i) {
        var block = PW.el("div", { class: "source-evidence" }, PW.el("div", { class: "source-name", text: r.outlet || outletOf(r.article_id) }));
        block.appendChild(quotes(r.evidence, r.article_id, "event", 1));
        if (i > 0) { block.hidden = true; hiddenBlocks.push(block); }
        evCell0.appendChild(block);
      });
      if (hiddenBlocks.length) {
        var moreSources = PW.el("button", { type: "button", class: "linkish more", text: "+ how the " + hiddenBlocks.length + " other source" + (hiddenBlocks.length === 1 ? "" : "s") + " report it" });
        moreSources.addEventListener("click", function () {
          hiddenBlocks.forEach(function (b) { b.hidden = false; });
          moreSources.remove();
        });
        evCell0.appendChild(PW.el("div", { class: "quotes" }, moreSources));
      }
      body.appendChild(PW.el("tr", { id: "field-event", dataset: { field: "event" } }, [
        PW.el("th", { scope: "row", text: "reported in" }),
        PW.el("td", { class: "value" }, PW.el("div", { class: "field-value", text: reports.length === 1 ? "1 article" : reports.length + " articles" })),
        evCell0,
      ]));
    }
    (details.fields || []).forEach(function (f) {
      var valueCell = PW.el("td", { class: "value" }, [
        PW.el("div", { class: "field-value", text: PW.fieldValue(f.field, f.value) }),
        corrected[f.field] ? PW.el("span", { class: "badge corrected", title: "corrected by " + (corrected[f.field].author || corrected[f.field].actor || "a coder"), text: "corrected" }) : null,
        f.disagree ? PW.el("span", { class: "badge warn", text: "sources disagree" }) : null,
        f.reconciled_rule ? PW.el("div", { class: "rule muted small", text: "rule: " + f.reconciled_rule }) : null,
      ]);
      var evCell = PW.el("td", { class: "evidence" });
      var any = false;
      (f.sources || []).forEach(function (src) {
        var evs = src.evidence || [];
        if (!evs.length && !f.disagree) return;
        any = true;
        var block = PW.el("div", { class: "source-evidence" }, [
          PW.el("div", { class: "source-name" }, [
            PW.el("span", { text: src.outlet || outletOf(src.article_id) }),
            (f.disagree || ((f.sources || []).length > 1 && PW.fieldValue(f.field, src.value) !== PW.fieldValue(f.field, f.value)))
              ? PW.el("span", { class: "source-value", text: " says: " + PW.fieldValue(f.field, src.value) }) : null,
          ]),
        ]);
        if (evs.length) block.appendChild(quotes(evs, src.article_id, f.field, 2));
        if (!evs.length) block.appendChild(PW.el("span", { class: "muted small", text: "no supporting sentence" }));
        evCell.appendChild(block);
      });
      if (!any) evCell.appendChild(PW.el("span", { class: "muted small", text: f.value === null || f.value === undefined ? "not reported" : "no evidence span (derived or default)" }));
      var nameCell = PW.el("th", { scope: "row" }, [PW.el("span", { text: PW.words(f.field) })]);
      if (PW.canEdit() && editable(f)) {
        nameCell.appendChild(PW.el("button", {
          type: "button", class: "small-button edit-field", dataset: { field: f.field },
          on: { click: function () { toggleEditor(f, row); } },
        }, "Edit"));
      }
      var row = PW.el("tr", { id: "field-" + f.field, dataset: { field: f.field }, class: f.disagree ? "disagree" : "" }, [nameCell, valueCell, evCell]);
      body.appendChild(row);
    });
  }

  /** The codebook fields of a grouped field (dates, place, size, arrests): the keys of its
   * value when they are all editable; null for a plain field. */
  function partsOf(f) {
    var v = f.value;
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      var src = (f.sources || []).filter(function (s) { return s.value && typeof s.value === "object" && !Array.isArray(s.value); })[0];
      if (!src) return null;
      v = src.value;
    }
    var keys = Object.keys(v);
    var list = config && config.editable_fields;
    if (!keys.length || !Array.isArray(list)) return null;
    return keys.every(function (k) { return list.indexOf(k) >= 0; }) ? keys : null;
  }

  /** Whether PATCH accepts this field, or every part of a grouped one (all fields when the
   * server does not say). */
  function editable(f) {
    var list = config && config.editable_fields;
    if (!Array.isArray(list)) return true;
    return list.indexOf(f.field) >= 0 || partsOf(f) !== null;
  }

  function toggleEditor(f, row) {
    if (openEditor) {
      var was = openEditor.field;
      openEditor.row.parentNode && openEditor.row.parentNode.removeChild(openEditor.row);
      openEditor = null;
      if (was === f.field) return;
    }
    var form = PW.fieldEditor(f, {
      vocabFor: function (name) {
        return config && config.vocabularies ? (config.vocabularies[name] || null) : null;
      },
      parts: partsOf(f),
      selection: function () { return lastSelection; },
      onSave: function (payloads) {
        // One PATCH per codebook field, in order; stop at the first refusal.
        var chain = Promise.resolve();
        payloads.forEach(function (p) {
          chain = chain.then(function () {
            return PW.api("/api/v1/events/" + encodeURIComponent(eventId), { method: "PATCH", body: p });
          });
        });
        return chain.then(function () {
          openEditor = null;
          PW.status("Saved the correction of " + payloads.map(function (p) { return PW.words(p.field); }).join(", ") + ".", "ok");
          return reload();
        }, function (err) {
          reload();
          throw err;
        });
      },
      onCancel: function () { toggleEditor(f, row); },
    });
    var editorRow = PW.el("tr", { class: "editor-row" }, PW.el("td", { colspan: "3" }, form));
    row.parentNode.insertBefore(editorRow, row.nextSibling);
    openEditor = { field: f.field, row: editorRow };
  }

  function renderDisagreements() {
    var box = PW.clear(document.getElementById("disagreements"));
    var rows = (details.fields || []).filter(function (f) { return f.disagree; });
    if (!rows.length) {
      box.appendChild(PW.el("p", { class: "muted", text: (details.articles || []).length > 1 ? "The sources agree on every field." : "One source: nothing to reconcile." }));
      return;
    }
    var sources = [];
    rows.forEach(function (f) {
      (f.sources || []).forEach(function (s) { if (sources.indexOf(s.article_id) < 0) sources.push(s.article_id); });
    });
    var table = PW.el("table", { class: "compare" });
    table.appendChild(PW.el("thead", null, PW.el("tr", null, [PW.el("th", { text: "Field" })]
      .concat(sources.map(function (a) { return PW.el("th", { text: outletOf(a) }); }))
      .concat([PW.el("th", { class: "reconciled", text: "Reconciled" }), PW.el("th", { text: "Rule" })]))));
    var tbody = PW.el("tbody");
    rows.forEach(function (f) {
      var bySource = {};
      (f.sources || []).forEach(function (s) { bySource[s.article_id] = s; });
      tbody.appendChild(PW.el("tr", { dataset: { field: f.field } }, [PW.el("th", { scope: "row", text: PW.words(f.field) })]
        .concat(sources.map(function (a) {
          var s = bySource[a];
          return PW.el("td", { text: s ? PW.fieldValue(f.field, s.value) : "—" });
        }))
        .concat([PW.el("td", { class: "reconciled", text: PW.fieldValue(f.field, f.value) }), PW.el("td", { class: "muted small", text: f.reconciled_rule || "" })])));
    });
    table.appendChild(tbody);
    box.appendChild(table);
  }

  function ids(list) { return Array.isArray(list) ? list.join(", ") : ""; }

  function describe(row) {
    var before = row.before && typeof row.before === "object" ? row.before : null;
    var after = row.after && typeof row.after === "object" ? row.after : null;
    if (row.action === "merge" && before && Array.isArray(before.clusters)) {
      return "merged " + ids(before.clusters) + (after && after.part_b ? " (reports " + ids(before.part_a) + " + " + ids(after.part_b) + ")" : "");
    }
    if (row.action === "split" && (before || after)) {
      var moved = (after && (after.part_b || after.article_ids || after.moved)) || (before && before.part_b);
      return "split off " + (Array.isArray(moved) ? ids(moved) : PW.value(after || before));
    }
    var parts = [];
    if (row.field) parts.push(PW.words(row.field));
    if (row.before !== undefined && row.after !== undefined && (row.before !== null || row.after !== null)) {
      parts.push(PW.value(row.before) + " → " + PW.value(row.after));
    } else if (row.after !== undefined && row.after !== null) {
      parts.push(PW.value(row.after));
    }
    return parts.join(": ");
  }

  function renderHistory() {
    var box = PW.clear(document.getElementById("history"));
    var members = details.members || [];
    if (members.length) {
      box.appendChild(PW.el("p", null, [
        members.length === 1 ? "Coded from one article report: " : "Merged from " + members.length + " article reports: ",
        PW.el("span", { class: "mono", text: members.join(", ") }),
      ]));
    }
    var links = details.links || [];
    if (links.length) {
      var why = PW.el("ul", { class: "links" });
      links.forEach(function (l) {
        why.appendChild(PW.el("li", null, [
          PW.el("span", { class: "mono", text: l.event_a + " ↔ " + l.event_b }),
          " — " + (l.rule || "grouped"),
          l.score !== null && l.score !== undefined ? " (score " + Number(l.score).toFixed(2) + ")" : "",
          l.decision !== null && l.decision !== undefined ? " · by a coder's decision" : "",
        ]));
      });
      box.appendChild(PW.el("p", { class: "muted small", text: "Why these reports are one event:" }));
      box.appendChild(why);
    }
    var rows = (details.history || []).slice();
    if (!rows.length && (details.corrections || []).length) {
      rows = details.corrections.map(function (c) {
        return { at: c.created_at, actor: c.author, action: "correct", field: c.field, after: c.value, note: c.note };
      });
    }
    if (!rows.length) {
      box.appendChild(PW.el("p", { class: "muted", text: "No human action yet: the values are as the machine coded them." }));
      return;
    }
    rows.sort(function (a, b) { return String(b.at || "").localeCompare(String(a.at || "")); });
    // One action on a real-world event is logged once per report it touched: show it once.
    var seen = {};
    rows = rows.filter(function (r) {
      var key = JSON.stringify([r.at, r.actor, r.action, r.field, r.after, r.note]);
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    var list = PW.el("ol", { class: "history" });
    rows.forEach(function (r) {
      list.appendChild(PW.el("li", { dataset: { action: String(r.action || "") } }, [
        PW.el("time", { text: String(r.at || "").replace("T", " ").slice(0, 19) }),
        " ",
        PW.el("strong", { text: r.actor || "machine" }),
        " ",
        PW.el("span", { class: "badge action", text: PW.words(r.action) }),
        " ",
        PW.el("span", { class: "history-detail", text: describe(r) }),
        r.note ? PW.el("div", { class: "muted small", text: "note: " + r.note }) : null,
      ]));
    });
    box.appendChild(list);
  }

  // ----------------------------------------------------------------------------------------
  // Articles

  function renderTabs() {
    var tabs = PW.clear(document.getElementById("article-tabs"));
    (details.articles || []).forEach(function (a) {
      tabs.appendChild(PW.el("button", {
        type: "button", role: "tab", class: "tab" + (a.id === currentArticle ? " active" : ""),
        "aria-selected": a.id === currentArticle ? "true" : "false", dataset: { article: a.id },
        on: { click: function () { showArticle(a.id, null); } },
      }, [PW.el("span", { class: "tab-outlet", text: a.outlet || a.id }), PW.el("span", { class: "tab-date muted small", text: a.published || "" })]));
    });
  }

  /** Every evidence span of this event in one article: [{start, end, fields:[...]}] (code points). */
  function spansIn(articleId) {
    var out = [];
    (details.reports || []).forEach(function (r) {
      if (r.article_id !== articleId) return;
      (r.evidence || []).forEach(function (ev) { out.push({ start: ev.start, end: ev.end, field: "event" }); });
    });
    (details.fields || []).forEach(function (f) {
      (f.sources || []).forEach(function (s) {
        if (s.article_id !== articleId) return;
        (s.evidence || []).forEach(function (ev) { out.push({ start: ev.start, end: ev.end, field: f.field }); });
      });
    });
    return out;
  }

  /** The article text split into plain and highlighted runs (overlapping spans merged). */
  function renderText(container, text, spans, focus) {
    var map = offsets(text);
    var cuts = [0, text.length];
    var units = spans.map(function (s) {
      var a = unitOf(map, s.start), b = unitOf(map, s.end);
      cuts.push(a, b);
      return { a: a, b: b, field: s.field };
    }).filter(function (s) { return s.b > s.a && s.a >= 0 && s.b <= text.length; });
    var fa = -1, fb = -1;
    if (focus) { fa = unitOf(map, focus.start); fb = unitOf(map, focus.end); cuts.push(fa, fb); }
    cuts = cuts.filter(function (c) { return c >= 0 && c <= text.length; }).sort(function (x, y) { return x - y; });
    var focusNode = null;
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (b <= a) continue;
      var piece = text.slice(a, b);
      var fields = [];
      units.forEach(function (u) { if (u.a <= a && u.b >= b && fields.indexOf(u.field) < 0) fields.push(u.field); });
      var inFocus = focus && fa <= a && fb >= b;
      if (!fields.length && !inFocus) { container.appendChild(document.createTextNode(piece)); continue; }
      var mark = PW.el("mark", { class: "ev" + (inFocus ? " focus" : ""), title: fields.length ? "evidence for: " + fields.map(PW.words).join(", ") : "selected", text: piece });
      if (inFocus && !focusNode) focusNode = mark;
      container.appendChild(mark);
    }
    return focusNode;
  }

  function showArticle(articleId, span) {
    currentArticle = articleId;
    focusSpan = span;
    renderTabs();
    var view = PW.clear(document.getElementById("article-view"));
    view.dataset.article = articleId;
    var cached = articles[articleId];
    var fetched = cached ? Promise.resolve(cached) : PW.api("/api/v1/articles/" + encodeURIComponent(articleId));
    view.appendChild(PW.el("p", { class: "muted", text: "Loading the article…" }));
    return fetched.then(function (a) {
      articles[articleId] = a;
      if (currentArticle !== articleId) return;
      PW.clear(view);
      view.appendChild(PW.el("h3", { class: "article-title", text: a.title || "(untitled)" }));
      view.appendChild(PW.el("p", { class: "article-meta muted" }, [
        a.outlet || "", a.published ? " · " + a.published : "", a.language ? " · " + a.language : "",
        a.url ? " · " : "",
        a.url ? PW.el("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }) : null,
      ]));
      var body = PW.el("div", { class: "article-text", id: "article-text", dataset: { article: articleId } });
      var focusNode = renderText(body, a.text || "", spansIn(articleId), span);
      view.appendChild(body);
      if (PW.canEdit()) view.appendChild(PW.el("p", { class: "muted small", text: "Coders: select words here to use them as the evidence of a correction." }));
      if (focusNode) focusNode.scrollIntoView({ block: "center" });
    }).catch(function (err) {
      PW.clear(view);
      view.appendChild(PW.el("p", { class: "error", text: "Could not load the article: " + err.message }));
    });
  }

  function trackSelection() {
    document.addEventListener("selectionchange", function () {
      var body = document.getElementById("article-text");
      var sel = window.getSelection();
      if (!body || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      var range = sel.getRangeAt(0);
      if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
      var pre = document.createRange();
      pre.selectNodeContents(body);
      pre.setEnd(range.startContainer, range.startOffset);
      var startUnit = pre.toString().length;
      var selected = range.toString();
      var text = (articles[body.dataset.article] || {}).text || "";
      var map = offsets(text);
      lastSelection = {
        article_id: body.dataset.article,
        start: cpOf(map, startUnit),
        end: cpOf(map, startUnit + selected.length),
        text: selected.length > 160 ? selected.slice(0, 157) + "…" : selected,
      };
    });
  }

  // ----------------------------------------------------------------------------------------
  // Review actions

  /** A button that asks for a second click before it acts (no native dialogs). */
  function confirmButton(label, confirmLabel, cls, action) {
    var armed = false;
    var b = PW.el("button", { type: "button", class: cls, text: label });
    b.addEventListener("click", function () {
      if (!armed) {
        armed = true;
        b.textContent = confirmLabel;
        b.classList.add("armed");
        setTimeout(function () { armed = false; b.textContent = label; b.classList.remove("armed"); }, 5000);
        return;
      }
      armed = false;
      b.disabled = true;
      action().catch(function (err) { PW.status(err.message, "error"); }).then(function () { b.disabled = false; b.textContent = label; b.classList.remove("armed"); });
    });
    return b;
  }

  function renderActions() {
    var box = document.getElementById("event-actions");
    if (!PW.canEdit()) { box.hidden = true; return; }
    box.hidden = false;
    PW.clear(box);
    var id = encodeURIComponent(eventId);
    var accept = PW.el("button", { type: "button", class: "primary", id: "accept-event", text: "Accept as coded" });
    accept.addEventListener("click", function () {
      accept.disabled = true;
      PW.api("/api/v1/events/" + id + "/review", { method: "POST", body: { decision: "accept" } })
        .then(function () { PW.status("Accepted.", "ok"); return reload(); })
        .catch(function (err) { PW.status(err.message, "error"); })
        .then(function () { accept.disabled = false; });
    });
    var reject = confirmButton("Reject: not a protest", "Click again to reject", "danger", function () {
      return PW.api("/api/v1/events/" + id + "/review", { method: "POST", body: { decision: "reject" } })
        .then(function () { PW.status("Rejected: the event no longer appears in the dashboard or exports.", "ok"); return reload(); });
    });
    reject.id = "reject-event";

    var mergeInput = PW.el("input", { type: "text", id: "merge-with", placeholder: "other event id", size: "18" });
    var merge = confirmButton("Merge", "Click again to merge", "secondary", function () {
      var other = mergeInput.value.trim();
      if (!other) return Promise.reject(new Error("Enter the id of the event to merge with."));
      return PW.api("/api/v1/events/merge", { method: "POST", body: { a: eventId, b: other } }).then(function (res) {
        PW.status("Merged.", "ok");
        var target = res && (res.id || res.event_id);
        if (target && target !== eventId) { window.location.assign("/events/" + encodeURIComponent(target)); return null; }
        return reload();
      });
    });

    var splitBox = PW.el("span", { class: "split-box" });
    var checks = [];
    if ((details.articles || []).length > 1) {
      (details.articles || []).forEach(function (a) {
        var c = PW.el("input", { type: "checkbox", value: a.id });
        checks.push(c);
        splitBox.appendChild(PW.el("label", { class: "split-choice" }, [c, " " + (a.outlet || a.id)]));
      });
      splitBox.appendChild(confirmButton("Split off", "Click again to split", "secondary", function () {
        var ids = checks.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
        if (!ids.length || ids.length === checks.length) return Promise.reject(new Error("Tick some, but not all, of the articles to split off."));
        return PW.api("/api/v1/events/" + id + "/split", { method: "POST", body: { article_ids: ids } })
          .then(function () { PW.status("Split: the ticked articles now form their own event.", "ok"); return reload(); });
      }));
    }
    PW.append(box, [
      PW.el("div", { class: "action-group" }, [PW.el("strong", { text: "Review: " }), accept, " ", reject]),
      PW.el("div", { class: "action-group" }, [PW.el("strong", { text: "Same protest as " }), mergeInput, " ", merge]),
      (details.articles || []).length > 1 ? PW.el("div", { class: "action-group" }, [PW.el("strong", { text: "Different protests: " }), splitBox]) : null,
    ]);
  }

  // ----------------------------------------------------------------------------------------

  function render() {
    renderSummary();
    renderActions();
    renderFields();
    renderDisagreements();
    renderHistory();
    var ids = (details.articles || []).map(function (a) { return a.id; });
    if (!currentArticle || ids.indexOf(currentArticle) < 0) currentArticle = ids[0] || null;
    renderTabs();
    return currentArticle ? showArticle(currentArticle, focusSpan) : Promise.resolve();
  }

  function reload() {
    return PW.api("/api/v1/events/" + encodeURIComponent(eventId)).then(function (data) {
      details = data;
      // Follow the event when it was addressed by a per-article id or renamed by a merge.
      if (data.summary && data.summary.id && data.summary.id !== eventId) {
        eventId = data.summary.id;
        root.dataset.eventId = eventId;
        window.history.replaceState(null, "", "/events/" + encodeURIComponent(eventId) + window.location.search + window.location.hash);
      }
      return render();
    });
  }

  function start() {
    var back = document.getElementById("back-link");
    if (document.referrer) {
      try {
        var ref = new URL(document.referrer);
        if (ref.origin === window.location.origin && ref.pathname === "/") back.setAttribute("href", "/" + ref.search);
      } catch (e) { /* keep the plain link */ }
    }
    trackSelection();
    var cfg = PW.canEdit() ? PW.api("/api/v1/config").then(function (c) { config = c; }, function () { config = null; }) : Promise.resolve();
    Promise.all([cfg, reload()]).then(function () {
      var hash = window.location.hash.replace(/^#/, "");
      if (hash) {
        var row = document.getElementById(hash);
        if (row) { row.classList.add("targeted"); row.scrollIntoView({ block: "center" }); }
      }
      PW.ready();
    }).catch(function (err) {
      if (err && err.status === 401) {
        window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname));
        return;
      }
      if (window.console) console.error(err);
      var title = document.getElementById("event-title");
      title.textContent = err && err.status === 404 ? "No event " + eventId : "Could not load the event";
      PW.status(err.message, "error");
      PW.ready();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
