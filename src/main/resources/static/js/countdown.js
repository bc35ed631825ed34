// Progressive enhancement: the deadline is in the page with its time zone; this adds "closes in ..." and keeps it
// current. Without JavaScript nothing is lost.
(function () {
  var time = document.querySelector('time[data-countdown]');
  var out = document.querySelector('[data-countdown-text]');
  if (!time || !out) { return; }
  var deadline = Date.parse(time.getAttribute('datetime'));
  if (isNaN(deadline)) { return; }
  function label(name, n) { return out.getAttribute('data-label-' + name).replace('{0}', n); }
  function update() {
    var left = deadline - Date.now();
    if (left <= 0) { out.textContent = out.getAttribute('data-label-closed'); return; }
    var minutes = Math.floor(left / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var parts = [];
    if (days > 0) { parts.push(label('days', days)); }
    if (days > 0 || hours > 0) { parts.push(label('hours', hours)); }
    parts.push(label('minutes', minutes % 60));
    out.textContent = parts.join(' ');
  }
  update();
  setInterval(update, 30000);
})();
