// Progressive enhancement: fills the search box's <datalist> from /api/v1/autocomplete. The form works without it.
(function () {
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2 || q.length > 200) { list.innerHTML = ""; return; }
    timer = setTimeout(function () {
      fetch("/api/v1/autocomplete?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [], terms: [] }; })
        .then(function (data) {
          list.innerHTML = "";
          data.suggestions.concat(data.terms).forEach(function (s) {
            var option = document.createElement("option");
            option.value = s.text || s.label;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
