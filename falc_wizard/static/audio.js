/* falc-wizard: « Écouter » with the recorded files (falc_wizard/audio), JavaScript only adds.
   Without JavaScript the screen's <audio> plays the screen's reading. Here one button
   plays the screen's sentences ([data-say], in page order, those shown) one by one,
   highlights the sentence being read, and stops at the second press. A slower reading
   (Réglages) plays the same files slower, their pitch kept. */
(function () {
  "use strict";

  var PAUSE_MS = 350;

  function shown(element) {
    return !element.checkVisibility || element.checkVisibility({visibilityProperty: true});
  }

  function setUp() {
    var player = document.querySelector("[data-listen-player]");
    if (!player) return;
    var button = player.querySelector("[data-listen]");
    var label = button.querySelector("[data-listen-text]");
    var listenText = label.textContent;
    var base = player.getAttribute("data-audio-base");
    var rate = parseFloat(player.getAttribute("data-rate")) || 1;
    var sound = new Audio();
    var extension = sound.canPlayType('audio/webm; codecs="opus"') ? ".webm" : ".mp3";
    var queue = [];
    var current = null;
    var timer = null;

    player.querySelector(".listen-audio").hidden = true;
    player.querySelector(".listen-label").hidden = true;
    button.hidden = false;

    function mark(element) {
      if (current) current.classList.remove("is-reading");
      current = element;
      if (element) element.classList.add("is-reading");
    }

    function stop() {
      window.clearTimeout(timer);
      sound.pause();
      queue = [];
      mark(null);
      label.textContent = listenText;
      player.removeAttribute("data-playing");
    }

    function next() {
      var element = queue.shift();
      if (!element) { stop(); return; }
      mark(element);
      sound.src = base + element.getAttribute("data-say") + extension;
      sound.playbackRate = rate;
      sound.play().catch(next);
    }

    sound.addEventListener("ended", function () { timer = window.setTimeout(next, PAUSE_MS / rate); });
    sound.addEventListener("error", next);
    button.addEventListener("click", function () {
      if (player.hasAttribute("data-playing")) { stop(); return; }
      queue = Array.prototype.filter.call(document.querySelectorAll("[data-say]"), shown);
      if (!queue.length) return;
      player.setAttribute("data-playing", "");
      label.textContent = button.getAttribute("data-stop");
      next();
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
})();
