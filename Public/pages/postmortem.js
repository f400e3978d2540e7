// The incident's postmortem: the server renders it (`?format=html`); we keep only plain document elements
// from that HTML (no scripts, styles, event attributes or non-http links) and offer the Markdown as a download.
import { api } from "../api.js";
import { failure, h, replace } from "../dom.js";

const KEPT_ELEMENTS = new Set([
    "H1", "H2", "H3", "H4", "H5", "H6", "P", "UL", "OL", "LI", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD",
    "STRONG", "EM", "CODE", "PRE", "BLOCKQUOTE", "A", "BR", "HR", "DL", "DT", "DD", "SPAN", "DIV", "SECTION",
    "INPUT", "DEL", "TIME",
]);

export function postmortemSection(base, id) {
    const body = h("div", { class: "postmortem", id: "postmortem" }, h("p", { class: "muted" }, "Loading…"));
    const download = h("button", { type: "button", id: "postmortem-download", hidden: true, onclick: save }, "Download Markdown");
    const problem = h("p", { class: "error", role: "alert", hidden: true });
    const element = h("section", { class: "card", "aria-labelledby": "postmortem-heading" },
        h("div", { class: "section-head" }, h("h2", { id: "postmortem-heading" }, "Postmortem"), download),
        problem, body);

    async function load() {
        try {
            const html = await api(`${base}/postmortem?format=html`, { headers: { Accept: "text/html" } });
            replace(body, cleaned(String(html)));
            download.hidden = false;
        } catch (error) {
            replace(body, failure(error, "Postmortem"));
        }
    }

    async function save() {
        problem.hidden = true;
        try {
            const markdown = await api(`${base}/postmortem`, { headers: { Accept: "text/markdown" } });
            const url = URL.createObjectURL(new Blob([String(markdown)], { type: "text/markdown" }));
            const link = h("a", { href: url, download: `incident-${id}-postmortem.md`, hidden: true });
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10000);
        } catch (error) {
            problem.textContent = `The Markdown could not be downloaded: ${error.message}`;
            problem.hidden = false;
        }
    }

    return { element, load };
}

/** The server's HTML as nodes of this document, reduced to the elements and attributes a document needs. */
function cleaned(html) {
    // Style and script blocks go before parsing: the page's CSP refuses even a parsed, unused inline style.
    const withoutBlocks = html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, "");
    const parsed = new DOMParser().parseFromString(withoutBlocks, "text/html");
    const source = parsed.querySelector("main, article") || parsed.body;
    const fragment = document.createDocumentFragment();
    for (const child of source.childNodes) {
        const copy = copyNode(child);
        if (copy) fragment.append(copy);
    }
    return fragment;
}

function copyNode(node) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    if (!KEPT_ELEMENTS.has(node.tagName)) {
        // Unknown wrappers keep their text; scripts and styles go entirely.
        if (["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE", "LINK", "META"].includes(node.tagName)) return null;
        return document.createTextNode(node.textContent);
    }
    const copy = document.createElement(node.tagName.toLowerCase());
    if (node.tagName === "A") {
        const href = node.getAttribute("href") || "";
        if (/^(https?:|#|\/)/i.test(href)) copy.setAttribute("href", href);
        if (/^https?:/i.test(href)) {
            copy.setAttribute("target", "_blank");
            copy.setAttribute("rel", "noopener noreferrer");
        }
    }
    if (node.tagName === "INPUT") {
        if (node.getAttribute("type") !== "checkbox") return null;
        copy.setAttribute("type", "checkbox");
        copy.setAttribute("disabled", "");
        if (node.hasAttribute("checked")) copy.setAttribute("checked", "");
    }
    for (const name of ["colspan", "rowspan", "datetime", "align"]) {
        if (node.hasAttribute(name)) copy.setAttribute(name, node.getAttribute(name));
    }
    for (const child of node.childNodes) {
        const inner = copyNode(child);
        if (inner) copy.append(inner);
    }
    return copy;
}
