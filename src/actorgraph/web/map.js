// The Map page (#/map?since=&until=&type=&actor=&modality=): events at their places, the
// filters, the events of the clicked point beside the map, and the events that cannot be
// put on it (a place without coordinates, or no place at all), listed rather than dropped.

import { clip, el, getJSON, modalityBadge, replace, route, sourceLine, svg } from "./dom.js";
import {
  PLOVER_COLOURS, casualtiesOf, drawMap, loadMapLibraries, mapLegend, typeColour,
} from "./mapdraw.js";

const LIMIT = 5000;
const MODALITIES = ["asserted", "reported", "alleged", "denied", "planned"];
const FIELDS = ["since", "until", "type", "actor", "modality"];
const OFF_MAP_SHOWN = 50;

let stylesheet = null;

function ensureStyles() {
  if (stylesheet) return;
  // An absolute URL: el() keeps only page routes and absolute http(s) links.
  const href = new URL("/static/map.css", window.location.origin).href;
  stylesheet = el("link", { rel: "stylesheet", href });
  document.head.append(stylesheet);
}

function eventHref(e) {
  return `${route("document", e.document_id)}?fact=${encodeURIComponent(`event:${e.id}`)}`;
}

// The type's colour as on the map: an SVG fill (the page's policy refuses style attributes).
function typeBadge(e) {
  return el("span", { class: "badge plover", "data-type": e.type },
    svg("svg", { class: "type-dot", width: 8, height: 8, viewBox: "-4 -4 8 8", "aria-hidden": "true" },
      svg("circle", { r: 4, fill: typeColour(e.type) })),
    e.type + (e.mode ? ` · ${e.mode}` : ""));
}

function tolls(e) {
  const parts = [];
  if (e.killed !== null) parts.push(`${e.killed} killed`);
  if (e.injured !== null) parts.push(`${e.injured} injured`);
  return parts.join(", ");
}

// A sentence that opens with its own quotation mark is shown as it is.
function quoted(text) {
  return /^["“”'‘]/.test(text) ? el("span", {}, text) : el("q", {}, text);
}

function mapEventItem(e) {
  const href = eventHref(e);
  const who = [];
  if (e.actors.length) who.push(e.actors.join(", "));
  if (e.targets.length) who.push(`→ ${e.targets.join(", ")}`);
  const where = e.place
    ? `${e.place}${e.lat === null ? " (no coordinates)" : ""}`
    : "no place named";
  const item = el("li", { class: "fact map-event", "data-event-id": e.id },
    el("div", { class: "fact-head" },
      el("span", { class: "event-date", title: e.date_text || "" },
        e.date_value || el("span", { class: "muted" }, "undated")),
      typeBadge(e),
      who.length ? el("span", {}, who.join(" ")) : null,
      el("span", { class: "fact-badges" }, modalityBadge(e.modality, e.attributed_to))),
    el("div", { class: "map-event-where" }, el("span", { class: "muted" }, where),
      tolls(e) ? el("span", { class: "tolls" }, tolls(e)) : null),
    el("a", { class: "evidence-link", href, title: "Open the document at this sentence" },
      quoted(clip(e.evidence_text, 220))),
    el("div", { class: "source" }, sourceLine(e.document_title, e.published)));
  item.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) window.location.hash = href;
  });
  return item;
}

function filterForm(params) {
  const value = (name) => params.get(name) || "";
  const date = (name, label) => el("label", { class: "field" }, label,
    el("input", { name, value: value(name), placeholder: "YYYY-MM-DD", maxlength: 10,
      pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", inputmode: "numeric" }));
  const select = (name, label, options, none) => {
    const field = el("select", { name },
      el("option", { value: "" }, none),
      options.map((o) => el("option", { value: o, selected: o === value(name) }, o)));
    return el("label", { class: "field" }, label, field);
  };
  const types = Object.keys(PLOVER_COLOURS).filter((t) => t !== "DEMAND");
  const form = el("form", { class: "filters map-filters", role: "search" },
    date("since", "From"), date("until", "Until"),
    select("type", "Event type", types, "Any type"),
    el("label", { class: "field" }, "Actor",
      el("input", { name: "actor", value: value("actor"), maxlength: 200,
        placeholder: "name or id", class: "wide" })),
    select("modality", "Claim status", MODALITIES, "Any status"),
    el("button", { type: "submit", class: "button" }, "Apply"),
    el("a", { class: "clear", href: "#/map" }, "Clear"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const name of FIELDS) {
      const v = form.elements[name].value.trim();
      if (v) q.set(name, v);
    }
    window.location.hash = `#/map${q.toString() ? `?${q}` : ""}`;
  });
  return form;
}

function offMapList(events) {
  if (!events.length) return el("p", { class: "muted empty" }, "Every event has coordinates.");
  const list = el("ol", { class: "facts off-map-list" }, events.slice(0, OFF_MAP_SHOWN).map(mapEventItem));
  if (events.length <= OFF_MAP_SHOWN) return list;
  const more = el("button", { type: "button", class: "seg show-all" }, `Show all ${events.length}`);
  more.addEventListener("click", () => {
    replace(list, events.map(mapEventItem));
    more.remove();
  });
  return el("div", {}, list, more);
}

function selectionCard(box, events) {
  const places = [...new Set(events.map((e) => e.place))];
  const cas = events.reduce((n, e) => n + casualtiesOf(e), 0);
  const sorted = [...events].sort((a, b) =>
    (b.date_start || "").localeCompare(a.date_start || "") || a.id.localeCompare(b.id));
  replace(box,
    el("h2", {}, `${events.length} event${events.length === 1 ? "" : "s"} at ${clip(places.join(", "), 80)}`),
    cas ? el("p", { class: "muted small" }, `${cas} killed or injured, as first reported`) : null,
    el("ol", { class: "facts selected-events" }, sorted.map(mapEventItem)));
}

/** Render the Map page into `view`; `isCurrent()` turns false once the user navigated on. */
export async function mapPage(view, params, isCurrent) {
  ensureStyles();
  const query = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) || ""]));
  const [data, lib] = await Promise.all([
    getJSON("/api/map", { ...query, limit: LIMIT }), loadMapLibraries(),
  ]);
  if (!isCurrent()) return;
  const onMap = data.items.filter((e) => e.lat !== null && e.lon !== null);
  const offMap = data.items.filter((e) => e.lat === null || e.lon === null);
  const placeCount = new Set(onMap.map((e) => `${e.lat},${e.lon}`)).size;
  const mapBox = el("div", { class: "map-box" });
  const selection = el("section", { class: "card map-selection" },
    el("h2", {}, "Events at a point"),
    el("p", { class: "muted" }, onMap.length ? "Click a point to list its events."
      : "No event in this selection has coordinates."));
  const zoom = (label, title, action) => {
    const b = el("button", { type: "button", class: "seg", title }, label);
    b.addEventListener("click", action);
    return b;
  };
  let drawn = null;
  const controls = el("div", { class: "segmented map-zoom", role: "group", "aria-label": "Zoom" },
    zoom("+", "Zoom in", () => drawn.zoomBy(1.6)), zoom("−", "Zoom out", () => drawn.zoomBy(1 / 1.6)),
    zoom("Fit", "Fit the events", () => drawn.fit()), zoom("World", "The whole world", () => drawn.fit(true)));
  replace(view,
    el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Events"),
      el("h1", {}, "Map")),
    filterForm(params),
    el("p", { class: "meta map-summary" },
      `${data.total.toLocaleString("en")} event${data.total === 1 ? "" : "s"}: `
      + `${onMap.length.toLocaleString("en")} on the map at ${placeCount} place${placeCount === 1 ? "" : "s"}, `
      + `${offMap.length.toLocaleString("en")} not on the map`
      + (query.since || query.until ? " (a date range leaves undated events out)" : "")),
    data.truncated ? el("p", { class: "notice" },
      `Showing the ${data.items.length.toLocaleString("en")} most recent events of `
      + `${data.total.toLocaleString("en")}: narrow the filters to see the others.`) : null,
    el("div", { class: "map-layout" },
      el("div", { class: "map-main" },
        el("section", { class: "card map-card" },
          el("div", { class: "card-head" }, el("h2", {}, "Where"), controls),
          mapBox, mapLegend(data.items))),
      el("div", { class: "map-side" }, selection,
        el("section", { class: "card off-map" },
          el("h2", {}, "Not on the map", el("span", { class: "count" }, String(offMap.length))),
          el("p", { class: "muted small" }, "Events whose place has no coordinates, or that name no place."),
          offMapList(offMap)))));
  drawn = drawMap(mapBox, lib, onMap, (events) => selectionCard(selection, events));
}
