// The flashcard review by keyboard: Space shows the answer, 1–4 rate, U (or Ctrl+Z) undoes the
// last rating, R reads the card aloud. The page works without this file: every key stands for a
// button or a link, and htmx swaps the card region (#review) after each of them.
"use strict";

(() => {
  const region = () => document.querySelector("[data-review]");
  let shownAt = performance.now();

  function press(selector) {
    const button = region()?.querySelector(selector);
    if (!button || button.disabled) return false;
    button.click();
    return true;
  }

  // --- reading aloud: only where the browser has a voice for the language -------------------
  const synth = "speechSynthesis" in window ? window.speechSynthesis : null;
  const PATTERNS = { "zh-CN": /^(zh|cmn)(-hans)?-cn$/, "vi-VN": /^vi-vn$/ };

  function voiceFor(lang) {
    if (!synth || !PATTERNS[lang]) return null;
    return (
      synth.getVoices().find((voice) => PATTERNS[lang].test(voice.lang.replace("_", "-").toLowerCase())) ||
      null
    );
  }

  function showSpeakers() {
    document.querySelectorAll("[data-speak]").forEach((button) => {
      button.hidden = !voiceFor(button.dataset.speakLang);
    });
  }

  function speak(button) {
    const voice = voiceFor(button.dataset.speakLang);
    if (!voice) return false;
    const utterance = new SpeechSynthesisUtterance(button.dataset.speak);
    utterance.lang = button.dataset.speakLang;
    utterance.voice = voice;
    synth.cancel();
    synth.speak(utterance);
    return true;
  }

  function speakLast() {
    const buttons = [...(region()?.querySelectorAll("[data-speak]:not([hidden])") || [])];
    return buttons.length > 0 && speak(buttons[buttons.length - 1]);
  }

  if (synth) synth.addEventListener("voiceschanged", showSpeakers);

  // --- keys ---------------------------------------------------------------------------------
  document.addEventListener("keydown", (event) => {
    // A card region is ready once htmx has processed it (settle below): a key pressed earlier
    // would submit its form as a plain page load.
    if (region()?.dataset.ready !== "true" || event.altKey || event.metaKey) return;
    // Typing an answer: keys are letters; Enter submits the form by itself.
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    // Space on a focused button or link presses that button (a rating, "undo"), as everywhere:
    // it shows the answer only when focus is on the card or the page itself.
    if (key === " " && event.target.closest("button, a[href], summary, [role=button]")) return;
    const undo = key === "u" || (event.ctrlKey && key === "z");
    if (event.ctrlKey && !undo) return;
    const ours = key === " " || /^[1-4]$/.test(key) || undo || key === "r";
    if (!ours) return;
    event.preventDefault();
    // One press, one action: no key repeat, nothing while a request is on its way.
    if (event.repeat || document.querySelector(".htmx-request")) return;
    if (key === " ") press('[data-action="reveal"]');
    else if (undo) press('[data-action="undo"]');
    else if (key === "r") speakLast();
    else press(`[data-rating="${key}"]`);
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-speak]");
    if (button) speak(button);
  });

  // How long the learner looked at the card before rating it (for the review log).
  document.addEventListener(
    "submit",
    (event) => {
      const field = event.target.querySelector("[data-duration]");
      if (field) field.value = String(Math.round(performance.now() - shownAt));
    },
    true,
  );

  function settle() {
    const current = region();
    if (!current) return;
    current.dataset.ready = "true";
    showSpeakers();
    if (current.dataset.side === "front") shownAt = performance.now();
    const typed = current.querySelector("[data-typed]");
    (typed || current).focus({ preventScroll: true });
  }

  document.addEventListener("htmx:afterSettle", settle);
  // htmx processes the page on DOMContentLoaded; this listener comes after its own.
  if (document.readyState === "complete") settle();
  else document.addEventListener("DOMContentLoaded", settle);
})();
