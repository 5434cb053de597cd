// The "What changed" page (#/changes?run=ID): what one ingest run added, section by
// section, each item opening its actor or its evidence sentence. Defaults to the latest run.

import {
  clip, el, getJSON, modalityBadge, predicateText, replace, route, sourceLine, typeBadge,
} from "./dom.js";

const SECTIONS = [
  ["new_actors", "New actors", "No new actors."],
  ["new_relations", "New relations", "No new relations."],
  ["corroborated", "Newly corroborated by another source", "No relation gained a source."],
  ["contradictions", "New contradictions", "No new contradictions."],
  ["new_events", "New events", "No new events."],
  ["most_changed", "Actors whose profile changed most", "No actor gained facts."],
];

function evidenceHref(documentId, fact, id) {
  return `${route("document", documentId)}?fact=${encodeURIComponent(`${fact}:${id}`)}`;
}

function actorLink(ref) {
  return el("a", { class: "actor-link", href: route("actor", ref.id) }, ref.name);
}

function claimLink(c) {
  return el("li", { class: "claim" },
    el("a", { class: "evidence-link", href: evidenceHref(c.document.id, "relation", c.relation_id),
      title: "Open the document at this sentence" }, el("q", {}, clip(c.text, 240))),
    " ", modalityBadge(c.modality),
    el("div", { class: "source" }, sourceLine(c.document.title, c.document.published)));
}

function actorItem(a) {
  const n = a.new_facts;
  return el("li", { class: "fact change-actor", "data-actor-id": a.id },
    el("div", { class: "fact-head" }, actorLink(a), typeBadge(a.type, a.kind),
      el("span", { class: "muted" }, `${n.total} new fact${n.total === 1 ? "" : "s"}: `
        + `${n.relations} relations, ${n.events} events, ${n.quotes} quotes`)));
}

function relationItem(r, name) {
  const sources = name === "corroborated"
    ? `sources ${r.sources_before} → ${r.sources}` : `${r.sources} source${r.sources === 1 ? "" : "s"}`;
  const claims = name === "contradictions" ? r.evidence : r.new_evidence;
  return el("li", { class: "fact change-relation" },
    el("div", { class: "fact-head" }, actorLink(r.subject),
      el("span", { class: "predicate" }, predicateText(r.predicate)), actorLink(r.object),
      el("span", { class: "fact-badges" },
        name === "contradictions" ? el("span", { class: "badge kind" }, r.kind) : null,
        el("span", { class: "muted" }, sources))),
    name === "contradictions" ? el("p", { class: "muted small" }, r.detail) : null,
    el("ul", { class: "claims" }, claims.map(claimLink)));
}

function eventItem(e) {
  const who = e.actors.map(actorLink);
  const where = e.locations.map(actorLink);
  const ev = e.evidence[0];
  return el("li", { class: "fact change-event", "data-event-id": e.id },
    el("div", { class: "fact-head" },
      el("span", { class: "badge plover" }, e.type + (e.mode ? ` · ${e.mode}` : "")),
      e.date.value || el("span", { class: "muted" }, "undated"),
      ...who, where.length ? el("span", { class: "muted" }, "in") : null, ...where,
      el("span", { class: "fact-badges" }, modalityBadge(e.modality))),
    el("a", { class: "evidence-link", href: evidenceHref(e.document.id, "event", e.id),
      title: "Open the document at this sentence" }, el("q", {}, clip(ev.text, 240))),
    el("div", { class: "source" }, sourceLine(e.document.title, e.document.published)));
}

function item(name, x) {
  if (name === "new_actors" || name === "most_changed") return actorItem(x);
  if (name === "new_events") return eventItem(x);
  return relationItem(x, name);
}

function runLabel(r) {
  const d = r.documents;
  return `Run ${r.id} · ${r.started_at.replace("T", " ").slice(0, 16)} · ${r.status} · `
    + `${d.added} added, ${d.updated} updated, ${d.unchanged} unchanged, ${d.failed} failed`;
}

export async function changesPage(view, isCurrent, params) {
  const runs = await getJSON("/api/runs", { limit: 200 });
  if (!isCurrent()) return;
  const head = el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Ingest"),
    el("h1", {}, "What changed"));
  if (!runs.items.length) {
    replace(view, head, el("p", { class: "muted empty" },
      "No ingest run is recorded yet: runs are recorded by `actorgraph ingest` and `load`."));
    return;
  }
  const wanted = params.get("run") || String(runs.items[0].id);
  const data = await getJSON("/api/changes", { run: wanted, limit: 200 });
  if (!isCurrent()) return;
  const picker = el("select", { id: "run-picker", name: "run" },
    runs.items.map((r) => el("option", { value: String(r.id) }, runLabel(r))));
  picker.value = wanted;
  picker.addEventListener("change", () => {
    window.location.hash = `#/changes?run=${encodeURIComponent(picker.value)}`;
  });
  const run = data.runs[0];
  const a = run.added;
  replace(view, head,
    el("div", { class: "filters" }, el("label", { class: "field", for: "run-picker" }, "Run", picker)),
    el("p", { class: "meta run-summary" },
      `Added ${a.actors} actors, ${a.relations} relations, ${a.events} events and `
      + `${a.quotes} quotes`, run.inputs.length ? ` from ${run.inputs.join(", ")}` : ""),
    SECTIONS.map(([name, title, none]) => {
      const s = data.sections[name];
      return el("section", { class: "card changes", id: `changes-${name}` },
        el("h2", {}, title, el("span", { class: "count" }, String(s.total))),
        s.items.length ? el("ul", { class: "facts" }, s.items.map((x) => item(name, x)))
          : el("p", { class: "muted empty" }, none),
        s.total > s.shown ? el("p", { class: "muted small" }, `${s.shown} of ${s.total} shown`) : null);
    }));
}
