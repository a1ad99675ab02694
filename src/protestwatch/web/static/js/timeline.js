/* protestwatch dashboard: the timeline of event counts, drawn as SVG bars.
 *
 * PW.timeline(container, buckets, options) draws one bar per time bucket (gaps filled with
 * zero bars so time runs evenly); clicking a bar calls options.onSelect(from, to) with the
 * bucket's first and last day, which the dashboard turns into a date filter.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function parse(key) {
    var m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(key || "");
    if (!m) return null;
    return new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1));
  }

  function iso(d) { return d.toISOString().slice(0, 10); }

  function next(d, by) {
    var n = new Date(d.getTime());
    if (by === "day") n.setUTCDate(n.getUTCDate() + 1);
    else if (by === "week") n.setUTCDate(n.getUTCDate() + 7);
    else if (by === "year") n.setUTCFullYear(n.getUTCFullYear() + 1);
    else n.setUTCMonth(n.getUTCMonth() + 1);
    return n;
  }

  function lastDay(d, by) {
    var n = next(d, by);
    n.setUTCDate(n.getUTCDate() - 1);
    return n;
  }

  /** Buckets with the gaps filled (at most `cap` of them, else the given ones unchanged). */
  function fill(buckets, by, cap) {
    var dated = buckets.map(function (b) { return { date: parse(b.key), count: b.count, key: b.key }; })
      .filter(function (b) { return b.date; })
      .sort(function (a, b) { return a.date - b.date; });
    if (dated.length < 2) return dated;
    var counts = {};
    dated.forEach(function (b) { counts[iso(b.date)] = b.count; });
    var out = [];
    for (var d = dated[0].date; d <= dated[dated.length - 1].date; d = next(d, by)) {
      if (out.length > cap) return dated;
      out.push({ date: d, count: counts[iso(d)] || 0, key: iso(d) });
    }
    return out;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function label(d, by) {
    if (by === "year") return String(d.getUTCFullYear());
    if (by === "month") return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    return iso(d);
  }

  PW.timeline = function (container, buckets, options) {
    var opts = options || {};
    var by = opts.by || "month";
    PW.clear(container);
    var data = fill(buckets || [], by, 2000);
    if (!data.length) {
      container.appendChild(PW.el("p", { class: "muted empty", text: "No dated events match these filters." }));
      return;
    }
    var width = Math.max(320, container.clientWidth || 800);
    var height = 130;
    var pad = { left: 34, right: 8, top: 8, bottom: 24 };
    var plotW = width - pad.left - pad.right;
    var plotH = height - pad.top - pad.bottom;
    var max = data.reduce(function (m, b) { return Math.max(m, b.count); }, 0) || 1;
    var step = plotW / data.length;
    var barW = Math.max(1, step - (step > 4 ? 2 : 0));

    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, class: "timeline-svg" });
    var title = svg("title", {});
    title.textContent = "Events per " + by;
    root.appendChild(title);

    // y axis: 0 and max, with a light grid line at the max.
    [0, max].forEach(function (v) {
      var y = pad.top + plotH - (v / max) * plotH;
      root.appendChild(svg("line", { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: "grid" }));
      var t = svg("text", { x: pad.left - 4, y: y + 4, "text-anchor": "end", class: "axis" });
      t.textContent = String(v);
      root.appendChild(t);
    });

    var selected = opts.selected || {};
    data.forEach(function (b, i) {
      var h = (b.count / max) * plotH;
      var x = pad.left + i * step;
      var from = iso(b.date);
      var to = iso(lastDay(b.date, by));
      var group = svg("g", { class: "bar" + (b.count ? "" : " zero"), tabindex: b.count ? 0 : -1, role: "button" });
      group.dataset.from = from;
      group.dataset.to = to;
      if (selected.from === from && selected.to === to) group.setAttribute("class", "bar selected");
      // a full-height transparent target so thin bars are still easy to click
      group.appendChild(svg("rect", { x: x, y: pad.top, width: Math.max(step, 1), height: plotH, class: "hit" }));
      group.appendChild(svg("rect", { x: x, y: pad.top + plotH - h, width: barW, height: Math.max(h, b.count ? 1 : 0), class: "fill" }));
      var tip = svg("title", {});
      tip.textContent = label(b.date, by) + ": " + b.count + (b.count === 1 ? " event" : " events");
      group.appendChild(tip);
      if (opts.onSelect && b.count) {
        var pick = function () { opts.onSelect(from, to); };
        group.addEventListener("click", pick);
        group.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
        });
      }
      root.appendChild(group);
    });

    // x axis: about six evenly spaced labels.
    var every = Math.max(1, Math.ceil(data.length / Math.max(1, Math.floor(plotW / 110))));
    for (var i = 0; i < data.length; i += every) {
      var t = svg("text", { x: pad.left + i * step, y: height - 6, class: "axis" });
      t.textContent = label(data[i].date, by);
      root.appendChild(t);
    }
    container.appendChild(root);
  };
  /** Month buckets summed into years (keys "YYYY-01-01"). */
  PW.timeline.years = function (buckets) {
    var sums = {};
    (buckets || []).forEach(function (b) {
      var m = /^(\d{4})/.exec(b.key || "");
      if (m) sums[m[1]] = (sums[m[1]] || 0) + b.count;
    });
    return Object.keys(sums).sort().map(function (y) { return { key: y + "-01-01", count: sums[y] }; });
  };

  /** How many months the month buckets span (first to last). */
  PW.timeline.monthSpan = function (buckets) {
    var dates = (buckets || []).map(function (b) { return parse(b.key); }).filter(Boolean).sort(function (a, b) { return a - b; });
    if (!dates.length) return 0;
    var a = dates[0], b = dates[dates.length - 1];
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  };
})();
