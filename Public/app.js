// The shell: sign-in, the session (token and scope), hash routing to one module per page, the live indicator
// and keyboard shortcuts.
import { api, ApiError, forgetToken, storedToken, storeToken } from "./api.js";
import { h, replace } from "./dom.js";
import * as live from "./live.js";
import * as incidentsPage from "./pages/incidents.js";
import * as incidentPage from "./pages/incident.js";
import * as newIncidentPage from "./pages/new-incident.js";
import * as servicesPage from "./pages/services.js";
import * as insightsPage from "./pages/insights.js";
import * as signInPage from "./pages/sign-in.js";

const routes = [
    { pattern: /^\/?$/, section: "incidents", page: incidentsPage },
    { pattern: /^\/incidents\/(\d+)$/, section: "incidents", page: incidentPage },
    { pattern: /^\/new$/, section: "new", page: newIncidentPage },
    { pattern: /^\/services$/, section: "services", page: servicesPage },
    { pattern: /^\/insights$/, section: "insights", page: insightsPage },
];

const main = document.getElementById("main");
let session = null;
let leavePage = null;
let renderCount = 0;

/** Who is signed in: the token's `name`, `scope`, and whether it may act (`canWrite`). */
async function loadSession() {
    const token = await api("/api/v1/tokens/current");
    return {
        name: token.name,
        scope: token.scope,
        user: token.user,
        canWrite: token.scope === "write" || token.scope === "admin",
        isAdmin: token.scope === "admin",
    };
}

/** Parses `#/incidents/12?x=1` into its path and query. */
export function currentRoute() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, query = ""] = hash.split("?");
    return { path, params: new URLSearchParams(query) };
}

/** Navigates to `#<path>?<params>` (a new history entry, so Back works and the URL can be shared). */
export function navigate(path, params) {
    const query = params ? params.toString() : "";
    const target = `#${path}${query ? `?${query}` : ""}`;
    if (location.hash === target) render();
    else location.hash = target;
}

async function render() {
    const turn = ++renderCount;
    if (leavePage) leavePage();
    leavePage = null;
    if (!session) return showSignIn();
    const { path, params } = currentRoute();
    const route = routes.find((candidate) => candidate.pattern.test(path));
    for (const link of document.querySelectorAll("#nav a")) {
        if (route && link.dataset.section === route.section) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
    }
    if (!route) {
        replace(main, h("h1", {}, "Not found"), h("p", {}, "There is no such page. ", h("a", { href: "#/" }, "Open incidents")));
        return;
    }
    const match = path.match(route.pattern);
    const context = { session, params, match, navigate, isCurrent: () => turn === renderCount };
    replace(main);
    try {
        const leave = await route.page.render(main, context);
        if (turn === renderCount) leavePage = leave || null;
        else if (leave) leave();
    } catch (error) {
        if (turn === renderCount) replace(main, h("p", { class: "error", role: "alert" }, `This page failed: ${error.message}`));
    }
}

function showSignIn(message) {
    live.stop();
    setChrome(false);
    signInPage.render(main, {
        message,
        async signIn(token) {
            storeToken(token);
            try {
                session = await loadSession();
            } catch (error) {
                forgetToken();
                throw error;
            }
            start();
        },
    });
}

function setChrome(signedIn) {
    document.getElementById("nav").hidden = !signedIn;
    document.getElementById("signout").hidden = !signedIn;
    document.getElementById("live").hidden = !signedIn;
    const who = document.getElementById("who");
    who.hidden = !signedIn;
    if (signedIn) {
        who.textContent = `${session.name} · ${session.scope}${session.canWrite ? "" : " (read-only)"}`;
    }
}

function start() {
    setChrome(true);
    live.start();
    render();
}

function signOut(message) {
    forgetToken();
    session = null;
    if (leavePage) leavePage();
    leavePage = null;
    showSignIn(message);
}

const LIVE_TEXT = {
    live: "● Live", connecting: "Connecting…", lost: "Disconnected: what you see may be stale; reconnecting…",
    offline: "Not live: refreshing every 5 s", off: "",
};

live.onStateChange((state) => {
    const indicator = document.getElementById("live");
    indicator.textContent = LIVE_TEXT[state];
    indicator.dataset.state = state;
});

document.getElementById("signout").addEventListener("click", () => signOut());
window.addEventListener("hashchange", () => render());
window.addEventListener("klaxon:unauthorized", () => {
    if (session) signOut("The server no longer accepts this token. Sign in again.");
});

// Shortcuts, ignored while typing: "/" searches the incident list, "n" opens the new-incident form.
document.addEventListener("keydown", (event) => {
    if (!session || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "/") {
        event.preventDefault();
        const search = document.getElementById("filter-q");
        if (search) search.focus();
        else navigate("/", new URLSearchParams({ focus: "search" }));
    } else if (event.key === "n" && session.canWrite) {
        event.preventDefault();
        navigate("/new");
    }
});

async function boot() {
    if (!storedToken()) return showSignIn();
    try {
        session = await loadSession();
    } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
            forgetToken();
            return showSignIn(error.status === 401
                ? "The server no longer accepts the saved token. Sign in again."
                : "The saved token cannot read incidents. Sign in with a read, write or admin token.");
        }
        replace(main, h("p", { class: "error", role: "alert" }, `Klaxon cannot be reached: ${error.message}`),
            h("button", { type: "button", onclick: () => boot() }, "Try again"));
        return;
    }
    start();
}

boot();
