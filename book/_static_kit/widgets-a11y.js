/* Accessibility repairs for widgets rendered from saved state on the static site.
 * ipywidgets' sliders draw a handle (noUiSlider) with role="slider" but no
 * accessible name; the widget's own label names it here. Runs whenever widgets
 * appear (they render after the page loads). */
(function () {
  "use strict";
  function nameHandles(root) {
    root.querySelectorAll(".widget-slider").forEach(function (slider) {
      var label = slider.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      slider.querySelectorAll(".noUi-handle").forEach(function (handle) {
        if (!handle.getAttribute("aria-label") && !handle.getAttribute("aria-labelledby")) {
          handle.setAttribute("aria-label", text || "Slider");
        }
      });
    });
  }
  // also for the live widgets embedded by kit-live.js (their own document)
  window.kitNameSliderHandles = nameHandles;
  function start() {
    nameHandles(document);
    new MutationObserver(function () { nameHandles(document); })
      .observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
