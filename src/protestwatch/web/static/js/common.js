/* protestwatch dashboard: helpers shared by every page.
 *
 * Safety rule for all scripts: text from articles, events and users only ever enters the page
 * through textContent, createTextNode or attribute setters on elements built with createElement.
 * Nothing here (or in the page scripts) assigns innerHTML/outerHTML or uses insertAdjacentHTML,
 * document.write or eval, so a news page's markup can never become live markup here.
 */
(function () {
  "use strict";

  var PW = {};

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") || "" : "";
  }
  PW.meta = meta;

  PW.session = {
    user: meta("pw-user") || null,
    role: meta("pw-role") || null,
    public: meta("pw-public") === "true",
    tileUrl: meta("pw-tile-url") || null,
    csrf: meta("csrf-token") || null,
  };
  /** Whether the person looking may change events (coder or admin, never in public mode). */
  PW.canEdit = function () {
    return !PW.session.public && (PW.session.role === "coder" || PW.session.role === "admin");
  };

  /** Build an element. attrs: plain attributes, plus "class", "text", "dataset", "on" (events).
   * Children: nodes or strings (strings become text nodes). */
  PW.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = String(value);
        else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (key === "on") Object.keys(value).forEach(function (k) { node.addEventListener(k, value[k]); });
        else if (key === "href") node.setAttribute("href", PW.safeHref(value));
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    PW.append(node, children);
    return node;
  };

  PW.append = function (node, children) {
    if (children === null || children === undefined) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  };

  PW.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  /** Only http(s) links and same-site paths are ever put in an href (no javascript: URLs). */
  PW.safeHref = function (url) {
    var s = String(url || "");
    if (/^\/(?!\/)/.test(s) || /^\?/.test(s) || /^#/.test(s)) return s;
    try {
      var u = new URL(s, window.location.href);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* fall through */ }
    return "#";
  };

  /** Fetch JSON from the API; errors become Error objects carrying the server's detail. */
  PW.api = function (path, options) {
    var opts = options || {};
    var headers = { "Accept": "application/json" };
    var init = { method: opts.method || "GET", headers: headers, credentials: "same-origin" };
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(opts.body);
    }
    if (init.method !== "GET" && PW.session.csrf) headers["X-CSRF-Token"] = PW.session.csrf;
    // A read that fails on the network or with a server error is tried once more (writes never).
    var attempt = function () { return fetch(path, init); };
    var request = init.method !== "GET" ? attempt() : attempt().then(function (response) {
      return response.status >= 500 ? later(attempt) : response;
    }, function () { return later(attempt); });
    return request.then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var parsed = type.indexOf("json") >= 0 ? response.json() : response.text();
      return parsed.then(function (data) {
        if (!response.ok) {
          var detail = data && typeof data === "object" && data.detail !== undefined ? data.detail : data;
          if (typeof detail !== "string") detail = JSON.stringify(detail);
          var err = new Error(detail || response.statusText || "request failed");
          err.status = response.status;
          throw err;
        }
        return data;
      });
    });
  };

  function later(fn) {
    return new Promise(function (resolve) { setTimeout(resolve, 400); }).then(fn);
  }

  /** A query string from an object, skipping empty values. */
  PW.query = function (params) {
    var usp = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (value === null || value === undefined || value === "") return;
      if (Array.isArray(value)) value.forEach(function (v) { usp.append(key, v); });
      else usp.set(key, String(value));
    });
    var s = usp.toString();
    return s ? "?" + s : "";
  };

  var statusTimer = null;
  /** Show a message in the page's status line (kind: info | ok | error). */
  PW.status = function (message, kind) {
    var box = document.getElementById("status");
    if (!box) return;
    box.textContent = message || "";
    box.className = "status " + (kind || "info") + (message ? " shown" : "");
    if (statusTimer) clearTimeout(statusTimer);
    if (message && kind !== "error") statusTimer = setTimeout(function () { PW.status(""); }, 4000);
  };

  // ----------------------------------------------------------------------------------------
  // Formatting

  var regionNames = null;
  try { regionNames = new Intl.DisplayNames(["en"], { type: "region" }); } catch (e) { regionNames = null; }
  /** "KZ" -> "Kazakhstan" (the code itself when the browser cannot name it). */
  PW.countryName = function (code) {
    if (!code) return "unknown";
    if (regionNames && /^[A-Z]{2}$/.test(code)) {
      try { return regionNames.of(code) || code; } catch (e) { return code; }
    }
    return code;
  };

  /** snake_case vocabulary values read as words: "hunger_strike" -> "hunger strike". */
  PW.words = function (value) {
    if (value === null || value === undefined || value === "") return "—";
    return String(value).replace(/_/g, " ");
  };

  var FORMS = {
    demonstrate: "Demonstration", riot: "Riot", strike: "Strike", hunger_strike: "Hunger strike",
    boycott: "Boycott", obstruct: "Blockade", vandalize: "Vandalism",
  };
  /** The codebook's form as a noun for titles ("demonstrate" -> "Demonstration"). */
  PW.formLabel = function (form) {
    if (FORMS[form]) return FORMS[form];
    var w = PW.words(form || "protest");
    return w.charAt(0).toUpperCase() + w.slice(1);
  };

  PW.place = function (e) {
    var parts = [];
    if (e.locality) parts.push(e.locality);
    if (e.admin1 && e.admin1 !== e.locality) parts.push(e.admin1);
    parts.push(PW.countryName(e.country));
    return parts.join(", ");
  };

  PW.dates = function (e) {
    if (!e.date_start) return "date unknown";
    var s = e.date_start;
    if (e.date_end && e.date_end !== e.date_start) s += " – " + e.date_end;
    if (e.date_precision && e.date_precision !== "day") s += " (" + e.date_precision + ")";
    return s;
  };

  PW.size = function (e) {
    if (e.size_low === null || e.size_low === undefined) return e.size_text || "";
    if (e.size_high !== null && e.size_high !== undefined && e.size_high !== e.size_low) {
      return e.size_low.toLocaleString("en") + "–" + e.size_high.toLocaleString("en");
    }
    return e.size_low.toLocaleString("en");
  };

  /** Any field value as a short readable string. */
  PW.value = function (value) {
    if (value === null || value === undefined) return "—";
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") return value === "" ? "—" : value;
    if (Array.isArray(value)) {
      if (!value.length) return "—";
      return value.map(PW.value).join("; ");
    }
    if (typeof value === "object") {
      var named = value.name || value.description || value.text;
      if (named !== undefined && named !== null) {
        var rest = Object.keys(value).filter(function (k) {
          return k !== "name" && k !== "description" && k !== "text" && value[k] !== null && value[k] !== "";
        }).map(function (k) { return PW.words(value[k]); });
        return String(named) + (rest.length ? " (" + rest.join(", ") + ")" : "");
      }
      return Object.keys(value).filter(function (k) { return value[k] !== null && value[k] !== undefined; })
        .map(function (k) { return k.replace(/_/g, " ") + ": " + PW.value(value[k]); }).join(", ");
    }
    return String(value);
  };

  function has(v) { return v !== null && v !== undefined && v !== ""; }
  function count(low, high) {
    if (!has(low) && !has(high)) return "";
    if (has(low) && has(high) && low !== high) return Number(low).toLocaleString("en") + "–" + Number(high).toLocaleString("en");
    return Number(has(low) ? low : high).toLocaleString("en");
  }
  function quoted(text) { return has(text) ? "“" + text + "”" : ""; }

  /** A field value as a short readable string; grouped fields (dates, place, size, arrests)
   * read as one phrase. */
  PW.fieldValue = function (name, value) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      var v = value;
      if (name === "dates") {
        if (!has(v.date_start)) return "—";
        return v.date_start + (has(v.date_end) && v.date_end !== v.date_start ? " – " + v.date_end : "")
          + (has(v.date_precision) ? " (" + v.date_precision + ")" : "");
      }
      if (name === "place") {
        var where = [v.locality, v.admin1 !== v.locality ? v.admin1 : null, has(v.country) ? PW.countryName(v.country) : null]
          .filter(has).join(", ");
        var at = has(v.latitude) && has(v.longitude)
          ? " (" + Number(v.latitude).toFixed(3) + ", " + Number(v.longitude).toFixed(3)
            + (has(v.geo_precision) ? "; precision " + v.geo_precision : "") + ")" : "";
        return (where || "—") + at;
      }
      if (name === "size" || name === "arrests") {
        var prefix = name === "size" ? "size" : "arrests";
        var n = count(v[prefix + "_low"], v[prefix + "_high"]);
        var t = quoted(v[prefix + "_text"]);
        return [n, t].filter(has).join(" ") || "—";
      }
    }
    return PW.value(value);
  };

  PW.confidence = function (c) {
    if (c === null || c === undefined) return PW.el("span", { class: "muted", text: "—" });
    var pct = Math.round(Number(c) * 100);
    var bar = PW.el("span", { class: "confbar", title: "confidence " + Number(c).toFixed(2) });
    var fill = PW.el("span", { class: "confbar-fill" + (c < 0.5 ? " low" : c < 0.75 ? " mid" : "") });
    fill.style.width = Math.max(0, Math.min(100, pct)) + "%";
    bar.appendChild(fill);
    return PW.el("span", { class: "conf" }, [bar, PW.el("span", { class: "confnum", text: Number(c).toFixed(2) })]);
  };

  PW.reviewBadge = function (state) {
    var s = state || "machine";
    return PW.el("span", { class: "badge review-" + String(s).replace(/[^a-z_]/g, ""), text: PW.words(s) });
  };

  // Colour palette for categories (form / sub-event type); stable per value.
  var PALETTE = {
    form: {
      demonstrate: "#2b6cb0", riot: "#c53030", strike: "#d69e2e", hunger_strike: "#805ad5",
      boycott: "#2f855a", obstruct: "#dd6b20", vandalize: "#702459",
    },
    sub_event_type: {
      "Peaceful protest": "#2b6cb0", "Protest with intervention": "#d69e2e",
      "Excessive force against protesters": "#702459", "Violent demonstration": "#c53030",
      "Mob violence": "#1a202c",
    },
  };
  var EXTRA = ["#319795", "#b83280", "#4a5568", "#975a16", "#2c5282", "#9c4221"];
  PW.colour = function (scheme, value) {
    var table = PALETTE[scheme] || {};
    if (value === null || value === undefined || value === "") return "#718096";
    if (table[value]) return table[value];
    var h = 0;
    for (var i = 0; i < String(value).length; i++) h = (h * 31 + String(value).charCodeAt(i)) >>> 0;
    return EXTRA[h % EXTRA.length];
  };

  /** A small map-pin icon (SVG built node by node). */
  PW.pinIcon = function () {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", "M8 1a5 5 0 0 0-5 5c0 3.6 5 9 5 9s5-5.4 5-9a5 5 0 0 0-5-5zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4z");
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  };

  /** Mark the page ready for interaction (read by the browser tests and the timing check). */
  PW.ready = function () {
    if (document.body.dataset.ready === "1") return;
    document.body.dataset.ready = "1";
    try { performance.mark("pw-interactive"); } catch (e) { /* old browsers */ }
  };

  window.PW = PW;
})();
