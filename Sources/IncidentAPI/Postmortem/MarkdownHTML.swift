/// Turns the Markdown of a postmortem into HTML: the subset the templates use (ATX headings, paragraphs,
/// `-`/`*` lists, pipe tables, fenced code, `` `code` ``, `**strong**`, `*emphasis*`, `[text](url)` and
/// backslash escapes). Safe by construction: every piece of text is HTML-escaped, no raw HTML passes, and a
/// link becomes `<a>` only for an http or https URL (anything else stays text).
enum MarkdownHTML {
    /// A whole HTML document titled `title` around the converted `markdown`.
    static func document(_ markdown: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
        table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
        code{background:#f4f4f4;padding:0 .2rem}</style>
        </head>
        <body>
        \(body(markdown))</body>
        </html>

        """
    }

    /// The HTML of the blocks in `markdown`.
    static func body(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        var html = ""
        var index = 0
        var paragraph: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            html += "<p>" + paragraph.map(inline).joined(separator: "\n") + "</p>\n"
            paragraph = []
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingLeadingSpaces()
            if trimmed.isEmpty {
                flushParagraph()
                index += 1
            } else if trimmed.hasPrefix("```") {
                flushParagraph()
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmingLeadingSpaces().hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                index += 1
                html += "<pre><code>" + escape(code.joined(separator: "\n")) + "</code></pre>\n"
            } else if let (level, text) = heading(trimmed) {
                flushParagraph()
                html += "<h\(level)>" + inline(text) + "</h\(level)>\n"
                index += 1
            } else if listItem(trimmed) != nil {
                flushParagraph()
                html += "<ul>\n"
                while index < lines.count, let item = listItem(lines[index].trimmingLeadingSpaces()) {
                    html += "<li>" + inline(item) + "</li>\n"
                    index += 1
                }
                html += "</ul>\n"
            } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isTableSeparator(lines[index + 1]) {
                flushParagraph()
                html += "<table>\n<thead><tr>"
                html += cells(trimmed).map { "<th>" + inline($0) + "</th>" }.joined()
                html += "</tr></thead>\n<tbody>\n"
                index += 2
                while index < lines.count, lines[index].trimmingLeadingSpaces().hasPrefix("|") {
                    html +=
                        "<tr>"
                        + cells(lines[index].trimmingLeadingSpaces()).map { "<td>" + inline($0) + "</td>" }
                        .joined() + "</tr>\n"
                    index += 1
                }
                html += "</tbody>\n</table>\n"
            } else {
                paragraph.append(trimmed)
                index += 1
            }
        }
        flushParagraph()
        return html
    }

    /// `# text` ... `###### text`.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (hashes, String(rest.drop { $0 == " " }))
    }

    /// The text of a `- item` or `* item` line.
    static func listItem(_ line: String) -> String? {
        guard line.hasPrefix("- ") || line.hasPrefix("* ") else { return nil }
        return String(line.dropFirst(2))
    }

    static func isTableSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmingLeadingSpaces()
        guard trimmed.hasPrefix("|"), trimmed.contains("-") else { return false }
        return trimmed.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }

    /// The cells of a `| a | b |` row, split at pipes that are not escaped (`\|`), trimmed.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var characters = Array(row)
        if characters.first == "|" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "|" {
                current += "\\|"
                index += 2
                continue
            }
            if character == "|" {
                cells.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        if !current.trimmingSpaces().isEmpty { cells.append(current.trimmingSpaces()) }
        return cells
    }

    /// Inline Markdown to HTML: escapes, code spans, strong, emphasis and links.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var html = ""
        var index = 0
        var strongOpen = false
        var emphasisOpen = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1].isASCII,
                characters[index + 1].isPunctuation || characters[index + 1].isSymbol
            {
                html += escape(String(characters[index + 1]))
                index += 2
            } else if character == "`", let end = characters[(index + 1)...].firstIndex(of: "`") {
                html += "<code>" + escape(String(characters[(index + 1)..<end])) + "</code>"
                index = end + 1
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
                strongOpen || closes(characters, from: index + 2, marker: "**")
            {
                html += strongOpen ? "</strong>" : "<strong>"
                strongOpen.toggle()
                index += 2
            } else if character == "*", emphasisOpen || closes(characters, from: index + 1, marker: "*") {
                html += emphasisOpen ? "</em>" : "<em>"
                emphasisOpen.toggle()
                index += 1
            } else if character == "[", let link = link(characters, at: index) {
                html += link.html
                index = link.end
            } else {
                html += escape(String(character))
                index += 1
            }
        }
        if emphasisOpen { html += "</em>" }
        if strongOpen { html += "</strong>" }
        return html
    }

    /// Whether `marker` occurs again after `start` (so an opening marker has its closing one).
    private static func closes(_ characters: [Character], from start: Int, marker: String) -> Bool {
        guard start < characters.count else { return false }
        let rest = String(characters[start...])
        return rest.contains(marker) && !rest.hasPrefix(" ")
    }

    /// `[text](url)` at `index`: an `<a>` for http(s) URLs, the escaped text for others; nil when it is no link.
    private static func link(_ characters: [Character], at index: Int) -> (html: String, end: Int)? {
        guard let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count,
            characters[close + 1] == "(", let end = characters[(close + 2)...].firstIndex(of: ")")
        else { return nil }
        let text = inline(String(characters[(index + 1)..<close]))
        let url = String(characters[(close + 2)..<end])
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), !url.contains(where: \.isWhitespace) else {
            return (text, end + 1)
        }
        return ("<a href=\"\(escape(url))\">\(text)</a>", end + 1)
    }

    /// HTML-escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }

    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self).drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
