// Building DOM nodes without HTML strings: text is always text, so nothing from the API can become markup.

/**
 * `h("a", {href: "#/", class: "x", onclick: fn}, "text", child)`. Attributes: `class`, `text`, `dataset`,
 * `on<event>` functions, booleans (present when true), anything else as a string attribute.
 */
export function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    applyAttributes(node, attributes);
    append(node, children);
    return node;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element, with the same attribute rules as `h`. */
export function svg(tag, attributes = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    applyAttributes(node, attributes);
    append(node, children);
    return node;
}

function applyAttributes(node, attributes) {
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name === "text") node.textContent = String(value);
        else if (name === "dataset") Object.assign(node.dataset, value);
        else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
        else node.setAttribute(name, value === true ? "" : String(value));
    }
}

function append(node, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces the children of `node`. */
export function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

/** A paragraph saying what went wrong, for a section that could not load. */
export function failure(error, what) {
    if (error && error.notAvailable) {
        return h("p", { class: "muted unavailable" }, `${what}: not available on this server.`);
    }
    if (error && error.status === 403) {
        return h("p", { class: "muted" }, `${what}: this token's scope may not see it.`);
    }
    return h("p", { class: "error", role: "alert" }, `${what} could not be loaded: ${error.message}`);
}
