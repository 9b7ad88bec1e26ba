/* falc-wizard: JavaScript only adds to pages that work without it.
   - "Écouter": reads the screen's sentences aloud, where the browser can speak.
   - The live password checklist.
   - The error summary takes the focus; its links focus the field with its label in view. */
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
    if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(sentencesToSpeak());
      utterance.lang = document.documentElement.lang || "fr";
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    });
  }

  var RULES = {
    longueur: function (v) { return v.length >= 8; },
    // The same rules as practice_rules.py (Python's isupper, islower, isdigit, isalnum).
    majuscule: function (v) { return /\p{Lu}/u.test(v); },
    minuscule: function (v) { return /\p{Ll}/u.test(v); },
    chiffre: function (v) { return /\p{Nd}/u.test(v); },
    special: function (v) { return /[^\p{L}\p{N}]/u.test(v); }
  };

  function setUpChecklist() {
    var input = document.querySelector("[data-password]");
    var list = document.querySelector("[data-checklist]");
    if (!input || !list) return;
    list.setAttribute("aria-live", "polite");
    function update() {
      list.querySelectorAll("[data-rule]").forEach(function (item) {
        var rule = RULES[item.getAttribute("data-rule")];
        item.classList.toggle("ok", Boolean(rule && rule(input.value)));
      });
    }
    input.addEventListener("input", update);
    update();
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
    setUpChecklist();
    focusErrors();
    setUpErrorLinks();
  });
})();
