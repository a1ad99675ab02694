/* protestwatch event page: the field editor used by coders.
 *
 * PW.fieldEditor(field, options) builds a small form to correct one field. The value input
 * follows the field's current type (number, yes/no, vocabulary list, JSON for lists and
 * records, else text); the evidence is one of the field's existing spans or the text the coder
 * selected in the article pane. options.onSave({field, value, evidence, note}) sends it.
 */
(function () {
  "use strict";

  var BOOLEAN_FIELDS = ["dispersed", "internet_shutdown", "protester_violence"];
  var NUMBER_FIELDS = ["latitude", "longitude", "size_low", "size_high", "arrests_low", "arrests_high", "geo_precision"];

  function kindOf(field, value, vocab) {
    if (field === "date_start" || field === "date_end") return "date";
    if (BOOLEAN_FIELDS.indexOf(field) >= 0 || typeof value === "boolean") return "boolean";
    if (Array.isArray(value) && vocab && vocab.length && value.every(function (v) { return typeof v === "string"; })) return "multichoice";
    if (vocab && vocab.length && !Array.isArray(value) && (value === null || typeof value !== "object")) return "choice";
    if (NUMBER_FIELDS.indexOf(field) >= 0 || typeof value === "number") return "number";
    if (Array.isArray(value) || (value !== null && typeof value === "object")) return "json";
    if (typeof value === "string") return "text";
    return "guess";
  }

  /** Read the value typed in the editor; throws an Error with a readable message. */
  function readValue(kind, input, vocab) {
    if (kind === "multichoice") {
      return Array.prototype.filter.call(input.querySelectorAll("input[type=checkbox]"), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
    }
    var raw = input.value;
    if (kind === "choice") {
      if (raw === "") return null;
      // Numeric vocabularies (geo precision) go back as numbers.
      var match = (vocab || []).filter(function (v) { return String(v) === raw; })[0];
      return match === undefined ? raw : match;
    }
    if (kind === "boolean") return raw === "" ? null : raw === "true";
    if (kind === "number") {
      if (raw.trim() === "") return null;
      var n = Number(raw);
      if (!isFinite(n)) throw new Error("not a number: " + raw);
      return n;
    }
    if (kind === "json") {
      if (raw.trim() === "") return null;
      try { return JSON.parse(raw); } catch (e) { throw new Error("not valid JSON: " + e.message); }
    }
    if (kind === "guess") {
      var t = raw.trim();
      if (t === "") return null;
      if (/^-?\d+(\.\d+)?$/.test(t) || t === "true" || t === "false" || /^[[{]/.test(t)) {
        try { return JSON.parse(t); } catch (e) { return raw; }
      }
      return raw;
    }
    return raw.trim() === "" ? null : raw;
  }

  function valueInput(kind, field, value, vocab) {
    var id = "edit-value-" + field;
    if (kind === "boolean") {
      var sel = PW.el("select", { id: id, class: "edit-value" }, [
        PW.el("option", { value: "", text: "unknown" }),
        PW.el("option", { value: "true", text: "yes" }),
        PW.el("option", { value: "false", text: "no" }),
      ]);
      sel.value = value === true ? "true" : value === false ? "false" : "";
      return sel;
    }
    if (kind === "date") {
      return PW.el("input", { id: id, class: "edit-value", type: "date", value: value || "" });
    }
    if (kind === "number") {
      return PW.el("input", { id: id, class: "edit-value", type: "number", step: "any", value: value === null || value === undefined ? "" : String(value) });
    }
    if (kind === "json") {
      var area = PW.el("textarea", { id: id, class: "edit-value mono", rows: "5", spellcheck: "false" });
      area.value = JSON.stringify(value, null, 1);
      return area;
    }
    if (kind === "multichoice") {
      var box = PW.el("div", { id: id, class: "edit-value multichoice", role: "group" });
      var chosen = (value || []).map(String);
      vocab.forEach(function (v) {
        box.appendChild(PW.el("label", { class: "multichoice-option" }, [
          PW.el("input", { type: "checkbox", value: String(v), checked: chosen.indexOf(String(v)) >= 0 }), " " + PW.words(v),
        ]));
      });
      return box;
    }
    if (kind === "choice") {
      var choice = PW.el("select", { id: id, class: "edit-value" }, [PW.el("option", { value: "", text: "— none —" })]);
      vocab.forEach(function (v) { choice.appendChild(PW.el("option", { value: String(v), text: PW.words(v) })); });
      choice.value = value === null || value === undefined ? "" : String(value);
      return choice;
    }
    return PW.el("input", { id: id, class: "edit-value", type: "text", value: value === null || value === undefined ? "" : String(value) });
  }

  /**
   * field: {field, value, sources:[{article_id, outlet, evidence:[...]}]}
   * options: {vocabFor: (name) => [...] | null, parts: [codebook field names] | null (a grouped
   *           field such as "size", edited one codebook field per input),
   *           selection: () => {article_id, start, end, text} | null,
   *           onSave: ([payload, ...]) => Promise, onCancel: () => void}
   */
  PW.fieldEditor = function (field, options) {
    var vocabFor = options.vocabFor || function () { return null; };
    var entries = (options.parts || [field.field]).map(function (name) {
      var value = options.parts ? (field.value || {})[name] : field.value;
      var vocab = vocabFor(name);
      var kind = kindOf(name, value, vocab);
      return { name: name, value: value, vocab: vocab, kind: kind, input: valueInput(kind, name, value, vocab) };
    });
    var error = PW.el("p", { class: "error", role: "alert", hidden: true });
    var form = PW.el("form", { class: "field-editor", dataset: { field: field.field } });

    // Evidence choices: each existing span of the field, the article selection, or none.
    var spans = [];
    (field.sources || []).forEach(function (src) {
      (src.evidence || []).forEach(function (ev) {
        spans.push({ article_id: src.article_id, start: ev.start, end: ev.end, label: (src.outlet || src.article_id) + ": “" + ev.text + "”" });
      });
    });
    var name = "evidence-" + field.field;
    var evBox = PW.el("fieldset", { class: "evidence-choice" }, PW.el("legend", { text: "Evidence for the new value" }));
    var selectedLabel = PW.el("span", { class: "muted", text: "select words in an article on the right, then choose this" });
    var radios = [];
    function radio(value, labelNodes, checked) {
      var r = PW.el("input", { type: "radio", name: name, value: value, checked: checked });
      radios.push(r);
      evBox.appendChild(PW.el("label", { class: "evidence-option" }, [r, " "].concat(labelNodes)));
      return r;
    }
    spans.forEach(function (s, i) { radio(String(i), [s.label], i === 0); });
    var selRadio = radio("selection", [PW.el("strong", { text: "the text selected in the article: " }), selectedLabel], !spans.length);
    radio("none", ["no evidence span"], false);

    function currentSelection() {
      var sel = options.selection ? options.selection() : null;
      if (sel) {
        selectedLabel.textContent = "“" + sel.text + "”";
        selectedLabel.className = "";
      }
      return sel;
    }
    selRadio.addEventListener("change", currentSelection);
    var refresh = function () { if (selRadio.checked) currentSelection(); };
    document.addEventListener("selectionchange", refresh);

    var note = PW.el("input", { type: "text", class: "edit-note", placeholder: "why (optional)", maxlength: "500" });
    var save = PW.el("button", { type: "submit", class: "primary", text: "Save correction" });
    var cancel = PW.el("button", { type: "button", class: "secondary", text: "Cancel" });
    PW.append(form, [
      PW.el("div", { class: "edit-inputs" }, entries.map(function (e) {
        var title = options.parts ? PW.words(e.name) : "New value";
        return PW.el(e.kind === "multichoice" ? "div" : "label", { class: "field" }, [PW.el("span", { text: title + (e.kind === "json" ? " (JSON)" : "") }), e.input]);
      })),
      evBox,
      PW.el("label", { class: "field" }, [PW.el("span", { text: "Note" }), note]),
      PW.el("div", { class: "editor-actions" }, [save, cancel]),
      error,
    ]);

    function close() { document.removeEventListener("selectionchange", refresh); }
    cancel.addEventListener("click", function () { close(); options.onCancel(); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      error.hidden = true;
      var payloads = [];
      try {
        entries.forEach(function (e) {
          var value = readValue(e.kind, e.input, e.vocab);
          // In a group only the codebook fields the coder changed are sent.
          if (!options.parts || JSON.stringify(value) !== JSON.stringify(e.value === undefined ? null : e.value)) {
            payloads.push({ field: e.name, value: value });
          }
        });
      } catch (e) { error.textContent = e.message; error.hidden = false; return; }
      if (!payloads.length) { error.textContent = "Nothing changed."; error.hidden = false; return; }
      var evidence = null;
      var choice = radios.filter(function (r) { return r.checked; })[0];
      if (choice && choice.value === "selection") {
        var sel = currentSelection();
        if (!sel) { error.textContent = "Select the supporting words in an article first."; error.hidden = false; return; }
        evidence = { article_id: sel.article_id, start: sel.start, end: sel.end };
      } else if (choice && choice.value !== "none") {
        var s = spans[Number(choice.value)];
        evidence = { article_id: s.article_id, start: s.start, end: s.end };
      }
      payloads.forEach(function (p) {
        if (evidence) p.evidence = evidence;
        if (note.value.trim()) p.note = note.value.trim();
      });
      save.disabled = true;
      options.onSave(payloads).then(close, function (err) {
        error.textContent = err.message;
        error.hidden = false;
      }).then(function () { save.disabled = false; });
    });
    setTimeout(function () { var first = entries[0].input; (first.querySelector("input") || first).focus(); }, 0);
    return form;
  };
})();
