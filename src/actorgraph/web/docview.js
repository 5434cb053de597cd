// The document view: the article text with its entity mentions, quotes and the evidence of
// the selected fact marked. The text is cut at every span boundary and each piece is a text
// node, so nothing in the article is ever parsed as markup.

import { clip, cssToken, el, modalityBadge, route, typeBadge, webURL } from "./dom.js";

/**
 * Cut `length` characters at every boundary of `spans` ({start, end, kind, ...}) and return
 * the pieces [{start, end, active}] where `active` lists the spans covering each piece.
 */
export function segments(length, spans) {
  const cuts = new Set([0, length]);
  const clean = spans.filter((s) => s.start >= 0 && s.end <= length && s.start < s.end);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...clean].sort((a, b) => a.start - b.start);
  const pieces = [];
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    active = active.filter((s) => s.end > a);
    while (next < byStart.length && byStart[next].start <= a) {
      if (byStart[next].end > a) active.push(byStart[next]);
      next++;
    }
    pieces.push({ start: a, end: b, active: [...active] });
  }
  return pieces;
}

function selectedSpans(doc, selection) {
  if (!selection) return [];
  if (selection.fact) {
    const [fact, id] = selection.fact.split(":");
    const found = doc.evidence.filter((e) => e.fact === fact && e.fact_id === id);
    if (found.length) return found;
    if (fact === "quote") {
      return doc.quotes.filter((q) => q.id === id)
        .map((q) => ({ fact: "quote", fact_id: q.id, start: q.start, end: q.end, label: "quote" }));
    }
  }
  const start = Number(selection.start);
  const end = Number(selection.end);
  if (Number.isInteger(start) && Number.isInteger(end) && start < end) {
    return [{ fact: "span", fact_id: "", start, end, label: "selected passage", modality: null }];
  }
  return [];
}

/** Render the text of `doc` into a new element, marking `selection` ({fact} or {start, end}). */
export function renderText(doc, selection) {
  const chosen = selectedSpans(doc, selection);
  const spans = [
    ...doc.mentions.map((m) => ({ ...m, kind: "mention" })),
    ...doc.quotes.map((q) => ({ ...q, kind: "quote" })),
    ...chosen.map((e) => ({ ...e, kind: "selected" })),
  ];
  const body = el("div", { class: "doc-text", lang: "en" });
  let mark = null;
  let markSpan = null;
  for (const piece of segments(doc.text.length, spans)) {
    const words = doc.text.slice(piece.start, piece.end);
    const selected = piece.active.find((s) => s.kind === "selected");
    const mention = piece.active.find((s) => s.kind === "mention");
    const quote = piece.active.find((s) => s.kind === "quote");
    let node;
    if (mention) {
      node = el("a", {
        class: `mention t-${cssToken(mention.type)}`,
        href: route("actor", mention.actor_id),
        title: `${mention.name} (${mention.type}) — open the actor`,
      }, words);
    } else {
      node = document.createTextNode(words);
    }
    if (quote) node = el("span", { class: `quote q-${cssToken(quote.kind)}` }, node);
    if (selected) {
      if (markSpan !== selected) {
        markSpan = selected;
        mark = el("mark", { class: "evidence selected", title: selected.label || "evidence" });
        if (!body.querySelector("mark.selected")) mark.id = "selected-evidence";
        body.append(mark);
      }
      mark.append(node);
    } else {
      markSpan = null;
      body.append(node);
    }
  }
  return { body, chosen };
}

function factList(doc, selection) {
  const current = selection && selection.fact;
  const facts = doc.evidence.filter((e) => e.fact !== "quote");
  if (!facts.length) return el("p", { class: "muted" }, "No relations or events in this document.");
  const seen = new Set();
  const items = [];
  for (const e of facts) {
    const key = `${e.fact}:${e.fact_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const excerpt = clip(doc.text.slice(e.start, e.end), 110);
    items.push(el("li", { class: `doc-fact${key === current ? " current" : ""}` },
      el("a", {
        href: `${route("document", doc.id)}?fact=${encodeURIComponent(key)}`,
        class: "doc-fact-link",
      },
      el("span", { class: "doc-fact-kind" }, e.fact),
      el("span", { class: "doc-fact-label" }, e.label),
      e.modality ? modalityBadge(e.modality) : null,
      el("span", { class: "doc-fact-excerpt" }, excerpt))));
  }
  return el("ol", { class: "doc-facts" }, items);
}

/** The document's URL: a link if it is http(s), else plain text (never javascript: etc.). */
function sourceURL(url) {
  const href = webURL(url);
  if (href === null) return el("span", { class: "mono", title: "not a web address" }, url);
  return el("a", { class: "mono", href, rel: "noopener noreferrer nofollow", target: "_blank" }, url);
}

/** The whole document page: header, text with marks, and a side panel of its facts. */
export function documentView(doc, selection) {
  const { body, chosen } = renderText(doc, selection);
  const types = [...new Set(doc.mentions.map((m) => m.type))].sort();
  const header = el("header", { class: "page-head" },
    el("p", { class: "eyebrow" }, "Document"),
    el("h1", {}, doc.title || "Untitled document"),
    el("p", { class: "meta" },
      [doc.publisher, doc.published].filter(Boolean).join(" · ") || "Publisher and date unknown",
      doc.author ? ` · ${doc.author}` : "",
      ` · ${doc.length.toLocaleString("en")} characters`),
    doc.url ? el("p", { class: "meta url" }, el("span", { class: "muted" }, "Source URL: "),
      sourceURL(doc.url)) : null,
    el("p", { class: "meta mono muted", title: "SHA-256 of the text" }, `id ${doc.id}`));
  const selectedCard = chosen.length
    ? el("section", { class: "card selected-fact" },
      el("h2", {}, "Selected fact"),
      el("p", { class: "selected-label" }, chosen[0].label || "evidence",
        chosen[0].modality ? " " : "", chosen[0].modality ? modalityBadge(chosen[0].modality) : null),
      el("p", { class: "muted small" },
        `Characters ${chosen[0].start}–${chosen[0].end}`,
        chosen.length > 1 ? ` (and ${chosen.length - 1} more span${chosen.length > 2 ? "s" : ""})` : ""))
    : null;
  const legend = el("section", { class: "card" },
    el("h2", {}, "Marks"),
    el("ul", { class: "legend-list" },
      types.map((t) => el("li", {}, typeBadge(t))),
      el("li", {}, el("span", { class: "quote sample" }, "“quoted speech”")),
      el("li", {}, el("mark", { class: "evidence sample" }, "evidence of the selected fact"))));
  const side = el("aside", { class: "doc-side" }, selectedCard, legend,
    el("section", { class: "card" }, el("h2", {}, "Facts read from this document"),
      factList(doc, selection)));
  return el("div", { class: "doc-page" }, header,
    el("div", { class: "doc-columns" }, el("article", { class: "doc-article" }, body), side));
}
