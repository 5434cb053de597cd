// The whole network drawn with sigma (WebGL) on a graphology graph, laid out with
// ForceAtlas2 and coloured by Louvain community or by entity type.
//
// The layout runs a fixed number of ForceAtlas2 iterations in the page, in slices between
// which the page answers, once per node: positions (and communities) are kept for the
// browser tab, so applying a filter redraws the same map with fewer nodes instead of a
// new picture, and only nodes never placed before are laid out (with the others held
// fixed). The library's worker is not used: it starts from a blob: URL, which the page's
// Content-Security-Policy (script-src 'self') refuses; nor is the layout computed by the
// server, which would cost each request (or a cache) what the browser does once per tab.
// Start positions and Louvain's random choices come from the node ids and the data, so
// the same data always gives the same picture.

import { forceAtlas2, Graph, louvain, Sigma } from "./vendor/sigma/sigma-graphology.min.js";

const PALETTE = [
  "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
  "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
];
const TYPE_COLOURS = {
  PERSON: "#2f6db5", ORG: "#c0571c", GPE: "#2e7d4f", LOC: "#6d8a1f", NORP: "#8243a6",
  FAC: "#7d6648", EVENT: "#b0344a", LAW: "#55636f",
};
const OTHER = "#7a828c";
const SMALL = "#9aa3ad"; // communities past the palette share one grey
// Edges fade as they grow in number, so that thousands still leave the nodes readable.
const edgeAlpha = (count) => (count > 4000 ? 0.16 : count > 800 ? 0.3 : 0.6);
const FULL_ITERATIONS = 150;
const NEW_ITERATIONS = 80;

const positions = new Map(); // node id -> {x, y}, for the session
const settled = new Set(); // nodes whose layout ran to its end
const communityOf = new Map(); // node id -> community, for the session
const colourOf = new Map(); // community -> colour, for the session
const SLICE_MS = 50;
const MIN_CHUNK = 5;
const REDRAW_MS = 400;
const LIVE_EDGES = 2000;

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** The colour of an entity type. */
export function typeColour(type) {
  return TYPE_COLOURS[type] || OTHER;
}

// Colours go to communities by size the first time each is seen, and stay for the session.
function communityColours(communities) {
  const sizes = new Map();
  for (const c of Object.values(communities)) sizes.set(c, (sizes.get(c) || 0) + 1);
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  for (const c of ranked) {
    if (!colourOf.has(c)) colourOf.set(c, colourOf.size < PALETTE.length ? PALETTE[colourOf.size] : SMALL);
  }
  return colourOf;
}

// The undirected simple graph under the multigraph, one edge per pair weighted by its
// sources: Louvain and ForceAtlas2 run on it, away from the graph sigma draws (sigma
// redraws on every change of the graph it holds).
function skeleton(data) {
  const simple = new Graph({ type: "undirected" });
  for (const n of data.nodes) simple.addNode(n.id, { x: 0, y: 0 });
  for (const e of data.edges) {
    if (e.source === e.target) continue;
    simple.updateEdge(e.source, e.target, (attr) => ({ weight: (attr.weight || 0) + e.sources }));
  }
  return simple;
}

// Louvain runs when a graph has nodes never seen: each community it finds joins the known
// community most of its known members are in (else it is new), so a filter keeps colours.
function detectCommunities(simple, seed) {
  const unknown = simple.filterNodes((id) => !communityOf.has(id));
  if (unknown.length) {
    const found = simple.size
      ? louvain(simple, { getEdgeWeight: "weight", rng: seededRandom(seed) })
      : Object.fromEntries(simple.nodes().map((id, i) => [id, i]));
    const votes = new Map();
    simple.forEachNode((id) => {
      if (!communityOf.has(id)) return;
      const tally = votes.get(found[id]) || new Map();
      tally.set(communityOf.get(id), (tally.get(communityOf.get(id)) || 0) + 1);
      votes.set(found[id], tally);
    });
    const joins = new Map();
    for (const [c, tally] of votes) {
      joins.set(c, [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0]);
    }
    for (const id of unknown) {
      if (!joins.has(found[id])) joins.set(found[id], communityOf.size ? nextCommunity() : found[id]);
      communityOf.set(id, joins.get(found[id]));
    }
  }
  return Object.fromEntries(simple.nodes().map((id) => [id, communityOf.get(id)]));
}

function nextCommunity() {
  return Math.max(...communityOf.values()) + 1;
}

// Start positions: each community around its own point of a circle (the largest first),
// a node beside a neighbour laid out before when there is one.
function place(graph, communities, fresh) {
  const members = new Map();
  for (const id of graph.nodes()) {
    const c = communities[id] || 0;
    members.set(c, (members.get(c) || 0) + 1);
  }
  const ranked = [...members].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const slot = new Map(ranked.map((c, i) => [c, i]));
  const radius = 12 * Math.sqrt(graph.order);
  for (const id of fresh) {
    const r = seededRandom(hash(id));
    const placed = graph.neighbors(id).find((n) => positions.has(n));
    let x;
    let y;
    if (placed) {
      ({ x, y } = positions.get(placed));
      x += (r() - 0.5) * 4;
      y += (r() - 0.5) * 4;
    } else {
      const c = communities[id] || 0;
      const angle = (2 * Math.PI * slot.get(c)) / Math.max(1, ranked.length);
      const spread = 3 * Math.sqrt(members.get(c)) * Math.sqrt(r());
      const turn = 2 * Math.PI * r();
      x = radius * Math.cos(angle) + spread * Math.cos(turn);
      y = radius * Math.sin(angle) + spread * Math.sin(turn);
    }
    graph.mergeNodeAttributes(id, { x, y });
  }
}

// ForceAtlas2 for a fixed number of iterations on `work`, a slice at a time, so the first
// picture shows at once and the page answers while the layout settles; `shown` (the graph
// sigma draws) gets the positions a few times a second. Nodes laid out before are held
// where they are. Returns a function that stops it.
function layout(work, shown, communities, done) {
  const fresh = work.filterNodes((id) => !settled.has(id));
  work.forEachNode((id) => {
    if (positions.has(id)) work.mergeNodeAttributes(id, positions.get(id));
  });
  place(work, communities, fresh.filter((id) => !positions.has(id)));
  const copy = () => {
    work.forEachNode((id, a) => positions.set(id, { x: a.x, y: a.y }));
    shown.updateEachNodeAttributes((id, a) => ({ ...a, ...positions.get(id) }), {
      attributes: ["x", "y"],
    });
  };
  copy();
  if (!fresh.length) {
    done();
    return () => {};
  }
  const all = fresh.length === work.order;
  if (!all) for (const id of work.nodes()) if (settled.has(id)) work.setNodeAttribute(id, "fixed", true);
  const settings = {
    ...forceAtlas2.inferSettings(work),
    linLogMode: true, // LinLog draws communities apart (Noack)
    outboundAttractionDistribution: true, // hubs do not pull their community into a knot
    barnesHutOptimize: work.order > 300,
    barnesHutTheta: 0.9,
  };
  let left = all ? FULL_ITERATIONS : NEW_ITERATIONS;
  let chunk = 10; // iterations per slice, grown or shrunk to take about SLICE_MS
  let timer = 0;
  let drawn = performance.now();
  const live = shown.size <= LIVE_EDGES;
  const step = () => {
    const started = performance.now();
    const n = Math.min(chunk, left);
    forceAtlas2.assign(work, { iterations: n, settings });
    left -= n;
    // Each call copies the graph into arrays first: fewer than MIN_CHUNK iterations a call
    // would spend more time copying than laying out.
    const took = Math.max(1, performance.now() - started);
    chunk = Math.max(MIN_CHUNK, Math.round((n * SLICE_MS) / took));
    if (left > 0) {
      // A few redraws a second show the layout move; past a few thousand edges a redraw
      // (in software WebGL: up to a second) costs more than the whole layout, so the
      // nodes stay where they started until it ends.
      if (live && performance.now() - drawn > REDRAW_MS) {
        copy();
        drawn = performance.now();
      }
      timer = setTimeout(step, 0);
      return;
    }
    copy();
    for (const id of work.nodes()) settled.add(id);
    done();
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}

function sizes(graph, by) {
  let max = 1;
  graph.forEachNode((_, a) => { max = Math.max(max, a[by]); });
  graph.forEachNode((id, a) => {
    graph.setNodeAttribute(id, "size", 2.5 + 13 * Math.sqrt(a[by] / max));
  });
}

function colours(graph, by, palette) {
  graph.forEachNode((id, a) => {
    graph.setNodeAttribute(id, "color", by === "type" ? typeColour(a.entityType) : palette.get(a.community));
  });
}

/**
 * Draw `data` ({nodes, edges} of /api/network) in `container`; return a handle with
 * update(data), style({size, colour}), point(nodeId), edgePoint(edgeId), legend() and kill().
 * `onNode(node)` and `onEdge(edge)` are called on a click; `onRendered(handle)` when each
 * graph given is first drawn, `onSettled(handle)` when its layout has run to the end.
 */
export function drawNetwork(container, data, options) {
  let style = { size: options.size || "degree", colour: options.colour || "community" };
  let graph = null;
  let palette = new Map();
  let hovered = null;
  let stopLayout = () => {};
  let edgesById = new Map();
  const renderer = new Sigma(new Graph(), container, {
    allowInvalidContainer: true,
    enableEdgeEvents: true,
    defaultEdgeType: "line",
    labelDensity: 0.8,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    labelFont: "DejaVu Sans, Liberation Sans, Arial, sans-serif",
    zIndex: true,
    nodeReducer: (id, attr) => {
      if (!hovered || id === hovered || graph.areNeighbors(id, hovered)) {
        return id === hovered ? { ...attr, highlighted: true, zIndex: 2 } : attr;
      }
      return { ...attr, color: "#d6dadf", label: "", zIndex: 0 };
    },
    edgeReducer: (id, attr) => {
      if (!hovered) return attr;
      return graph.hasExtremity(id, hovered) ? { ...attr, size: 1.5, zIndex: 1 } : { ...attr, hidden: true };
    },
  });
  // Two clicks within sigma's double-click delay make a double click, even on two items.
  const openNode = ({ node, preventSigmaDefault }) => {
    if (preventSigmaDefault) preventSigmaDefault(); // no zoom: the actor's page opens
    options.onNode(graph.getNodeAttributes(node).data);
  };
  const openEdge = ({ edge, preventSigmaDefault }) => {
    if (preventSigmaDefault) preventSigmaDefault();
    options.onEdge(edgesById.get(edge));
  };
  renderer.on("clickNode", openNode);
  renderer.on("doubleClickNode", openNode);
  renderer.on("clickEdge", openEdge);
  renderer.on("doubleClickEdge", openEdge);
  renderer.on("enterNode", ({ node }) => { hovered = node; renderer.refresh({ skipIndexation: true }); });
  renderer.on("leaveNode", () => { hovered = null; renderer.refresh({ skipIndexation: true }); });

  function update(next) {
    performance.mark("network:draw");
    const work = skeleton(next);
    const communities = detectCommunities(work, next.edges.length + 7);
    performance.measure("network:communities", "network:draw");
    performance.mark("network:layout");
    palette = communityColours(communities);
    const g = new Graph({ multi: true, type: "mixed" });
    for (const n of next.nodes) {
      g.addNode(n.id, {
        label: n.name, entityType: n.type, data: n, degree: n.degree, mentions: n.mentions,
        community: communities[n.id], x: 0, y: 0,
      });
    }
    edgesById = new Map();
    const alpha = edgeAlpha(next.edges.length);
    // sigma finds the edge under the mouse in a raster drawn at half the resolution, so a
    // thin edge is hard to hit; thousands of edges are drawn thin all the same, to stay
    // readable: the table beside the canvas lists them all.
    const width = next.edges.length > 4000 ? 1 : next.edges.length > 800 ? 1.8 : 2.6;
    for (const e of next.edges) {
      edgesById.set(e.id, e);
      const attrs = {
        size: Math.min(6, width + 0.5 * (e.sources - 1)),
        color: e.predicate === "fights_against" ? `rgba(196, 53, 43, ${alpha + 0.15})`
          : `rgba(80, 90, 104, ${alpha})`,
        type: e.directed ? "arrow" : "line",
      };
      if (e.directed) g.addDirectedEdgeWithKey(e.id, e.source, e.target, attrs);
      else g.addUndirectedEdgeWithKey(e.id, e.source, e.target, attrs);
    }
    stopLayout();
    graph = g;
    stopLayout = layout(work, g, communities, () => {
      performance.measure("network:layout", "network:layout");
      if (options.onSettled) options.onSettled(handle);
    });
    hovered = null;
    restyle();
    renderer.once("afterRender", () => {
      performance.measure("network:drawn", "network:draw");
      if (options.onRendered) options.onRendered(handle);
    });
    renderer.setGraph(g);
    renderer.refresh();
  }

  function restyle() {
    sizes(graph, style.size);
    colours(graph, style.colour, palette);
  }

  const handle = {
    update,
    style(next) {
      style = { ...style, ...next };
      restyle();
      renderer.refresh();
    },
    /** The node's position in the page's coordinates (for tests and keyboard focus). */
    point(id) {
      const box = container.getBoundingClientRect();
      const { x, y } = graph.getNodeAttributes(id);
      const p = renderer.graphToViewport({ x, y });
      return { x: box.left + p.x, y: box.top + p.y };
    },
    /** The middle of an edge in the page's coordinates. */
    edgePoint(id) {
      const [a, b] = graph.extremities(id).map((n) => handle.point(n));
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    },
    legend() {
      if (style.colour === "type") {
        const types = [...new Set(graph.mapNodes((_, a) => a.entityType))].sort();
        return types.map((t) => [t, typeColour(t)]);
      }
      const counts = new Map();
      graph.forEachNode((_, a) => counts.set(a.community, (counts.get(a.community) || 0) + 1));
      const hubs = new Map();
      graph.forEachNode((id, a) => {
        const best = hubs.get(a.community);
        if (!best || a.degree > graph.getNodeAttribute(best, "degree")) hubs.set(a.community, id);
      });
      return [...palette].filter(([c, colour]) => colour !== SMALL && counts.has(c))
        .map(([c, colour]) => [`${graph.getNodeAttribute(hubs.get(c), "label")} (${counts.get(c)})`, colour]);
    },
    kill() {
      stopLayout();
      renderer.kill();
    },
  };
  update(data);
  return handle;
}
