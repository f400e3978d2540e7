import Testing

@testable import IncidentAPI

/// The postmortem's Markdown-to-HTML converter: the subset the templates use, and nothing unescaped.
@Suite struct MarkdownHTMLTests {
    @Test func blocksBecomeHeadingsParagraphsListsAndCode() {
        let html = MarkdownHTML.body(
            """
            ## Root causes

            First line
            second line.

            - one
            * two

            ```
            if a < b { print("x") }
            ```
            """)
        #expect(
            html == """
                <h2>Root causes</h2>
                <p>First line
                second line.</p>
                <ul>
                <li>one</li>
                <li>two</li>
                </ul>
                <pre><code>if a &lt; b { print(&quot;x&quot;) }</code></pre>

                """)
    }

    @Test func tablesSplitOnlyAtUnescapedPipes() {
        let html = MarkdownHTML.body("| A | B |\n|---|---|\n| x \\| y | `z` |\n")
        #expect(
            html == """
                <table>
                <thead><tr><th>A</th><th>B</th></tr></thead>
                <tbody>
                <tr><td>x | y</td><td><code>z</code></td></tr>
                </tbody>
                </table>

                """)
    }

    @Test func onlyHTTPLinksBecomeAnchorsAndEverythingIsEscaped() {
        #expect(
            MarkdownHTML.inline("[doc](https://x.example/a?b=1&c=2) [bad](javascript:alert(1))")
                == #"<a href="https://x.example/a?b=1&amp;c=2">doc</a> bad)"#)
        #expect(MarkdownHTML.inline("<img src=x onerror=y> & 'q'") == "&lt;img src=x onerror=y&gt; &amp; &#39;q&#39;")
        #expect(MarkdownHTML.inline("[t](http://x.example/ \"title\")") == "t")
    }

    @Test func emphasisNeedsItsClosingMarkerAndCodeSpansAreLiteral() {
        #expect(MarkdownHTML.inline("**bold** and *it*") == "<strong>bold</strong> and <em>it</em>")
        #expect(MarkdownHTML.inline("5 * 3 = 15") == "5 * 3 = 15")
        #expect(MarkdownHTML.inline("`**not bold** <x>`") == "<code>**not bold** &lt;x&gt;</code>")
        #expect(MarkdownHTML.inline("\\*literal\\*") == "*literal*")
    }
}
