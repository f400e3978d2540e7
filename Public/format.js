// Small text helpers shared by the pages.

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4", "sev5"];
export const STATUSES = ["triggered", "acknowledged", "mitigated", "resolved", "closed"];
export const OPEN_STATUSES = ["triggered", "acknowledged", "mitigated"];

/** "42 s", "5 min", "3 h 20 min", "2 d 4 h": how long ago `iso` was (or how long from `from` to `to`). */
export function duration(milliseconds) {
    const seconds = Math.max(0, Math.round(milliseconds / 1000));
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function age(iso, now = Date.now()) {
    return iso ? duration(now - Date.parse(iso)) : "";
}

/**
 * Local date and time to the second, with the zone, for people (several events of one minute must read apart,
 * and a postmortem on the same page speaks UTC); the exact instant stays in `datetime`.
 */
export function when(iso) {
    if (!iso) return "—";
    return new Date(iso).toLocaleString(undefined, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
        timeZoneName: "short",
    });
}

export function title(word) {
    return word ? word[0].toUpperCase() + word.slice(1) : "";
}
