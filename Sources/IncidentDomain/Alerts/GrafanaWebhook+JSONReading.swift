extension GrafanaWebhook: AlertJSONReadable {
    /// Reads the fields of the `Decodable` conformance (the rest is skipped, as `JSONDecoder` ignores it).
    init(json reader: inout AlertJSONReader) throws {
        var payload = GrafanaWebhook(
            version: nil, groupKey: nil, truncatedAlerts: nil, status: nil, receiver: nil, orgId: nil, title: nil,
            state: nil, message: nil, groupLabels: nil, commonLabels: nil, commonAnnotations: nil, externalURL: nil,
            alerts: nil)
        try reader.readObject { reader, name in
            switch name {
            case "version":
                payload.version = try reader.optionalString()
            case "groupKey":
                payload.groupKey = try reader.optionalString()
            case "truncatedAlerts":
                payload.truncatedAlerts = try reader.optionalInteger(Int.self)
            case "status":
                payload.status = try reader.optionalString()
            case "receiver":
                payload.receiver = try reader.optionalString()
            case "orgId":
                payload.orgId = try reader.optionalInteger(Int64.self)
            case "title":
                payload.title = try reader.optionalString()
            case "state":
                payload.state = try reader.optionalString()
            case "message":
                payload.message = try reader.optionalString()
            case "groupLabels":
                payload.groupLabels = try reader.optionalStringMap()
            case "commonLabels":
                payload.commonLabels = try reader.optionalStringMap()
            case "commonAnnotations":
                payload.commonAnnotations = try reader.optionalStringMap()
            case "externalURL":
                payload.externalURL = try reader.optionalString()
            case "alerts":
                payload.alerts = try reader.optionalArray { reader in try Alert(json: &reader) }
            default:
                try reader.skipValue()
            }
        }
        self = payload
    }
}

extension GrafanaWebhook.Alert: AlertJSONReadable {
    init(json reader: inout AlertJSONReader) throws {
        var alert = GrafanaWebhook.Alert(status: nil, labels: nil)
        try reader.readObject { reader, name in
            switch name {
            case "status":
                alert.status = try reader.optionalString()
            case "labels":
                alert.labels = try reader.optionalStringMap()
            case "annotations":
                alert.annotations = try reader.optionalStringMap()
            case "startsAt":
                alert.startsAt = try reader.optionalString()
            case "endsAt":
                alert.endsAt = try reader.optionalString()
            case "generatorURL":
                alert.generatorURL = try reader.optionalString()
            case "fingerprint":
                alert.fingerprint = try reader.optionalString()
            case "silenceURL":
                alert.silenceURL = try reader.optionalString()
            case "dashboardURL":
                alert.dashboardURL = try reader.optionalString()
            case "panelURL":
                alert.panelURL = try reader.optionalString()
            case "imageURL":
                alert.imageURL = try reader.optionalString()
            case "values":
                alert.values = try reader.optionalValueMap()
            case "valueString":
                alert.valueString = try reader.optionalString()
            default:
                try reader.skipValue()
            }
        }
        self = alert
    }
}
