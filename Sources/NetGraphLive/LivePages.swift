import NetGraphRender

/// The two pages of the live workshop, each one offline file (no external URL, CDN or font):
/// the facilitator's (projector: live map, findings, step-by-step reveal, undo/redo, export)
/// and the participant's (phone or laptop: add actors with size and influence tower, draw
/// links, mark goals). Both take the code from the join link, send it as
/// `Authorization: Bearer CODE`, and follow `/api/live`. User-typed text is only ever put on
/// the page as text (`textContent`), never as markup.
enum LivePages {
    static var facilitator: String { page(mode: "facilitator") }
    static var participant: String { page(mode: "participant") }

    /// The answer to a page request without the right code: a form to type it.
    static func codeForm(path: String, wrong: Bool) -> String {
        let target = path == "/join" ? "/join" : "/"
        return """
            <!doctype html><html lang="nl"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>netan live</title><style>body{font-family:system-ui,sans-serif;max-width:28em;\
            margin:3em auto;padding:0 1em}input,button{font-size:1.2em;padding:.4em}</style></head><body>\
            <h1>netan live</h1>\
            <p>\(wrong ? "Deze code klopt niet. / This code is not right." : "Vul de code in die de begeleider toont. / Enter the code the facilitator shows.")</p>\
            <form method="get" action="\(target)"><input name="code" autocomplete="off" autofocus \
            aria-label="code"> <button>OK</button></form></body></html>
            """
    }

    static func page(mode: String) -> String {
        """
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>netan live</title>
        <style>\(style)</style></head>
        <body data-mode="\(mode)">
        <header><strong id="title">netan live</strong>
        <span id="status" class="muted"></span>
        <span class="spacer"></span>
        <span id="join" class="fac-only"></span>
        <button id="lang" type="button">EN</button></header>
        <main>
        <section id="mapbox">
          <div id="tools" class="fac-only">
            <button type="button" id="undo"></button><button type="button" id="redo"></button>
            <button type="button" id="fit"></button><button type="button" id="zoomin">+</button>
            <button type="button" id="zoomout">−</button>
            <button type="button" id="prev">◀</button><span id="step"></span><button type="button" id="next">▶</button>
            <button type="button" id="export"></button>
          </div>
          <div id="map" aria-live="polite"></div>
        </section>
        <aside>
          <div class="part-only">
            <h2 id="h-actor"></h2>
            <form id="f-actor">
              <label><span data-t="name"></span><input name="name" required maxlength="120"></label>
              <label><span data-t="type"></span><select name="type" id="actortypes"></select></label>
              <label><span data-t="size"></span><input name="size" type="number" min="0" step="any"></label>
              <label><span data-t="influence"></span><input name="influence" type="range" min="0" max="10" value="5">
                <output id="inf-out">5</output></label>
              <label><span data-t="goal"></span><input name="doel" maxlength="200"></label>
              <button data-t="add"></button>
            </form>
            <h2 id="h-link"></h2>
            <form id="f-link">
              <label><span data-t="from"></span><select name="source" class="actorlist"></select></label>
              <label><span data-t="to"></span><select name="target" class="actorlist"></select></label>
              <label><span data-t="kind"></span><select name="type" id="relationtypes"></select></label>
              <label><span data-t="weight"></span><input name="weight" type="number" min="0" step="any"></label>
              <button data-t="draw"></button>
            </form>
            <h2 id="h-edit"></h2>
            <form id="f-edit">
              <label><span data-t="actor"></span><select name="id" class="actorlist" id="edit-id"></select></label>
              <label><span data-t="influence"></span><input name="influence" type="range" min="0" max="10" value="5"></label>
              <label><span data-t="size"></span><input name="size" type="number" min="0" step="any"></label>
              <label><span data-t="goal"></span><input name="doel" maxlength="200"></label>
              <button data-t="save"></button> <button type="button" id="delete-actor" data-t="remove"></button>
            </form>
          </div>
          <p id="message" role="alert"></p>
          <h2 id="h-findings"></h2><ol id="findings"></ol>
          <h2 id="h-history" class="fac-only"></h2><ol id="history" class="fac-only"></ol>
        </aside>
        </main>
        <script>\(MapViewer.script)
        \(script)</script>
        </body></html>
        """
    }

    static let style = """
        html,body{height:100%}
        body{margin:0;font-family:system-ui,sans-serif;color:#222;background:#fafafa;display:flex;
        flex-direction:column}
        header{display:flex;gap:1em;align-items:center;padding:.5em 1em;background:#1f3b57;color:#fff}
        header button{font-size:1em}.spacer{flex:1}.muted{opacity:.8;font-size:.9em}
        #join{font-size:1.1em}#join b{font-size:1.3em;letter-spacing:.1em}
        main{display:flex;flex:1;min-height:0}#mapbox{flex:3;display:flex;flex-direction:column;min-width:0}
        #map{flex:1;min-height:0;overflow:hidden;background:#fff;touch-action:none;cursor:grab;position:relative}

        aside{flex:1;min-width:18em;max-width:30em;overflow:auto;padding:0 1em;border-left:1px solid #ddd}
        #tools{display:flex;gap:.3em;padding:.3em;align-items:center;flex-wrap:wrap}
        #tools button{font-size:1em;padding:.2em .6em}
        form label{display:block;margin:.3em 0}form label span{display:inline-block;min-width:8em}
        input,select,button{font-size:1em}#message{color:#a00;white-space:pre-line}
        #findings li{margin:.4em 0}.sev-critical{color:#a00}.sev-warning{color:#a60}
        .hidden{display:none}.fresh polygon,.fresh ellipse,.fresh path{stroke:#e67e00;stroke-width:4px}
        body[data-mode=facilitator] .part-only{display:none!important}
        body[data-mode=participant] .fac-only{display:none!important}
        select,input{max-width:100%;box-sizing:border-box}
        @media (max-width:800px){body{display:block;height:auto}main{flex-direction:column}
        #map{height:50vh;flex:none}body[data-mode=participant] aside{order:-1}
        aside{max-width:none;border:0}}
        """

    static let script = #"""
        (function () {
          'use strict';
          var mode = document.body.getAttribute('data-mode');
          var params = new URLSearchParams(location.search);
          var code = params.get('code') || '';
          var lang = params.get('lang') || 'nl';
          var T = {
            nl: {undo: 'Ongedaan maken', redo: 'Opnieuw', fit: 'Passend', export: 'Exporteren (zip)',
              all: 'alles', layer: 'laag', findings: 'Wat valt op', history: 'Laatste wijzigingen',
              hActor: 'Partij toevoegen', hLink: 'Relatie tekenen', hEdit: 'Invloed en doelen',
              name: 'Naam', type: 'Soort', size: 'Omvang', influence: 'Invloed (toren)', goal: 'Doel',
              add: 'Toevoegen', from: 'Van', to: 'Naar', kind: 'Soort relatie', weight: 'Sterkte',
              draw: 'Tekenen', actor: 'Partij', save: 'Opslaan', remove: 'Verwijderen',
              join: 'Meedoen: ', code: 'code ', live: 'live', offline: 'verbinding weg — opnieuw verbinden…',
              none: 'Nog geen bevindingen.', version: 'versie ', added: 'Toegevoegd.', saved: 'Opgeslagen.'},
            en: {undo: 'Undo', redo: 'Redo', fit: 'Fit', export: 'Export (zip)',
              all: 'all', layer: 'layer', findings: 'Key findings', history: 'Latest changes',
              hActor: 'Add an actor', hLink: 'Draw a link', hEdit: 'Influence and goals',
              name: 'Name', type: 'Type', size: 'Size', influence: 'Influence (tower)', goal: 'Goal',
              add: 'Add', from: 'From', to: 'To', kind: 'Kind of link', weight: 'Strength',
              draw: 'Draw', actor: 'Actor', save: 'Save', remove: 'Remove',
              join: 'Join: ', code: 'code ', live: 'live', offline: 'connection lost — reconnecting…',
              none: 'No findings yet.', version: 'version ', added: 'Added.', saved: 'Saved.'}
          };
          function t(key) { return (T[lang] || T.nl)[key]; }
          function $(id) { return document.getElementById(id); }
          function el(tag, text, cls) {
            var e = document.createElement(tag); if (text !== undefined) e.textContent = text;
            if (cls) e.className = cls; return e;
          }
          function api(method, path, body) {
            var init = {method: method, headers: {'Authorization': 'Bearer ' + code}};
            if (body !== undefined) {
              init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body);
            }
            return fetch(path, init).then(function (r) {
              if (r.status === 401) { location.href = (mode === 'participant' ? '/join' : '/'); }
              return r;
            });
          }
          var network = null, types = {}, step = -1, steps = [], fresh = null;
          function say(text, bad) { var m = $('message'); m.textContent = text || ''; m.style.color = bad ? '#a00' : '#060'; }
          function labels() {
            document.documentElement.lang = lang;
            $('lang').textContent = lang === 'nl' ? 'EN' : 'NL';
            $('undo').textContent = t('undo'); $('redo').textContent = t('redo');
            $('fit').textContent = t('fit'); $('export').textContent = t('export');
            $('h-findings').textContent = t('findings'); $('h-history').textContent = t('history');
            $('h-actor').textContent = t('hActor'); $('h-link').textContent = t('hLink'); $('h-edit').textContent = t('hEdit');
            document.querySelectorAll('[data-t]').forEach(function (e) { e.textContent = t(e.getAttribute('data-t')); });
            var link = location.origin + '/join?code=' + encodeURIComponent(code);
            var join = $('join'); join.textContent = '';
            join.appendChild(document.createTextNode(t('join') + location.host + '/join — ' + t('code')));
            join.appendChild(el('b', code)); join.title = link;
          }
          function fillSelect(select, options, keep) {
            var old = select.value; select.textContent = '';
            options.forEach(function (o) { var opt = el('option', o[1]); opt.value = o[0]; select.appendChild(opt); });
            if (keep && old) select.value = old;
          }
          function loadVocabulary() {
            return api('GET', '/api/vocabulary?lang=' + lang).then(function (r) { return r.json(); }).then(function (v) {
              types = v;
              fillSelect($('actortypes'), v.actor_types.map(function (x) { return [x.name, x.label]; }), true);
              fillSelect($('relationtypes'), v.relation_types.map(function (x) { return [x.name, x.label]; }), true);
            });
          }
          function loadNetwork() {
            return api('GET', '/api/network').then(function (r) { return r.json(); }).then(function (n) {
              network = n; $('title').textContent = (n.network && n.network.name) || 'netan live';
              var list = n.actors.map(function (a) { return [a.id, a.name || a.id]; })
                .sort(function (a, b) { return a[1].localeCompare(b[1]); });
              document.querySelectorAll('.actorlist').forEach(function (s) { fillSelect(s, list, true); });
              fillEdit();
            });
          }
          function fillEdit() {
            if (!network) return;
            var id = $('edit-id').value, f = $('f-edit');
            var a = network.actors.filter(function (x) { return x.id === id; })[0];
            if (!a) return;
            f.influence.value = a.influence !== undefined ? a.influence : 5;
            f.size.value = a.size !== undefined ? a.size : '';
            f.doel.value = a.doel || '';
          }
          var viewer = netanViewer($('map'));
          function loadDiagram() {
            return api('GET', '/api/diagram.svg').then(function (r) { return r.text(); }).then(function (text) {
              var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
              var svg = doc.documentElement;
              if (!svg || svg.nodeName.toLowerCase() !== 'svg') return;
              svg.querySelectorAll('script').forEach(function (s) { s.remove(); });
              var map = $('map'); map.textContent = ''; map.appendChild(document.importNode(svg, true));
              viewer.attach(true);
              buildSteps(); applyStep(); markFresh();
            });
          }
          function actorIndex(g) { var m = /^actor-(\d+)$/.exec(g.id || ''); return m ? Number(m[1]) : -1; }
          function buildSteps() {
            // Step-by-step reveal: one actor type at a time, in the order types first appear.
            steps = [];
            if (!network) return;
            network.actors.forEach(function (a) { if (steps.indexOf(a.type) < 0) steps.push(a.type); });
          }
          function label(typeName) {
            var x = (types.actor_types || []).filter(function (v) { return v.name === typeName; })[0];
            return x ? x.label : typeName;
          }
          function applyStep() {
            var svg = $('map').querySelector('svg'); if (!svg || !network) return;
            var shown = {};
            network.actors.forEach(function (a, i) { shown[i] = step < 0 || steps.indexOf(a.type) <= step; });
            svg.querySelectorAll('g.node').forEach(function (g) {
              var i = actorIndex(g); if (i >= 0) g.classList.toggle('hidden', !shown[i]);
            });
            svg.querySelectorAll('g.edge').forEach(function (g) {
              var m = /^pair-(\d+)-(\d+)$/.exec(g.id || '');
              if (m) g.classList.toggle('hidden', !(shown[Number(m[1])] && shown[Number(m[2])]));
            });
            $('step').textContent = step < 0 ? t('all') : (t('layer') + ' ' + (step + 1) + '/' + steps.length + ': ' + label(steps[step]));
          }
          function markFresh() {
            if (!fresh || !network) return;
            var i = network.actors.map(function (a) { return a.id; }).indexOf(fresh);
            var g = i >= 0 ? document.getElementById('actor-' + i) : null;
            if (g) g.classList.add('fresh');
          }
          function loadFindings() {
            return api('GET', '/api/findings?lang=' + lang).then(function (r) { return r.json(); }).then(function (items) {
              var ol = $('findings'); ol.textContent = '';
              if (!items.length) ol.appendChild(el('li', t('none')));
              items.slice(0, 8).forEach(function (f) {
                var li = el('li', undefined, 'sev-' + f.level);
                li.appendChild(el('strong', f.title + ' (' + f.severity + ')'));
                li.appendChild(el('div', f.message)); ol.appendChild(li);
              });
            });
          }
          function loadHistory() {
            if (mode !== 'facilitator') return Promise.resolve();
            return api('GET', '/api/history').then(function (r) { return r.json(); }).then(function (items) {
              var ol = $('history'); ol.textContent = '';
              items.slice(0, 12).forEach(function (h) {
                var li = el('li', h.summary); if (h.undone) li.style.textDecoration = 'line-through'; ol.appendChild(li);
              });
            });
          }
          function refused(r) {
            return r.json().then(function (body) {
              var list = (body.messages && body.messages[lang]) || [body.error || r.statusText];
              say(list.join('\n'), true);
            });
          }
          function fields(form, names) {
            var out = {};
            names.forEach(function (n) { var v = form[n].value; if (v !== '') out[n] = v; });
            return out;
          }
          $('f-actor').addEventListener('submit', function (e) {
            e.preventDefault(); var f = e.target;
            api('POST', '/api/actors', fields(f, ['name', 'type', 'size', 'influence', 'doel'])).then(function (r) {
              if (r.status !== 201) return refused(r);
              return r.json().then(function (b) { fresh = b.id; say(t('added')); f.name.value = ''; f.doel.value = ''; });
            });
          });
          $('f-actor').influence.addEventListener('input', function (e) { $('inf-out').textContent = e.target.value; });
          $('f-link').addEventListener('submit', function (e) {
            e.preventDefault();
            api('POST', '/api/relations', fields(e.target, ['source', 'target', 'type', 'weight'])).then(function (r) {
              if (r.status !== 201) return refused(r); say(t('added'));
            });
          });
          $('edit-id').addEventListener('change', fillEdit);
          $('f-edit').addEventListener('submit', function (e) {
            e.preventDefault(); var f = e.target;
            var body = {influence: f.influence.value, size: f.size.value, doel: f.doel.value};
            api('PATCH', '/api/actors/' + encodeURIComponent(f.id.value), body).then(function (r) {
              if (r.status !== 200) return refused(r); say(t('saved'));
            });
          });
          $('delete-actor').addEventListener('click', function () {
            var id = $('edit-id').value; if (!id) return;
            api('DELETE', '/api/actors/' + encodeURIComponent(id)).then(function (r) { if (r.status !== 200) return refused(r); });
          });
          $('undo').addEventListener('click', function () { api('POST', '/api/undo'); });
          $('redo').addEventListener('click', function () { api('POST', '/api/redo'); });
          $('fit').addEventListener('click', function () { viewer.fit(); });
          $('zoomin').addEventListener('click', function () { viewer.zoom(1 / 1.25); });
          $('zoomout').addEventListener('click', function () { viewer.zoom(1.25); });
          $('next').addEventListener('click', function () { if (step < steps.length - 1) step++; else step = -1; applyStep(); });
          $('prev').addEventListener('click', function () { if (step >= 0) step--; applyStep(); });
          $('export').addEventListener('click', function () {
            api('GET', '/api/export.zip').then(function (r) { return r.blob(); }).then(function (blob) {
              var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = 'netan-workshop.zip';
              document.body.appendChild(a); a.click(); a.remove();
            });
          });
          $('lang').addEventListener('click', function () {
            lang = lang === 'nl' ? 'en' : 'nl'; labels(); loadVocabulary(); loadFindings(); applyStep();
          });
          var version = -1, seen = -1;
          window.netanLive = {version: function () { return version; }, seen: function () { return seen; }};
          function connect() {
            var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host +
              '/api/live?code=' + encodeURIComponent(code));
            ws.onopen = function () { $('status').textContent = t('live'); };
            ws.onmessage = function (m) {
              var e = JSON.parse(m.data);
              if (e.kind === 'hello' || e.kind === 'change') {
                version = e.version;
                if (e.summary) say(e.summary, false);
                loadNetwork().then(function () { seen = e.version; document.body.setAttribute('data-version', String(e.version)); loadHistory(); });
              }
              if (e.kind === 'hello' || e.kind === 'analysis') {
                loadDiagram(); loadFindings();
              }
              $('status').textContent = t('live') + ' · ' + t('version') + version;
            };
            ws.onclose = function () { $('status').textContent = t('offline'); setTimeout(connect, 1000); };
          }
          labels();
          loadVocabulary().then(connect);
        })();
        """#
}
