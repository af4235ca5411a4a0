/* The old oldest-first address of a day: go to the day page at once, keeping an update's anchor
   if the link had one (the page's meta refresh does the same without JavaScript, anchor aside). */
"use strict";
(function () {
  var hash = window.location.hash.length > 1 ? window.location.hash : "#oldest-first";
  window.location.replace("../" + hash);
})();
