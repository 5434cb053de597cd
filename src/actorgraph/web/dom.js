// Building the page from data that is never trusted: every string from the store (article
// text, names, titles) goes in through textContent or setAttribute, never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href"]);

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) {
      // Handlers are functions only: an attribute would be inline script.
      if (typeof value !== "function") throw new TypeError(`${key} must be a function`);
      node.addEventListener(key.slice(2), value);
    } else if (URL_ATTRIBUTES.has(key.toLowerCase())) {
      const url = linkTarget(value);
      if (url !== null) node.setAttribute(key, url);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Create an HTML element: el("a", {href: "#/", class: "x"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Create an SVG element. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replace the children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

/**
 * Return `value` if it is safe as a link: a route of this page ("#/..."), or an absolute
 * http(s) URL (normalised); anything else (javascript:, data:, relative paths) is null.
 */
export function linkTarget(value) {
  const text = String(value);
  if (text.startsWith("#")) return text;
  return webURL(text);
}

/** Return `text` as a normalised absolute http(s) URL, or null if it is not one. */
export function webURL(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** Link to a page of this app; `path` parts are URL-encoded. */
export function route(...parts) {
  return "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
}

// The access token of a server in remote mode: asked for once, kept for this tab only
// (sessionStorage), sent as a header. It never goes into a URL or the page's markup.
const TOKEN_KEY = "actorgraph.token";

/** Return the stored access token, or "". */
export function getToken() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || "";
  } catch {
    return "";
  }
}

/** Keep `token` for this tab and return true; an empty or malformed one is forgotten. */
export function setToken(token) {
  const usable = /^[!-~]{16,512}$/.test(token || "");
  try {
    if (usable) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token is asked for again on the next load.
  }
  return usable;
}

/**
 * GET a JSON resource of the API; throws an Error carrying the API's own message and
 * `status` (401: the server wants the access token, or refused the one sent).
 */
export async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  if (url.origin !== window.location.origin) throw new Error(`not this server: ${path}`);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const headers = { Accept: "application/json" };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { headers, credentials: "omit" });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    const error = new Error(detail || `HTTP ${response.status}`);
    error.status = response.status;
    error.sentToken = Boolean(token);
    throw error;
  }
  return body;
}

export const TYPE_LABELS = {
  PERSON: "Person",
  ORG: "Organisation",
  GPE: "State / city",
  LOC: "Location",
  NORP: "Group (nationality, religion)",
  FAC: "Facility",
  EVENT: "Named event",
  LAW: "Law",
};

/** A badge for an entity type; the colour comes from the stylesheet (class t-TYPE). */
export function typeBadge(type, kind) {
  const label = kind ? `${type} · ${kind.replaceAll("_", " ")}` : type;
  return el("span", { class: `badge type t-${cssToken(type)}`, title: TYPE_LABELS[type] || type },
    label);
}

/** A badge for a claim status: asserted, reported, alleged, denied, planned. */
export function modalityBadge(modality, attributedTo) {
  const title = attributedTo ? `${modality} by ${attributedTo}` : modality;
  return el("span", { class: `badge modality m-${cssToken(modality)}`, title }, modality);
}

/** Return `value` reduced to characters safe in a class name. */
export function cssToken(value) {
  return String(value || "unknown").replace(/[^A-Za-z0-9_-]/g, "_");
}

/** "leader_of" -> "leader of". */
export function predicateText(predicate) {
  return String(predicate).replaceAll("_", " ");
}

/** Shorten `text` to about `max` characters on a word boundary. */
export function clip(text, max) {
  const flat = String(text).replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + "…";
}

/** A short line naming a document: its title and date. */
export function sourceLine(title, published) {
  return [title || "Untitled document", published].filter(Boolean).join(" · ");
}
