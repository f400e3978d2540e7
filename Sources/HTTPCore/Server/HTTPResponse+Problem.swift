extension HTTPResponse {
    /// An RFC 9457 problem-details response (`application/problem+json`) with `type` `about:blank`,
    /// the status's reason phrase as title, and an optional detail. Used for the server's own answers
    /// (parse errors, 404, 405, 500); the detail never echoes request data.
    public static func problem(_ status: HTTPStatus, detail: String? = nil, headers: HTTPHeaders = HTTPHeaders())
        -> HTTPResponse
    {
        var json =
            #"{"type":"about:blank","title":""# + escapeJSON(status.reasonPhrase) + #"","status":"#
            + String(status.code)
        if let detail {
            json += #","detail":""# + escapeJSON(detail) + "\""
        }
        json += "}"
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: "application/problem+json")
        return HTTPResponse(status: status, headers: headers, body: .bytes(Array(json.utf8)))
    }

    private static func escapeJSON(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
