// One incident: every field, the actions it allows, edits, notes, the timeline, alerts, notifications,
// escalation, action items and the postmortem. Kept current by the live stream.
import { api, ApiError, fieldError } from "../api.js";
import { failure, h, replace } from "../dom.js";
import { SEVERITIES, title } from "../format.js";
import * as live from "../live.js";
import { externalLink, labelChips, severityBadge, statusBadge, timeTag } from "../widgets.js";
import { postmortemSection } from "./postmortem.js";

const ACTION_ORDER = ["acknowledge", "escalate", "mitigate", "resolve", "close", "reopen"];
const POLL_MILLISECONDS = 5000;

export async function render(main, { session, match, isCurrent }) {
    const id = Number(match[1]);
    const base = `/api/v1/incidents/${id}`;
    let incident;
    try {
        incident = await api(base);
    } catch (error) {
        // This route exists on every server the dashboard talks to: a 404 is an incident that does not exist.
        const missing = error instanceof ApiError && error.status === 404
            ? h("p", { class: "error", role: "alert" }, `There is no incident #${id}. `, h("a", { href: "#/" }, "All incidents"))
            : failure(error, "The incident");
        if (isCurrent()) replace(main, h("h1", {}, `Incident #${id}`), missing);
        return;
    }
    if (!isCurrent()) return;

    const header = h("div", { class: "incident-head" });
    const fields = h("dl", { class: "fields" });
    const actions = h("section", { class: "card", "aria-labelledby": "actions-heading" });
    const edit = h("section", { class: "card", "aria-labelledby": "edit-heading" });
    const timeline = h("ol", { class: "timeline", id: "timeline" });
    const timelineIds = new Set();
    const alerts = h("div", {}, h("p", { class: "muted" }, "Loading…"));
    const notifications = h("div", {}, h("p", { class: "muted" }, "Loading…"));
    const escalation = h("div", {}, h("p", { class: "muted" }, "Loading…"));
    const actionItems = h("div", {}, h("p", { class: "muted" }, "Loading…"));
    const postmortem = postmortemSection(base, id);

    replace(main,
        h("p", {}, h("a", { href: "#/" }, "← Incidents")),
        header,
        h("div", { class: "columns" },
            h("div", {},
                actions,
                h("section", { class: "card", "aria-labelledby": "timeline-heading" },
                    h("h2", { id: "timeline-heading" }, "Timeline"), noteForm(), timeline)),
            h("div", {},
                h("section", { class: "card", "aria-labelledby": "fields-heading" },
                    h("h2", { id: "fields-heading" }, "Details"), fields),
                edit,
                section("alerts-heading", "Alerts", alerts),
                section("notifications-heading", "Notifications", notifications),
                section("escalation-heading", "Escalation", escalation),
                section("action-items-heading", "Action items", actionItems))),
        postmortem.element);

    function show(next) {
        incident = next;
        document.title = `#${incident.id} ${incident.title} · Klaxon`;
        replace(header,
            h("h1", {}, `#${incident.id} ${incident.title}`),
            h("p", { class: "badges" }, severityBadge(incident.severity), " ", statusBadge(incident.status),
                " ", h("span", { class: "muted" }, `escalation level ${incident.escalation_level}`)));
        replace(fields, describe(incident));
        drawActions();
        drawEdit();
    }

    // ----- actions -------------------------------------------------------------------------------------------
    // Built once, so a note being typed keeps its focus while the buttons follow the incident's status.
    const note = h("textarea", { id: "action-note", name: "note", rows: 2, maxlength: 2000, disabled: !session.canWrite });
    const actionProblem = h("p", { class: "error", role: "alert", hidden: true });
    const actionButtons = h("div", { class: "buttons" });
    replace(actions,
        h("h2", { id: "actions-heading" }, "Actions"),
        session.canWrite ? null : h("p", { class: "muted" }, "This token is read-only: actions are disabled."),
        h("label", { for: "action-note" }, "Note for the timeline (optional)"),
        note, actionButtons, actionProblem);
    function drawActions() {
        const allowed = ACTION_ORDER.filter((action) => incident.allowed_actions.includes(action));
        const shown = [...actionButtons.querySelectorAll("button")].map((button) => button.dataset.action);
        if (shown.length && shown.join() === allowed.join()) return;
        const buttons = allowed.map((action) => h("button", {
            type: "button",
            class: action === "resolve" || action === "acknowledge" ? "primary" : undefined,
            disabled: !session.canWrite,
            dataset: { action },
            onclick: (event) => perform(action, event.currentTarget),
        }, title(action)));
        replace(actionButtons, buttons.length ? buttons : h("span", { class: "muted" }, "No actions: the incident is closed."));
    }

    async function perform(action, button, extra = {}) {
        button.disabled = true;
        actionProblem.hidden = true;
        const body = { ...(note.value.trim() ? { note: note.value.trim() } : {}), ...extra };
        try {
            show(await api(`${base}/${action}`, { method: "POST", body }));
            note.value = "";
            button.disabled = false; // kept when the same action stays allowed (escalate)
            refreshTimeline();
        } catch (error) {
            actionProblem.replaceChildren(error.message);
            actionProblem.hidden = false;
            button.disabled = false;
            const body = error instanceof ApiError ? error.body : null;
            if (action === "close" && body && String(body.type || "").endsWith("/postmortem-required")) {
                // The postmortem can be written later; at 3 a.m. closing must not need curl.
                const force = h("button", { type: "button", class: "small" }, "Close anyway (recorded as forced)");
                force.addEventListener("click", () => perform("close", force, { force: true }));
                actionProblem.append(" ", force);
            } else if (error instanceof ApiError && error.status === 409) {
                refresh();
            }
        }
    }

    // ----- edit title, severity, commander -------------------------------------------------------------------
    // Said again by the form drawn after the reload that follows a refused save (a new form replaces the old).
    let editNotice = "";
    function drawEdit() {
        if (edit.contains(document.activeElement)) return; // never overwrite what someone is typing
        // The incident the form shows: a live update while someone types replaces `incident` but not the form,
        // so the changes and If-Match must come from this one, or a change made meanwhile would be undone
        // instead of refused (412) and reloaded.
        const drawn = incident;
        const inputs = {
            title: h("input", { id: "edit-title", name: "title", value: incident.title, required: true, maxlength: 200 }),
            severity: h("select", { id: "edit-severity", name: "severity" },
                SEVERITIES.map((severity) => h("option", { value: severity, selected: severity === incident.severity },
                    severity.toUpperCase()))),
            commander: h("input", { id: "edit-commander", name: "commander", value: incident.commander || "", autocomplete: "off" }),
        };
        const problem = h("p", { class: "error", role: "alert", hidden: !editNotice }, editNotice);
        editNotice = "";
        const errors = {};
        const row = (name, text) => {
            errors[name] = h("span", { class: "field-error", id: `edit-${name}-error`, hidden: true });
            inputs[name].setAttribute("aria-describedby", `edit-${name}-error`);
            return h("div", { class: "field" }, h("label", { for: `edit-${name}` }, text), inputs[name], errors[name]);
        };
        const save = h("button", { type: "submit", disabled: !session.canWrite }, "Save");
        const form = h("form", {
            async onsubmit(event) {
                event.preventDefault();
                const changes = {};
                if (inputs.title.value.trim() !== drawn.title) changes.title = inputs.title.value.trim();
                if (inputs.severity.value !== drawn.severity) changes.severity = inputs.severity.value;
                const commander = inputs.commander.value.trim();
                if (commander !== (drawn.commander || "")) changes.commander = commander || null;
                if (!Object.keys(changes).length) return;
                save.disabled = true;
                problem.hidden = true;
                for (const span of Object.values(errors)) span.hidden = true;
                try {
                    const updated = await api(base, {
                        method: "PATCH", body: changes, headers: { "If-Match": `"${drawn.version}"` },
                    });
                    document.activeElement.blur();
                    show(updated);
                    refreshTimeline();
                } catch (error) {
                    save.disabled = false;
                    let shown = false;
                    for (const name of Object.keys(inputs)) {
                        const message = fieldError(error, name);
                        if (message) {
                            errors[name].textContent = message;
                            errors[name].hidden = false;
                            shown = true;
                        }
                    }
                    if (!shown) {
                        problem.textContent = error instanceof ApiError && error.status === 412
                            ? "Someone changed this incident meanwhile; it has been reloaded. Check and save again."
                            : error.message;
                        problem.hidden = false;
                    }
                    if (error instanceof ApiError && error.status === 412) {
                        editNotice = problem.textContent;
                        document.activeElement.blur();
                        refresh();
                    }
                }
            },
        },
        row("title", "Title"), row("severity", "Severity"), row("commander", "Commander"), problem, save);
        for (const control of Object.values(inputs)) control.disabled = !session.canWrite;
        replace(edit, h("h2", { id: "edit-heading" }, "Edit"), form);
    }

    // ----- notes and timeline --------------------------------------------------------------------------------
    function noteForm() {
        const text = h("textarea", { id: "note-text", name: "text", rows: 2, required: true, disabled: !session.canWrite });
        const problem = h("span", { class: "field-error", role: "alert", hidden: true });
        const button = h("button", { type: "submit", disabled: !session.canWrite }, "Add note");
        return h("form", {
            class: "note-form",
            async onsubmit(event) {
                event.preventDefault();
                if (!text.value.trim()) return;
                button.disabled = true;
                problem.hidden = true;
                try {
                    const added = await api(`${base}/notes`, { method: "POST", body: { text: text.value.trim() } });
                    text.value = "";
                    appendEvent(added);
                } catch (error) {
                    problem.textContent = fieldError(error, "text") || error.message;
                    problem.hidden = false;
                } finally {
                    button.disabled = false;
                }
            },
        }, h("label", { for: "note-text" }, "Add a note"), text, problem, button);
    }

    function appendEvent(event) {
        if (timelineIds.has(event.id)) return;
        timelineIds.add(event.id);
        timeline.append(h("li", { dataset: { kind: event.kind, id: event.id } },
            timeTag(event.at), " ",
            h("span", { class: `kind ${event.kind}` }, event.kind.replaceAll("_", " ")), " ",
            h("span", { class: "actor" }, event.actor || ""),
            h("p", {}, event.message || "")));
    }

    async function refreshTimeline() {
        try {
            const events = await api(`${base}/timeline`);
            for (const event of events.items) appendEvent(event);
        } catch (error) {
            if (!timelineIds.size) replace(timeline, h("li", {}, failure(error, "The timeline")));
        }
    }

    // ----- the side sections ---------------------------------------------------------------------------------
    async function loadAlerts() {
        try {
            const answer = await api(`${base}/alerts`);
            replace(alerts, answer.items.length
                ? answer.items.map(alertCard)
                : h("p", { class: "muted" }, "No alerts: opened by hand."));
        } catch (error) {
            replace(alerts, failure(error, "Alerts"));
        }
    }

    // Deliveries change without a timeline event (a retry that succeeds), so while one is on its way the
    // page asks again with the poll below.
    let deliveriesInFlight = false;

    async function loadNotifications() {
        // The delivery worker's view (with attempts) where the server has it, else the outbox rows.
        try {
            const answer = await api(`${base}/notifications`);
            const items = answer.items || [];
            deliveriesInFlight = items.some((item) => item.status === "pending" || item.status === "sending");
            replace(notifications, notificationList(items));
        } catch (error) {
            if (!(error instanceof ApiError && error.notAvailable)) return replace(notifications, failure(error, "Notifications"));
            try {
                const outbox = await api(`${base}/outbox`);
                replace(notifications, notificationList(outbox.items || []));
            } catch (outboxError) {
                replace(notifications, failure(outboxError, "Notifications"));
            }
        }
    }

    async function loadEscalation() {
        try {
            const state = await api(`${base}/escalation`);
            replace(escalation, state.policy
                ? h("dl", { class: "fields" },
                    pair("Policy", state.policy),
                    pair("Level", String(state.escalation_level)),
                    // escalation_cycle counts completed passes; the timeline says "pass 2" for the second.
                    pair("Pass", String(state.escalation_cycle + 1)),
                    // Why nobody is paged: a maintenance window holds this incident's pages.
                    state.held_by
                        ? pair("Held", h("span", { class: "held" }, `by maintenance window #${state.held_by.id}`,
                            state.held_by.reason ? ` (${state.held_by.reason})` : "", " until ",
                            timeTag(state.held_by.ends_at)))
                        : null,
                    pair("Next escalation", state.next_escalation_at ? timeTag(state.next_escalation_at) : "none"),
                    pair("Exhausted", state.exhausted ? "yes" : "no"))
                : h("p", { class: "muted" }, "No escalation policy: escalates only by hand."));
        } catch (error) {
            replace(escalation, failure(error, "Escalation"));
        }
    }

    async function loadActionItems() {
        try {
            const answer = await api(`${base}/action-items`);
            const items = answer.items || [];
            const changed = () => {
                loadActionItems();
                postmortem.load(); // its action item table
            };
            replace(actionItems,
                items.length
                    ? h("ul", { class: "plain", id: "action-items" }, items.map((item) => actionItem(item, session, changed)))
                    : h("p", { class: "muted" }, "No action items yet."),
                session.canWrite ? actionItemForm(changed) : null);
        } catch (error) {
            replace(actionItems, failure(error, "Action items"));
        }
    }

    function actionItemForm(reload) {
        const inputs = {
            title: h("input", { id: "item-title", name: "title", required: true }),
            type: h("select", { id: "item-type", name: "type" },
                ["mitigate", "prevent", "process"].map((type) => h("option", { value: type }, title(type)))),
            owner: h("input", { id: "item-owner", name: "owner", autocomplete: "off" }),
            due_date: h("input", { id: "item-due_date", name: "due_date", type: "date" }),
        };
        const problem = h("p", { class: "error", role: "alert", hidden: true });
        return h("form", {
            class: "compact",
            id: "action-item-form",
            async onsubmit(event) {
                event.preventDefault();
                const body = { title: inputs.title.value.trim(), type: inputs.type.value };
                if (inputs.owner.value.trim()) body.owner = inputs.owner.value.trim();
                if (inputs.due_date.value) body.due_date = inputs.due_date.value;
                try {
                    await api(`${base}/action-items`, { method: "POST", body });
                    reload();
                } catch (error) {
                    problem.textContent = Object.keys(inputs).map((name) => fieldError(error, name)).find(Boolean) || error.message;
                    problem.hidden = false;
                }
            },
        },
        h("h3", {}, "Add an action item"),
        ...Object.entries(inputs).map(([name, input]) =>
            h("div", { class: "field" }, h("label", { for: input.id }, title(name.replace("_", " "))), input)),
        problem,
        h("button", { type: "submit" }, "Add"));
    }

    async function refresh() {
        try {
            const latest = await api(base);
            if (latest.version !== incident.version) show(latest);
        } catch (error) {
            replace(header, h("h1", {}, `Incident #${id}`), failure(error, "The incident"));
        }
    }

    show(incident);
    await Promise.all([refreshTimeline(), loadAlerts(), loadNotifications(), loadEscalation(), loadActionItems(),
        postmortem.load()]);

    const unsubscribe = live.subscribe((type, data) => {
        if ((type === "incident.updated" || type === "incident.created") && data.id === id) {
            if (data.version >= incident.version) show(data);
        } else if (type === "timeline.appended" && data.incident_id === id) {
            appendEvent(data.event);
            const kind = data.event.kind;
            if (kind === "alert_received" || kind.startsWith("alert")) loadAlerts();
            if (kind === "paged" || kind === "page_cancelled" || kind.startsWith("notification")) loadNotifications();
            if (kind === "escalated" || kind === "paged") loadEscalation();
        } else if (type === "resync") {
            refresh();
            refreshTimeline();
        }
    });
    const poll = setInterval(() => {
        if (deliveriesInFlight) loadNotifications();
        if (live.state() !== "live") {
            refresh();
            refreshTimeline();
        }
    }, POLL_MILLISECONDS);
    return () => {
        unsubscribe();
        clearInterval(poll);
        document.title = "Klaxon";
    };
}

function section(headingId, text, content) {
    return h("section", { class: "card", "aria-labelledby": headingId }, h("h2", { id: headingId }, text), content);
}

function pair(term, value) {
    return [h("dt", {}, term), h("dd", {}, value)];
}

function describe(incident) {
    return [
        pair("Status", statusBadge(incident.status)),
        pair("Severity", severityBadge(incident.severity)),
        pair("Service", incident.service ? incident.service.name : "—"),
        pair("Commander", incident.commander || "—"),
        pair("Summary", incident.summary || "—"),
        pair("Labels", labelChips(incident.labels)),
        pair("Dedup key", incident.dedup_key || "—"),
        pair("Escalation level", String(incident.escalation_level)),
        pair("Created", timeTag(incident.created_at)),
        pair("Acknowledged", timeTag(incident.acknowledged_at)),
        pair("Mitigated", timeTag(incident.mitigated_at)),
        pair("Resolved", timeTag(incident.resolved_at)),
        pair("Closed", timeTag(incident.closed_at)),
        pair("Updated", timeTag(incident.updated_at)),
        pair("Version", String(incident.version)),
    ];
}

function alertCard(alert) {
    return h("article", { class: "alert-card" },
        h("h3", {}, severityBadge(alert.severity), " ", alert.title),
        h("p", { class: "muted" }, `${alert.source} · ${alert.status} · seen ${alert.times_seen}×`),
        h("dl", { class: "fields" },
            pair("First seen", timeTag(alert.first_seen_at)),
            pair("Last seen", timeTag(alert.last_seen_at)),
            pair("Labels", labelChips(alert.labels))),
        alert.links && alert.links.length
            ? h("ul", { class: "plain" }, alert.links.map((link) => h("li", {}, externalLink(link.href, link.text))))
            : null);
}

function notificationList(items) {
    if (!items.length) return h("p", { class: "muted" }, "Nobody has been paged for this incident.");
    return h("ul", { class: "plain notifications" }, items.map((item) => h("li", { dataset: { id: item.id, status: item.status } },
        h("span", { class: `badge delivery ${item.status}` }, item.status || "pending"), " ",
        `${item.channel || ""} → ${item.user ? `@${item.user}` : item.address || ""}`,
        item.level !== undefined ? h("span", { class: "muted" }, ` · level ${item.level}`) : null,
        item.status === "pending" && item.next_attempt_at && item.attempts && item.attempts.length
            ? h("span", { class: "muted" }, " · next try ", timeTag(item.next_attempt_at)) : null,
        item.status !== "sent" && item.last_error ? h("p", { class: "error" }, item.last_error) : null,
        item.attempts && item.attempts.length
            ? h("ol", { class: "attempts" }, item.attempts.map((attempt) => h("li", { dataset: { outcome: attempt.outcome } },
                h("span", { class: `badge delivery ${attempt.outcome === "success" ? "sent" : "failed"}` }, attempt.outcome), " ",
                timeTag(attempt.started_at),
                attempt.http_status ? ` · HTTP ${attempt.http_status}` : "",
                attempt.duration_ms !== undefined ? h("span", { class: "muted" }, ` · ${attempt.duration_ms} ms`) : null,
                attempt.error ? h("span", { class: "error" }, ` · ${attempt.error}`) : null)))
            : null)));
}

function actionItem(item, session, changed) {
    const done = item.status === "done";
    return h("li", { dataset: { id: item.id, status: item.status } },
        h("span", { class: `badge item ${item.overdue && !done ? "overdue" : item.status}` },
            item.overdue && !done ? "overdue" : item.status), " ",
        item.link ? externalLink(item.link, item.title) : item.title,
        h("span", { class: "muted" },
            [item.type, item.owner && `@${item.owner}`, item.due_date && `due ${item.due_date}`]
                .filter(Boolean).map((part) => ` · ${part}`)),
        session.canWrite
            ? [" ", h("button", {
                type: "button",
                class: "small",
                "aria-label": `${done ? "Reopen" : "Mark done"}: ${item.title}`,
                async onclick(event) {
                    const button = event.currentTarget;
                    button.disabled = true;
                    try {
                        await api(`/api/v1/action-items/${item.id}`, { method: "PATCH", body: { status: done ? "open" : "done" } });
                        changed();
                    } catch (error) {
                        button.disabled = false;
                        button.after(h("span", { class: "field-error", role: "alert" }, error.message));
                    }
                },
            }, done ? "Reopen" : "Done")]
            : null);
}
