// Open an incident by hand. The API validates; its field errors appear beside the fields they name.
import { api, fieldError } from "../api.js";
import { h, replace } from "../dom.js";
import { SEVERITIES } from "../format.js";

const FIELDS = ["title", "severity", "service", "summary", "labels"];

export async function render(main, { session, navigate }) {
    const inputs = {
        title: h("input", { id: "new-title", name: "title", maxlength: 200, autocomplete: "off" }),
        severity: h("select", { id: "new-severity", name: "severity" },
            SEVERITIES.map((severity) => h("option", { value: severity, selected: severity === "sev3" },
                `${severity.toUpperCase()}${severity === "sev1" ? " (critical)" : severity === "sev5" ? " (minor)" : ""}`))),
        service: h("input", {
            id: "new-service", name: "service", placeholder: "default", autocomplete: "off", list: "service-names",
        }),
        summary: h("textarea", { id: "new-summary", name: "summary", rows: 4 }),
        labels: h("textarea", { id: "new-labels", name: "labels", rows: 3, placeholder: "team=payments\nregion=eu-west-1" }),
    };
    const errors = {};
    const names = h("datalist", { id: "service-names" });
    const problem = h("p", { class: "error", role: "alert", hidden: true });
    const submit = h("button", { type: "submit", class: "primary", disabled: !session.canWrite }, "Open incident");
    const labelsText = {
        title: "Title", severity: "Severity", service: "Service", summary: "Summary",
        labels: "Labels (key=value, one per line)",
    };

    const form = h("form", { class: "card narrow", novalidate: true, onsubmit },
        h("h1", {}, "Open an incident"),
        session.canWrite ? null : h("p", { class: "muted" }, "This token is read-only: it cannot open incidents."),
        FIELDS.map((name) => {
            errors[name] = h("span", { class: "field-error", id: `new-${name}-error`, hidden: true });
            inputs[name].setAttribute("aria-describedby", `new-${name}-error`);
            inputs[name].disabled = !session.canWrite;
            return h("div", { class: "field" }, h("label", { for: inputs[name].id }, labelsText[name]), inputs[name], errors[name]);
        }),
        names, problem, submit);
    replace(main, form);
    inputs.title.focus();
    if (session.isAdmin) fillServiceNames(names);

    async function onsubmit(event) {
        event.preventDefault();
        clearErrors();
        const labels = parseLabels(inputs.labels.value);
        if (labels.error) return showField("labels", labels.error);
        const body = { title: inputs.title.value.trim(), severity: inputs.severity.value };
        if (inputs.service.value.trim()) body.service = inputs.service.value.trim();
        if (inputs.summary.value.trim()) body.summary = inputs.summary.value.trim();
        if (Object.keys(labels.value).length) body.labels = labels.value;
        submit.disabled = true;
        try {
            const incident = await api("/api/v1/incidents", { method: "POST", body });
            navigate(`/incidents/${incident.id}`);
        } catch (error) {
            submit.disabled = false;
            let shown = false;
            for (const name of FIELDS) {
                const message = fieldError(error, name);
                if (message) {
                    showField(name, message);
                    shown = true;
                }
            }
            if (!shown) {
                problem.textContent = error.message;
                problem.hidden = false;
            }
        }
    }

    function showField(name, message) {
        errors[name].textContent = message;
        errors[name].hidden = false;
        inputs[name].setAttribute("aria-invalid", "true");
        if (!form.querySelector("[aria-invalid=true]:focus")) inputs[name].focus();
    }

    function clearErrors() {
        problem.hidden = true;
        for (const name of FIELDS) {
            errors[name].hidden = true;
            inputs[name].removeAttribute("aria-invalid");
        }
    }
}

/** "key=value" lines into an object; blank lines are skipped. */
export function parseLabels(text) {
    const value = {};
    for (const [index, line] of text.split("\n").entries()) {
        if (!line.trim()) continue;
        const equals = line.indexOf("=");
        if (equals <= 0) return { error: `line ${index + 1}: write key=value` };
        value[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
    }
    return { value };
}

async function fillServiceNames(list) {
    try {
        const services = await api("/api/v1/services");
        replace(list, services.items.map((service) => h("option", { value: service.name })));
    } catch {
        // Only a convenience: typing the name works without it.
    }
}
