// The network view's libraries in one ES module: sigma and the graphology packages it
// draws, lays out and partitions with. Bundled by build.mjs (see scripts/vendor-graph.sh).
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { default as louvain } from "graphology-communities-louvain";
export { default as forceAtlas2 } from "graphology-layout-forceatlas2";
