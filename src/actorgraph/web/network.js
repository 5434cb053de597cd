// The whole network view (#/network): every actor linked by a relation within the
// filters, drawn by network-draw.js, with the edges listed in a table beside it. A click
// on an edge (on the canvas or in the table) shows its evidence; on a node, its actor.
// Filters go into the URL (replaceState: the drawing is kept, not rebuilt).

import {
  clip, el, getJSON, modalityBadge, predicateText, replace, route, sourceLine, typeBadge,
} from "./dom.js";
import { drawNetwork } from "./network-draw.js";

const STATUSES = ["asserted", "reported", "alleged", "denied", "planned"];
const LISTS = ["type", "kind", "predicate", "status"]; // repeated parameters
const SINGLE = ["min_sources", "since", "until"];
const ROWS = 100;

let current = null; // the drawing shown, killed when the page leaves #/network

window.addEventListener("hashchange", () => {
  if (current && !window.location.hash.startsWith("#/network")) {
    current.kill();
    current = null;
  }
});

function apiQuery(params) {
  const q = new URLSearchParams();
  for (const key of LISTS) for (const v of params.getAll(key)) q.append(key, v);
  for (const key of SINGLE) if (params.get(key)) q.set(key, params.get(key));
  return q;
}

function evidenceHref(documentId, relationId) {
  return `${route("document", documentId)}?fact=${encodeURIComponent(`relation:${relationId}`)}`;
}

function checks(name, values, chosen, label = (v) => v) {
  const all = !chosen.length;
  return el("fieldset", { class: "net-checks", "data-filter": name },
    el("legend", {}, { type: "Actor type", kind: "Actor kind", predicate: "Relation",
      status: "Claim status" }[name]),
    values.map((v) => el("label", { class: "net-check" },
      el("input", { type: "checkbox", name, value: v, checked: all || chosen.includes(v) }),
      label(v))));
}

function segmented(name, options, chosen) {
  return el("div", { class: "segmented", role: "group", "aria-label": name },
    options.map(([value, text]) => el("button", {
      type: "button", class: "seg", "data-style": name, "data-value": value,
      "aria-pressed": String(value === chosen),
    }, text)));
}

function filterForm(facets, params) {
  const field = (name, label, attrs) => el("label", { class: "field" }, label,
    el("input", { name, value: params.get(name) || "", ...attrs }));
  const date = { placeholder: "YYYY-MM-DD", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", maxlength: 10 };
  return el("form", { class: "net-filters card", "aria-label": "Network filters" },
    el("div", { class: "net-filter-groups" },
      checks("type", facets.types, params.getAll("type")),
      checks("kind", facets.kinds, params.getAll("kind"), (k) => k.replaceAll("_", " ")),
      checks("predicate", facets.predicates, params.getAll("predicate"), predicateText),
      checks("status", STATUSES, params.getAll("status"))),
    el("div", { class: "filters net-filter-row" },
      field("min_sources", "Min. sources", { type: "number", min: 1, max: 1000, step: 1,
        placeholder: "1" }),
      field("since", "From", date), field("until", "Until", date),
      el("button", { type: "submit", class: "button", id: "network-apply" }, "Apply"),
      el("span", { class: "net-style" }, el("span", { class: "muted small" }, "Size"),
        segmented("size", [["degree", "Degree"], ["mentions", "Mentions"]],
          params.get("size") || "degree"),
        el("span", { class: "muted small" }, "Colour"),
        segmented("colour", [["community", "Community"], ["type", "Type"]],
          params.get("colour") || "community"))));
}

// The form as URL parameters: a group with every box ticked filters nothing.
function formParams(form, old) {
  const q = new URLSearchParams();
  for (const set of form.querySelectorAll("fieldset[data-filter]")) {
    const boxes = [...set.querySelectorAll("input")];
    const ticked = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!ticked.length) return { error: `Tick at least one ${set.querySelector("legend").textContent.toLowerCase()}.` };
    if (ticked.length < boxes.length) for (const v of ticked) q.append(set.dataset.filter, v);
  }
  for (const name of SINGLE) {
    const value = form.elements[name].value.trim();
    if (value && !(name === "min_sources" && value === "1")) q.set(name, value);
  }
  for (const key of ["size", "colour"]) if (old.get(key)) q.set(key, old.get(key));
  return { params: q };
}

function edgeRow(e, names, onEdge) {
  const actor = (id) => el("a", { class: "actor-link", href: route("actor", id) }, names.get(id) || id);
  const open = el("button", { type: "button", class: "link-button edge-open", title: "Show the evidence" },
    predicateText(e.predicate));
  open.addEventListener("click", () => onEdge(e));
  return el("tr", { "data-edge-id": e.id },
    el("td", {}, actor(e.source)), el("td", {}, open, e.disputed ? el("span", {
      class: "badge m-denied", title: "asserted by one source, denied by another" }, "disputed") : null),
    el("td", {}, actor(e.target)), el("td", { class: "num" }, String(e.sources)),
    el("td", { class: "num" }, String(e.documents)),
    el("td", {}, e.modalities.map((m) => modalityBadge(m))));
}

function edgeTable(data, onEdge) {
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  const body = el("tbody", {});
  const more = el("button", { type: "button", class: "button secondary" }, "Show more");
  let shown = 0;
  const grow = () => {
    body.append(...data.edges.slice(shown, shown + ROWS).map((e) => edgeRow(e, names, onEdge)));
    shown = Math.min(data.edges.length, shown + ROWS);
    more.hidden = shown >= data.edges.length;
    more.textContent = `Show ${Math.min(ROWS, data.edges.length - shown)} more of ${data.edges.length - shown}`;
  };
  more.addEventListener("click", grow);
  grow();
  return el("div", { class: "net-edges" },
    el("table", { class: "table", id: "network-edges" },
      el("caption", { class: "visually-hidden" }, "Relations in the network, most sources first"),
      el("thead", {}, el("tr", {}, el("th", {}, "Source"), el("th", {}, "Relation"),
        el("th", {}, "Target"), el("th", { class: "num" }, "Sources"),
        el("th", { class: "num" }, "Docs"), el("th", {}, "Status"))),
      body),
    more);
}

async function showEvidence(panel, e, params) {
  replace(panel, el("p", { class: "muted" }, "Loading evidence…"));
  const q = new URLSearchParams();
  for (const s of params.getAll("status")) q.append("status", s);
  for (const key of ["since", "until"]) if (params.get(key)) q.set(key, params.get(key));
  const path = `/api/network/edges/${[e.source, e.predicate, e.target].map(encodeURIComponent).join("/")}`;
  let fact;
  try {
    fact = await getJSON(`${path}?${q}`);
  } catch (error) {
    replace(panel, el("p", { class: "notice error", role: "alert" }, error.message));
    return;
  }
  replace(panel,
    el("h2", {}, "Evidence"),
    el("p", { class: "net-fact" }, el("a", { href: route("actor", fact.source) }, fact.source_name),
      el("span", { class: "predicate" }, ` ${predicateText(fact.predicate)} `),
      el("a", { href: route("actor", fact.target) }, fact.target_name)),
    el("p", { class: "muted small" }, `${fact.sources} source${fact.sources === 1 ? "" : "s"} · `
      + `${fact.documents} document${fact.documents === 1 ? "" : "s"}`),
    el("ul", { class: "facts" }, fact.claims.map((c) => el("li", { class: "fact relation" },
      el("div", { class: "fact-head" }, modalityBadge(c.modality, c.attributed_to),
        el("span", { class: "confidence", title: "confidence" }, c.confidence.toFixed(2))),
      el("a", { class: "evidence-link", href: evidenceHref(c.document_id, c.relation_id),
        title: "Open the document at this sentence" }, el("q", {}, clip(c.evidence_text, 260))),
      el("div", { class: "source" }, sourceLine(c.document_title, c.published))))));
  panel.focus();
}

function counts(box, data) {
  box.dataset.nodes = String(data.nodes.length);
  box.dataset.edges = String(data.edges.length);
  replace(box, `${data.nodes.length.toLocaleString("en")} actors · `
    + `${data.edges.length.toLocaleString("en")} relations`
    + (data.truncated ? ` (the ${data.edges.length.toLocaleString("en")} with most sources of `
      + `${data.total_edges.toLocaleString("en")})` : ""));
}

function legend(box, entries) {
  replace(box, el("ul", { class: "legend-list" }, entries.map(([label, colour]) => el("li", {},
    el("span", { class: "net-swatch", "data-colour": colour }), clip(label, 40)))));
  // Colours are set through the CSSOM: the page's CSP allows no inline style attribute.
  for (const s of box.querySelectorAll(".net-swatch")) s.style.background = s.dataset.colour;
}

/** Render the network view in `view`; `isCurrent()` is false once the user navigated on. */
export async function networkPage(view, params, isCurrent) {
  if (current) {
    current.kill();
    current = null;
  }
  performance.mark("network:fetch");
  const data = await getJSON(`/api/network?${apiQuery(params)}`);
  performance.measure("network:fetched", "network:fetch");
  if (!isCurrent()) return;
  let state = params;
  const canvas = el("div", { class: "network-canvas", "data-renders": "0",
    role: "img", "aria-label": "Network of actors; the same relations are listed in the table below" });
  const countBox = el("p", { class: "net-counts", id: "network-counts", role: "status" });
  const panel = el("aside", { class: "card net-evidence", id: "edge-evidence", tabindex: "-1" },
    el("h2", {}, "Evidence"),
    el("p", { class: "muted small" }, "Click a relation on the map or in the table to read its sentences."));
  const legendBox = el("div", { class: "legend" });
  const tableBox = el("section", { class: "card" }, el("h2", {}, "Relations"));
  const message = el("p", { class: "muted", role: "alert" });
  const form = filterForm(data.facets, params);
  const onEdge = (e) => showEvidence(panel, e, state);
  replace(view,
    el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Store"), el("h1", {}, "Network")),
    form, message,
    el("div", { class: "net-layout" },
      el("section", { class: "card net-main" }, countBox, canvas, legendBox), panel),
    tableBox);
  const show = (d) => {
    counts(countBox, d);
    replace(tableBox, el("h2", {}, "Relations", el("span", { class: "count" }, String(d.edges.length))),
      d.edges.length ? edgeTable(d, onEdge) : el("p", { class: "muted empty" },
        "No relations within these filters."));
  };
  show(data);
  const rendered = (drawing) => {
    canvas.dataset.renders = String(Number(canvas.dataset.renders) + 1);
    legend(legendBox, drawing.legend());
  };
  const settledOnce = () => {
    canvas.dataset.settled = String(Number(canvas.dataset.settled || 0) + 1);
  };
  const drawing = drawNetwork(canvas, data, {
    size: params.get("size"), colour: params.get("colour"), onRendered: rendered,
    onSettled: settledOnce,
    onNode: (n) => { window.location.hash = route("actor", n.id); }, onEdge,
  });
  current = drawing;
  window.networkView = drawing; // a handle for the browser tests and the benchmark
  let fetches = 0;
  const apply = async () => {
    const { params: next, error } = formParams(form, state);
    replace(message, error || "");
    if (error) return;
    window.history.replaceState(null, "", `#/network${next.toString() ? `?${next}` : ""}`);
    state = next;
    const mine = ++fetches;
    const fresh = await getJSON(`/api/network?${apiQuery(next)}`);
    if (mine !== fetches || current !== drawing) return; // a later filter, or the page left
    show(fresh);
    drawing.update(fresh);
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply().catch((error) => replace(message, error.message));
  });
  for (const b of form.querySelectorAll("button[data-style]")) {
    b.addEventListener("click", () => {
      for (const o of form.querySelectorAll(`button[data-style="${b.dataset.style}"]`)) {
        o.setAttribute("aria-pressed", String(o === b));
      }
      state = new URLSearchParams(state);
      state.set(b.dataset.style, b.dataset.value);
      window.history.replaceState(null, "", `#/network?${state}`);
      drawing.style({ [b.dataset.style]: b.dataset.value });
      legend(legendBox, drawing.legend());
    });
  }
}
