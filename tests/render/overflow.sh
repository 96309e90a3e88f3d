#!/bin/sh
# overflow.sh - does any table cell, caption or figure of an HTML page
# overflow its box at the width of the printed A4 page (on its side when
# the page's @page rule says landscape)? Headless Chromium
# lays out a copy of the page with its print rules (@media print made
# to apply, @media screen not) and the body as wide as the A4 page less
# the margins of the page's @page rule, and runs a script that lists
# every td, th, caption and figure whose scrollWidth exceeds its
# clientWidth, every table wider than the body, and every chart's data
# table that wraps a text cell onto three lines or more while its columns
# of ids and numbers leave 15 mm unused, which would have saved it a line
# (NARROW: the width not where the text needs it), and every table as
# wide as the page that wraps a text of 60 columns at most (a name, a
# category; a CJK character two columns) onto four lines or more, so
# that its row is taller than its other cells need (CRAMPED: its columns
# of ids and numbers, their headings on one line, hold the width the
# name needs),
# and every chart whose key (text.key) prints under 7 pt at the size the
# chart takes on the page (SMALL).
# Usage: overflow.sh CHROMIUM PAGE.html WORKDIR
# Prints one line per overflow; exit 0 none, 1 some, 2 no result.
chromium=$1
page=$2
work=$3
copy="$work/$(basename "$page" .html)-overflow.html"
# The left and right margins of the first @page rule, in mm (18 by
# default): "margin: T R B L", "margin: T R B", "margin: V H", "margin: A".
margins=$(awk '/@page/ { inpage = 1 } inpage && /margin:/ {
		sub(/.*margin:[ ]*/, ""); sub(/;.*/, ""); gsub(/mm/, "")
		n = split($0, m, " ")
		r = n >= 2 ? m[2] : m[1]; l = n == 4 ? m[4] : r
		print l + r; exit }' "$page")
# A4 upright, or on its side when the page says so (@page { size: A4
# landscape }).
paper=210
grep -q 'size: *A4 landscape' "$page" && paper=297
width=$(awk -v m="${margins:-36}" -v p="$paper" 'BEGIN { print p - m }')
sed -e 's/@media print/@media all/g' -e 's/@media screen/@media not all/g' \
	-e 's#</body>##' -e 's#</html>##' "$page" >"$copy"
cat >>"$copy" <<EOS
<style>body { width: ${width}mm !important; max-width: none !important;
margin: 0 !important; padding: 0 !important; }</style>
<script>
window.addEventListener('load', function () {
  var out = [], bw = document.body.clientWidth;
  function where(e) {
    var t = e.closest('table'), c = t && t.querySelector('caption'),
      f = e.closest('figure'), fc = f && f.querySelector('figcaption');
    return (c ? c.textContent : fc ? fc.textContent : '').slice(0, 40);
  }
  // a table without a caption: the heading before it
  function heading(t) {
    for (var e = t.previousElementSibling; e; e = e.previousElementSibling)
      if (/^H[1-4]$/.test(e.tagName)) return e.textContent.slice(0, 40);
    return where(t);
  }
  document.querySelectorAll('td, th, caption, figure, figcaption')
    .forEach(function (e) {
      if (e.scrollWidth > e.clientWidth + 1)
        out.push('OVERFLOW ' + e.tagName.toLowerCase() + ' "' +
          e.textContent.slice(0, 60) + '" scrollWidth=' + e.scrollWidth +
          ' clientWidth=' + e.clientWidth + ' in "' + where(e) + '"');
    });
  document.querySelectorAll('table').forEach(function (t) {
    if (t.offsetWidth > bw + 1)
      out.push('OVERFLOW table wider than the page: ' + t.offsetWidth +
        ' > ' + bw + ' in "' + where(t) + '"');
  });
  // A chart's data table that wraps a text cell onto three lines or more
  // while its columns of ids and numbers leave 15 mm unused between
  // them, which would have saved the cell a line: the width is not where
  // the text needs it.
  var mm = 96 / 25.4, cv = document.createElement('canvas').getContext('2d');
  function natural(e) {
    var r = document.createRange(), w = 0;
    if (e.tagName.toLowerCase() === 'th') {
      cv.font = getComputedStyle(e).font;
      e.textContent.split(/\s+/).forEach(function (x) {
        w = Math.max(w, cv.measureText(x).width);
      });
      return w;
    }
    r.selectNodeContents(e);
    return r.getBoundingClientRect().width;
  }
  function lines(e) {
    var r = document.createRange(), tops = {};
    r.selectNodeContents(e);
    Array.prototype.forEach.call(r.getClientRects(), function (q) {
      tops[Math.round(q.top)] = 1;
    });
    return Object.keys(tops).length;
  }
  document.querySelectorAll('table.chart-data').forEach(function (t) {
    var slack = {}, worst = null, n = 0, free = 0;
    Array.prototype.forEach.call(t.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (c, k) {
        var cs = getComputedStyle(c), num = c.classList.contains('num') ||
          c.classList.contains('id'), room = c.clientWidth -
          parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        if (c.colSpan > 1) return;
        if (!(k in slack)) slack[k] = { num: false, free: room };
        if (num && c.tagName.toLowerCase() === 'td') slack[k].num = true;
        slack[k].free = Math.min(slack[k].free, room - natural(c));
        if (!num && c.tagName.toLowerCase() === 'td' && lines(c) > n) {
          n = lines(c);
          worst = c;
        }
      });
    });
    var each = [];
    Object.keys(slack).forEach(function (k) {
      if (slack[k].num && slack[k].free > 0) {
        free += slack[k].free;
        each.push('column ' + (+k + 1) + ' ' +
          Math.round(slack[k].free / mm) + ' mm');
      }
    });
    // ... and would have saved that cell a line
    var fit = 0;
    if (worst) {
      var ws = getComputedStyle(worst);
      cv.font = ws.font;
      fit = Math.ceil(cv.measureText(worst.textContent).width /
        (worst.clientWidth - parseFloat(ws.paddingLeft) -
         parseFloat(ws.paddingRight) + free));
    }
    if (worst && n >= 3 && free >= 15 * mm && fit < n)
      out.push('NARROW text cell "' + worst.textContent.slice(0, 60) +
        '" on ' + n + ' lines while the columns of ids and numbers leave ' +
        Math.round(free / mm) + ' mm unused (' + each.join(', ') +
        ') in "' + where(t) + '"');
  });
  // A table as wide as the page that wraps a short text (a name, a
  // category: 60 columns at most) onto four lines or more: the
  // columns of ids and numbers hold the width (their headings on one
  // line) that the text needs to be read (CRAMPED).
  // (60 display columns: a wide, CJK character counts two, so that a
  // Chinese description is not taken for a name)
  function cols(s) {
    return Array.from(s).reduce(function (w, ch) {
      return w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/
        .test(ch) ? 2 : 1);
    }, 0);
  }
  document.querySelectorAll('table').forEach(function (t) {
    if (t.offsetWidth < bw * 0.9) return;
    var worst = null, n = 0;
    t.querySelectorAll('td').forEach(function (c) {
      var s = c.textContent.trim(), k, other = 0;
      if (c.classList.contains('num') || c.classList.contains('id') ||
          c.colSpan > 1 || cols(s) > 60) return;
      k = lines(c);
      // only where the short text makes its row taller: beside a
      // longer text (a description) of as many lines it costs nothing
      Array.prototype.forEach.call(c.parentNode.cells, function (o) {
        if (o !== c) other = Math.max(other, lines(o));
      });
      if (k > other && k > n) { n = k; worst = c; }
    });
    if (worst && n >= 4)
      out.push('CRAMPED text cell "' + worst.textContent.trim().slice(0, 60) +
        '" (' + cols(worst.textContent.trim()) +
        ' columns) on ' + n + ' lines, ' +
        Math.round(worst.clientWidth / mm) + ' mm wide, in "' + heading(t) +
        '"');
  });
  // A chart's key (text.key in its SVG) printed under 7 pt, at the
  // size the chart takes on the page (its width, or its height cap):
  // too small to read on paper (SMALL).
  document.querySelectorAll('svg').forEach(function (s) {
    var vb = s.viewBox && s.viewBox.baseVal, k = s.querySelector('text.key');
    if (!vb || !vb.width || !k) return;
    // the drawing fits its box (a height cap narrows it)
    var bx = s.getBoundingClientRect(), pt = parseFloat(
      getComputedStyle(k).fontSize) * Math.min(bx.width / vb.width,
      bx.height / vb.height) * 72 / 96;
    if (pt < 6.95)
      out.push('SMALL key text "' + k.textContent.slice(0, 40) +
        '" printed at ' + pt.toFixed(1) + ' pt (under 7) in "' +
        where(s) + '"');
  });
  var r = document.createElement('pre');
  r.id = 'overflow-report';
  r.textContent = 'WIDTH ' + bw + '\n' + out.join('\n') + '\nEND\n';
  document.body.appendChild(r);
});
</script>
</body></html>
EOS
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
	--disable-background-networking --disable-component-update \
	--disable-sync --disable-extensions --no-first-run \
	--user-data-dir="$work/overflow-profile" \
	--window-size=794,1123 --virtual-time-budget=5000 \
	--dump-dom "file://$copy" >"$copy.dom" 2>"$copy.log"
sed 's/^<pre id="overflow-report">//' "$copy.dom" |
	sed -n '/^WIDTH [0-9]/,/^END$/p' >"$copy.report"
if ! grep -q '^WIDTH [0-9]' "$copy.report"; then
	echo "overflow: no result from chromium for $page: $(tail -2 "$copy.log")"
	exit 2
fi
grep '^OVERFLOW\|^NARROW\|^CRAMPED\|^SMALL' "$copy.report" |
	sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g'
! grep -q '^OVERFLOW\|^NARROW\|^CRAMPED\|^SMALL' "$copy.report"
