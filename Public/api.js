// The dashboard's one way to reach Klaxon: fetch with the stored token; problem+json answers become ApiError.

// localStorage rather than sessionStorage: an on-call engineer woken at night should not have to find the
// token again for each new tab. Sign-out removes it; the CSP keeps other scripts away from it.
const TOKEN_KEY = "klaxon.token";

export function storedToken() {
    return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token) {
    localStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
    localStorage.removeItem(TOKEN_KEY);
}

/** A non-2xx answer: `status`, the problem's `title` and `detail`, `fields` (field name -> message), `body`. */
export class ApiError extends Error {
    constructor(status, body) {
        const problem = body && typeof body === "object" ? body : {};
        super(problem.detail || problem.title || `The server answered ${status}`);
        this.status = status;
        this.title = problem.title || "";
        this.body = body;
        this.fields = {};
        for (const error of problem.errors || []) {
            if (error && error.field && !(error.field in this.fields)) this.fields[error.field] = error.message;
        }
    }

    /** The route does not exist on this server (a feature it does not have yet). */
    get notAvailable() {
        return this.status === 404 || this.status === 405;
    }
}

/**
 * `api("/api/v1/incidents", {method: "POST", body: {...}})` -> the parsed JSON (or text for non-JSON answers,
 * null for 204). Throws ApiError for 4xx/5xx and TypeError when the server cannot be reached.
 */
export async function api(path, { method = "GET", body, headers = {}, token = storedToken() } = {}) {
    const sent = new Headers(headers);
    if (token) sent.set("Authorization", `Bearer ${token}`);
    if (body !== undefined) sent.set("Content-Type", "application/json");
    if (!sent.has("Accept")) sent.set("Accept", "application/json");
    const response = await fetch(path, {
        method,
        headers: sent,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
    });
    const parsed = await parse(response);
    if (!response.ok) {
        if (response.status === 401) window.dispatchEvent(new CustomEvent("klaxon:unauthorized"));
        throw new ApiError(response.status, parsed);
    }
    return parsed;
}

async function parse(response) {
    if (response.status === 204) return null;
    const type = response.headers.get("Content-Type") || "";
    const text = await response.text();
    if (/json/.test(type) && text) {
        try {
            return JSON.parse(text);
        } catch {
            return text;
        }
    }
    return text;
}

/** The field error for `name`, also matching nested ones (`labels.team` under `labels`). */
export function fieldError(error, name) {
    if (!(error instanceof ApiError)) return undefined;
    for (const [field, message] of Object.entries(error.fields)) {
        if (field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`)) return message;
    }
    return undefined;
}
