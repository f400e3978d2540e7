// Services with their error budget and release gate (where the server has SLOs), who is on call now, and
// whether the heartbeats (dead-man's switches) are still pinged, and which maintenance windows hold pages.
import { api, ApiError } from "../api.js";
import { failure, h, replace } from "../dom.js";
import { bars, budgetBar } from "../charts.js";
import { duration } from "../format.js";
import { timeTag } from "../widgets.js";

export async function render(main, { session }) {
    const onCall = h("section", { class: "card", "aria-labelledby": "oncall-heading" },
        h("h2", { id: "oncall-heading" }, "On call now"), h("p", { class: "muted" }, "Loading…"));
    const heartbeats = h("section", { class: "card", "aria-labelledby": "heartbeats-heading" },
        h("h2", { id: "heartbeats-heading" }, "Heartbeats"), h("p", { class: "muted" }, "Loading…"));
    const services = h("section", { "aria-labelledby": "services-heading" },
        h("h2", { id: "services-heading" }, "Services"), h("p", { class: "muted" }, "Loading…"));
    const maintenance = h("section", { class: "card", "aria-labelledby": "maintenance-heading" },
        h("h2", { id: "maintenance-heading" }, "Maintenance windows"), h("p", { class: "muted" }, "Loading…"));
    replace(main, h("h1", {}, "Services"), onCall, maintenance, heartbeats, services);
    await Promise.all([loadOnCall(onCall), loadMaintenance(maintenance), loadHeartbeats(heartbeats),
        loadServices(services, session)]);
}

/** The windows active now and those to come: while one is active, the incidents it matches page nobody, the
 *  first thing to check when someone asks why they were not paged. */
async function loadMaintenance(section) {
    const heading = section.firstChild;
    try {
        const windows = ((await api("/api/v1/maintenance-windows")).items || [])
            .filter((window) => window.state === "active" || window.state === "upcoming")
            .sort((a, b) => (a.state === "active" ? 0 : 1) - (b.state === "active" ? 0 : 1)
                || Date.parse(a.starts_at) - Date.parse(b.starts_at));
        replace(section, heading, windows.length
            ? h("ul", { class: "plain maintenance" }, windows.map((window) => h("li",
                { dataset: { window: window.id, state: window.state } },
                h("span", { class: `badge maintenance ${window.state}` }, window.state), " ",
                h("strong", {}, window.service ? window.service.name : "all services"),
                (window.matchers || []).length
                    ? ` where ${window.matchers.map((m) => `${m.label} ${m.op} ${m.value}`).join(", ")}` : "",
                ": ", window.reason || "no reason given", " ",
                h("span", { class: "muted" }, timeTag(window.starts_at), " to ", timeTag(window.ends_at),
                    window.created_by ? ` · by ${window.created_by}` : ""))))
            : h("p", { class: "muted" }, "None active or planned: every incident pages as its policy says."));
    } catch (error) {
        replace(section, heading, failure(error, "Maintenance windows"));
    }
}

/** Each heartbeat with its status (`missed` first: the alerting path itself may be down), and when it was
 *  last pinged or is due. Any token may read them, unlike the services below. */
async function loadHeartbeats(section) {
    const heading = section.firstChild;
    try {
        const order = { missed: 0, late: 1, new: 2, up: 3 };
        const list = ((await api("/api/v1/heartbeats")).items || [])
            .sort((a, b) => (order[a.status] ?? 4) - (order[b.status] ?? 4) || a.name.localeCompare(b.name));
        replace(section, heading, list.length
            ? h("ul", { class: "plain heartbeats" }, list.map((heartbeat) => h("li",
                { dataset: { heartbeat: heartbeat.name, status: heartbeat.status } },
                h("strong", {}, heartbeat.name), " ",
                h("span", { class: `badge heartbeat ${heartbeat.status}` }, heartbeat.status), " ",
                h("span", { class: "muted" },
                    `${heartbeat.service.name} · ${heartbeat.severity} · every ${duration(heartbeat.interval_seconds * 1000)}`,
                    heartbeat.grace_seconds ? ` + ${duration(heartbeat.grace_seconds * 1000)} grace` : "",
                    heartbeat.last_ping_at ? [" · last ping ", timeTag(heartbeat.last_ping_at)] : " · never pinged"),
                heartbeat.incident_id
                    ? [" · ", h("a", { href: `#/incidents/${heartbeat.incident_id}` }, `incident #${heartbeat.incident_id}`)]
                    : h("span", { class: "muted" }, " · due ", timeTag(heartbeat.due_at)))))
            : h("p", { class: "muted" }, "No heartbeats: a heartbeat opens an incident when the pings of a job or of "
                + "Alertmanager's Watchdog stop (see the README)."));
    } catch (error) {
        replace(section, heading, failure(error, "Heartbeats"));
    }
}

async function loadOnCall(section) {
    const heading = section.firstChild;
    try {
        const answer = await api("/api/v1/oncall");
        const schedules = answer.items || [];
        replace(section, heading, schedules.length
            ? h("ul", { class: "plain" }, schedules.map((entry) => h("li", { dataset: { schedule: entry.schedule ? entry.schedule.name : "" } },
                h("strong", {}, entry.schedule ? entry.schedule.name : "schedule"), ": ",
                entry.on_call && entry.on_call.length
                    ? entry.on_call.map((shift, index) => [index ? ", " : "", `@${shift.user}`,
                        shift.until ? h("span", { class: "muted" }, " until ", timeTag(shift.until)) : null])
                    : h("span", { class: "muted" }, "nobody"))))
            : h("p", { class: "muted" }, "No schedules yet."));
    } catch (error) {
        replace(section, heading, failure(error, "On call"));
    }
}

async function loadServices(section, session) {
    const heading = section.firstChild;
    if (!session.isAdmin) {
        replace(section, heading, h("p", { class: "muted" }, "Listing services needs an admin token."));
        return;
    }
    let list;
    try {
        list = (await api("/api/v1/services")).items;
    } catch (error) {
        replace(section, heading, failure(error, "Services"));
        return;
    }
    const cards = list.map((service) => ({ service, element: h("article", { class: "card service", dataset: { service: service.name } }) }));
    replace(section, heading, cards.map((card) => card.element));
    // SLOs are a newer feature: the first answer tells whether this server has them at all.
    let sloAvailable = true;
    for (const { service, element } of cards) {
        const slo = h("div", {});
        const gate = h("div", { class: "gate" });
        replace(element,
            h("h3", {}, service.name),
            service.description ? h("p", {}, service.description) : null,
            // Alerts naming a former name still arrive here; the card says so, so nobody creates it anew.
            (service.former_names || []).length
                ? h("p", { class: "muted former-names" }, `Formerly: ${service.former_names.join(", ")}`) : null,
            h("p", { class: "muted" },
                service.escalation_policy ? `Escalation policy: ${service.escalation_policy.name}` : "No escalation policy"),
            slo, gate);
        if (!sloAvailable) {
            replace(slo, h("p", { class: "muted unavailable" }, "SLO: not available on this server."));
            continue;
        }
        try {
            const answer = await api(`/api/v1/services/${service.id}/slo`);
            replace(slo, sloView(answer));
            replace(gate, await releaseGate(service.id));
        } catch (error) {
            if (error instanceof ApiError && error.notAvailable) sloAvailable = false;
            replace(slo, failure(error, "SLO"));
        }
    }
}

/** The SLO, its budget as minutes spent and left with a bar, and the burn rates, from `GET .../slo`. */
function sloView(answer) {
    if (!answer.slo) return h("p", { class: "muted no-slo" }, "No SLO declared for this service.");
    const { budget_minutes: total, spent_minutes: spent } = answer;
    const burn = answer.burn_rate || {};
    const minutes = (value) => h("span", { class: "minutes" }, Number(value).toFixed(1));
    // Left is what the rounded numbers leave, so that the three shown add up (6.8 + 33.6 of 40.3 did not).
    const tenths = (value) => Math.round(Number(value) * 10) / 10;
    const left = Math.max(0, tenths(tenths(total) - tenths(spent)));
    return h("div", { class: "slo" },
        h("p", {}, `SLO ${answer.slo.target} % over ${answer.slo.window_days} day${answer.slo.window_days === 1 ? "" : "s"}`,
            answer.exhausted ? h("strong", { class: "error" }, " · budget spent") : null),
        h("p", { class: "budget-numbers" },
            h("span", { class: "spent" }, minutes(spent), " min spent"), ", ",
            h("span", { class: "left" }, minutes(left), " min left"), " of ",
            h("span", { class: "total" }, minutes(total), " budget minutes")),
        budgetBar({ spent, total }),
        Object.keys(burn).length
            ? bars({ title: "Burn rate (1 = spending exactly the allotted budget)",
                items: Object.entries(burn).map(([span, value]) => ({ label: `last ${span}`, value: Math.round(Number(value) * 100) / 100 })) })
            : null);
}

async function releaseGate(id) {
    try {
        return gateText(await api(`/api/v1/services/${id}/release-gate`), 200);
    } catch (error) {
        // 423 is the gate's answer, not a failure: the same members, as a problem body.
        if (error instanceof ApiError && error.status === 423) return gateText(error.body || { release_allowed: false }, 423);
        return failure(error, "Release gate");
    }
}

function gateText(answer, status) {
    const allowed = answer.release_allowed === true;
    return [h("span", { class: `badge gate ${allowed ? "open" : "closed"}`, dataset: { status } },
        allowed ? "Releases allowed" : `Releases blocked (${status})`),
    answer.reason ? h("span", { class: "muted reason" }, ` ${answer.reason}`) : null];
}
