/* falc-wizard, on a practice screen with its drawn copy of the real page only. */
(function () {
  "use strict";

  // A practice screen whose drawn copy ends below the view opens scrolled down, as far as
  // the instruction's first line at most: the instruction and what it names in one view
  // (the field and its button on a field step). Not after a hint or an error: those take
  // the focus, and the second hint opens at the target (#ici).
  function fitCopyInView() {
    var copy = document.querySelector(".site-copy");
    var title = document.querySelector("main h1");
    if (!copy || !title || location.hash || document.querySelector("[data-focus]")) return;
    var live = copy.querySelector(".copy-live");
    var bottom = (live || copy).getBoundingClientRect().bottom;
    var needed = Math.min(bottom - window.innerHeight + 16, title.getBoundingClientRect().top - 8);
    if (needed > 0) window.scrollBy(0, needed);
  }

  window.addEventListener("load", fitCopyInView);
})();
