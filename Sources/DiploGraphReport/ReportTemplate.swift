import DiploGraph
import Mustache
import DiploGraphText

/// The Mustache templates of `report.html` (one self-contained page, no network access) and
/// `report.md`.
///
/// In the HTML, `{{name}}` escapes HTML; only Graphviz's SVG and DiploGraph's own chart use
/// `{{{ }}}`. In the Markdown, `{{name}}` escapes Markdown (``/DiploGraphText/Escape/markdownCell(_:)``);
/// `{{{ }}}` is for text DiploGraph makes itself: numbers, measure and rule names, file names,
/// the events file's code span (``/DiploGraphText/Escape/markdownCodeSpan(_:)``: inside backticks Markdown
/// escapes nothing), the roles table (escaped where it is made) and the glossary (DiploGraph's
/// own sentences, free of Markdown's special characters, so that `&` stays `&`).
enum ReportTemplate {
    /// The Markdown content type's name in the `CONTENT_TYPE` pragma.
    static let markdownContentType = "MARKDOWN"

    /// `{{name}}` in a Markdown template: the text as a Markdown table cell would show it.
    private struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.markdownCell(text) }
    }

    /// The parsed templates; the Markdown content type is registered (once, process-wide)
    /// before the Markdown template is parsed.
    static let library: Result<MustacheLibrary, ValueError> = {
        MustacheContentTypes.register(MarkdownContentType(), named: markdownContentType)
        do {
            return .success(MustacheLibrary(templates: [
                "report": try MustacheTemplate(string: html), "cell": try MustacheTemplate(string: cell),
                "report.md": try MustacheTemplate(string: markdown),
            ]))
        } catch {
            return .failure(ValueError("the report's templates do not parse: \(error)"))
        }
    }()

    /// `report.md`: the headline, the roles, then every slice with its diagram and table, in
    /// `report.html`'s order.
    static let markdown = #"""
{{% CONTENT_TYPE: MARKDOWN}}
# {{title}}

Events: {{{fileCode}}}, {{{eventCount}}}; {{{sliceCount}}} ({{{direction}}}).
{{#hasFindings}}

## Findings

{{#findings}}
### {{slice}}

{{#items}}
- **{{subject}}**: {{verdict}}{{#restsOn}} ({{restsOn}}){{/restsOn}}
{{/items}}

{{/findings}}
{{/hasFindings}}
{{#firmness}}
## How firm are these findings?

{{#hasFirm}}
These verdicts survive the removal of any one event:

{{#firm}}
- {{text}}
{{/firm}}

{{/hasFirm}}
{{#hasFragile}}
These change when one single event is removed:

{{#fragile}}
- {{text}}
{{/fragile}}

{{/hasFragile}}
{{chance}} {{influence}}

{{#agreement}}
Coder agreement with a second coding ({{file}}): {{summary}}

{{#fields}}
- {{name}}: {{alpha}}
{{/fields}}

{{/agreement}}
{{/firmness}}

{{#roles}}
## Third-party roles towards {{a}} – {{b}} (rule: {{{rule}}})

{{{table}}}
{{/roles}}
{{#compared}}
## Third-party roles towards {{a}} – {{b}}: tone and stance

Tone (rule {{{toneRule}}}): how T deals with each side, from T's events with {{a}} and with {{b}}. Stance: what T does about their relationship, from T's acts whose about is {{a}} | {{b}}. Facilitating above +0.1, spoiling below −0.1 (Obstfeld 2005; Heider 1946; Stedman 1997).

| slice | third party | tone | tone score | events | stance | stance score | acts |
|---|---|---|---:|---:|---|---:|---:|
{{#rows}}
| {{slice}} | {{third}} | {{{toneRole}}} | {{{toneScore}}} | {{{toneEvents}}} | {{{stanceRole}}} | {{{stanceScore}}} | {{{stanceActs}}} |
{{/rows}}

{{/compared}}
{{#focus}}
## Brokerage of {{label}} per slice

![Brokerage of {{label}} per slice](brokerage.svg)

| slice | relationships mediated | G–F brokerage, mediation layer by group ({{group}}) | G–F brokerage, full graph ({{{level}}}) | betweenness |
|---|---:|---:|---:|---:|
{{#rows}}
| {{slice}} | {{{mediation}}} | {{{layer}}} | {{{brokerage}}} | {{{betweenness}}} |
{{/rows}}

{{explanation}}
{{#hasReach}}

### Who {{label}} could reach, in time order

First arrival along time-respecting paths (each event's target the next one's source), by year: possibly (some placement of the events inside their dated spans keeps the order) and certainly (every placement does).

| year | possibly reached | certainly reached |
|---|---|---|
{{#reach}}
| {{year}} | {{possible}} | {{certain}} |
{{/reach}}
{{/hasReach}}

{{/focus}}
{{#hasGrid}}
## All slices

![All slices side by side](grid.svg)

{{/hasGrid}}
{{#slices}}
## {{label}}

![{{label}}]({{{file}}}.svg)

{{{counts}}}.

| actor |{{#measures}} {{{name}}} |{{/measures}}
|---|{{#measures}}---:|{{/measures}}
{{#rows}}
| {{actor}} |{{#values}} {{{value}}}{{#marked}} \*{{/marked}} |{{/values}}
{{/rows}}

{{/slices}}
## Glossary

{{#glossary}}
- **{{{term}}}**: {{{definition}}} ({{{reference}}})
{{/glossary}}
"""#

    /// One cell of the tone/stance table: the role and score, expanding to the events behind it.
    static let cell = #"""
<td class="text">{{#present}}<details><summary title="{{title}}"><span class="role-{{role}}">{{role}}</span> <span class="meta">{{detail}}</span></summary><ul>{{#notes}}<li>{{text}}</li>{{/notes}}</ul></details>{{/present}}{{^present}}–{{/present}}</td>
"""#

    static let html = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{title}}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.meta { color: #555; margin-top: 0; }
nav { position: sticky; top: 0; background: #fff; padding: 0.5em 0; border-bottom: 1px solid #767676; z-index: 1; }
nav button { font: inherit; margin: 0 0.3em 0.3em 0; padding: 0.25em 0.8em; border: 1px solid #767676; background: #f6f6f6; border-radius: 4px; cursor: pointer; }
nav button[aria-pressed="true"] { background: #2166ac; color: #fff; border-color: #2166ac; }
.slices { display: grid; grid-template-columns: 1fr; gap: 1.2em; }
section.slice, section.grid { border: 1px solid #767676; border-radius: 6px; padding: 0.6em 0.9em; }
section.slice h2, section.grid h2 { margin: 0.2em 0; font-size: 1.2em; }
.chart svg, svg.chart { width: 100%; height: auto; }
.diagram svg { width: 100%; height: auto; max-height: 85vh; }
.diagram { max-width: 100%; overflow-x: auto; }
.scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.6em 0; }
th, td { border-bottom: 1px solid #949494; padding: 0.2em 0.5em; text-align: right; }
td.q { font-weight: bold; }
section.findings { border: 2px solid #2166ac; border-radius: 6px; padding: 0.4em 0.9em 0.6em; margin: 0.8em 0; }
section.findings h2 { margin: 0.2em 0 0.3em; font-size: 1.25em; }
section.findings h3 { margin: 0.5em 0 0.1em; font-size: 1em; }
section.findings ul { margin: 0; padding-left: 1.2em; }
section.findings li { margin: 0.1em 0; }
.firm { color: #1b5e20; }
.fragile { color: #8a4b00; }
dl.glossary dt { font-weight: bold; margin-top: 0.5em; }
dl.glossary dd { margin-left: 1.2em; }
a.full { font-size: 0.9em; }
body { overflow-wrap: anywhere; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
details summary { cursor: pointer; color: #2166ac; }
.role-facilitating { color: #1b7837; font-weight: bold; }
.role-spoiling { color: #b2182b; font-weight: bold; }
.role-neutral { color: #666; }
.explain { max-width: 60em; font-size: 0.92em; }
table.compare td { vertical-align: top; }
table.compare details ul { margin: 0.3em 0; padding-left: 1.2em; max-width: 40em; }
</style>
</head>
<body>
<h1>{{title}}</h1>
<p class="meta">{{eventCount}} from <code>{{file}}</code>, cut into {{sliceCount}}; {{direction}} ties.</p>

{{#hasFindings}}
<section class="findings" id="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Findings</h2>
{{#findings}}<h3>{{slice}}</h3>
<ul>{{#items}}<li><strong>{{subject}}</strong>: {{verdict}}{{#restsOn}} <span class="{{firmClass}}">({{restsOn}})</span>{{/restsOn}}</li>{{/items}}</ul>
{{/findings}}
{{#hasFirmness}}<p class="meta"><a href="#firmness">How firm are these findings?</a> · <a href="#glossary">Glossary</a></p>{{/hasFirmness}}
</section>
{{/hasFindings}}

{{#hasFirmness}}{{#firmness}}
<h2 id="firmness">How firm are these findings?</h2>
{{#hasFirm}}<p>These verdicts survive the removal of any one event:</p>
<ul>{{#firm}}<li>{{text}}</li>{{/firm}}</ul>{{/hasFirm}}
{{#hasFragile}}<p>These change when one single event is removed:</p>
<ul>{{#fragile}}<li>{{text}}</li>{{/fragile}}</ul>{{/hasFragile}}
<p>{{chance}} {{influence}}</p>
{{#hasAgreement}}{{#agreement}}<p>Coder agreement with a second coding (<code>{{file}}</code>): {{summary}}</p>
<ul>{{#fields}}<li>{{name}}: {{alpha}}</li>{{/fields}}</ul>{{/agreement}}{{/hasAgreement}}
{{/firmness}}{{/hasFirmness}}



{{#hasRoles}}{{#roles}}
<h2>Third-party roles towards {{a}} – {{b}}</h2>
<p class="meta">σ(T,X): signed share of cooperative weight in T's events with X; rule <code>{{rule}}</code>; facilitating above +0.1, spoiling below −0.1.</p>
<div class="scroll"><table><thead><tr><th>slice</th><th class="text">third party</th><th class="text">role</th><th>score</th><th>σ(T, {{a}})</th><th>σ(T, {{b}})</th><th>events</th></tr></thead><tbody>
{{#rows}}<tr><td>{{slice}}</td><td class="text">{{third}}</td><td class="text role-{{role}}">{{role}}</td><td>{{score}}</td><td>{{sigmaA}}</td><td>{{sigmaB}}</td><td>{{events}}</td></tr>
{{/rows}}</tbody></table></div>
{{/roles}}{{/hasRoles}}

{{#hasCompared}}{{#compared}}
<h2 id="roles">Third-party roles towards {{a}} – {{b}}: tone and stance</h2>
<p class="explain"><strong>Tone</strong> (rule <code>{{toneRule}}</code>): how T deals with each side, from T's events with {{a}} and with {{b}} in both directions, σ(T,X) = Σ polarity·weight / Σ weight (Obstfeld 2005; Heider 1946).
<strong>Stance</strong>: what T does about their relationship, from T's acts whose <code>about</code> is {{a}} | {{b}}, whatever their target, σ_about = Σ polarity·weight / Σ weight; a party on good terms with both sides can still act against their relationship (Stedman 1997, “Spoiler Problems in Peace Processes”, <i>International Security</i> 22(2)).
Facilitating above +0.1, spoiling below −0.1; expand a cell for the events behind it.</p>
{{#slices}}
<div class="scroll"><table class="compare"><thead><tr><th class="text">{{slice}}: third party</th><th class="text">tone</th><th class="text">stance</th></tr></thead><tbody>
{{#rows}}<tr><td class="text">{{third}}</td>{{#tone}}{{> cell}}{{/tone}}{{#stance}}{{> cell}}{{/stance}}</tr>
{{/rows}}</tbody></table></div>
{{/slices}}
{{^hasSlices}}<p class="meta">No third party has events with both sides or acts about their relationship in any slice.</p>{{/hasSlices}}
{{/compared}}{{/hasCompared}}

{{#hasFocus}}{{#focus}}
<h2>Brokerage of {{label}} per slice</h2>
<div class="chart">{{{chart}}}</div>
<p class="explain">{{explanation}}</p>
{{#hasEvidence}}<p class="meta">In brackets: the least and greatest value when any single event of the slice is removed; * marks q &lt; 0.05 under the null model.</p>{{/hasEvidence}}
<div class="scroll"><table><thead><tr><th>slice</th><th>relationships mediated</th><th>G–F brokerage, mediation layer by group ({{group}})</th><th>G–F brokerage, full graph ({{level}})</th><th>betweenness</th></tr></thead><tbody>
{{#rows}}<tr><td>{{slice}}</td><td>{{mediation}}</td><td>{{layer}}</td><td>{{brokerage}}</td><td>{{betweenness}}</td></tr>
{{/rows}}</tbody></table></div>
{{#hasReach}}
<h3>Who {{label}} could reach, in time order</h3>
<p class="explain">First arrival along time-respecting paths (each event's target the next one's source), by year: possibly (some placement of the events inside their dated spans keeps the order) and certainly (every placement does).</p>
<div class="scroll"><table><thead><tr><th>year</th><th class="text">possibly reached</th><th class="text">certainly reached</th></tr></thead><tbody>
{{#reach}}<tr><td>{{year}}</td><td class="text">{{possible}}</td><td class="text">{{certain}}</td></tr>
{{/reach}}</tbody></table></div>
{{/hasReach}}
{{/focus}}{{/hasFocus}}

<h2>Slices</h2>
<nav aria-label="slices">
<button type="button" data-slice="all" aria-pressed="true">All slices</button>
{{#slices}}<button type="button" data-slice="{{anchor}}" aria-pressed="false">{{label}}</button>
{{/slices}}</nav>
<div class="slices" id="slices">
{{#hasGrid}}{{#grid}}<section class="grid" id="all-slices">
<h2>All slices side by side</h2>
<p class="meta">Every slice on the same layout, one legend; the cards below show each slice with its table.</p>
<div class="diagram">{{{.}}}</div>
<p><a class="full" href="grid.svg">Open the figure full size</a></p>
</section>{{/grid}}{{/hasGrid}}
{{#slices}}
<section class="slice" id="{{anchor}}">
<h2>{{label}}</h2>
<p class="meta">{{counts}}</p>
<div class="diagram">{{{svg}}}</div>
<p><a class="full" href="{{file}}.svg">Open the figure full size</a></p>
<details><summary>Centrality table</summary>
<div class="scroll"><table><thead><tr><th class="text">actor</th><th class="text">group</th>{{#measures}}<th>{{name}}</th>{{/measures}}</tr></thead><tbody>
{{#rows}}<tr><td class="text">{{actor}}</td><td class="text">{{group}}</td>{{#values}}<td{{#marked}} class="q"{{/marked}}>{{value}}{{#marked}}<abbr title="q &lt; 0.05 under the null model"> *</abbr>{{/marked}}</td>{{/values}}</tr>
{{/rows}}</tbody></table></div>
</details>
</section>
{{/slices}}
</div>

<h2 id="glossary">Glossary</h2>
<dl class="glossary">
{{#glossary}}<dt>{{term}}</dt><dd>{{definition}} ({{reference}})</dd>
{{/glossary}}</dl>
<script>
(function () {
  var buttons = document.querySelectorAll("nav button");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var chosen = button.getAttribute("data-slice");
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      document.querySelectorAll("section.slice").forEach(function (section) {
        section.hidden = chosen !== "all" && section.id !== chosen;
      });
      document.querySelectorAll("section.grid").forEach(function (section) {
        section.hidden = chosen !== "all";
      });
    });
  });
})();
</script>
</body>
</html>
"""#
}
