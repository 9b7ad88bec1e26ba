/* falc-wizard: JavaScript only adds to pages that work without it.
   - "Écouter": reads the screen's sentences aloud, where the browser can speak.
   - The error summary takes the focus; its links focus the field with its label in view.
   - The pages to print get a print button. */
(function () {
  "use strict";

  function sentencesToSpeak() {
    var parts = [];
    document.querySelectorAll("[data-speak]").forEach(function (block) {
      parts.push(block.innerText.trim());
    });
    return parts.join("\n");
  }
  window.falcSentencesToSpeak = sentencesToSpeak;

  function setUpListen() {
    var button = document.querySelector("[data-listen]");
    // Where the screen's audio files are made, audio.js plays them instead.
    if (!button || button.closest("[data-listen-player]")) return;
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(sentencesToSpeak());
      utterance.lang = document.documentElement.lang || "fr";
      utterance.rate = parseFloat(button.getAttribute("data-rate")) || 0.9;
      window.speechSynthesis.speak(utterance);
    });
  }

  function focusErrors() {
    var summary = document.querySelector("[data-focus]");
    if (summary) summary.focus();
  }

  // An error link leads to the block holding the field's label (that is all it does
  // without JavaScript). Here it also focuses the input, keeps the label, the example
  // and the message in view, and leaves the address as it is: a "#bloc-..." in the
  // address would follow the person to later screens and open them scrolled down.
  function setUpErrorLinks() {
    document.querySelectorAll("[data-error-link]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var block = document.getElementById(link.getAttribute("href").slice(1));
        if (!block) return;
        var input = document.getElementById(link.getAttribute("data-input"));
        if (!input || !input.matches("input, select, textarea, button")) {
          input = block.querySelector("input:not([type=hidden]), select, textarea, button");
        }
        event.preventDefault();
        block.scrollIntoView({block: "start"});
        if (input) input.focus({preventScroll: true});
      });
    });
  }


  document.addEventListener("DOMContentLoaded", function () {
    setUpListen();
    focusErrors();
    setUpErrorLinks();
  });

  // The pages to print: a button that opens the browser's print dialog.
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-print]");
    if (!button || typeof window.print !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
