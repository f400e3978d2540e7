// Insights: incidents per week by severity and time to acknowledge and to resolve, computed here from the
// incident list of the last eight weeks; the server's response metrics and toil report where it has them.
import { api } from "../api.js";
import { failure, h, replace } from "../dom.js";
import { duration, SEVERITIES } from "../format.js";
import { bars, lines, stackedColumns } from "../charts.js";
import { timeTag } from "../widgets.js";

const WEEKS = 8;
const WEEK = 7 * 24 * 3600 * 1000;
const MAX_PAGES = 10;

export async function render(main, { isCurrent }) {
    const trends = h("section", { class: "card", "aria-labelledby": "trends-heading" },
        h("h2", { id: "trends-heading" }, `The last ${WEEKS} weeks`), h("p", { class: "muted" }, "Loading…"));
    const stats = h("section", { class: "card", "aria-labelledby": "stats-heading" },
        h("h2", { id: "stats-heading" }, "Response metrics"), h("p", { class: "muted" }, "Loading…"));
    const toil = h("section", { class: "card", "aria-labelledby": "toil-heading" },
        h("h2", { id: "toil-heading" }, "Noisiest alerts"), h("p", { class: "muted" }, "Loading…"));
    replace(main, h("h1", {}, "Insights"), trends, stats, toil);

    const start = startOfWeek(Date.now()) - (WEEKS - 1) * WEEK;
    await Promise.all([
        loadTrends(trends, start, isCurrent),
        loadStats(stats, start),
        loadToil(toil, start),
    ]);
}

async function loadTrends(section, start, isCurrent) {
    const heading = section.firstChild;
    try {
        const { items: incidents, complete } = await incidentsSince(new Date(start).toISOString());
        if (!isCurrent()) return;
        const weeks = Array.from({ length: WEEKS }, (_, index) => {
            const from = start + index * WEEK;
            return { from, label: new Date(from).toLocaleDateString(undefined, { month: "short", day: "numeric" }), incidents: [] };
        });
        for (const incident of incidents) {
            const index = Math.floor((Date.parse(incident.created_at) - start) / WEEK);
            if (index >= 0 && index < WEEKS) weeks[index].incidents.push(incident);
        }
        const minutes = (from, to) => (to ? (Date.parse(to) - Date.parse(from)) / 60000 : null);
        const medianOf = (week, field) => median(week.incidents.map((incident) => minutes(incident.created_at, incident[field])));
        replace(section, heading,
            stackedColumns({
                title: "Incidents per week by severity",
                keys: SEVERITIES,
                categories: weeks.map((week) => ({
                    label: week.label,
                    parts: SEVERITIES.map((key) => ({
                        key, value: week.incidents.filter((incident) => incident.severity === key).length,
                    })),
                })),
            }),
            lines({
                title: "Median time from opening to acknowledge and to resolve, by week opened",
                labels: weeks.map((week) => week.label),
                format: (value) => duration(value * 60000),
                series: [
                    { key: "series-0", label: "to acknowledge", values: weeks.map((week) => medianOf(week, "acknowledged_at")) },
                    { key: "series-1", label: "to resolve", values: weeks.map((week) => medianOf(week, "resolved_at")) },
                ],
            }),
            h("p", { class: complete ? "muted" : "muted truncated" }, complete
                ? `${incidents.length} incidents opened since ${new Date(start).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })}.`
                // Said, not hidden: older weeks would otherwise look quieter than they were.
                : `The charts show the newest ${incidents.length} incidents only: more were opened since ${new Date(start).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })}, so the older weeks are undercounted. The response metrics below count them all.`));
    } catch (error) {
        replace(section, heading, failure(error, "Incidents"));
    }
}

/** Incidents created since `since`, newest first, following the cursor for at most MAX_PAGES pages of 500;
 * `complete` is false when more remained. */
async function incidentsSince(since) {
    const all = [];
    let cursor = null;
    for (let page = 0; page < MAX_PAGES; page++) {
        const query = new URLSearchParams({ since, limit: "500" });
        if (cursor) query.set("cursor", cursor);
        const answer = await api(`/api/v1/incidents?${query}`);
        all.push(...answer.items);
        cursor = answer.next_cursor;
        if (!cursor) break;
    }
    return { items: all, complete: !cursor };
}

async function loadStats(section, start) {
    const heading = section.firstChild;
    try {
        const answer = await api(`/api/v1/stats?since=${encodeURIComponent(new Date(start).toISOString())}`);
        replace(section, heading, h("dl", { class: "fields" }, flatten(answer).map(([name, value, path]) =>
            [h("dt", {}, name.replaceAll("_", " ")), h("dd", { dataset: { key: path } }, value)])));
    } catch (error) {
        replace(section, heading, failure(error, "Response metrics"));
    }
}

async function loadToil(section, start) {
    const heading = section.firstChild;
    try {
        const answer = await api(`/api/v1/reports/toil?since=${encodeURIComponent(new Date(start).toISOString())}`);
        const rows = Array.isArray(answer) ? answer : answer.items || answer.alerts || [];
        const items = rows
            .map((row) => ({
                label: [row.source, row.alert_name || row.alertname || row.name].filter(Boolean).join(" / ") || "alert",
                value: Number(row.pages ?? row.incidents ?? row.count ?? 0),
            }))
            .sort((a, b) => b.value - a.value)
            .slice(0, 10);
        replace(section, heading, items.length
            ? bars({ title: "Pages per alert (top 10)", items })
            : h("p", { class: "muted" }, "No alerts paged anyone in this period."));
    } catch (error) {
        replace(section, heading, failure(error, "The toil report"));
    }
}

/**
 * Scalars of a JSON answer as `[name, shown value, path]`, one level of nesting spelled `outer inner` (path
 * `outer.inner`); `_seconds` values read as durations.
 */
function flatten(object, prefix = "", parent = "") {
    const pairs = [];
    for (const [key, value] of Object.entries(object || {})) {
        const name = prefix ? `${prefix} ${key}` : key;
        const path = parent ? `${parent}.${key}` : key;
        if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            if (!prefix) pairs.push(...flatten(value, name, path));
        } else if (!Array.isArray(value)) {
            const seconds = key.endsWith("_seconds");
            const instant = typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value);
            pairs.push([seconds ? name.replace(/_seconds$/, "") : name,
                value === null ? "—" : seconds ? duration(value * 1000) : instant ? timeTag(value) : String(value), path]);
        }
    }
    return pairs;
}

function median(values) {
    const present = values.filter((value) => value !== null).sort((a, b) => a - b);
    if (!present.length) return null;
    const middle = Math.floor(present.length / 2);
    return present.length % 2 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
}

/** Monday 00:00 UTC of the week holding `time`. */
function startOfWeek(time) {
    const date = new Date(time);
    const day = (date.getUTCDay() + 6) % 7;
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day);
}
