extension PostmortemTemplate {
    /// The template Klaxon ships (README.md, "Postmortems", lists its fields). Markdown; every `{{field}}` is
    /// inserted with `|` escaped and newlines as spaces (table-safe), `{{{field}}}` as written (section texts).
    static let defaultText = #"""
        # Postmortem: {{title}}

        - **Incident:** #{{incident.id}}, {{incident.severity}}{{#incident.service}}, service {{incident.service}}{{/incident.service}}
        - **Date:** {{date}}
        - **Status:** {{status}}
        - **Authors:** {{authors_text}}
        {{#postmortem_required}}
        {{^complete_for_close}}
        - **Before closing:** write {{missing_for_close_text}}
        {{/complete_for_close}}
        {{/postmortem_required}}

        ## Summary

        {{#sections.summary.written}}
        {{{sections.summary.text}}}
        {{/sections.summary.written}}
        {{^sections.summary.written}}
        *{{sections.summary.prompt}}*
        {{/sections.summary.written}}

        ## Impact

        - **From:** {{impact.start}} ({{impact.start_source_text}})
        - **To:** {{#impact.end}}{{impact.end}} (resolved){{/impact.end}}{{^impact.end}}not resolved yet{{/impact.end}}
        - **Duration:** {{#impact.duration}}{{impact.duration}}{{/impact.duration}}{{^impact.duration}}ongoing{{/impact.duration}}
        - **Severity:** {{impact.severity}}
        - **Services:** {{impact.services_text}}
        - **Error budget spent:** {{impact.error_budget.text}}

        {{#sections.impact.written}}
        {{{sections.impact.text}}}
        {{/sections.impact.written}}
        {{^sections.impact.written}}
        *{{sections.impact.prompt}}*
        {{/sections.impact.written}}

        ## Root causes

        {{#sections.root_causes.written}}
        {{{sections.root_causes.text}}}
        {{/sections.root_causes.written}}
        {{^sections.root_causes.written}}
        *{{sections.root_causes.prompt}}*
        {{/sections.root_causes.written}}

        ## Trigger

        {{#sections.trigger.written}}
        {{{sections.trigger.text}}}
        {{/sections.trigger.written}}
        {{^sections.trigger.written}}
        *{{sections.trigger.prompt}}*
        {{/sections.trigger.written}}

        ## Resolution

        {{#sections.resolution.written}}
        {{{sections.resolution.text}}}
        {{/sections.resolution.written}}
        {{^sections.resolution.written}}
        *{{sections.resolution.prompt}}*
        {{/sections.resolution.written}}

        ## Detection

        {{#detection.first_alert}}
        - **First alert:** {{title}} from {{source}}, started {{starts_at}}, received {{received_at}}
        - **Time to detect:** {{detection.time_to_detect}}
        {{/detection.first_alert}}
        {{^detection.first_alert}}
        - **First alert:** none; opened by {{detection.opened_by}}
        {{/detection.first_alert}}
        - **Time to acknowledge:** {{#detection.time_to_acknowledge}}{{.}}{{/detection.time_to_acknowledge}}{{^detection.time_to_acknowledge}}never acknowledged{{/detection.time_to_acknowledge}}

        ## Action items

        {{#has_action_items}}
        | Item | Type | Owner | Status | Due | Link |
        |---|---|---|---|---|---|
        {{#action_items}}
        | {{title}} | {{type}} | {{owner}} | {{status}} | {{due_date}} | {{#link}}[{{.}}]({{.}}){{/link}} |
        {{/action_items}}
        {{/has_action_items}}
        {{^has_action_items}}
        *No action items yet: what would mitigate, prevent or change the process next time?*
        {{/has_action_items}}

        ## Lessons learned

        ### What went well

        {{#sections.went_well.written}}
        {{{sections.went_well.text}}}
        {{/sections.went_well.written}}
        {{^sections.went_well.written}}
        *{{sections.went_well.prompt}}*
        {{/sections.went_well.written}}

        ### What went wrong

        {{#sections.went_wrong.written}}
        {{{sections.went_wrong.text}}}
        {{/sections.went_wrong.written}}
        {{^sections.went_wrong.written}}
        *{{sections.went_wrong.prompt}}*
        {{/sections.went_wrong.written}}

        ### Where we got lucky

        {{#sections.got_lucky.written}}
        {{{sections.got_lucky.text}}}
        {{/sections.got_lucky.written}}
        {{^sections.got_lucky.written}}
        *{{sections.got_lucky.prompt}}*
        {{/sections.got_lucky.written}}

        ## Timeline

        All times UTC.

        | Time | Who | Event | Milestone |
        |---|---|---|---|
        {{#timeline}}
        | {{time}} | {{actor}} | {{message}} | {{#milestone}}**{{.}}**{{/milestone}} |
        {{/timeline}}

        ## Supporting information

        {{#alerts}}
        ### Alert: {{title}}

        - **Source:** {{source}}, {{status}}, {{severity}}, seen {{times_seen}} time(s)
        - **Started:** {{starts_at}}; received {{received_at}}
        - **Labels:** {{labels_text}}
        {{#links}}
        - **Link:** [{{text}}]({{href}})
        {{/links}}

        {{/alerts}}
        {{^has_alerts}}
        *No alerts were recorded on this incident.*
        {{/has_alerts}}
        """#
}
