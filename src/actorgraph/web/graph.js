// The neighbourhood network: a small force layout (Fruchterman-Reingold) drawn in SVG.
// Deterministic: nodes start on rings by distance from the centre, so the same data
// always gives the same picture.

import { cssToken, el, predicateText, svg } from "./dom.js";

export const PREDICATE_FAMILIES = [
  ["command", "Leads / commands", ["leader_of", "founder_of", "commands", "spokesperson_of"]],
  ["member", "Member / works for", ["member_of", "works_for", "holds_role", "part_of"]],
  ["support", "Supports / allied", ["supported_by", "allied_with", "allegiance_to"]],
  ["hostile", "Fights against", ["fights_against"]],
  ["ties", "Ties to", ["ties_to"]],
  ["place", "Located / operates in", ["located_in", "operates_in"]],
];

export function predicateFamily(predicate) {
  for (const [family, , predicates] of PREDICATE_FAMILIES) {
    if (predicates.includes(predicate)) return family;
  }
  return "other";
}

function layout(nodes, edges, width, height) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const rings = new Map();
  for (const n of nodes) rings.set(n.depth, (rings.get(n.depth) || 0) + 1);
  const seen = new Map();
  const pos = nodes.map((n) => {
    if (n.depth === 0) return { x: 0, y: 0 };
    const k = seen.get(n.depth) || 0;
    seen.set(n.depth, k + 1);
    const angle = (2 * Math.PI * k) / rings.get(n.depth) + n.depth * 0.5;
    const radius = 120 * n.depth;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target)])
    .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const area = width * height;
  const k = Math.sqrt(area / Math.max(nodes.length, 1)) * 0.75;
  let temperature = width / 8;
  for (let step = 0; step < 300; step++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) {
          dx = 0.01 * (i - j);
          dy = 0.01;
          d = Math.hypot(dx, dy);
        }
        // Labels run sideways: nodes side by side count as nearer, so they part further.
        const force = (k * k) / Math.max(Math.hypot(dx * 0.5, dy * 0.9), 0.01);
        disp[i].x += (dx / d) * force;
        disp[i].y += (dy / d) * force;
        disp[j].x -= (dx / d) * force;
        disp[j].y -= (dy / d) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const force = (d * d) / k;
      disp[a].x -= (dx / d) * force;
      disp[a].y -= (dy / d) * force;
      disp[b].x += (dx / d) * force;
      disp[b].y += (dy / d) * force;
    }
    for (let i = 0; i < pos.length; i++) {
      disp[i].x -= pos[i].x * 0.02; // gravity keeps unconnected nodes near the centre
      disp[i].y -= pos[i].y * 0.02;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      const move = Math.min(d, temperature);
      if (nodes[i].depth === 0) continue;
      pos[i].x += (disp[i].x / d) * move;
      pos[i].y += (disp[i].y / d) * move;
    }
    temperature *= 0.985;
  }
  return fit(nodes, pos, width, height);
}

const CHAR_WIDTH = 6.8; // of an 11.5px label, to keep labels inside the picture

function fit(nodes, pos, width, height) {
  const margin = 10;
  // Labels sit centred under their nodes.
  const ext = nodes.map((n) => {
    const r = radius(n);
    const half = Math.max(r, (CHAR_WIDTH * n.name.length) / 2);
    return { left: half, right: half, up: r, down: r + 16 };
  });
  const span = (s, axis) => {
    let lo = Infinity;
    let hi = -Infinity;
    pos.forEach((p, i) => {
      const [a, b] = axis === "x" ? [ext[i].left, ext[i].right] : [ext[i].up, ext[i].down];
      lo = Math.min(lo, p[axis] * s - a);
      hi = Math.max(hi, p[axis] * s + b);
    });
    return [lo, hi];
  };
  const largest = (axis, room) => {
    let [lo, hi] = [0, 3];
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      const [a, b] = span(mid, axis);
      if (b - a <= room) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  // Each axis is scaled on its own, so the picture fills the box.
  const sx = largest("x", width - 2 * margin);
  const sy = Math.min(largest("y", height - 2 * margin), sx * 1.5);
  const [x0, x1] = span(sx, "x");
  const [y0, y1] = span(sy, "y");
  const dx = (width - (x1 - x0)) / 2 - x0;
  const dy = (height - (y1 - y0)) / 2 - y0;
  return pos.map((p) => ({ x: p.x * sx + dx, y: p.y * sy + dy }));
}

function radius(node) {
  return Math.min(16, 6 + 2.2 * Math.sqrt(node.mentions || 1)) + (node.depth === 0 ? 3 : 0);
}

/**
 * Draw `graph` ({center, nodes, edges}) into `container`; clicking (or Enter on) a node
 * calls `onOpen(node)`, clicking an edge calls `onEdge(edge)`.
 */
export function renderGraph(container, graph, { onOpen, onEdge, height = 420 }) {
  const width = Math.max(container.clientWidth || 600, 320);
  const nodes = graph.nodes;
  const pos = layout(nodes, graph.edges, width, height);
  const at = new Map(nodes.map((n, i) => [n.id, pos[i]]));
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const root = svg("svg", {
    class: "graph",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "group",
    "aria-label": "Network of related actors",
  });
  const defs = svg("defs", {});
  for (const [family] of [...PREDICATE_FAMILIES, ["other"]]) {
    defs.append(svg("marker", {
      id: `arrow-${family}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: "auto-start-reverse", class: `arrow f-${family}`,
    }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z" })));
  }
  root.append(defs);
  const edgeLayer = svg("g", { class: "edges" });
  const nodeLayer = svg("g", { class: "nodes" });
  root.append(edgeLayer, nodeLayer);

  // Parallel edges between one pair bend apart.
  const pairCount = new Map();
  const drawn = graph.edges.filter((e) => at.has(e.source) && at.has(e.target))
    .map((edge) => {
      const pair = [edge.source, edge.target].sort().join("|");
      const k = pairCount.get(pair) || 0;
      pairCount.set(pair, k + 1);
      const family = predicateFamily(edge.predicate);
      const asserted = edge.facts.every((f) => f.modality === "asserted");
      const path = svg("path", {
        class: `edge f-${family}${asserted ? "" : " unasserted"}`,
        "marker-end": `url(#arrow-${family})`,
      });
      const hit = svg("path", { class: "edge-hit" });
      const label = svg("text", { class: "edge-label" }, predicateText(edge.predicate));
      const names = `${byId.get(edge.source).name} ${predicateText(edge.predicate)} `
        + `${byId.get(edge.target).name}`;
      const group = svg("g", { class: "edge-group", tabindex: 0, role: "link",
        "aria-label": `${names}: open the evidence` },
      svg("title", {}, `${names} (${edge.facts.length} source sentence`
        + `${edge.facts.length === 1 ? "" : "s"}) — click to read`), hit, path, label);
      group.addEventListener("click", () => onEdge(edge));
      group.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onEdge(edge); });
      edgeLayer.append(group);
      return { edge, path, hit, label, bend: k };
    });

  function place() {
    for (const d of drawn) {
      const a = at.get(d.edge.source);
      const b = at.get(d.edge.target);
      const rb = radius(byId.get(d.edge.target)) + 2;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.max(Math.hypot(dx, dy), 1);
      const bend = d.bend === 0 ? 0 : (d.bend % 2 ? 1 : -1) * 22 * Math.ceil(d.bend / 2);
      const mx = (a.x + b.x) / 2 - (dy / len) * bend;
      const my = (a.y + b.y) / 2 + (dx / len) * bend;
      const ex = b.x - ((b.x - mx) / Math.max(Math.hypot(b.x - mx, b.y - my), 1)) * rb;
      const ey = b.y - ((b.y - my) / Math.max(Math.hypot(b.x - mx, b.y - my), 1)) * rb;
      const shape = `M ${a.x} ${a.y} Q ${mx} ${my} ${ex} ${ey}`;
      d.path.setAttribute("d", shape);
      d.hit.setAttribute("d", shape);
      d.label.setAttribute("x", (a.x + 2 * mx + b.x) / 4);
      d.label.setAttribute("y", (a.y + 2 * my + b.y) / 4 - 3);
    }
    for (const g of nodeLayer.children) {
      const p = at.get(g.dataset.id);
      g.setAttribute("transform", `translate(${p.x} ${p.y})`);
    }
  }

  nodes.forEach((node) => {
    const r = radius(node);
    const label = { x: 0, y: r + 13, "text-anchor": "middle" };
    const g = svg("g", {
      class: `node t-${cssToken(node.type)}${node.id === graph.center ? " center" : ""}`,
      tabindex: 0, role: "link", "aria-label": `${node.name} (${node.type})`,
    }, svg("title", {}, `${node.name} — ${node.type}${node.kind ? ` / ${node.kind}` : ""}, `
      + `${node.mentions} mention${node.mentions === 1 ? "" : "s"}`),
    svg("circle", { r }),
    svg("text", { class: "node-label", ...label }, node.name));
    g.dataset.id = node.id;
    draggable(g, node, at, root, place, onOpen);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onOpen(node); });
    nodeLayer.append(g);
  });
  place();
  container.replaceChildren(root);
  return root;
}

function draggable(g, node, at, root, place, onOpen) {
  let start = null;
  g.addEventListener("pointerdown", (ev) => {
    start = { x: ev.clientX, y: ev.clientY, moved: false };
    g.setPointerCapture(ev.pointerId);
  });
  g.addEventListener("pointermove", (ev) => {
    if (!start) return;
    if (Math.hypot(ev.clientX - start.x, ev.clientY - start.y) > 4) start.moved = true;
    if (!start.moved) return;
    const box = root.getBoundingClientRect();
    const scale = root.viewBox.baseVal.width / box.width;
    at.set(node.id, { x: (ev.clientX - box.left) * scale, y: (ev.clientY - box.top) * scale });
    place();
  });
  g.addEventListener("pointerup", () => {
    const clicked = start && !start.moved;
    start = null;
    if (clicked) onOpen(node);
  });
}

/** A legend for node colours (entity types) and edge colours (predicate families). */
export function graphLegend(types) {
  const items = types.map((t) => el("li", {}, el("span", { class: `swatch node-swatch t-${cssToken(t)}` }), t));
  const edges = PREDICATE_FAMILIES.map(([family, label]) =>
    el("li", {}, el("span", { class: `swatch edge-swatch f-${family}` }), label));
  return el("div", { class: "legend" },
    el("ul", { class: "legend-list" }, items),
    el("ul", { class: "legend-list" }, edges,
      el("li", {}, el("span", { class: "swatch edge-swatch unasserted" }), "reported / alleged")));
}
