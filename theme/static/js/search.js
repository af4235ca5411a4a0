/* Search page: Pagefind's UI, one result per update (its heading id is "<anchor>-title"). */
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof window.PagefindUI !== "function") { return; }
  var toAnchor = function (url) { return url.replace(/-title$/, ""); };
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: element.getAttribute("data-bundle"),
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
  /* A search can be linked: /search/?q=words runs it, and typing keeps the address current. */
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
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
