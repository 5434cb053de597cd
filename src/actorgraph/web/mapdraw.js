// The map itself: country shapes (world-atlas through topojson-client), projected by d3-geo
// into SVG; events as points clustered in screen space, coloured by PLOVER type and sized by
// casualties. Zoom with the wheel or the buttons, pan by dragging. The vendored scripts are
// loaded (in order: d3-geo needs d3-array) only when a map is first drawn.

import { el, getJSON, svg } from "./dom.js";

const VENDOR = "/static/vendor/";
const SCRIPTS = [
  "d3-array/d3-array.min.js",
  "d3-geo/d3-geo.min.js",
  "topojson-client/topojson-client.min.js",
];
export const WIDTH = 960;
export const HEIGHT = 540;
const RADIUS = 22; // points nearer than this (in pixels) to a cluster's first point join it
const MAX_ZOOM = 40;
const FIT_ZOOM = 12; // fitting the events never zooms in further (about 10° across)

// PLOVER event types, grouped by colour family: force, pressure, protest and words, help.
export const PLOVER_COLOURS = {
  ASSAULT: "#b2182b",
  COERCE: "#e34a33",
  THREATEN: "#f28e2b",
  MOBILIZE: "#8c510a",
  SANCTION: "#6a3d9a",
  PROTEST: "#c51b7d",
  ACCUSE: "#de77ae",
  REJECT: "#9e4a6e",
  REQUEST: "#4575b4",
  DEMAND: "#4575b4",
  CONSULT: "#74add1",
  AGREE: "#1a9850",
  COOPERATE: "#66bd63",
  SUPPORT: "#35978f",
  AID: "#01665e",
  CONCEDE: "#a6a13a",
  RETREAT: "#7f8c8d",
};
const OTHER = "#6b7682";

export function typeColour(type) {
  return PLOVER_COLOURS[type] || OTHER;
}

/** Return the killed and injured an event counts (0 when the text gives neither). */
export function casualtiesOf(e) {
  return (e.killed || 0) + (e.injured || 0);
}

/** Return a point's radius for `casualties` killed and injured (0 or unknown: the least). */
export function radiusFor(casualties, count = 1) {
  const r = 5 + 2.2 * Math.sqrt(casualties);
  return Math.min(Math.max(r, count > 1 ? 10 : 5), 34);
}

let loading = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`cannot load ${src}: is the package installed whole?`));
    document.head.append(script);
  });
}

/** Load the map's libraries and country shapes once; resolve to {d3, topojson, world}. */
export function loadMapLibraries() {
  if (!loading) {
    loading = (async () => {
      for (const file of SCRIPTS) await loadScript(VENDOR + file);
      const world = await getJSON(`${VENDOR}world-atlas/countries-50m.json`);
      return { d3: window.d3, topojson: window.topojson, world };
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/**
 * Group `points` ({x, y, event}) into clusters: each point joins the first cluster whose
 * first point lies within `radius` pixels, found through a grid of cells `radius` wide.
 */
export function cluster(points, radius = RADIUS) {
  const grid = new Map();
  const out = [];
  const key = (i, j) => `${i},${j}`;
  for (const p of points) {
    const i = Math.floor(p.x / radius);
    const j = Math.floor(p.y / radius);
    let best = null;
    let bestD = radius * radius;
    for (let di = -1; di <= 1; di++) {
      for (let dj = -1; dj <= 1; dj++) {
        for (const c of grid.get(key(i + di, j + dj)) || []) {
          const d = (c.x0 - p.x) ** 2 + (c.y0 - p.y) ** 2;
          if (d <= bestD) {
            best = c;
            bestD = d;
          }
        }
      }
    }
    if (!best) {
      best = { x0: p.x, y0: p.y, sx: 0, sy: 0, events: [] };
      if (!grid.has(key(i, j))) grid.set(key(i, j), []);
      grid.get(key(i, j)).push(best);
      out.push(best);
    }
    best.events.push(p.event);
    best.sx += p.x;
    best.sy += p.y;
  }
  return out.map((c) => ({ x: c.sx / c.events.length, y: c.sy / c.events.length, events: c.events }));
}

function pieSlices(events, r) {
  const counts = new Map();
  for (const e of events) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const shares = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (shares.length === 1) return [svg("circle", { r, fill: typeColour(shares[0][0]) })];
  let angle = -Math.PI / 2;
  return shares.map(([type, n]) => {
    const sweep = (2 * Math.PI * n) / events.length;
    const [x0, y0] = [r * Math.cos(angle), r * Math.sin(angle)];
    angle += sweep;
    const [x1, y1] = [r * Math.cos(angle), r * Math.sin(angle)];
    const large = sweep > Math.PI ? 1 : 0;
    const d = `M0,0L${x0.toFixed(2)},${y0.toFixed(2)}A${r},${r} 0 ${large} 1 ${x1.toFixed(2)},${y1.toFixed(2)}Z`;
    return svg("path", { d, fill: typeColour(type), "data-type": type });
  });
}

function pointTitle(c) {
  const places = [...new Set(c.events.map((e) => e.place))];
  const cas = c.events.reduce((n, e) => n + casualtiesOf(e), 0);
  const count = c.events.length === 1 ? c.events[0].type : `${c.events.length} events`;
  return `${count} · ${places.slice(0, 3).join(", ")}${places.length > 3 ? "…" : ""}`
    + (cas ? ` · ${cas} killed or injured` : "");
}

/**
 * Draw `events` (those with coordinates) into `box`; `onSelect(events)` is called with the
 * events of a clicked point. Returns {fit, zoomBy} for the page's buttons.
 */
export function drawMap(box, lib, events, onSelect) {
  const { d3, topojson, world } = lib;
  const projection = d3.geoNaturalEarth1().fitExtent([[6, 6], [WIDTH - 6, HEIGHT - 6]],
    { type: "Sphere" });
  const path = d3.geoPath(projection);
  const countries = topojson.feature(world, world.objects.countries).features;
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  const base = svg("g", { class: "map-base" },
    svg("path", { class: "sphere", d: path({ type: "Sphere" }) }),
    svg("path", { class: "graticule", d: path(d3.geoGraticule10()) }),
    countries.map((f) => svg("path", { class: "country", d: path(f) },
      svg("title", {}, (f.properties && f.properties.name) || ""))),
    svg("path", { class: "border", d: path(borders) }));
  const layer = svg("g", { class: "map-points" });
  const root = svg("svg", {
    class: "map", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group",
    "aria-label": "Map of the events: each point is one or more events",
  }, base, layer);
  box.replaceChildren(root);
  const projected = events.map((e) => {
    const [x, y] = projection([e.lon, e.lat]);
    return { x, y, event: e };
  }).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  let view = { k: 1, x: 0, y: 0 };
  let selected = new Set();

  function render() {
    base.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    const onScreen = projected
      .map((p) => ({ x: p.x * view.k + view.x, y: p.y * view.k + view.y, event: p.event }))
      .filter((p) => p.x > -40 && p.y > -40 && p.x < WIDTH + 40 && p.y < HEIGHT + 40);
    const clusters = cluster(onScreen);
    // Big points first, so that small ones stay on top and clickable.
    clusters.sort((a, b) => radiusOf(b) - radiusOf(a));
    layer.replaceChildren(...clusters.map(point));
  }

  function radiusOf(c) {
    return radiusFor(c.events.reduce((n, e) => n + casualtiesOf(e), 0), c.events.length);
  }

  function point(c) {
    const r = radiusOf(c);
    const ids = c.events.map((e) => e.id);
    const isSelected = ids.some((id) => selected.has(id));
    const g = svg("g", {
      class: `point${c.events.length > 1 ? " cluster" : ""}${isSelected ? " selected" : ""}`,
      transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})`,
      tabindex: 0, role: "button", "aria-label": pointTitle(c),
      "data-count": c.events.length,
      "data-types": [...new Set(c.events.map((e) => e.type))].sort().join(" "),
      "data-casualties": c.events.reduce((n, e) => n + casualtiesOf(e), 0),
      "data-places": [...new Set(c.events.map((e) => e.place))].sort().join("|"),
    }, svg("title", {}, pointTitle(c)), ...pieSlices(c.events, r),
    svg("circle", { class: "ring", r }),
    c.events.length > 1 ? svg("text", { class: "point-count", dy: "0.35em" }, String(c.events.length)) : null);
    const choose = () => {
      selected = new Set(ids);
      render();
      onSelect(c.events);
    };
    g.addEventListener("click", (ev) => {
      if (!dragged) choose();
      ev.stopPropagation();
    });
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        choose();
      }
    });
    return g;
  }

  function zoomAt(factor, cx = WIDTH / 2, cy = HEIGHT / 2) {
    const k = Math.min(Math.max(view.k * factor, 1), MAX_ZOOM);
    const f = k / view.k;
    view = { k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f };
    render();
  }

  function fit(all = false) {
    const xs = projected.map((p) => p.x);
    const ys = projected.map((p) => p.y);
    if (all || !xs.length) {
      view = { k: 1, x: 0, y: 0 };
    } else {
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const k = Math.min(FIT_ZOOM, Math.max(1,
        Math.min((WIDTH - 120) / Math.max(x1 - x0, 1), (HEIGHT - 120) / Math.max(y1 - y0, 1))));
      view = { k, x: WIDTH / 2 - ((x0 + x1) / 2) * k, y: HEIGHT / 2 - ((y0 + y1) / 2) * k };
    }
    render();
  }

  // Screen pixels to viewBox units: the SVG scales with the page's width.
  const scale = () => WIDTH / (root.getBoundingClientRect().width || WIDTH);
  let drag = null;
  let dragged = false;
  root.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = root.getBoundingClientRect();
    const s = scale();
    zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, (ev.clientX - box.left) * s, (ev.clientY - box.top) * s);
  }, { passive: false });
  root.addEventListener("pointerdown", (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    dragged = false;
  });
  root.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const [dx, dy] = [ev.clientX - drag.x, ev.clientY - drag.y];
    if (!dragged && Math.hypot(dx, dy) < 4) return;
    if (!dragged) root.setPointerCapture(ev.pointerId);
    dragged = true;
    const s = scale();
    view = { ...view, x: drag.vx + dx * s, y: drag.vy + dy * s };
    render();
  });
  const stop = () => { drag = null; };
  root.addEventListener("pointerup", stop);
  root.addEventListener("pointercancel", stop);
  fit();
  return { fit, zoomBy: (f) => zoomAt(f), root };
}

/** A legend of the types shown (with their counts) and of the point sizes. */
export function mapLegend(events) {
  const counts = new Map();
  for (const e of events) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const types = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const dot = (r, fill) => svg("svg", { class: "legend-dot", width: 2 * r + 2, height: 2 * r + 2,
    viewBox: `${-r - 1} ${-r - 1} ${2 * r + 2} ${2 * r + 2}`, "aria-hidden": "true" },
  svg("circle", { r, fill, class: fill ? "" : "size-sample" }));
  return el("div", { class: "map-legend" },
    el("ul", { class: "legend-list", "aria-label": "Event types" }, types.map(([type, n]) =>
      el("li", { "data-type": type }, dot(5, typeColour(type)), `${type} (${n})`))),
    el("ul", { class: "legend-list", "aria-label": "Point sizes" },
      [[0, "unknown or none"], [10, "10"], [100, "100 killed or injured"]].map(([n, label]) =>
        el("li", {}, dot(radiusFor(n), null), label)),
      el("li", { class: "muted" }, "a number: events in a cluster (slices by type)")));
}
