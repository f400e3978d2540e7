// Pieces several pages show the same way.
import { h } from "./dom.js";
import { age, title, when } from "./format.js";

export function severityBadge(severity) {
    return h("span", { class: `badge sev ${severity}`, title: `Severity ${severity}` }, severity.toUpperCase());
}

export function statusBadge(status) {
    return h("span", { class: `badge status ${status}`, dataset: { status } }, title(status));
}

/** A `<time>` showing the local time, or the age when `relative`, with the exact instant as a tooltip. */
export function timeTag(iso, { relative = false } = {}) {
    if (!iso) return h("span", { class: "muted" }, "—");
    return h("time", { datetime: iso, title: iso }, relative ? age(iso) : when(iso));
}

export function labelChips(labels) {
    const entries = Object.entries(labels || {});
    if (!entries.length) return h("span", { class: "muted" }, "none");
    return h("ul", { class: "chips" }, entries.map(([key, value]) => h("li", {}, `${key}=${value}`)));
}

/** A link out (alert runbooks, dashboards), only for http(s) addresses; opened without a referrer. */
export function externalLink(href, text) {
    let url;
    try {
        url = new URL(href, location.href);
    } catch {
        return h("span", {}, text || href);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return h("span", {}, text || href);
    return h("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, text || href);
}
