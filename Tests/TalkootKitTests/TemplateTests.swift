import Foundation
import Testing
@testable import TalkootKit

/// The theme's template language (Rendering/Templates): Mustache as the default theme and
/// municipal themes use it, with the spec's whitespace rules, so output stays byte-stable.
@Suite struct TemplateTests {
    func render(_ text: String, _ context: [String: Any] = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(text), named: "main")
        for (name, p) in partials { library.register(try Template(p), named: name) }
        return library.render(context, withTemplate: "main")!
    }

    func syntaxError(_ text: String) -> TemplateSyntaxError? {
        do { _ = try Template(text); return nil } catch { return error }
    }

    @Test func valuesAreEscapedForTextAndAttributes() throws {
        #expect(try render("<a title=\"{{x}}\">{{x}}</a>", ["x": "<b> & \"q\" 'a'"])
            == "<a title=\"&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;\">&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;</a>")
    }

    @Test func tripleMustacheAndAmpersandInsertRawHTML() throws {
        #expect(try render("{{{x}}}|{{&x}}|{{ x }}", ["x": "<p>"]) == "<p>|<p>|&lt;p&gt;")
    }

    /// A list of UTF-8 texts (a directory letter's cards) is written as the texts one after
    /// another: raw with `{{{x}}}`, escaped with `{{x}}`; empty, it is falsy.
    @Test func byteChunksAreWrittenOneAfterAnother() throws {
        let chunks: [[UInt8]] = [Array("<li>Ä</li>".utf8), [], Array("<li>&</li>".utf8)]
        #expect(try render("{{{x}}}|{{x}}|{{#x}}yes{{/x}}{{^x}}no{{/x}}", ["x": chunks])
            == "<li>Ä</li><li>&</li>|&lt;li&gt;Ä&lt;/li&gt;&lt;li&gt;&amp;&lt;/li&gt;|yes")
        #expect(try render("[{{{x}}}]{{^x}}none{{/x}}", ["x": [[UInt8]]()]) == "[]none")
    }

    @Test func missingValuesRenderEmpty() throws {
        #expect(try render("[{{nope}}][{{a.b.c}}]", ["a": ["b": "text"]]) == "[][]")
    }

    @Test func nonASCIIAndMultiByteTextSurvive() throws {
        #expect(try render("Hyvää {{x}} – å", ["x": "päivää & <€>"]) == "Hyvää päivää &amp; &lt;€&gt; – å")
    }

    @Test func sectionsIterateListsAndPushTheirItems() throws {
        let ctx: [String: Any] = ["items": [["name": "a"], ["name": "b"]] as [[String: Any]], "name": "outer"]
        #expect(try render("{{#items}}<{{name}}>{{/items}}", ctx) == "<a><b>")
        #expect(try render("{{#strings}}[{{.}}]{{/strings}}", ["strings": ["x", "y"]]) == "[x][y]")
        #expect(try render("{{#pairs}}{{k}}{{/pairs}}", ["pairs": [["k": "1"], ["k": "2"]] as [[String: String]]]) == "12")
        #expect(try render("{{#items}}x{{/items}}{{^items}}none{{/items}}", ["items": [[String: Any]]()]) == "none")
    }

    @Test func booleansShowOrHideWithoutChangingTheContext() throws {
        let ctx: [String: Any] = ["on": true, "off": false, "name": "n"]
        #expect(try render("{{#on}}{{name}}{{/on}}{{#off}}X{{/off}}{{^off}}!{{/off}}{{^on}}Y{{/on}}", ctx) == "n!")
    }

    @Test func anyOtherValueIsTruthyAndBecomesTheContext() throws {
        // As in swift-mustache, which the themes were written against: even "" is truthy.
        #expect(try render("{{#s}}[{{.}}]{{/s}}{{#e}}<{{.}}>{{/e}}{{^e}}no{{/e}}", ["s": "text", "e": ""]) == "[text]<>")
        #expect(try render("{{#o}}{{k}}{{/o}}", ["o": ["k": "v"] as [String: Any]]) == "v")
        #expect(try render("{{n}}", ["n": 42]) == "42")
    }

    @Test func namesClimbTheStackUnlessTheyStartWithADot() throws {
        let ctx: [String: Any] = ["logo": "site.png", "items": [["name": "a"], ["name": "b", "logo": "b.png"]] as [[String: Any]]]
        #expect(try render("{{#items}}{{name}}:{{logo}} {{/items}}", ctx) == "a:site.png b:b.png ")
        #expect(try render("{{#items}}{{name}}:{{#.logo}}{{logo}}{{/.logo}} {{/items}}", ctx) == "a: b:b.png ")
    }

    @Test func dottedNamesDescendIntoObjectsAndStringTables() throws {
        let ctx: [String: Any] = ["t": ["home": "Etusivu"], "a": ["b": ["c": "deep"] as [String: Any]] as [String: Any]]
        #expect(try render("{{t.home}} {{a.b.c}} {{#a}}{{b.c}}{{/a}}", ctx) == "Etusivu deep deep")
    }

    @Test func optionalsInsideAnyCountAsTheirContentOrAsMissing() throws {
        let some: String? = "yes", none: String? = nil
        let ctx: [String: Any] = ["some": some as Any, "none": none as Any]
        #expect(try render("{{some}}|{{none}}|{{#none}}X{{/none}}{{^none}}-{{/none}}", ctx) == "yes||-")
    }

    /// A `TemplateObject` skips the scan when a name's bit is clear; names that share bits,
    /// replaced values and removed names are still found, or not, exactly as in a dictionary.
    @Test func templateObjectsFindWhatADictionaryWould() {
        var object = TemplateObject()
        var dictionary: [String: String] = [:]
        for i in 0..<300 {
            object["k\(i)"] = "v\(i)"
            dictionary["k\(i)"] = "v\(i)"
        }
        for i in stride(from: 0, to: 300, by: 7) {
            object["k\(i)"] = nil
            dictionary["k\(i)"] = nil
        }
        for i in stride(from: 1, to: 300, by: 11) {
            object["k\(i)"] = "w\(i)"
            dictionary["k\(i)"] = "w\(i)"
        }
        for i in 0..<400 {
            #expect(object["k\(i)"] as? String == dictionary["k\(i)"], "k\(i)")
        }
        var small: TemplateObject = ["a": "1", "b": "2"]
        small["a"] = nil
        #expect(small["a"] == nil && small["b"] as? String == "2" && small["c"] == nil)
    }

    /// The UI strings' table (`{{t.name}}`) finds what the dictionary it was made of finds, for
    /// names it holds and names it does not (a probe that runs into other names), and renders
    /// as the dictionary did: by dotted name, as a section, and inside a small table's section
    /// (whose names are compared one by one).
    @Test func uiStringTablesFindWhatTheirDictionaryFinds() throws {
        var strings: [String: String] = [:]
        for i in 0..<300 { strings["key\(i)"] = "value \(i) & more" }
        let table = TemplateTable(strings)
        for i in 0..<600 {
            let name = "key\(i)"
            #expect(table.value(name, hash: TemplateObject.hash(name)) == strings[name], "\(name)")
        }
        #expect(table.value("", hash: TemplateObject.hash("")) == nil)
        #expect(TemplateTable([:]).value("a", hash: TemplateObject.hash("a")) == nil)

        let text = "{{t.key7}}|{{#t}}{{key12}}{{/t}}|{{#links}}{{t.key3}}{{href}}{{/links}}|{{t.nope}}{{^t.nope}}-{{/t.nope}}"
        let links: [[String: String]] = [["href": "a", "label": "A"], ["href": "b"]]
        let expected = try render(text, ["t": strings, "links": links])
        #expect(try render(text, ["t": table, "links": links]) == expected)
        #expect(expected == "value 7 &amp; more|value 12 &amp; more|value 3 &amp; moreavalue 3 &amp; moreb|-")
    }

    /// A value set with its type known (`TemplateValue`, no `Any` box) is stored as the same kind
    /// of `ContextValue`, with the same content, as the value set through `Any`, and reads back.
    @Test func typedSetsStoreWhatSetsThroughAnyStore() {
        func check<V: TemplateValue>(_ value: V, sourceLocation: SourceLocation = #_sourceLocation) {
            var typed = TemplateObject(), boxed = TemplateObject()
            typed["x"] = value
            boxed["x"] = value as Any
            let a = typed.value("x", hash: TemplateObject.hash("x")), b = boxed.value("x", hash: TemplateObject.hash("x"))
            let kind = { (v: ContextValue?) in v.flatMap { Mirror(reflecting: $0).children.first?.label } }
            #expect(kind(a) != nil && kind(a) == kind(b), sourceLocation: sourceLocation)
            #expect(a.map { String(describing: $0.raw) } == b.map { String(describing: $0.raw) }, sourceLocation: sourceLocation)
            #expect((typed["x"] as V?).map { String(describing: $0) } == String(describing: value), sourceLocation: sourceLocation)
            typed["x"] = nil as V?
            #expect(typed.isEmpty, sourceLocation: sourceLocation)
        }
        let object: TemplateObject = ["n": "o"]
        check("text")
        check(true)
        check(object)
        check(InlineTemplate("body"))
        check(TemplateTable(["k": "v"]))
        check(["k": "v"] as [String: String])
        check(Array("b&".utf8))
        check(["a", "b"])
        check([object, object])
        check([["k": "v"]] as [[String: String]])
    }

    /// Names hashed once (`TemplateKey`): an object built by keyed appends holds what one built
    /// by named sets holds, in the same order, and renders the same.
    @Test func keyedAppendsAndSetsStoreWhatNamedSetsStore() throws {
        let link: TemplateObject = ["href": "/a/", "name": "A & B"]
        var named = TemplateObject(), keyed = TemplateObject(minimumCapacity: 4)
        named["name"] = "Martat"
        named["volunteers"] = true
        named["meetsAt"] = [link]
        named["name"] = "Martat ry"
        keyed.append(.name, "Martat ry")
        keyed.append(.volunteers, true)
        keyed.append(.meetsAt, [link])
        keyed.append(.area, ifPresent: nil as String?)
        #expect(keyed.description == named.description)
        #expect(keyed["name"] as? String == "Martat ry" && keyed["volunteers"] as? Bool == true && keyed["area"] == nil)
        var library = TemplateLibrary()
        library.register(try Template("{{name}}{{#volunteers}}!{{/volunteers}}{{#meetsAt}}<a href=\"{{href}}\">{{name}}</a>{{/meetsAt}}"), named: "t")
        #expect(library.render(keyed, withTemplate: "t") == library.render(named, withTemplate: "t"))
        #expect(library.render(keyed, withTemplate: "t") == "Martat ry!<a href=\"/a/\">A &amp; B</a>")
    }

    /// A section over a text or a number whose body does not read the section's value is
    /// rendered without pushing it (it has no names); bodies that read it, with `{{.}}`, a
    /// dotted name or a partial, still see it as the current object.
    @Test func textSectionsRenderTheSameWhetherOrNotTheirValueIsPushed() throws {
        let context: TemplateObject = ["s": "text", "e": "", "n": 3, "x": "outer", "b": Array("<b>".utf8),
                                       "o": ["s": "inner", "x": "own"] as TemplateObject]
        func render(_ text: String, partials: [String: String] = [:]) throws -> String {
            var library = TemplateLibrary()
            library.register(try Template(text), named: "main")
            for (name, p) in partials { library.register(try Template(p), named: name) }
            return library.render(context, withTemplate: "main") ?? "nil"
        }
        #expect(try render("{{#s}}[{{x}}]{{/s}}{{#e}}<{{x}}>{{/e}}{{#n}}({{x}}){{/n}}{{#b}}{{{b}}}{{/b}}") == "[outer]<outer>(outer)<b>")
        #expect(try render("{{#s}}[{{.}}]{{/s}}{{#n}}({{.}}){{/n}}") == "[text](3)")
        // A dotted name in the body looks in the text only (and finds nothing), not further out.
        #expect(try render("{{#s}}{{#.x}}A{{/.x}}{{^.x}}B{{/.x}}[{{.x}}]{{/s}}") == "B[]")
        #expect(try render("{{#o}}{{#.s}}<{{s}}|{{x}}>{{/.s}}{{/o}}") == "<inner|own>")
        #expect(try render("{{#s}}{{> p}}{{/s}}", partials: ["p": "({{.}})"]) == "(text)")
        #expect(try render("{{^s}}no{{/s}}{{^missing}}{{x}}{{/missing}}") == "outer")
    }

    /// `ContextValue` tells values apart by their exact type without `as!`; every kind it
    /// knows renders as its own kind, and anything else falls through to the general cases.
    @Test func everyKindOfContextValueIsToldApart() throws {
        let object: TemplateObject = ["n": "obj"]
        let ctx: [String: Any] = [
            "string": "s", "bool": true, "no": false, "bytes": Array("b&".utf8), "template": object,
            "templates": [object, ["n": "two"] as TemplateObject], "dict": ["n": "dict"] as [String: Any],
            "table": ["n": "table"] as [String: String], "dicts": [["n": "d1"], ["n": "d2"]] as [[String: Any]],
            "tables": [["n": "t1"]] as [[String: String]], "texts": ["x", "y"], "list": [1, "z"] as [Any],
            "ints": [3, 4], "int": 7, "double": 1.5, "some": Optional("o") as Any, "inline": InlineTemplate("part"),
        ]
        let text = "{{string}}|{{#bool}}B{{/bool}}{{^no}}N{{/no}}|{{bytes}}|{{template.n}}|{{#templates}}{{n}},{{/templates}}|"
            + "{{dict.n}}|{{table.n}}|{{#dicts}}{{n}},{{/dicts}}|{{#tables}}{{n}}{{/tables}}|{{#texts}}{{.}}{{/texts}}|"
            + "{{#list}}{{.}}{{/list}}|{{#ints}}{{.}}{{/ints}}|{{int}}|{{double}}|{{some}}|{{{inline}}}"
        #expect(try render(text, ctx, partials: ["part": "P{{string}}"])
            == "s|BN|b&amp;|obj|obj,two,|dict|table|d1,d2,|t1|xy|1z|34|7|1.5|o|Ps")
    }

    @Test func standaloneTagLinesLeaveNoBlankLines() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // A tag that shares its line with other text is not standalone.
        #expect(try render("x {{#on}}\ny{{/on}} z\n", ["on": true]) == "x \ny z\n")
        // The last line needs no newline to be standalone; CRLF lines are standalone too.
        #expect(try render("a\r\n{{#on}}\r\nb\r\n{{/on}}", ["on": true]) == "a\r\nb\r\n")
    }

    @Test func multiLineCommentsAreStandaloneToo() throws {
        #expect(try render("Begin.\n{{!\nnothing here\n}}\nEnd.\n") == "Begin.\nEnd.\n")
    }

    @Test func partialsRenderWithTheCurrentContext() throws {
        let out = try render("{{#items}}{{> item}}{{/items}}", ["items": [["name": "a"], ["name": "b"]] as [[String: Any]]],
                             partials: ["item": "<{{name}}>"])
        #expect(out == "<a><b>")
    }

    @Test func standalonePartialsIndentEveryLineOfTheTemplateButNotTheData() throws {
        let out = try render("<div>\n  {{> p}}\n</div>\n", ["content": "<\n->"], partials: ["p": "|\n{{{content}}}\n|\n"])
        #expect(out == "<div>\n  |\n  <\n->\n  |\n</div>\n")
    }

    /// A page body goes into its layout as an `InlineTemplate`: the bytes must be those of the
    /// body rendered on its own and inserted, even where the tag sits inside a section (whose
    /// names must not leak into the body), inside an indented partial (whose indentation must
    /// not apply to the body's lines), or is escaped.
    @Test func inlineTemplateRendersAsTheBodyRenderedApartAndInserted() throws {
        var library = TemplateLibrary()
        library.register(try Template("<p>{{name}}</p>\n{{#list}}<i>{{.}}</i>{{/list}}\n{{> inner}}\nend"), named: "body")
        library.register(try Template("  {{t.x}} & {{name}}\n"), named: "inner")
        library.register(try Template("""
        <main>
        {{#section}}[{{name}}]{{{content}}}{{/section}}
          {{> wrap}}
        {{content}}
        </main>

        """), named: "layout")
        library.register(try Template("<div>\n{{{content}}}\n</div>\n"), named: "wrap")
        let base: TemplateObject = ["t": ["x": "<T>"]]
        let page: TemplateObject = ["name": "Sivu", "list": ["a", "b"], "section": ["name": "shadow"] as TemplateObject]

        let body = library.renderBytes([base, page], withTemplate: "body")!
        var withBytes = page
        withBytes["content"] = body
        var inline = page
        inline["content"] = InlineTemplate("body")
        let expected = library.renderBytes([base, withBytes], withTemplate: "layout")!
        #expect(String(decoding: library.renderBytes([base, inline], withTemplate: "layout")!, as: UTF8.self)
                == String(decoding: expected, as: UTF8.self))
        #expect(String(decoding: expected, as: UTF8.self).contains("[shadow]<p>Sivu</p>"))
    }

    /// A rendering is written in the storage of the array returned while it fits and moves to
    /// memory of its own when it outgrows it (the directory pages do): both must give the bytes
    /// of an exact-size rendering, however far past the first capacity the output grows, and an
    /// escaped inline template (rendered in the buffer, then cut out of it) too.
    @Test func renderingInPlaceOrGrownGivesTheSameBytes() throws {
        var library = TemplateLibrary()
        library.register(try Template("<ul>{{#items}}<li>{{name}} &amp; {{{html}}}</li>{{/items}}</ul>{{body}}"), named: "list")
        library.register(try Template("<b>{{name}}</b>"), named: "inner")
        for n in [0, 1, 3, 40, 1_000] {
            let items = (0..<n).map { i -> TemplateObject in ["name": "Yhdistys \(i) <ry>", "html": "<i>\(i)</i>"] }
            let page: TemplateObject = ["items": items, "body": InlineTemplate("inner"), "name": "Sisä"]
            let exact = library.renderBytes([page], withTemplate: "list", capacity: 16, exactSize: true)!
            #expect(exact.count > 40 * n)
            if n == 1 {
                #expect(String(decoding: exact, as: UTF8.self) == "<ul><li>Yhdistys 0 &lt;ry&gt; &amp; <i>0</i></li></ul>&lt;b&gt;Sisä&lt;/b&gt;")
            }
            for capacity in [16, 100, exact.count, exact.count + 1, 64 * 1024] {
                #expect(library.renderBytes([page], withTemplate: "list", capacity: capacity) == exact, "capacity \(capacity)")
            }
        }
    }

    @Test func unknownPartialsRenderNothingAndAreReported() throws {
        var library = TemplateLibrary()
        library.register(try Template("a{{> missing}}b"), named: "main")
        #expect(library.render([String: Any](), withTemplate: "main") == "ab")
        #expect(library.missingPartials(in: "main") == ["missing"])
        #expect(library.render([String: Any](), withTemplate: "nope") == nil)
    }

    /// A partial tag finds its template as resolved when the library was last registered to
    /// (`TemplateLibrary.Registered.partials`): a partial added later is found, and a copy of
    /// the library that replaces a partial leaves the original rendering its own.
    @Test func partialsAreFoundAsTheLibraryWasWhenItWasCopied() throws {
        var library = TemplateLibrary()
        library.register(try Template("a{{> p}}{{> q}}b"), named: "main")
        #expect(library.render([String: Any](), withTemplate: "main") == "ab")
        library.register(try Template("1"), named: "p")
        library.register(try Template("3{{> p}}"), named: "q")
        #expect(library.render([String: Any](), withTemplate: "main") == "a131b")
        let older = library
        library.register(try Template("2"), named: "p")
        #expect(library.render([String: Any](), withTemplate: "main") == "a232b")
        #expect(older.render([String: Any](), withTemplate: "main") == "a131b")
    }

    @Test func aPartialThatIncludesItselfStops() throws {
        let out = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        #expect(out == String(repeating: "x", count: TemplateRenderer.maximumDepth))
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}\n<% x %> {{x}}\n<%={{ }}=%>\n{{x}}", ["x": "v"]) == "v {{x}}\nv")
    }

    @Test func syntaxErrorsNameLineColumnAndTheFix() throws {
        let unclosed = syntaxError("<p>\n  {{#items}}\n<li>\n")
        #expect(unclosed?.line == 2 && unclosed?.column == 3)
        #expect(unclosed?.message.contains("{{/items}}") == true)

        let wrongClose = syntaxError("{{#a}}\n{{/b}}")
        #expect(wrongClose?.line == 2)
        #expect(wrongClose?.message.contains("opened on line 1") == true)

        #expect(syntaxError("x {{/a}}")?.message.contains("never opened") == true)
        #expect(syntaxError("ä {{name")?.column == 3)
        #expect(syntaxError("{{uppercased(name)}}")?.message.contains("transforms are not supported") == true)
        #expect(syntaxError("{{<parent}}{{/parent}}")?.message.contains("inheritance") == true)
        #expect(syntaxError("{{}}")?.message.contains("without a name") == true)
    }

    @Test func themeLoadReportsTemplateErrorsWithFileAndLine() throws {
        let root = TestSupport.temporaryDirectory()
        let templates = root.appendingPathComponent("default/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{> header}}\n<main>\n{{#a}}\n".write(to: templates.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        try "{{> nosuch}}".write(to: templates.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        try "h".write(to: templates.appendingPathComponent("header.mustache"), atomically: true, encoding: .utf8)
        let (theme, diagnostics) = Theme.load(themesDirectory: root, name: "default")
        #expect(theme == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.file == "themes/default/templates/layout.mustache")
        #expect(error?.line == 3)
        let warning = diagnostics.first { $0.severity == .warning }
        #expect(warning?.file == "themes/default/templates/home.mustache")
        #expect(warning?.message.contains("'nosuch'") == true)
    }

    // MARK: - TemplateObject

    /// Page contexts are `TemplateObject`s: they render exactly as the same values in
    /// `[String: Any]` dictionaries, through nesting, lists, inverted sections and the stack.
    @Test func templateObjectsRenderLikeDictionaries() throws {
        let template = """
        {{title}}|{{#person}}{{name}}/{{title}}/{{phone.display}}{{/person}}|{{person.phone.href}}
        {{#items}}<{{name}}{{#current}}*{{/current}}{{^current}}-{{/current}}>{{/items}}{{^empty}}none{{/empty}}
        {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}|{{count}}|{{.missing}}|{{#person}}{{.title}}{{/person}}
        """
        let dictionary: [String: Any] = [
            "title": "Otsikko & <b>", "count": 3, "flag": true, "empty": [[String: Any]](),
            "person": ["name": "Maija", "phone": ["display": "040 1", "href": "tel:+358401"] as [String: Any]] as [String: Any],
            "items": [["name": "a", "current": true], ["name": "b", "current": false]] as [[String: Any]],
        ]
        var object: TemplateObject = ["title": "Otsikko & <b>", "count": 3, "flag": true, "empty": [TemplateObject]()]
        var phone = TemplateObject()
        phone["display"] = "040 1"
        phone["href"] = "tel:+358401"
        object["person"] = ["name": "Maija", "phone": phone] as TemplateObject
        object["items"] = [["name": "a", "current": true], ["name": "b", "current": false]] as [TemplateObject]
        var library = TemplateLibrary()
        library.register(try Template(template), named: "main")
        let expected = library.render(dictionary, withTemplate: "main")
        #expect(library.render(object, withTemplate: "main") == expected)
        #expect(expected?.hasPrefix("Otsikko &amp; &lt;b&gt;|Maija/Otsikko &amp; &lt;b&gt;/040 1|tel:+358401") == true)
    }

    /// Objects of more than a few names are searched through a hash table made when they are
    /// pushed (TemplateRenderer.Probe): nested, shadowing each other, in lists and under an
    /// inline template, they must find what the same dictionaries find, name for name.
    @Test func bigObjectsOnTheStackFindWhatDictionariesFind() throws {
        func names(_ prefix: String, _ n: Int) -> [String] { (0..<n).map { "\(prefix)\($0)" } }
        // Level objects share the names s0…s19 (inner ones shadow outer ones) and have their own.
        func level(_ tag: String, own: Int) -> [String: Any] {
            var d: [String: Any] = [:]
            for name in names("s", 20) { d[name] = "\(tag).\(name)" }
            for name in names(tag, own) { d[name] = "\(tag):\(name)" }
            return d
        }
        func object(_ d: [String: Any]) -> TemplateObject {
            var o = TemplateObject()
            for (k, v) in d.sorted(by: { $0.key < $1.key }) {
                switch v {
                case let list as [[String: Any]]: o[k] = list.map(object)
                case let inner as [String: Any]: o[k] = object(inner)
                default: o[k] = v
                }
            }
            return o
        }
        var root = level("r", own: 30)
        var items: [[String: Any]] = []
        for i in 0..<3 {
            var item = level("i\(i)", own: 12)
            item["deep"] = level("d\(i)", own: 9)
            items.append(item)
        }
        root["items"] = items
        root["small"] = ["s3": "small.s3", "x": "small.x"] as [String: Any]
        let probe = (names("s", 22) + names("r", 32) + names("i0", 13) + names("d1", 10) + ["x", "missing"])
            .map { "{{\($0)}}{{.\($0)}}" }.joined(separator: ",")
        let template = "\(probe)|{{#items}}\(probe)[{{#deep}}\(probe){{#small}}\(probe){{/small}}{{/deep}}]{{/items}}|{{{content}}}"
        var library = TemplateLibrary()
        library.register(try Template(template), named: "main")
        library.register(try Template("{{#items}}{{s1}}{{i10}}{{/items}}\(probe)"), named: "body")
        var dictionaryRoot = root
        dictionaryRoot["content"] = library.renderBytes(root, withTemplate: "body")!
        var objectRoot = object(root)
        objectRoot["content"] = InlineTemplate("body")
        let expected = library.render(dictionaryRoot, withTemplate: "main")!
        #expect(library.render(objectRoot, withTemplate: "main") == expected)
        #expect(expected.contains("i1.s5i1.s5") && expected.contains("d1:d17d1:d17") && expected.contains("small.xsmall.x"))
    }

    /// `{{name}}` writes a string where the nearest object keeps it; whatever else the nearest
    /// holder of the name is (a boolean, a number, an optional, an object, a dictionary or the
    /// theme's strings) is written as before, and a name no frame has writes nothing.
    @Test func variablesWriteWhatTheNearestHolderOfTheNameHas() throws {
        let none: String? = nil
        let inner: TemplateObject = ["flag": true, "count": 3, "maybe": Optional("inside"), "gone": none as Any,
                                     "obj": ["x": "y"] as TemplateObject]
        let root: TemplateObject = ["flag": "root-flag", "count": "root-count", "maybe": "root-maybe", "gone": "root-gone",
                                    "obj": "root-obj", "plain": "root-plain", "t": TemplateTable(["plain": "t-plain"]),
                                    "dict": ["plain": "dict-plain"] as [String: Any], "inner": inner]
        var library = TemplateLibrary()
        library.register(try Template("""
            {{plain}}|{{#inner}}{{flag}},{{count}},{{maybe}},[{{gone}}],{{obj.x}},{{plain}},{{.plain}},[{{missing}}]{{/inner}}\
            |{{#dict}}{{plain}}{{/dict}}|{{#t}}{{plain}}{{/t}}|{{flag}}
            """), named: "main")
        #expect(library.render(root, withTemplate: "main")
            == "root-plain|true,3,inside,[],y,root-plain,,[]|dict-plain|t-plain|root-flag")
    }

    /// `{{t.name}}` writes the theme's string from the nearest `t`, escaped or raw; a nearer `t`
    /// that is an object of its own shadows it, and a name the table lacks writes nothing.
    @Test func themeStringsAreWrittenFromTheNearestT() throws {
        let table = TemplateTable(["plain": "t-plain", "long": "Siirry pääsisältöön & <takaisin>"])
        let inner: TemplateObject = ["t": ["plain": "inner-t"] as TemplateObject]
        let root: TemplateObject = ["t": table, "inner": inner, "list": [["x": "1"] as TemplateObject]]
        var library = TemplateLibrary()
        library.register(try Template("{{t.plain}}|{{#inner}}{{t.plain}},{{t.long}}{{/inner}}|[{{t.missing}}]|{{t.long}}|{{{t.long}}}|{{#list}}{{t.plain}}{{.t.plain}}{{/list}}"),
                         named: "main")
        #expect(library.render(root, withTemplate: "main")
            == "t-plain|inner-t,|[]|Siirry pääsisältöön &amp; &lt;takaisin&gt;|Siirry pääsisältöön & <takaisin>|t-plain")
        #expect(library.render(["t": table] as [String: Any], withTemplate: "main") == "t-plain||[]|Siirry pääsisältöön &amp; &lt;takaisin&gt;|Siirry pääsisältöön & <takaisin>|")
    }

    /// Long strings and byte arrays are written from where their entry keeps them; that follows
    /// the value when it is replaced, and a copy made before keeps writing its own.
    @Test func textsWrittenInPlaceFollowTheirValues() throws {
        var library = TemplateLibrary()
        library.register(try Template("{{long}}|{{{bytes}}}|{{bytes}}|{{short}}|{{made}}"), named: "main")
        var o: TemplateObject = ["long": "a string of more than fifteen bytes & more", "bytes": Array("<b>raw</b>".utf8),
                                 "short": "<short>", "made": String(repeating: "ä", count: 20) + "<"]
        let before = o
        o["long"] = "another string, longer than fifteen"
        o["bytes"] = Array("<i>x</i>".utf8)
        o["made"] = "now short"
        let ä = String(repeating: "ä", count: 20)
        #expect(library.render(before, withTemplate: "main")
            == "a string of more than fifteen bytes &amp; more|<b>raw</b>|&lt;b&gt;raw&lt;/b&gt;|&lt;short&gt;|\(ä)&lt;")
        #expect(library.render(o, withTemplate: "main") == "another string, longer than fifteen|<i>x</i>|&lt;i&gt;x&lt;/i&gt;|&lt;short&gt;|now short")
    }

    /// A string known to need no escaping is copied; one that does is escaped, however it got
    /// there: a literal, a value changed from plain to markup and back, short and long strings,
    /// entities at the end of a word or on their own, and the theme's strings alike.
    @Test func onlyTextWithoutEntitiesIsCopiedUnescaped() throws {
        var library = TemplateLibrary()
        library.register(try Template("{{a}}|{{b}}|{{c}}|{{t.x}}|{{t.y}}|{{{t.y}}}"), named: "main")
        let t = TemplateTable(["x": "Yhdistykset", "y": "Tilat & 'varaus'"])
        var o: TemplateObject = ["a": "plain text, longer than fifteen bytes", "b": "1234567&", "c": "<", "t": t]
        #expect(library.render(o, withTemplate: "main")
            == "plain text, longer than fifteen bytes|1234567&amp;|&lt;|Yhdistykset|Tilat &amp; &#39;varaus&#39;|Tilat & 'varaus'")
        o["a"] = "now \"quoted\" and longer than fifteen"
        o["b"] = "plain"
        o["c"] = "x>"
        #expect(library.render(o, withTemplate: "main")
            == "now &quot;quoted&quot; and longer than fifteen|plain|x&gt;|Yhdistykset|Tilat &amp; &#39;varaus&#39;|Tilat & 'varaus'")
        for n in 0..<20 {
            let text = String(repeating: "a", count: n) + "'"
            #expect(!Array(text.utf8).withUnsafeBufferPointer(HTML.needsNoEscaping), "\(n)")
            #expect(Array(String(repeating: "ä", count: n).utf8).withUnsafeBufferPointer(HTML.needsNoEscaping))
        }
    }

    /// A section over a list of objects renders each where the list keeps it: names inside
    /// and outside the items, nested lists, `{{.}}`, optional lists and empty ones come out as
    /// they do for the same data as dictionaries.
    @Test func listsOfObjectsRenderAsListsOfDictionaries() throws {
        let empty: [TemplateObject] = []
        let maybe: [TemplateObject]? = [["name": "maybe"]]
        func object(_ name: String, _ inner: [TemplateObject]) -> TemplateObject { ["name": name, "inner": inner] }
        let objects: TemplateObject = ["outer": "O", "empty": empty, "maybe": maybe as Any,
                                       "list": [object("a", [["name": "a1"], ["x": "x"]]), object("b", [])]]
        let dictionaries: [String: Any] = ["outer": "O", "empty": [[String: Any]](), "maybe": [["name": "maybe"]] as [[String: Any]],
                                           "list": [["name": "a", "inner": [["name": "a1"], ["x": "x"]] as [[String: Any]]],
                                                    ["name": "b", "inner": [[String: Any]]()]] as [[String: Any]]]
        var library = TemplateLibrary()
        library.register(try Template("""
            {{#list}}<{{name}}:{{outer}}{{#inner}}[{{name}}{{.name}}{{x}}]{{/inner}}{{^inner}}none{{/inner}}>{{/list}}{{#empty}}E{{/empty}}{{^empty}}no-empty{{/empty}}{{#maybe}}{{name}}{{/maybe}}{{#.list}}{{#.inner}}{{.name}}{{/.inner}}{{/.list}}
            """), named: "main")
        let expected = "<a:O[a1a1][ax]><b:Onone>no-emptymaybea1"
        #expect(library.render(dictionaries, withTemplate: "main") == expected)
        #expect(library.render(objects, withTemplate: "main") == expected)
    }

    /// A literal keeps its names in the order written (`{{object}}` writes them so), an empty
    /// one is empty, and its names are found like set ones.
    @Test func literalsKeepTheirOrder() throws {
        let o: TemplateObject = ["z": "1", "a": true, "m": ["x": "y"] as TemplateObject]
        #expect(o.description == #"["z": "1", "a": true, "m": ["x": "y"]]"#)
        #expect(o.count == 3 && (o["a"] as? Bool) == true && (o["z"] as? String) == "1")
        let empty: TemplateObject = [:]
        #expect(empty.isEmpty && empty.description == "[]")
        var library = TemplateLibrary()
        library.register(try Template("{{z}}{{a}}{{m.x}}{{o}}"), named: "main")
        #expect(library.render(o, withTemplate: "main") == "1truey")
    }

    /// Counts are written in decimal and are truthy in sections, zero too, as other numbers are
    /// (`{{#count}}` shows, `{{^count}}` does not), however they reached the context.
    @Test func integersWriteInDecimalAndAreTruthy() throws {
        var library = TemplateLibrary()
        library.register(try Template("{{n}}|{{#n}}[{{.}}]{{/n}}|{{^n}}none{{/n}}|{{x}}"), named: "main")
        for n in [0, 42, -7, Int.max] {
            let expected = "\(n)|[\(n)]||2.5"
            let object: TemplateObject = ["n": n, "x": 2.5]
            var typed = TemplateObject()
            typed["n"] = n
            typed["x"] = 2.5 as Any
            #expect(library.render(object, withTemplate: "main") == expected)
            #expect(library.render(typed, withTemplate: "main") == expected)
            #expect(library.render(["n": n, "x": 2.5] as [String: Any], withTemplate: "main") == expected)
            #expect(object["n"] as? Int == n)
        }
    }

    /// Setting a name again replaces its value, setting nil removes it, and a copy is unaffected
    /// by later changes (contexts shared between pages are copied, then changed).
    @Test func templateObjectBehavesLikeADictionaryValue() throws {
        var a: TemplateObject = ["x": "1", "y": "2"]
        let shared = a
        a["x"] = "3"
        a["y"] = nil
        a["z"] = "4"
        #expect(a["x"] as? String == "3" && a["y"] == nil && a["z"] as? String == "4" && a.count == 2)
        #expect(shared["x"] as? String == "1" && shared["y"] as? String == "2" && shared.count == 2)
        #expect(try render("{{x}}{{y}}{{z}}", ["o": a]) == "")
        var library = TemplateLibrary()
        library.register(try Template("{{x}}{{y}}{{z}}"), named: "main")
        #expect(library.render(a, withTemplate: "main") == "34")
    }
}

