// Sign-in: asks for an API token once; app.js keeps it and learns its scope.
import { ApiError } from "../api.js";
import { h, replace } from "../dom.js";

export function render(main, { message, signIn }) {
    const input = h("input", {
        id: "token", name: "token", type: "password", autocomplete: "current-password", required: true,
        spellcheck: "false", "aria-describedby": "token-help",
    });
    const problem = h("p", { id: "signin-error", class: "error", role: "alert", hidden: !message }, message || "");
    const button = h("button", { type: "submit" }, "Sign in");
    const form = h("form", {
        class: "card narrow",
        async onsubmit(event) {
            event.preventDefault();
            const token = input.value.trim();
            if (!token) return;
            button.disabled = true;
            problem.hidden = true;
            try {
                await signIn(token);
            } catch (error) {
                problem.textContent = explain(error);
                problem.hidden = false;
                button.disabled = false;
                input.focus();
            }
        },
    },
    h("h1", {}, "Sign in to Klaxon"),
    h("label", { for: "token" }, "API token"),
    input,
    h("p", { id: "token-help", class: "muted" },
        "A token from ", h("code", {}, "klaxon token create --name wallboard --scope read"),
        " (or write, admin). It stays in this browser until you sign out; a read token shows everything without actions."),
    problem,
    button);
    replace(main, form);
    input.focus();
}

function explain(error) {
    if (error instanceof ApiError) {
        if (error.status === 401) return "Klaxon does not know this token (or it was revoked).";
        if (error.status === 403) return "This token cannot read incidents (an ingest token?). Use a read, write or admin token.";
        return error.message;
    }
    return `Klaxon cannot be reached: ${error.message}`;
}
