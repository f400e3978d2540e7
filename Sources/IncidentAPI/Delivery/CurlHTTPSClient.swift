import CCurl
import HTTPCore

/// Outbound https through libcurl, pinned to the address the SSRF guard passed: `CURLOPT_RESOLVE` gives curl
/// that one address for the host, so curl never resolves the name again (no DNS rebinding between the check
/// and the connection). Certificates are verified against the system store; no redirects, no proxies from the
/// environment, https only.
struct CurlHTTPSClient: Sendable {
    let configuration: OutboundHTTPClient.Configuration

    /// `curl_global_init` once, before the first handle (it is not thread-safe; a static let runs once).
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// POSTs `body` to `url` (`https://host:port/...`), connecting to `address` (`1.2.3.4` or `[::1]`).
    func post(
        url: String, host: String, port: Int, address: String, headers: [(name: String, value: String)], body: [UInt8]
    ) async -> Result<OutboundResponse, OutboundError> {
        let configuration = configuration
        return await OutboundHTTPClient.runBlocking {
            Self.perform(
                url: url, pin: "\(host):\(port):\(address)", address: address, headers: headers, body: body,
                configuration: configuration)
        }
    }

    /// Collects the answer's body up to the cap.
    final class Sink {
        var bytes: [UInt8] = []
        var truncated = false
        let limit: Int

        init(limit: Int) {
            self.limit = limit
        }
    }

    static func perform(
        url: String, pin: String, address: String, headers: [(name: String, value: String)], body: [UInt8],
        configuration: OutboundHTTPClient.Configuration
    ) -> Result<OutboundResponse, OutboundError> {
        guard initialized, let handle = curl_easy_init() else { return .failure(.io("libcurl could not start")) }
        defer { curl_easy_cleanup(handle) }
        let resolve: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, pin)
        defer { curl_slist_free_all(resolve) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in headers { headerList = curl_slist_append(headerList, "\(header.name): \(header.value)") }
        // An empty Expect stops curl from waiting for 100-continue on larger bodies.
        headerList = curl_slist_append(headerList, "Expect:")
        defer { curl_slist_free_all(headerList) }
        let sink = Sink(limit: configuration.maxBodySize)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = body.withUnsafeBufferPointer { bodyPointer in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                klaxon_curl_setopt_string(handle, CURLOPT_URL, url)
                klaxon_curl_setopt_pointer(handle, CURLOPT_RESOLVE, UnsafeMutableRawPointer(resolve))
                klaxon_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https")
                klaxon_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "https")
                klaxon_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
                klaxon_curl_setopt_string(handle, CURLOPT_PROXY, "")
                klaxon_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                klaxon_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout * 1000))
                klaxon_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout * 1000))
                klaxon_curl_setopt_long(handle, CURLOPT_POST, 1)
                klaxon_curl_setopt_pointer(
                    handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bodyPointer.baseAddress))
                klaxon_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
                klaxon_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList))
                klaxon_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errors.baseAddress))
                klaxon_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
                klaxon_curl_setopt_write_function(handle) { data, size, count, context in
                    let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                    let length = size * count
                    let room = max(sink.limit - sink.bytes.count, 0)
                    if let data, room > 0 {
                        data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: min(room, length)))
                        }
                    }
                    if length > room {
                        // Past the cap: stop reading (curl reports a write error, taken as a capped answer).
                        sink.truncated = true
                        return 0
                    }
                    return length
                }
                return curl_easy_perform(handle)
            }
        }
        withExtendedLifetime(sink) {}
        var status = 0
        klaxon_curl_response_code(handle, &status)
        if code == CURLE_OK || (code == CURLE_WRITE_ERROR && sink.truncated && status > 0) {
            return .success(OutboundResponse(status: status, body: sink.bytes, truncated: sink.truncated))
        }
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .failure(.timeout(phase: "https to \(address): \(reason)", seconds: configuration.totalTimeout))
        case CURLE_COULDNT_CONNECT:
            return .failure(.connect(address: address, reason: reason))
        default:
            return .failure(.io("https to \(address): \(reason)"))
        }
    }
}
