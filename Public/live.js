// The live stream (`GET /api/v1/stream`, Server-Sent Events) shared by every page. EventSource cannot send
// headers, so the token goes in `?token=`. The browser reconnects by itself after a dropped connection and
// sends `Last-Event-ID`, so nothing is lost; when the server refused the stream outright (restarting, or a
// server without it), we open a new one after a pause and tell the pages to fetch again, since a new
// EventSource starts without the last id.
import { storedToken } from "./api.js";

const EVENTS = ["incident.created", "incident.updated", "timeline.appended"];
const listeners = new Set();
const stateListeners = new Set();
let source = null;
let retryTimer = null;
let retryDelay = 1000;
let wasOpen = false;
let current = "off";
let lostTimer = null;
/** How long "connecting" may last before the page says it is disconnected (what it shows may be stale). */
const LOST_AFTER_MS = 5000;

/** "live", "connecting", "lost" (connecting for a while: the server is down or unreachable), "offline"
 * (retrying later) or "off" (signed out). */
export function state() {
    return current;
}

/** `listener(type, data)` for each stream event, and `listener("resync")` when events may have been missed. */
export function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function onStateChange(listener) {
    stateListeners.add(listener);
    listener(current);
    return () => stateListeners.delete(listener);
}

export function start() {
    if (source || retryTimer) return;
    connect();
}

export function stop() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (source) source.close();
    source = null;
    wasOpen = false;
    setState("off");
}

function connect() {
    retryTimer = null;
    const token = storedToken();
    if (!token) return stop();
    setState("connecting");
    source = new EventSource(`/api/v1/stream?token=${encodeURIComponent(token)}`);
    source.addEventListener("open", () => {
        retryDelay = 1000;
        if (wasOpen) emit("resync");
        wasOpen = true;
        setState("live");
    });
    source.addEventListener("error", () => {
        if (source.readyState === EventSource.CLOSED) {
            source.close();
            source = null;
            setState("offline");
            retryTimer = setTimeout(connect, retryDelay);
            retryDelay = Math.min(retryDelay * 2, 15000);
        } else {
            setState("connecting");
        }
    });
    for (const type of EVENTS) {
        source.addEventListener(type, (event) => {
            let data;
            try {
                data = JSON.parse(event.data);
            } catch {
                return;
            }
            emit(type, data);
        });
    }
}

function emit(type, data) {
    for (const listener of listeners) listener(type, data);
}

function setState(next) {
    if (next === "connecting" && current === "lost") return; // still down: keep saying so
    if (next !== "connecting") {
        clearTimeout(lostTimer);
        lostTimer = null;
    } else if (!lostTimer) {
        lostTimer = setTimeout(() => {
            lostTimer = null;
            if (current === "connecting") setState("lost");
        }, LOST_AFTER_MS);
    }
    if (next === current) return;
    current = next;
    for (const listener of stateListeners) listener(next);
}
