extension AlertmanagerWebhook: AlertJSONReadable {
    /// Reads the fields of the `Decodable` conformance (the rest is skipped, as `JSONDecoder` ignores it).
    init(json reader: inout AlertJSONReader) throws {
        var payload = AlertmanagerWebhook(
            version: nil, groupKey: nil, truncatedAlerts: nil, status: nil, receiver: nil, groupLabels: nil,
            commonLabels: nil, commonAnnotations: nil, externalURL: nil, alerts: nil)
        var members = AlertJSONMembers()
        try reader.readObject { reader, name in
            switch name {
            case "version":
                try members.insert(0)
                payload.version = try reader.optionalString()
            case "groupKey":
                try members.insert(1)
                payload.groupKey = try reader.optionalString()
            case "truncatedAlerts":
                try members.insert(2)
                payload.truncatedAlerts = try reader.optionalInteger(Int.self)
            case "status":
                try members.insert(3)
                payload.status = try reader.optionalString()
            case "receiver":
                try members.insert(4)
                payload.receiver = try reader.optionalString()
            case "groupLabels":
                try members.insert(5)
                payload.groupLabels = try reader.optionalStringMap()
            case "commonLabels":
                try members.insert(6)
                payload.commonLabels = try reader.optionalStringMap()
            case "commonAnnotations":
                try members.insert(7)
                payload.commonAnnotations = try reader.optionalStringMap()
            case "externalURL":
                try members.insert(8)
                payload.externalURL = try reader.optionalString()
            case "alerts":
                try members.insert(9)
                payload.alerts = try reader.optionalArray { reader in try Alert(json: &reader) }
            default:
                try reader.skipValue()
            }
        }
        self = payload
    }
}

extension AlertmanagerWebhook.Alert: AlertJSONReadable {
    init(json reader: inout AlertJSONReader) throws {
        var alert = AlertmanagerWebhook.Alert(status: nil, labels: nil)
        var members = AlertJSONMembers()
        try reader.readObject { reader, name in
            switch name {
            case "status":
                try members.insert(0)
                alert.status = try reader.optionalString()
            case "labels":
                try members.insert(1)
                alert.labels = try reader.optionalStringMap()
            case "annotations":
                try members.insert(2)
                alert.annotations = try reader.optionalStringMap()
            case "startsAt":
                try members.insert(3)
                alert.startsAt = try reader.optionalString()
            case "endsAt":
                try members.insert(4)
                alert.endsAt = try reader.optionalString()
            case "generatorURL":
                try members.insert(5)
                alert.generatorURL = try reader.optionalString()
            case "fingerprint":
                try members.insert(6)
                alert.fingerprint = try reader.optionalString()
            default:
                try reader.skipValue()
            }
        }
        self = alert
    }
}
