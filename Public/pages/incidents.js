// The incident list: open incidents first (the default filter), filters kept in the URL, pages by the API's
// cursor, rows kept current by the live stream (and by polling every 5 s while the stream is down).
import { api } from "../api.js";
import { failure, h, replace } from "../dom.js";
import { age, OPEN_STATUSES, SEVERITIES, STATUSES, title } from "../format.js";
import * as live from "../live.js";
import { severityBadge, statusBadge } from "../widgets.js";

const POLL_MILLISECONDS = 5000;
const PAGE_SIZE = 50;
const FILTERS = ["status", "severity", "service", "q"];
const STATUS_CHOICES = [
    ["open", "Open"],
    ...STATUSES.map((status) => [status, title(status)]),
    ["resolved,closed", "Resolved and closed"],
    ["all", "All"],
];

export async function render(main, { session, params, navigate, isCurrent }) {
    const filters = readFilters(params);
    const cursor = params.get("cursor");
    const wantsFocus = params.get("focus") === "search";

    const rows = new Map(); // id -> incident
    const body = h("tbody", { id: "incident-rows" });
    const status = h("div", { class: "muted", role: "status", "aria-live": "polite" });
    const pager = h("nav", { class: "pager", "aria-label": "Pages" });
    const table = h("table", { class: "incidents" },
        h("caption", { class: "visually-hidden" }, "Incidents"),
        h("thead", {}, h("tr", {},
            ["Severity", "Incident", "Status", "Service", "Age", "Level", "Commander", ""].map((text) =>
                h("th", { scope: "col" }, text)))),
        body);

    replace(main,
        h("h1", {}, heading(filters)),
        filterForm(filters, (next) => navigate("/", toParams(next))),
        status,
        h("div", { class: "table-wrap" }, table),
        pager);
    if (wantsFocus) document.getElementById("filter-q").focus();

    function draw() {
        const incidents = [...rows.values()].sort(newestFirst);
        replace(body, incidents.map((incident) => row(incident, session, act)));
        for (const incident of incidents) incident.fresh = false; // highlighted once, when it arrived
        table.hidden = incidents.length === 0;
        status.textContent = incidents.length ? "" : emptyText(filters, cursor);
    }

    async function load() {
        try {
            const query = apiQuery(filters, cursor);
            const page = await api(`/api/v1/incidents?${query}`);
            if (!isCurrent()) return;
            rows.clear();
            for (const incident of page.items) rows.set(incident.id, incident);
            draw();
            drawPager(page.next_cursor);
        } catch (error) {
            if (!isCurrent()) return;
            replace(status, failure(error, "Incidents"));
        }
    }

    function drawPager(nextCursor) {
        const links = [];
        if (cursor) links.push(h("a", { href: `#/?${toParams(filters)}` }, "← Newest"));
        if (nextCursor) {
            const older = toParams(filters);
            older.set("cursor", nextCursor);
            links.push(h("a", { href: `#/?${older}`, rel: "next" }, "Older →"));
        }
        replace(pager, links);
    }

    async function act(incident, action, button) {
        button.disabled = true;
        try {
            const updated = await api(`/api/v1/incidents/${incident.id}/${action}`, { method: "POST", body: {} });
            apply(updated);
        } catch (error) {
            button.disabled = false;
            replace(status, failure(error, `${title(action)} #${incident.id}`));
        }
    }

    // An incident as the stream (or an action) reports it: placed, changed or dropped by the filters. New ones
    // join only the first page; later pages keep their rows and only update them.
    function apply(incident) {
        const known = rows.has(incident.id);
        if (matches(incident, filters) && (known || !cursor)) {
            rows.set(incident.id, { ...incident, fresh: !known });
        } else if (known) {
            rows.delete(incident.id);
        } else {
            return;
        }
        draw();
    }

    const unsubscribe = live.subscribe((type, data) => {
        if (type === "incident.created" || type === "incident.updated") apply(data);
        else if (type === "resync") load();
    });
    // The fallback while the stream is down (or absent on this server): ask again every 5 s.
    const poll = setInterval(() => {
        if (live.state() !== "live") load();
    }, POLL_MILLISECONDS);
    // Ages grow while the page stays open.
    const tick = setInterval(() => {
        for (const cell of body.querySelectorAll("td.age time")) cell.textContent = age(cell.dateTime);
    }, 30000);

    await load();
    return () => {
        unsubscribe();
        clearInterval(poll);
        clearInterval(tick);
    };
}

function readFilters(params) {
    const filters = {};
    for (const name of FILTERS) filters[name] = (params.get(name) || "").trim();
    if (!filters.status) filters.status = "open";
    return filters;
}

function toParams(filters) {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
        if (filters[name] && !(name === "status" && filters[name] === "open")) params.set(name, filters[name]);
    }
    return params;
}

function apiQuery(filters, cursor) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filters.status !== "all") query.set("status", filters.status);
    for (const name of ["severity", "service", "q"]) if (filters[name]) query.set(name, filters[name]);
    if (cursor) query.set("cursor", cursor);
    return query;
}

function heading(filters) {
    if (filters.status === "open") return "Open incidents";
    if (filters.status === "all") return "All incidents";
    return `Incidents: ${filters.status.split(",").join(" and ")}`;
}

function emptyText(filters, cursor) {
    if (cursor) return "No more incidents.";
    const filtered = filters.severity || filters.service || filters.q;
    if (filters.status === "open" && !filtered) return "No open incidents. All quiet.";
    return "No incidents match these filters.";
}

/** The same filters the API applies, for incidents arriving on the stream. */
function matches(incident, filters) {
    if (filters.status !== "all") {
        const wanted = filters.status.split(",").flatMap((status) => (status === "open" ? OPEN_STATUSES : [status]));
        if (!wanted.includes(incident.status)) return false;
    }
    if (filters.severity && !filters.severity.split(",").includes(incident.severity)) return false;
    if (filters.service) {
        const service = incident.service || {};
        if (filters.service !== service.name && filters.service !== String(service.id)) return false;
    }
    if (filters.q) {
        const text = `${incident.title} ${incident.summary || ""}`.toLowerCase();
        if (!text.includes(filters.q.toLowerCase())) return false;
    }
    return true;
}

function newestFirst(a, b) {
    return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

function row(incident, session, act) {
    const actions = [];
    if (incident.allowed_actions.includes("acknowledge")) {
        actions.push(h("button", {
            type: "button",
            class: "small",
            disabled: !session.canWrite,
            title: session.canWrite ? undefined : "Read-only token",
            "aria-label": `Acknowledge incident ${incident.id}`,
            onclick: (event) => act(incident, "acknowledge", event.currentTarget),
        }, "Ack"));
    }
    return h("tr", { class: incident.fresh ? "fresh" : undefined, dataset: { id: incident.id, severity: incident.severity } },
        h("td", { "data-label": "Severity" }, severityBadge(incident.severity)),
        h("td", { class: "title" }, h("a", { href: `#/incidents/${incident.id}` }, `#${incident.id} ${incident.title}`)),
        h("td", { "data-label": "Status", class: "status" }, statusBadge(incident.status)),
        h("td", { "data-label": "Service" }, incident.service ? incident.service.name : "—"),
        h("td", { "data-label": "Age", class: "age" },
            h("time", { datetime: incident.created_at, title: incident.created_at }, age(incident.created_at))),
        h("td", { "data-label": "Level" }, String(incident.escalation_level)),
        h("td", { "data-label": "Commander" }, incident.commander || h("span", { class: "muted" }, "—")),
        h("td", { class: "row-actions" }, actions));
}

function filterForm(filters, apply) {
    const statusChoices = [...STATUS_CHOICES];
    if (!statusChoices.some(([value]) => value === filters.status)) statusChoices.push([filters.status, filters.status]);
    const statusSelect = select("filter-status", "status", statusChoices, filters.status);
    const severityChoices = [["", "Any"], ...SEVERITIES.map((severity) => [severity, severity.toUpperCase()])];
    if (filters.severity && !SEVERITIES.includes(filters.severity)) {
        severityChoices.push([filters.severity, filters.severity.toUpperCase()]);
    }
    const severitySelect = select("filter-severity", "severity", severityChoices, filters.severity);
    const service = h("input", { id: "filter-service", name: "service", value: filters.service, autocomplete: "off" });
    const search = h("input", {
        id: "filter-q", name: "q", type: "search", value: filters.q, placeholder: "Title or summary", autocomplete: "off",
    });
    const read = () => ({
        status: statusSelect.value, severity: severitySelect.value, service: service.value.trim(), q: search.value.trim(),
    });
    const form = h("form", {
        class: "filters",
        role: "search",
        onsubmit(event) {
            event.preventDefault();
            apply(read());
        },
    },
    field("Status", statusSelect),
    field("Severity", severitySelect),
    field("Service", service),
    field("Search", search),
    h("button", { type: "submit" }, "Filter"));
    for (const control of [statusSelect, severitySelect]) control.addEventListener("change", () => apply(read()));
    return form;
}

function select(id, name, choices, chosen) {
    return h("select", { id, name },
        choices.map(([value, text]) => h("option", { value, selected: value === chosen }, text)));
}

function field(text, control) {
    return h("div", { class: "field" }, h("label", { for: control.id }, text), control);
}
