/// The JavaScript that makes a Graphviz SVG usable on a projector: fit to the window (by the
/// drawing's own bounding box, whatever size Graphviz declared), zoom with the wheel or
/// buttons, pan by dragging, and export of the current view as PNG. Shared by the interactive
/// page (`netan render … -o view.html`) and the live workshop's views.
///
/// Use: `var viewer = netanViewer(container)`; after putting an SVG in `container` call
/// `viewer.attach(keepZoom)`; then `viewer.fit()`, `viewer.zoom(factor)`, `viewer.center(element)`,
/// `viewer.png(fileName)`. The script has no `<` or `&`, so a page holding it still parses as XML.
public enum MapViewer {
    /// The script defining `netanViewer(container)`.
    public static let script = #"""
        function netanViewer(container) {
          var box = null, zoomed = false, drag = null;
          function svg() { return container.querySelector('svg'); }
          function set(b) { var s = svg(); if (!s) return; box = b; s.setAttribute('viewBox', b.join(' ')); }
          function drawn() {
            var s = svg(); if (!s) return null;
            var g = s.querySelector('g.graph') || s;
            var bb = g.getBBox(), pad = 8;
            var m = g.transform ? g.transform.baseVal.consolidate() : null;
            var k = m ? m.matrix : {a: 1, d: 1, e: 0, f: 0};
            return [k.a * bb.x + k.e - pad, k.d * bb.y + k.f - pad,
                    k.a * bb.width + 2 * pad, k.d * bb.height + 2 * pad];
          }
          function attach(keepZoom) {
            var s = svg(); if (!s) return;
            s.removeAttribute('width'); s.removeAttribute('height');
            s.style.width = '100%'; s.style.height = '100%'; s.style.display = 'block';
            s.setAttribute('preserveAspectRatio', 'xMidYMid meet');
            var fitBox = drawn(); s.setAttribute('data-fit', fitBox ? fitBox.join(' ') : '');
            if (keepZoom ? zoomed : false) { set(box); } else if (fitBox) { set(fitBox); zoomed = false; }
          }
          function fit() {
            var s = svg(); if (!s) return;
            var f = s.getAttribute('data-fit'); if (f) set(f.split(' ').map(Number));
            zoomed = false;
          }
          function zoom(factor, cx, cy) {
            if (!box) return;
            var b = box.slice();
            if (cx === undefined) { cx = b[0] + b[2] / 2; cy = b[1] + b[3] / 2; }
            zoomed = true;
            set([cx - (cx - b[0]) * factor, cy - (cy - b[1]) * factor, b[2] * factor, b[3] * factor]);
          }
          function point(event) {
            var r = svg().getBoundingClientRect();
            var scale = Math.max(box[2] / r.width, box[3] / r.height);
            var x0 = box[0] + box[2] / 2 - r.width * scale / 2, y0 = box[1] + box[3] / 2 - r.height * scale / 2;
            return [x0 + (event.clientX - r.left) * scale, y0 + (event.clientY - r.top) * scale, scale];
          }
          function center(element) {
            if (!box || !element) return;
            var bb = element.getBBox(), s = svg();
            var m = element.getCTM(), root = s.getCTM();
            var p = s.createSVGPoint(); p.x = bb.x + bb.width / 2; p.y = bb.y + bb.height / 2;
            var q = p.matrixTransform(root.inverse().multiply(m));
            zoomed = true;
            set([q.x - box[2] / 2, q.y - box[3] / 2, box[2], box[3]]);
          }
          container.addEventListener('wheel', function (e) {
            if (!box) return; e.preventDefault(); var p = point(e);
            zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p[0], p[1]);
          }, {passive: false});
          container.addEventListener('pointerdown', function (e) {
            if (box) drag = {x: e.clientX, y: e.clientY, box: box.slice(), scale: point(e)[2], moved: false};
          });
          window.addEventListener('pointerup', function () { drag = null; });
          window.addEventListener('pointermove', function (e) {
            if (!drag) return;
            var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (!drag.moved) { if (Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; } else { return; } }
            zoomed = true;
            set([drag.box[0] - dx * drag.scale, drag.box[1] - dy * drag.scale, drag.box[2], drag.box[3]]);
          });
          function png(name) {
            var s = svg(); if (!s || !box) return;
            var copy = s.cloneNode(true);
            var style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
            style.textContent = '.hidden{display:none}.dim{opacity:0.12}';
            copy.insertBefore(style, copy.firstChild);
            var width = 1920, height = Math.round(1920 * box[3] / box[2]);
            if (height > 1920) { height = 1920; width = Math.round(1920 * box[2] / box[3]); }
            copy.setAttribute('width', String(width)); copy.setAttribute('height', String(height));
            copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
            var source = new XMLSerializer().serializeToString(copy);
            var image = new Image();
            image.onload = function () {
              var canvas = document.createElement('canvas'); canvas.width = width; canvas.height = height;
              var context = canvas.getContext('2d');
              context.fillStyle = '#ffffff'; context.fillRect(0, 0, width, height);
              context.drawImage(image, 0, 0, width, height);
              canvas.toBlob(function (blob) {
                var a = document.createElement('a'); a.href = URL.createObjectURL(blob); a.download = name;
                document.body.appendChild(a); a.click(); a.remove();
              }, 'image/png');
            };
            image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(source);
          }
          return {attach: attach, fit: fit, zoom: zoom, center: center, png: png,
                  zoomed: function () { return zoomed; }, box: function () { return box; }};
        }
        """#
}
