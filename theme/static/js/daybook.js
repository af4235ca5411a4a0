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

  /* Reading order. Without JavaScript, "#oldest-first" turns the list round on screen (CSS);
     here the updates themselves are moved, so screen readers and the keyboard follow the same
     order, and the choice is remembered for other days. Anchors stay valid either way. */
  function flip(selector) {
    var list = day.querySelector(selector);
    if (!list) { return; }
    Array.prototype.slice.call(list.children).reverse().forEach(function (child) { list.appendChild(child); });
  }
  function show(order) {
    if (day.getAttribute("data-order") !== order) {
      flip(".updates");
      flip(".key-events ul");
      day.setAttribute("data-order", order);
    }
    day.querySelectorAll("[data-order-link]").forEach(function (link) {
      if (link.getAttribute("data-order-link") === order) { link.setAttribute("aria-current", "page"); }
      else { link.removeAttribute("aria-current"); }
    });
  }
  day.setAttribute("data-js", "");  /* the CSS fallback stands down */
  document.querySelectorAll("[data-order-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var order = link.getAttribute("data-order-link");
      event.preventDefault();
      store(order);
      show(order);
      window.history.replaceState(null, "", order === "oldest" ? "#oldest-first" : window.location.pathname);
      day.querySelector(".updates").scrollIntoView();
    });
  });
  show(window.location.hash === "#oldest-first" ? "oldest" : (stored() === "oldest" ? "oldest" : "newest"));
  if (window.location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) { target.scrollIntoView(); }
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
      var url = window.location.origin + window.location.pathname + "#" + article.id;
      navigator.clipboard.writeText(url).then(function () {
        button.textContent = "Link copied";
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      });
    });
    article.querySelector("header").appendChild(button);
  });
})();
