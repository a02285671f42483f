import Foundation
import NetGraph
import NetGraphIO

/// A self-contained, offline HTML view of a diagram: the Graphviz SVG inline and fitted to the
/// window, a tooltip with each actor's figures and flags on hover, click to highlight an
/// actor's neighbours, checkboxes that filter actor types and relation layers, zoom, pan, fit,
/// search, a step-by-step reveal by actor type for presenting, and export of the current view
/// as PNG (``MapViewer``). No external URL, CDN or font.
///
/// Data travel as JSON in a `<script type="application/json">` block with `<`, `>` and `&`
/// written as \\u escapes, so no name can close the script or inject markup.
public enum InteractiveHTML {
    /// What the page shows about one actor drawn, on hover.
    public struct ActorInfo: Sendable {
        /// The name, at the top of the tooltip.
        public var name: String
        /// The actor type as shown (a label such as "Gemeente"), below the name.
        public var type: String
        /// Key figures as (label, value) pairs, one tooltip line each: `label: value`.
        public var figures: [(String, String)]
        /// Findings about the actor, one tooltip line each, marked with ⚑.
        public var flags: [String]
        /// The information for one actor.
        public init(name: String, type: String, figures: [(String, String)], flags: [String]) {
            self.name = name
            self.type = type
            self.figures = figures
            self.flags = flags
        }
    }

    /// The complete HTML page.
    ///
    /// - Parameters:
    ///   - svg: the diagram as Graphviz renders the DOT of ``DiagramBuilder`` for `network`
    ///     (elements `actor-i` and `pair-u-v` are what the script finds).
    ///   - network: the network drawn; its actor and relation types become the filters.
    ///   - actors: one entry per actor of `network`, in the same order.
    ///   - language: "en" for English labels; anything else gives Dutch.
    public static func page(svg: Data, network: Network, actors: [ActorInfo], language: String) -> String {
        let nl = language != "en"
        // Pairs as DiagramBuilder draws them, with their relation types.
        var pairTypes: [String: Set<String>] = [:]
        for r in network.relations {
            guard let u = network.index(ofActor: r.source), let v = network.index(ofActor: r.target) else {
                continue
            }
            pairTypes["pair-\(min(u, v))-\(max(u, v))", default: []].insert(r.type)
        }
        let actorObjects: [[String: Any]] = actors.enumerated().map { i, a in
            [
                "id": "actor-\(i)", "name": a.name, "type": a.type, "typeKey": network.actors[i].type,
                "flags": a.flags,
                "figures": a.figures.map { [$0.0, $0.1] },
                "neighbours": neighbours(network, i).map { "actor-\($0)" },
            ]
        }
        let pairs = pairTypes.map { ["id": $0.key, "types": Array($0.value).sorted()] as [String: Any] }
        // Filter boxes: the type's key as value, its label (as the legend shows it) as text.
        let types: [[String]] = Array(Set(network.actors.map(\.type))).sorted().map { key in
            [key, network.vocabulary.actorType(named: key)?.label(language) ?? key]
        }
        let layers: [[String]] = Array(Set(network.relations.map(\.type))).sorted().map {
            [$0, DiagramStyle.relationLabel($0, language: language)]
        }
        // Step-by-step reveal: actor types in the vocabulary's order (authorities first).
        let present = Set(network.actors.map(\.type))
        let known = network.vocabulary.actorTypes.map(\.name).filter(present.contains)
        let reveal = known + present.subtracting(known).sorted()
        let hint: String =
            nl
            ? "Wijs een actor aan voor cijfers; klik om de buren te markeren "
                + "(nog eens klikken: alles)."
            : "Point at an actor for figures; click to highlight its neighbours (click again: all)."
        let data: [String: Any] = [
            "actors": actorObjects, "pairs": pairs, "types": types, "layers": layers, "reveal": reveal,
            "labels": [
                "types": nl ? "Actortypen" : "Actor types", "layers": nl ? "Relaties" : "Relations",
                "hint": hint, "fit": nl ? "Passend" : "Fit",
                "search": nl ? "Zoek een partij" : "Find an actor",
                "png": nl ? "PNG van deze weergave" : "PNG of this view", "all": nl ? "alles" : "all",
                "step": nl ? "stap" : "step", "reveal": nl ? "Stap voor stap" : "Step by step",
            ],
        ]
        var json = JSONOutput.text(data, compact: true)
        json = json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(
            of: ">", with: "\\u003e"
        ).replacingOccurrences(of: "&", with: "\\u0026")
        let title = XMLEscaping.text(network.metadata.name)
        return """
            <!DOCTYPE html>
            <html lang="\(nl ? "nl" : "en")">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(title)</title>
            <style>
            html,body{height:100%}
            body{font-family:'DejaVu Sans',Arial,sans-serif;margin:0;display:flex;height:100vh;overflow:hidden}
            #side{width:250px;flex:none;padding:10px;border-right:1px solid #ddd;overflow:auto;font-size:13px}
            #main{flex:1;display:flex;flex-direction:column;min-width:0}
            #tools{display:flex;gap:4px;align-items:center;padding:4px;border-bottom:1px solid #ddd;flex-wrap:wrap}
            #tools button,#tools input{font-size:14px}#step{min-width:9em;text-align:center;font-size:13px}
            #map{flex:1;min-height:0;position:relative;overflow:hidden;cursor:grab;touch-action:none}
            .found polygon,.found ellipse,.found path{stroke:#000;stroke-width:4px}
            #tip{position:fixed;display:none;background:#fff;border:1px solid #888;padding:6px 8px;\
            font-size:12px;max-width:320px;box-shadow:2px 2px 6px #aaa;pointer-events:none}
            .dim{opacity:0.12}.hidden{display:none}h3{margin:10px 0 4px;font-size:14px}label{display:block}
            </style>
            </head>
            <body>
            <div id="side"><h2 style="font-size:16px">\(title)</h2>\
            <p id="hint"></p><div id="filters"></div></div>
            <div id="main"><div id="tools">\
            <button type="button" id="fit"></button>\
            <button type="button" id="zoomin" aria-label="zoom in">+</button>\
            <button type="button" id="zoomout" aria-label="zoom out">−</button>\
            <input id="search" type="search" size="18"/>\
            <button type="button" id="prev" aria-label="previous step">◀</button><span id="step"></span>\
            <button type="button" id="next" aria-label="next step">▶</button>\
            <button type="button" id="png"></button></div>
            <div id="map">
            \(InlineSVG.text(svg))
            </div></div>
            <div id="tip"></div>
            <script type="application/json" id="netan-data">\(json)</script>
            <script>
            \(MapViewer.script)
            \(script)
            </script>
            </body>
            </html>

            """
    }

    static func neighbours(_ network: Network, _ i: Int) -> [Int] {
        let id = network.actors[i].id
        var result = Set<Int>()
        for r in network.relations {
            if r.source == id, let j = network.index(ofActor: r.target) { result.insert(j) }
            if r.target == id, let j = network.index(ofActor: r.source) { result.insert(j) }
        }
        return result.sorted()
    }

    /// Written without `<` and `&` so the page also parses as XML.
    static let script = """
        (function () {
          var data = JSON.parse(document.getElementById('netan-data').textContent);
          var tip = document.getElementById('tip');
          var byId = {};
          data.actors.forEach(function (a) { byId[a.id] = a; });
          document.getElementById('hint').textContent = data.labels.hint;
          var hiddenTypes = {}, hiddenLayers = {}, focus = null, step = -1, found = null;
          var viewer = netanViewer(document.getElementById('map'));
          viewer.attach(false);
          function shownByStep(typeKey) { return step === -1 ? true : !(data.reveal.indexOf(typeKey) > step); }
          function element(id) { return document.getElementById(id); }
          function text(tag, content) { var e = document.createElement(tag); \
        e.textContent = content; return e; }
          function apply() {
            data.actors.forEach(function (a) {
              var e = element(a.id); if (!e) return;
              e.classList.toggle('hidden', hiddenTypes[a.typeKey] === true || !shownByStep(a.typeKey));
              var near = focus === null || focus === a.id || byId[focus].neighbours.indexOf(a.id) !== -1;
              var match = found === null || found.indexOf(a.id) !== -1;
              e.classList.toggle('dim', !(near ? match : false));
              e.classList.toggle('found', found !== null ? found.indexOf(a.id) !== -1 : false);
            });
            data.pairs.forEach(function (p) {
              var e = element(p.id); if (!e) return;
              var ends = p.id.split('-');
              var u = 'actor-' + ends[1], v = 'actor-' + ends[2];
              var visibleLayer = p.types.some(function (t) { return hiddenLayers[t] !== true; });
              var visibleEnds = !(hiddenTypes[byId[u].typeKey] === true || hiddenTypes[byId[v].typeKey] === true)
                ? (shownByStep(byId[u].typeKey) ? shownByStep(byId[v].typeKey) : false) : false;
              e.classList.toggle('hidden', !(visibleLayer ? visibleEnds : false));
              e.classList.toggle('dim', focus !== null ? (u !== focus ? v !== focus : false) : false);
            });
          }
          function boxes(title, values, hidden) {
            var box = document.getElementById('filters');
            box.appendChild(text('h3', title));
            values.forEach(function (pair) {
              var value = pair[0];
              var label = document.createElement('label');
              var input = document.createElement('input');
              input.type = 'checkbox'; input.checked = true; input.value = value;
              input.setAttribute('data-group', hidden === hiddenTypes ? 'type' : 'layer');
              input.addEventListener('change', function () { hidden[value] = !input.checked; apply(); });
              label.appendChild(input); label.appendChild(document.createTextNode(' ' + pair[1]));
              box.appendChild(label);
            });
          }
          boxes(data.labels.types, data.types, hiddenTypes);
          boxes(data.labels.layers, data.layers, hiddenLayers);
          data.actors.forEach(function (a) {
            var e = element(a.id); if (!e) return;
            var title = e.querySelector('title'); if (title) title.textContent = '';
            e.style.cursor = 'pointer';
            e.addEventListener('mousemove', function (event) {
              tip.innerHTML = '';
              tip.appendChild(text('strong', a.name));
              tip.appendChild(text('div', a.type));
              a.figures.forEach(function (f) { tip.appendChild(text('div', f[0] + ': ' + f[1])); });
              a.flags.forEach(function (f) { tip.appendChild(text('div', '⚑ ' + f)); });
              tip.style.left = (event.clientX + 14) + 'px'; tip.style.top = (event.clientY + 14) + 'px';
              tip.style.display = 'block';
            });
            e.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
            e.addEventListener('click', function () { focus = focus === a.id ? null : a.id; apply(); });
          });
          function typeLabel(key) {
            var t = data.types.filter(function (x) { return x[0] === key; })[0]; return t ? t[1] : key;
          }
          function showStep() {
            document.getElementById('step').textContent = step === -1 ? data.labels.reveal + ': ' + data.labels.all
              : data.labels.step + ' ' + (step + 1) + '/' + data.reveal.length + ': ' + typeLabel(data.reveal[step]);
            apply();
          }
          document.getElementById('fit').textContent = data.labels.fit;
          document.getElementById('png').textContent = data.labels.png;
          document.getElementById('search').placeholder = data.labels.search;
          document.getElementById('fit').addEventListener('click', function () { viewer.fit(); });
          document.getElementById('zoomin').addEventListener('click', function () { viewer.zoom(1 / 1.25); });
          document.getElementById('zoomout').addEventListener('click', function () { viewer.zoom(1.25); });
          document.getElementById('png').addEventListener('click', function () { viewer.png('netan-view.png'); });
          document.getElementById('next').addEventListener('click', function () {
            step = step === data.reveal.length - 1 ? -1 : step + 1; showStep();
          });
          document.getElementById('prev').addEventListener('click', function () {
            step = step === -1 ? data.reveal.length - 1 : step - 1; showStep();
          });
          var search = document.getElementById('search');
          search.addEventListener('input', function () {
            var q = search.value.trim().toLowerCase();
            found = q === '' ? null : data.actors.filter(function (a) {
              return a.name.toLowerCase().indexOf(q) !== -1; }).map(function (a) { return a.id; });
            apply();
          });
          search.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' ? (found !== null ? found.length > 0 : false) : false) viewer.center(element(found[0]));
          });
          showStep();
          if (location.hash === '#selftest') {
            // Every box: unticked, it hides exactly what it names; ticked again, all is back.
            var failures = [];
            var hiddenCount = function () { return document.querySelectorAll('#map .hidden').length; };
            document.querySelectorAll('#filters input').forEach(function (input) {
              input.checked = false; input.dispatchEvent(new Event('change'));
              if (input.getAttribute('data-group') === 'type') {
                data.actors.forEach(function (a) {
                  var e = element(a.id); if (!e) return;
                  if (e.classList.contains('hidden') !== (a.typeKey === input.value)) failures.push(input.value + ':' + a.id);
                });
              } else {
                data.pairs.forEach(function (p) {
                  var e = element(p.id); if (!e) return;
                  var only = p.types.every(function (t) { return t === input.value; });
                  if (only ? !e.classList.contains('hidden') : false) failures.push(input.value + ':' + p.id);
                });
              }
              input.checked = true; input.dispatchEvent(new Event('change'));
              if (hiddenCount() !== 0) failures.push(input.value + ':not restored');
            });
            var ok = failures.length === 0 ? document.querySelectorAll('#filters input').length > 0 : false;
            document.title = ok ? 'selftest:ok' : 'selftest:fail';
            document.body.setAttribute('data-selftest', ok ? 'ok' : 'fail');
            document.body.setAttribute('data-selftest-failures', failures.slice(0, 20).join(' '));
          }
        })();
        """
}
