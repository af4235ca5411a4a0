/* Day pages, progressive enhancement only: everything works without it.
   - remembers the reading order a reader chose and applies it on other days;
   - adds the reader's own clock time beside each update's time;
   - adds a "Copy link" button to each update. */
"use strict";
(function () {
  var day = document.querySelector(".day[data-order]");
  if (!day) { return; }
  var KEY = "daybook-order";

  function store(order) {
    try { window.localStorage.setItem(KEY, order); } catch (error) { /* private mode: no memory */ }
  }
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  /* Reading order: the switch links lead to static pages; remember the choice, and show
     other days the same way by reversing the updates in place (anchors stay valid). */
  document.querySelectorAll("[data-order-link]").forEach(function (link) {
    link.addEventListener("click", function () { store(link.getAttribute("data-order-link")); });
  });
  if (stored() === "oldest" && day.getAttribute("data-order") === "newest") {
    var list = day.querySelector(".updates");
    Array.prototype.slice.call(list.children).reverse().forEach(function (child) { list.appendChild(child); });
    var keys = day.querySelector(".key-events ul");
    if (keys) { Array.prototype.slice.call(keys.children).reverse().forEach(function (child) { keys.appendChild(child); }); }
    day.setAttribute("data-order", "oldest");
    day.querySelectorAll("[data-order-link]").forEach(function (link) {
      if (link.getAttribute("data-order-link") === "oldest") { link.setAttribute("aria-current", "page"); }
      else { link.removeAttribute("aria-current"); }
    });
    if (window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }
  }

  /* The reader's clock, where it differs from the timeline's. */
  var format = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  day.querySelectorAll("article.update > header > a > time[datetime]").forEach(function (time) {
    var instant = new Date(time.getAttribute("datetime"));
    if (isNaN(instant.getTime())) { return; }
    var shown = time.textContent.replace(/\s+/g, " ").trim();
    var local = format.format(instant);
    if (local.indexOf(shown.split(" ")[0]) === 0) { return; }
    var span = document.createElement("span");
    span.className = "local-time";
    span.textContent = local + " your time";
    time.parentNode.parentNode.insertBefore(span, time.parentNode.nextSibling);
  });

  /* Copy-link buttons. */
  if (!navigator.clipboard) { return; }
  day.querySelectorAll("article.update[id]").forEach(function (article) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.addEventListener("click", function () {
      var url = window.location.origin + window.location.pathname.replace(/oldest-first\/$/, "") + "#" + article.id;
      navigator.clipboard.writeText(url).then(function () {
        button.textContent = "Link copied";
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      });
    });
    article.querySelector("header").appendChild(button);
  });
})();
