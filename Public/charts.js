// Inline SVG charts, drawn here without a library. Colours come from CSS classes (the `series-*` and
// severity classes in style.css), so both themes apply; each chart has a title and a table-like text fallback
// through its `aria-label`.
import { h, svg } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 36, left: 44 };

/**
 * Stacked columns: `categories` along the x axis, each `{label, parts: [{key, value}]}`; `keys` give the
 * stacking order and the legend.
 */
export function stackedColumns({ title, categories, keys, unit = "" }) {
    const totals = categories.map((category) => category.parts.reduce((sum, part) => sum + part.value, 0));
    const max = niceMax(Math.max(1, ...totals));
    const plot = frame(max, unit);
    const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, categories.length);
    categories.forEach((category, index) => {
        let base = 0;
        const x = PAD.left + index * step + step * 0.15;
        for (const key of keys) {
            const part = category.parts.find((candidate) => candidate.key === key);
            if (!part || !part.value) continue;
            const y0 = scaleY(base, max);
            const y1 = scaleY(base + part.value, max);
            plot.append(svg("rect", { x, y: y1, width: step * 0.7, height: Math.max(0, y0 - y1), class: `bar ${key}` },
                svg("title", {}, `${category.label}: ${part.value} ${key}`)));
            base += part.value;
        }
        plot.append(axisLabel(x + step * 0.35, category.label));
    });
    const description = categories.map((category, index) => `${category.label}: ${totals[index]}`).join(", ");
    return figure(title, plot, description, keys);
}

/** Lines of `series` (`{key, values}`, one value or null per category) over `labels`. */
export function lines({ title, labels, series, unit = "", format = String }) {
    const values = series.flatMap((one) => one.values.filter((value) => value !== null));
    const max = niceMax(Math.max(1, ...values));
    const plot = frame(max, unit, format);
    const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, labels.length);
    const xAt = (index) => PAD.left + index * step + step / 2;
    labels.forEach((label, index) => plot.append(axisLabel(xAt(index), label)));
    for (const one of series) {
        const points = one.values.map((value, index) => (value === null ? null : [xAt(index), scaleY(value, max)]));
        const path = points.filter(Boolean).map(([x, y], index) => `${index ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
        if (path) plot.append(svg("path", { d: path, class: `line ${one.key}` }));
        points.forEach((point, index) => {
            if (!point) return;
            plot.append(svg("circle", { cx: point[0], cy: point[1], r: 3.5, class: `dot ${one.key}` },
                svg("title", {}, `${labels[index]}: ${one.label || one.key} ${format(one.values[index])}`)));
        });
    }
    const spelled = (value) => (value === null ? "none" : format(value));
    const description = series
        .map((one) => `${one.label || one.key}: ${one.values.map(spelled).join(", ")}`)
        .join("; ");
    return figure(title, plot, description, series.map((one) => one.key), series.map((one) => one.label || one.key));
}

/** Horizontal bars, largest first: `items` of `{label, value}`. */
export function bars({ title, items, unit = "" }) {
    const rowHeight = 26;
    const height = PAD.top + items.length * rowHeight + 8;
    const max = Math.max(1, ...items.map((item) => item.value));
    const labelWidth = 200;
    const plot = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "presentation", class: "chart" });
    items.forEach((item, index) => {
        const y = PAD.top + index * rowHeight;
        const width = ((WIDTH - labelWidth - 60) * item.value) / max;
        plot.append(
            svg("text", { x: labelWidth - 8, y: y + 15, "text-anchor": "end", class: "axis" }, clip(item.label, 30)),
            svg("rect", { x: labelWidth, y: y + 3, width: Math.max(1, width), height: rowHeight - 8, class: "bar series-0" },
                svg("title", {}, `${item.label}: ${item.value}${unit}`)),
            svg("text", { x: labelWidth + width + 6, y: y + 15, class: "axis" }, `${item.value}${unit}`));
    });
    return figure(title, plot, items.map((item) => `${item.label}: ${item.value}${unit}`).join(", "), []);
}

/** The error budget as one bar: what is left, what is spent. */
export function budgetBar({ spent, total }) {
    const fraction = total > 0 ? Math.min(1, Math.max(0, spent / total)) : 1;
    const width = 300;
    const left = Math.round((1 - fraction) * 100);
    return svg("svg", {
        viewBox: `0 0 ${width} 16`, class: "budget", role: "img",
        "aria-label": `Error budget: ${left}% left, ${100 - left}% spent`,
    },
    svg("rect", { x: 0, y: 0, width, height: 16, rx: 3, class: "budget-spent" }),
    svg("rect", {
        x: 0, y: 0, width: width * (1 - fraction), height: 16, rx: 3, class: left < 20 ? "budget-left low" : "budget-left",
    }));
}

function frame(max, unit, format = String) {
    const plot = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "presentation", class: "chart" });
    for (const fraction of [0, 0.5, 1]) {
        const y = scaleY(max * fraction, max);
        plot.append(
            svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: "grid" }),
            svg("text", { x: PAD.left - 6, y: y + 4, "text-anchor": "end", class: "axis" }, `${format(max * fraction)}${unit}`));
    }
    return plot;
}

function figure(title, plot, description, keys, names = keys) {
    return h("figure", { class: "chart-figure", role: "img", "aria-label": `${title}. ${description}` },
        h("figcaption", {}, title),
        plot,
        keys.length
            ? h("ul", { class: "legend" },
                keys.map((key, index) => h("li", {}, h("span", { class: `swatch ${key}` }), names[index])))
            : null);
}

function axisLabel(x, text) {
    return svg("text", { x, y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle", class: "axis" }, text);
}

function scaleY(value, max) {
    return HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * value) / max;
}

function niceMax(value) {
    const magnitude = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
    return value;
}

function clip(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
