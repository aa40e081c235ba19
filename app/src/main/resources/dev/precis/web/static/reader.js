// Precis reader enhancements; every page works without this file.
(function () {
  'use strict';
  var sum = document.getElementById('summary');

  function setLength(n) {
    var list = sum && sum.querySelector('ol.sum');
    if (!list) return;
    list.setAttribute('data-n', String(n));
    sum.querySelectorAll('.lengths a').forEach(function (a) {
      if (a.getAttribute('data-n') === String(n)) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
    if (document.querySelector('.body .hl')) highlight(true);
  }

  function shown() {
    var list = sum.querySelector('ol.sum');
    var n = Number(list.getAttribute('data-n'));
    return Array.prototype.filter.call(list.querySelectorAll('li'), function (li) {
      return Number(li.className.replace('r', '')) <= n;
    });
  }

  function highlight(on) {
    document.querySelectorAll('.body .hl').forEach(function (s) { s.classList.remove('hl'); });
    if (on) shown().forEach(function (li) {
      var s = document.getElementById('s' + li.getAttribute('data-s'));
      if (s) s.classList.add('hl');
    });
    var mark = sum.querySelector('a.mark');
    if (mark) {
      mark.textContent = on ? 'Hide highlights' : 'Highlight in the article';
      mark.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  if (sum) {
    sum.querySelectorAll('.lengths a').forEach(function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        setLength(Number(a.getAttribute('data-n')));
      });
    });
    var mark = sum.querySelector('a.mark');
    if (mark) mark.addEventListener('click', function (e) {
      e.preventDefault();
      highlight(mark.getAttribute('aria-pressed') !== 'true');
    });
  }

  // Keyboard: j/k next/previous, s summary, / search.
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-nav]'));
  var at = -1;
  function focusItem(i) {
    if (!items.length) return;
    at = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el) { el.classList.remove('current'); });
    var el = items[at];
    el.classList.add('current');
    var link = el.querySelector('a');
    if (link) link.focus();
    el.scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    if (e.key === '/') {
      var q = document.getElementById('q');
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    } else if (e.key === 's' && sum) {
      sum.open = !sum.open;
      if (sum.open) sum.querySelector('summary').focus();
    } else if (e.key === 'j' || e.key === 'k') {
      var link = document.getElementById(e.key === 'j' ? 'next' : 'prev');
      if (link) { window.location.href = link.href; return; }
      focusItem(at + (e.key === 'j' ? 1 : -1));
    }
  });
})();
