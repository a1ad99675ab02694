/* protestwatch dashboard: the Leaflet map.
 *
 * The base layer is the app's own GeoJSON of country outlines (/api/v1/basemap), so the map
 * works with no tile server. When the server was started with --tile-url, a tile layer is added
 * and chosen by default, with the outlines still one click away in the layer switcher.
 * Events are dots coloured by form or sub-event type, grouped into clusters (pie-coloured by the
 * same categories) where they are dense.
 */
(function () {
  "use strict";

  var basemapPromise = null;
  /** The country outlines, fetched once per page. */
  PW.basemap = function () {
    if (!basemapPromise) {
      basemapPromise = PW.api("/api/v1/basemap").catch(function (err) {
        basemapPromise = null;
        throw err;
      });
    }
    return basemapPromise;
  };

  function hasLeaflet() {
    if (window.L && typeof window.L.map === "function") return true;
    var warn = document.getElementById("asset-warning");
    if (warn) warn.hidden = false;
    return false;
  }
  PW.hasLeaflet = hasLeaflet;

  function dot(colour, label) {
    var el = document.createElement("span");
    el.className = "pw-dot-inner";
    el.style.backgroundColor = colour;
    if (label) el.setAttribute("aria-label", label);
    return el;
  }

  function pieIcon(cluster, scheme) {
    var counts = {};
    var total = 0;
    cluster.getAllChildMarkers().forEach(function (m) {
      var c = m.options.pwCategory || "";
      counts[c] = (counts[c] || 0) + 1;
      total += 1;
    });
    var stops = [];
    var at = 0;
    Object.keys(counts).sort().forEach(function (c) {
      var share = (counts[c] / total) * 360;
      var colour = PW.colour(scheme(), c);
      stops.push(colour + " " + at.toFixed(1) + "deg " + (at + share).toFixed(1) + "deg");
      at += share;
    });
    var size = total < 10 ? 34 : total < 100 ? 42 : 52;
    var outer = document.createElement("div");
    outer.className = "pw-cluster";
    outer.style.background = "conic-gradient(" + stops.join(", ") + ")";
    outer.style.width = size + "px";
    outer.style.height = size + "px";
    var inner = document.createElement("span");
    inner.className = "pw-cluster-count";
    inner.textContent = String(total);
    outer.appendChild(inner);
    return L.divIcon({ html: outer, className: "pw-cluster-icon", iconSize: L.point(size, size) });
  }

  function popupFor(props) {
    var box = PW.el("div", { class: "pw-popup" });
    PW.append(box, [
      PW.el("div", { class: "pw-popup-date", text: PW.dates(props) }),
      PW.el("div", { class: "pw-popup-place", text: PW.place(props) }),
      PW.el("div", { class: "pw-popup-form" }, [
        PW.words(props.form),
        props.sub_event_type ? " · " + props.sub_event_type : "",
        PW.size(props) ? " · " + PW.size(props) + " people" : "",
      ]),
      props.headline ? PW.el("div", { class: "pw-popup-headline", text: props.headline }) : null,
      PW.el("a", { href: "/events/" + encodeURIComponent(props.id), class: "pw-popup-link", text: "Open event →" }),
    ]);
    return box;
  }

  /** A map in `element`. options: {tileUrl, cluster (default true), onReady}. */
  PW.createMap = function (element, options) {
    var opts = options || {};
    if (!hasLeaflet()) {
      element.classList.add("map-missing");
      element.textContent = "Map unavailable: the Leaflet library was not found under /static/vendor.";
      return null;
    }
    var renderer = L.canvas({ padding: 0.2 });
    var map = L.map(element, {
      worldCopyJump: true, minZoom: 1, maxZoom: 18, zoomSnap: 0.5, preferCanvas: false,
      attributionControl: true,
    }).setView([30, 20], 2);
    map.attributionControl.setPrefix("");

    var outlines = L.geoJSON(null, {
      renderer: renderer, interactive: false,
      style: { color: "#7a8794", weight: 0.8, fillColor: "#e9eef2", fillOpacity: 1 },
    });
    var sea = L.layerGroup([outlines]);
    var baseLayers = { "Country outlines": sea };
    if (opts.tileUrl) {
      // Leaflet writes attributions as markup: only a plain host name goes in.
      var host = "";
      try { host = new URL(opts.tileUrl.replace(/[{}]/g, "")).host; } catch (e) { host = ""; }
      if (!/^[A-Za-z0-9.\-:\[\]]+$/.test(host)) host = "";
      var tiles = L.tileLayer(opts.tileUrl, { maxZoom: 19, attribution: host ? "Map tiles: " + host : "" });
      baseLayers = { "Map tiles": tiles, "Country outlines": sea };
      tiles.addTo(map);
      L.control.layers(baseLayers, null, { position: "topright" }).addTo(map);
    } else {
      sea.addTo(map);
    }
    element.classList.add("map-outlines");

    var outlinesLoaded = PW.basemap().then(function (geo) {
      outlines.addData(geo);
      outlines.bringToBack();
    }).catch(function (err) {
      PW.status("Country outlines did not load: " + err.message, "error");
    });

    var colourBy = opts.colourBy || "form";
    var scheme = function () { return colourBy; };
    var useCluster = opts.cluster !== false && typeof L.markerClusterGroup === "function";
    var group = useCluster
      ? L.markerClusterGroup({
          chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true,
          iconCreateFunction: function (cluster) { return pieIcon(cluster, scheme); },
        })
      : L.featureGroup();
    group.addTo(map);

    var features = [];

    function category(props) {
      return colourBy === "sub_event_type" ? props.sub_event_type : props.form;
    }

    function draw(fit) {
      group.clearLayers();
      var markers = [];
      features.forEach(function (f) {
        var g = f.geometry;
        if (!g || g.type !== "Point" || !Array.isArray(g.coordinates)) return;
        var lon = Number(g.coordinates[0]);
        var lat = Number(g.coordinates[1]);
        if (!isFinite(lat) || !isFinite(lon)) return;
        var props = f.properties || {};
        var cat = category(props);
        var label = PW.dates(props) + ", " + PW.place(props) + ", " + PW.words(props.form);
        var icon = L.divIcon({ html: dot(PW.colour(colourBy, cat), label), className: "pw-dot", iconSize: [14, 14] });
        var m = L.marker([lat, lon], { icon: icon, title: label, keyboard: true, pwCategory: cat || "", pwId: props.id });
        m.bindPopup(function () { return popupFor(props); }, { maxWidth: 280 });
        markers.push(m);
      });
      if (useCluster) group.addLayers(markers);
      else markers.forEach(function (m) { group.addLayer(m); });
      if (fit && markers.length) {
        var bounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: opts.maxFitZoom || 7, animate: false });
      }
      return markers.length;
    }

    return {
      map: map,
      outlinesLoaded: outlinesLoaded,
      /** Replace the events shown (a GeoJSON FeatureCollection); returns how many have a point. */
      setEvents: function (collection, fit) {
        features = (collection && collection.features) || [];
        return draw(fit !== false);
      },
      setColourBy: function (value) {
        colourBy = value === "sub_event_type" ? "sub_event_type" : "form";
        draw(false);
      },
      /** The categories currently shown, with their colour and count (for the legend). */
      legend: function () {
        var counts = {};
        features.forEach(function (f) {
          var c = category(f.properties || {}) || "";
          counts[c] = (counts[c] || 0) + 1;
        });
        return Object.keys(counts).sort().map(function (c) {
          return { key: c, count: counts[c], colour: PW.colour(colourBy, c) };
        });
      },
      /** Open the popup of the event with this id, zooming in to it if clustered. */
      focus: function (id) {
        var target = null;
        group.eachLayer(function (m) { if (m.options.pwId === id) target = m; });
        if (!target) return false;
        if (useCluster) group.zoomToShowLayer(target, function () { target.openPopup(); });
        else { map.setView(target.getLatLng(), Math.max(map.getZoom(), 6)); target.openPopup(); }
        return true;
      },
    };
  };
})();
