import Foundation

extension Service {
    /// Applies a validated edit; `updatedAt` becomes `now` when anything changed. Renaming the `default`
    /// service is a conflict: ingestion routes to it by that name. A rename keeps the old name among the
    /// former names (and a name the service had before stops being a former one), unless the edit sets the
    /// former names itself, which then are exactly what it says; a rename past `formerNamesMaxCount` is a conflict.
    public func applying(_ edit: ServiceEdit, at now: Date) throws(IncidentError) -> Service {
        var next = self
        if let name = edit.name, name != self.name {
            if isDefault {
                throw .conflict("the \(Service.defaultName) service cannot be renamed")
            }
            next.name = name
            var former = Set(formerNames)
            former.insert(self.name)
            former.remove(name)
            // Each former name keeps routing some sender's alerts here: refused, rather than one dropped unseen.
            if edit.formerNames == nil && former.count > ServicePatch.formerNamesMaxCount {
                throw .conflict(
                    "\(self.name) keeps \(formerNames.count) former names, the most there can be, and renaming it "
                        + "would add \(self.name); rename it with the former names to keep in the same PATCH "
                        + "(PATCH /api/v1/services/\(self.name) with \"name\" and \"former_names\"), listing "
                        + "\(self.name) too if senders still use it")
            }
            next.formerNames = former.sorted()
        }
        if let formerNames = edit.formerNames {
            // Alerts that name no service go to `default` anyway; a former name there would only make the
            // answer's "names no service here" warning untrue.
            if isDefault && !formerNames.isEmpty {
                throw .conflict("the \(Service.defaultName) service keeps no former names: it was never renamed")
            }
            if formerNames.contains(next.name) {
                throw .validation([
                    FieldError(field: "former_names", message: "holds the service's own name \(next.name)")
                ])
            }
            next.formerNames = formerNames.sorted()
        }
        if let description = edit.description { next.description = description }
        if let routingLabels = edit.routingLabels { next.routingLabels = routingLabels }
        if let slo = edit.slo { next.slo = slo.value }
        if next != self { next.updatedAt = now }
        return next
    }

    /// The service with a new integration key (the old one stops working at once).
    public func rotatingKey(to newKey: String, at now: Date) -> Service {
        var next = self
        next.integrationKeyPrefix = Service.integrationKeyPrefix(of: newKey)
        next.updatedAt = now
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
