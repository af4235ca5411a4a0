/* Search page: Pagefind's UI over the merged bundles, one result per update (its heading id is
   "<anchor>-title"). */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof window.PagefindUI !== "function") { return; }
  var toAnchor = function (url) { return url.replace(/-title$/, ""); };
  /* The index is one Pagefind bundle per timeline and month (pagefind/bundles.json lists them),
     merged here: the first is opened, the others joined to it with mergeIndex. */
  /* Absolute: Pagefind fetches merged bundles from its worker, where "../" means another place. */
  var folder = new URL(element.getAttribute("data-bundle"), document.baseURI).href;
  var base = folder.replace(/pagefind\/$/, "");
  var open = function (names) {
    if (!names.length) { return; }
    var ui = new window.PagefindUI({
      element: "#search",
      bundlePath: folder + names[0] + "/",
      baseUrl: base,
      mergeIndex: names.slice(1).map(function (name) {
        return { bundlePath: folder + name + "/", baseUrl: base };
      }),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      processResult: function (result) {
        result.sub_results = (result.sub_results || []).map(function (sub) {
          sub.url = toAnchor(sub.url);
          return sub;
        });
        return result;
      }
    });
    /* A search can be linked: /search/?q=words runs it. */
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  };
  fetch(folder + "bundles.json")
    .then(function (response) {
      if (!response.ok) { throw new Error("search: " + response.status + " for bundles.json"); }
      return response.json();
    })
    .then(function (manifest) { open(manifest.bundles || []); })
    .catch(function (error) { console.error(error); });
  /* Typing keeps the address current. */
  element.addEventListener("input", function (event) {
    if (!event.target || event.target.tagName !== "INPUT") { return; }
    var address = new URL(window.location.href);
    if (event.target.value) { address.searchParams.set("q", event.target.value); }
    else { address.searchParams.delete("q"); }
    window.history.replaceState(null, "", address.toString());
  });
  /* Pagefind draws its own input: tie it to the page's visible label. */
  var label = function () {
    var input = element.querySelector("input");
    if (!input) { return false; }
    input.id = "search-input";
    input.setAttribute("aria-labelledby", "search-label");
    return true;
  };
  if (!label()) {
    var watcher = new MutationObserver(function () { if (label()) { watcher.disconnect(); } });
    watcher.observe(element, { childList: true, subtree: true });
  }
});
