extension Service {
    /// Applies a validated edit. Renaming the `default` service is a conflict: ingestion routes to it by
    /// that name.
    public func applying(_ edit: ServiceEdit) throws(IncidentError) -> Service {
        var next = self
        if let name = edit.name, name != self.name {
            if isDefault {
                throw .conflict("the \(Service.defaultName) service cannot be renamed")
            }
            next.name = name
        }
        if let description = edit.description { next.description = description }
        if let routingLabels = edit.routingLabels { next.routingLabels = routingLabels }
        return next
    }

    /// Throws `.conflict` when the service must not be deleted: it is the `default` service, or incidents
    /// of it are still open (the API answers 409; resolve them or move them first).
    public func checkDeletable(openIncidentCount: Int) throws(IncidentError) {
        if isDefault {
            throw .conflict("the \(Service.defaultName) service cannot be deleted")
        }
        if openIncidentCount > 0 {
            throw .conflict(
                "service \(name) has \(openIncidentCount) open incident\(openIncidentCount == 1 ? "" : "s")")
        }
    }
}
