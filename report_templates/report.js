// Filters and search for the findings; works from a file on disk, no server, no network.
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var severity = document.getElementById("filter-severity");
  var family = document.getElementById("filter-family");
  var documentFilter = document.getElementById("filter-document");
  var search = document.getElementById("search");
  var count = document.getElementById("filter-count");
  function apply() {
    var words = (search.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    findings.forEach(function (item) {
      var text = item.textContent.toLowerCase();
      var visible = (severity.value === "all" || item.dataset.severity === severity.value) &&
        (family.value === "all" || item.dataset.family === family.value) &&
        (documentFilter.value === "all" || (" " + item.dataset.documents + " ").indexOf(" " + documentFilter.value + " ") >= 0) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + " of " + findings.length + " findings shown";
  }
  [severity, family, documentFilter].forEach(function (el) { el.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  var form = document.getElementById("filters");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
