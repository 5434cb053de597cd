// The page: a hash router over the API (reads only), and the search box.
// Routes: #/  #/actor/ID  #/document/ID?fact=relation:ID  #/timeline  #/documents  #/map
// #/network  #/changes

import { changesPage } from "./changes.js";
import { documentView } from "./docview.js";
import {
  clip, el, getJSON, modalityBadge, predicateText, replace, route, setToken, sourceLine,
  typeBadge,
} from "./dom.js";
import { graphLegend, renderGraph } from "./graph.js";
import { mapPage } from "./map.js";

const view = document.getElementById("view");
let generation = 0; // a newer navigation makes older responses stale

function evidenceHref(documentId, fact, id) {
  return `${route("document", documentId)}?fact=${encodeURIComponent(`${fact}:${id}`)}`;
}

function actorLink(id, name) {
  return el("a", { class: "actor-link", href: route("actor", id) }, name);
}

function section(title, count, ...children) {
  return el("section", { class: "card" },
    el("h2", {}, title, count === null ? "" : el("span", { class: "count" }, String(count))),
    ...children);
}

function empty(text) {
  return el("p", { class: "muted empty" }, text);
}

// -- facts -------------------------------------------------------------------------------

function evidenceQuote(text, max) {
  const shown = clip(text, max);
  // Sentences that open with their own quotation mark are shown as they are.
  return /^["“”'‘]/.test(shown) ? el("span", {}, shown) : el("q", {}, shown);
}

function relationItem(r, selfId, documents) {
  const href = evidenceHref(r.document_id, "relation", r.id);
  const side = (id, name) => (id === selfId ? el("strong", {}, name) : actorLink(id, name));
  const extra = [r.role, ...(r.mode || [])].filter(Boolean).join(", ");
  const item = el("li", { class: "fact relation", "data-relation-id": r.id },
    el("div", { class: "fact-head" },
      side(r.subject_id, r.subject),
      el("span", { class: "predicate" }, predicateText(r.predicate)),
      side(r.object_id, r.object),
      extra ? el("span", { class: "muted" }, `(${extra})`) : null,
      el("span", { class: "fact-badges" }, modalityBadge(r.modality, r.attributed_to),
        el("span", { class: "confidence", title: "confidence" }, r.confidence.toFixed(2)))),
    el("a", { class: "evidence-link", href, title: "Open the document at this sentence" },
      evidenceQuote(r.evidence_text, 260)),
    el("div", { class: "source" }, documentSource(r, documents)));
  item.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) window.location.hash = href;
  });
  return item;
}

function documentSource(fact, documents) {
  if (fact.document_title) {
    return sourceLine(fact.document_title, fact.published);
  }
  const doc = (documents || []).find((d) => d.document_id === fact.document_id);
  return doc ? sourceLine(doc.title, doc.published) : `document ${fact.document_id.slice(0, 12)}`;
}

function eventItem(e, documents) {
  const href = evidenceHref(e.document_id, "event", e.id);
  const parts = [];
  if (e.role) parts.push(el("span", { class: "muted" }, `as ${e.role}`));
  if (e.actors && e.actors.length) parts.push(el("span", {}, e.actors.join(", ")));
  if (e.targets && e.targets.length) parts.push(el("span", { class: "muted" }, " → "), el("span", {}, e.targets.join(", ")));
  if (e.locations && e.locations.length) parts.push(el("span", { class: "muted" }, " in "), el("span", {}, e.locations.join(", ")));
  const item = el("li", { class: "fact event", "data-event-id": e.id, "data-start": e.date_start || "" },
    el("div", { class: "event-date", title: e.date_text || "" },
      e.date_value || el("span", { class: "muted" }, "undated")),
    el("div", { class: "event-body" },
      el("div", { class: "fact-head" },
        el("span", { class: "badge plover" }, e.type + (e.mode ? ` · ${e.mode}` : "")),
        ...parts,
        el("span", { class: "fact-badges" }, modalityBadge(e.modality, e.attributed_to),
          el("span", { class: "confidence", title: "confidence" }, e.confidence.toFixed(2)))),
      el("a", { class: "evidence-link", href, title: "Open the document at this sentence" },
        evidenceQuote(e.evidence_text, 260)),
      el("div", { class: "source" }, documentSource(e, documents))));
  item.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) window.location.hash = href;
  });
  return item;
}

function quoteItem(q) {
  const href = evidenceHref(q.document_id, "quote", q.id);
  return el("li", { class: "fact quote-item" },
    el("div", { class: "fact-head" },
      el("span", { class: "badge kind" }, q.kind),
      q.speaker_id ? actorLink(q.speaker_id, q.speaker_name)
        : el("span", { class: "muted" }, q.speaker_text || "unknown speaker"),
      q.cue ? el("span", { class: "muted" }, q.cue) : null),
    el("a", { class: "evidence-link quote-text", href, title: "Open the document at this quote" },
      evidenceQuote(q.text, 300)),
    el("div", { class: "source" }, sourceLine(q.document_title, q.published)));
}

// -- views -------------------------------------------------------------------------------

async function overview(gen) {
  const [summary, top, docs] = await Promise.all([
    getJSON("/api/summary"), getJSON("/api/actors", { limit: 25 }),
    getJSON("/api/documents", { limit: 10 }),
  ]);
  if (gen !== generation) return;
  const counts = ["documents", "actors", "relations", "events", "quotes", "mentions"]
    .map((k) => el("div", { class: "stat" }, el("div", { class: "stat-value" },
      summary[k].toLocaleString("en")), el("div", { class: "stat-label" }, k)));
  const actorRows = top.items.map((a) => el("tr", {},
    el("td", {}, actorLink(a.id, a.name)), el("td", {}, typeBadge(a.type, a.kind)),
    el("td", { class: "num" }, String(a.mentions)), el("td", { class: "num" }, String(a.documents))));
  replace(view,
    el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Store"),
      el("h1", {}, "Overview")),
    el("div", { class: "stats" }, counts),
    el("div", { class: "columns" },
      section("Most mentioned actors", top.total, top.items.length
        ? el("table", { class: "table" },
          el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Type"),
            el("th", { class: "num" }, "Mentions"), el("th", { class: "num" }, "Docs"))),
          el("tbody", {}, actorRows))
        : empty("No actors yet: ingest some documents with `actorgraph ingest`.")),
      section("Latest documents", docs.total, documentList(docs.items))));
}

function documentList(items) {
  if (!items.length) return empty("No documents.");
  return el("ul", { class: "doc-list" }, items.map((d) => el("li", {},
    el("a", { href: route("document", d.id) }, d.title || "Untitled document"),
    el("div", { class: "source" }, [d.publisher, d.published].filter(Boolean).join(" · ")))));
}

async function actorPage(gen, id) {
  const [p, timeline] = await Promise.all([
    getJSON(`/api/actors/${encodeURIComponent(id)}`),
    getJSON(`/api/actors/${encodeURIComponent(id)}/timeline`, { limit: 200 }),
  ]);
  if (gen !== generation) return;
  const a = p.actor;
  const graphBox = el("div", { class: "graph-box" }, el("p", { class: "muted" }, "Loading network…"));
  const depthButtons = [1, 2].map((d) => el("button", {
    type: "button", class: "seg", "data-depth": d, "aria-pressed": d === 1 ? "true" : "false",
  }, `${d} step${d === 1 ? "" : "s"}`));
  const legendBox = el("div", {});
  const head = el("header", { class: "page-head actor-head" },
    el("p", { class: "eyebrow" }, "Actor"),
    el("div", { class: "title-row" }, el("h1", {}, a.name), typeBadge(a.type, a.kind)),
    el("p", { class: "meta" },
      `${a.mentions} mention${a.mentions === 1 ? "" : "s"} in ${a.documents} document`
      + `${a.documents === 1 ? "" : "s"}`),
    p.aliases.length ? el("p", { class: "aliases" }, el("span", { class: "muted" }, "Also named "),
      p.aliases.map((x) => el("span", { class: "alias" }, x))) : null);
  replace(view, head,
    el("div", { class: "columns actor-columns" },
      el("div", { class: "col-main" },
        section("Relations", p.relations.length, p.relations.length
          ? el("ul", { class: "facts" }, p.relations.map((r) => relationItem(r, a.id, p.documents)))
          : empty("No relations stored for this actor.")),
        section("Events", timeline.total, timeline.items.length
          ? el("ol", { class: "facts timeline" }, timeline.items.map((e) => eventItem(e, p.documents)))
          : empty("No events stored for this actor.")),
        section("Quotes", p.quotes.length, p.quotes.length
          ? el("ul", { class: "facts" }, p.quotes.map(quoteItem))
          : empty("No quotes by this actor."))),
      el("div", { class: "col-side" },
        el("section", { class: "card" },
          el("div", { class: "card-head" }, el("h2", {}, "Network"),
            el("div", { class: "segmented", role: "group", "aria-label": "Depth" }, depthButtons)),
          graphBox, legendBox),
        section("Documents", p.documents.length, el("ul", { class: "doc-list" },
          p.documents.map((d) => el("li", {},
            el("a", { href: route("document", d.document_id) }, d.title || "Untitled document"),
            el("div", { class: "source" }, [d.published,
              `${d.mentions} mention${d.mentions === 1 ? "" : "s"}`].filter(Boolean).join(" · ")))))))));
  const drawGraph = async (depth) => {
    for (const b of depthButtons) b.setAttribute("aria-pressed", String(b.dataset.depth === String(depth)));
    const g = await getJSON(`/api/actors/${encodeURIComponent(id)}/graph`, { depth, limit: 80 });
    if (gen !== generation) return;
    if (g.nodes.length < 2) {
      replace(graphBox, empty("No related actors."));
      replace(legendBox);
      return;
    }
    renderGraph(graphBox, g, {
      onOpen: (node) => { window.location.hash = route("actor", node.id); },
      onEdge: (edge) => {
        const f = edge.facts[0];
        window.location.hash = evidenceHref(f.document_id, "relation", f.relation_id);
      },
    });
    replace(legendBox, graphLegend([...new Set(g.nodes.map((n) => n.type))].sort()),
      g.truncated ? el("p", { class: "muted small" }, "Some actors are left out.") : null);
  };
  for (const b of depthButtons) b.addEventListener("click", () => drawGraph(Number(b.dataset.depth)));
  await drawGraph(1);
}

async function documentPage(gen, id, params) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
  if (gen !== generation) return;
  const selection = { fact: params.get("fact"), start: params.get("start"), end: params.get("end") };
  replace(view, documentView(doc, selection));
  const mark = document.getElementById("selected-evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
  else window.scrollTo(0, 0);
}

async function timelinePage(gen, params) {
  const since = params.get("since") || "";
  const until = params.get("until") || "";
  const data = await getJSON("/api/timeline", { since, until, limit: 500 });
  if (gen !== generation) return;
  const input = (name, value, label) => el("label", { class: "field" }, label,
    el("input", { name, value, placeholder: "YYYY-MM-DD", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
      maxlength: 10, inputmode: "numeric" }));
  const filters = el("div", { class: "filters" }, input("since", since, "From"),
    input("until", until, "Until"),
    el("button", { type: "button", class: "button" }, "Apply"));
  filters.querySelector("button").addEventListener("click", () => {
    const q = new URLSearchParams();
    for (const field of filters.querySelectorAll("input")) {
      if (field.value.trim()) q.set(field.name, field.value.trim());
    }
    window.location.hash = `#/timeline${q.toString() ? `?${q}` : ""}`;
  });
  replace(view,
    el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Events"),
      el("h1", {}, "Timeline")),
    filters,
    section("Events by date", data.total, data.items.length
      ? el("ol", { class: "facts timeline" }, data.items.map((e) => eventItem(e)))
      : empty("No events in this range.")));
}

async function documentsPage(gen) {
  const docs = await getJSON("/api/documents", { limit: 500 });
  if (gen !== generation) return;
  replace(view,
    el("header", { class: "page-head" }, el("p", { class: "eyebrow" }, "Store"),
      el("h1", {}, "Documents")),
    section("Documents", docs.total, documentList(docs.items)));
}

// A server in remote mode answers 401 until the page sends its access token: ask for it
// once, keep it for this tab (see dom.js), and load the page again.
function tokenPage(refused) {
  const field = el("input", {
    id: "token-input", type: "password", name: "token", autocomplete: "off",
    spellcheck: "false", required: true, minlength: 16, maxlength: 512,
  });
  const message = el("p", { class: "muted", role: "status" }, refused
    ? "The server refused the token this tab had. Enter it again."
    : "This server needs its access token to show the store. Ask whoever runs it.");
  const form = el("form", { class: "token-form filters" },
    el("label", { class: "field", for: "token-input" }, "Access token", field),
    el("button", { type: "submit", class: "button" }, "Open"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault(); // never a real submission: the token stays out of every URL
    if (setToken(field.value.trim())) navigate();
    else message.textContent = "A token is 16 to 512 characters, without spaces.";
  });
  replace(view, el("div", { class: "notice" },
    el("h1", {}, "Access token needed"), message, form));
  field.focus();
}

async function navigate() {
  const gen = ++generation;
  closeResults();
  try {
    const raw = window.location.hash.replace(/^#/, "") || "/";
    const [path, query] = raw.split("?", 2);
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const params = new URLSearchParams(query || "");
    if (parts[0] === "actor" && parts[1]) await actorPage(gen, parts[1]);
    else if (parts[0] === "document" && parts[1]) await documentPage(gen, parts[1], params);
    else if (parts[0] === "timeline") await timelinePage(gen, params);
    else if (parts[0] === "documents") await documentsPage(gen);
    else if (parts[0] === "map") await mapPage(view, params, () => gen === generation);
    else if (parts[0] === "network") { // loaded on first use: it brings the graph libraries
      const { networkPage } = await import("./network.js");
      await networkPage(view, params, () => gen === generation);
    }
    else if (parts[0] === "changes") await changesPage(view, () => gen === generation, params);
    else await overview(gen);
    if (gen === generation && parts[0] !== "document") window.scrollTo(0, 0);
  } catch (error) {
    if (gen !== generation) return;
    if (error.status === 401) {
      if (error.sentToken) setToken("");
      tokenPage(error.sentToken);
      return;
    }
    replace(view, el("div", { class: "notice error", role: "alert" },
      el("h1", {}, error.status === 404 ? "Not found" : "Something went wrong"),
      el("p", {}, error.message)));
  }
}

// -- search ------------------------------------------------------------------------------

const input = document.getElementById("search-input");
const results = document.getElementById("search-results");
let searchTimer = 0;
let searchGen = 0;

function closeResults() {
  results.hidden = true;
  input.setAttribute("aria-expanded", "false");
}

async function search() {
  const q = input.value.trim();
  const gen = ++searchGen;
  if (!q) {
    closeResults();
    return;
  }
  let found;
  try {
    found = await getJSON("/api/actors", { q, limit: 12 });
  } catch (error) {
    found = { items: [], error: error.message };
  }
  if (gen !== searchGen) return;
  replace(results, found.items.length
    ? found.items.map((a) => el("li", { role: "option" },
      el("a", { class: "search-hit", href: route("actor", a.id) },
        el("span", { class: "hit-name" }, a.name), typeBadge(a.type, a.kind),
        el("span", { class: "hit-meta" }, `${a.mentions} mention${a.mentions === 1 ? "" : "s"}`))))
    : el("li", { class: "search-none" }, found.error || `No actor matches “${clip(q, 60)}”.`));
  results.hidden = false;
  input.setAttribute("aria-expanded", "true");
}

input.addEventListener("input", () => {
  clearTimeout(searchTimer);
  if (!input.value.trim()) {
    searchGen++;
    closeResults();
    return;
  }
  searchTimer = setTimeout(search, 150);
});
input.addEventListener("keydown", (ev) => {
  const links = [...results.querySelectorAll("a.search-hit")];
  if (ev.key === "Escape") closeResults();
  else if (ev.key === "ArrowDown" && links.length) {
    ev.preventDefault();
    links[0].focus();
  } else if (ev.key === "Enter" && links.length) {
    window.location.hash = links[0].getAttribute("href");
  }
});
results.addEventListener("keydown", (ev) => {
  const links = [...results.querySelectorAll("a.search-hit")];
  const i = links.indexOf(document.activeElement);
  if (ev.key === "ArrowDown" && i + 1 < links.length) {
    ev.preventDefault();
    links[i + 1].focus();
  } else if (ev.key === "ArrowUp") {
    ev.preventDefault();
    (i > 0 ? links[i - 1] : input).focus();
  } else if (ev.key === "Escape") {
    closeResults();
    input.focus();
  }
});
document.addEventListener("click", (ev) => {
  if (!ev.target.closest(".search")) closeResults();
});
input.addEventListener("focus", () => {
  if (results.childElementCount && input.value.trim()) {
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }
});

window.addEventListener("hashchange", navigate);
navigate();
