/* falc-wizard: the live password checklist, on the pages that have one (practice's new password).
   Without it the server ticks, after a refused password, what that password already had. */
(function () {
  "use strict";

  // The password rules of practice/rules/accounts.py, character for character
  // (tests/browser/test_password_checklist.py runs this function against Python's):
  // a length in characters (code points, as Python's len: an emoji is 1, not 2),
  // Python's isupper and islower (the Unicode properties Uppercase and Lowercase),
  // a digit from 0 to 9 only, and a special character (not a letter, not a number).
  var RULES = {
    longueur: function (v) { return Array.from(v).length >= 8; },
    majuscule: function (v) { return /\p{Uppercase}/u.test(v); },
    minuscule: function (v) { return /\p{Lowercase}/u.test(v); },
    chiffre: function (v) { return /[0-9]/.test(v); },
    special: function (v) { return /[^\p{L}\p{N}]/u.test(v); }
  };

  function passwordRules(value) {
    var met = {};
    Object.keys(RULES).forEach(function (key) { met[key] = RULES[key](String(value)); });
    return met;
  }
  window.falcPasswordRules = passwordRules;

  function setUpChecklist() {
    var input = document.querySelector("[data-password]");
    var list = document.querySelector("[data-checklist]");
    if (!input || !list) return;
    list.setAttribute("aria-live", "polite");
    function update() {
      var met = passwordRules(input.value);
      list.querySelectorAll("[data-rule]").forEach(function (item) {
        item.classList.toggle("ok", met[item.getAttribute("data-rule")] === true);
      });
    }
    input.addEventListener("input", update);
    // After a refused password the field is empty (never shown again) but the server ticked
    // what the refused one had: keep those ticks until the person types.
    if (input.value) update();
  }

  document.addEventListener("DOMContentLoaded", setUpChecklist);
})();
