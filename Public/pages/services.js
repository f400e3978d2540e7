// Services with their error budget and release gate (where the server has SLOs), and who is on call now.
import { api, ApiError } from "../api.js";
import { failure, h, replace } from "../dom.js";
import { bars, budgetBar } from "../charts.js";
import { timeTag } from "../widgets.js";

export async function render(main, { session }) {
    const onCall = h("section", { class: "card", "aria-labelledby": "oncall-heading" },
        h("h2", { id: "oncall-heading" }, "On call now"), h("p", { class: "muted" }, "Loading…"));
    const services = h("section", { "aria-labelledby": "services-heading" },
        h("h2", { id: "services-heading" }, "Services"), h("p", { class: "muted" }, "Loading…"));
    replace(main, h("h1", {}, "Services"), onCall, services);
    await Promise.all([loadOnCall(onCall), loadServices(services, session)]);
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
