/*
 * Map of the region: buttons that switch between the whole region and a closer
 * view of Europe and Central Asia (progressive enhancement; without JavaScript
 * the buttons stay hidden and the whole region is shown; on a phone the map then
 * scrolls sideways in its frame). Phones start with the closer view. It is a
 * different viewBox; dots for very small countries and field-operation markers
 * are scaled back so that they keep their size on screen.
 */
(function () {
    "use strict";

    function setView(map, name) {
        var svg = map.querySelector(".region-map__svg");
        var box = svg.getAttribute("data-view-" + name);
        if (!box) return;
        svg.setAttribute("viewBox", box);
        var zoom = parseFloat(svg.getAttribute("data-view-world").split(" ")[2]) /
            parseFloat(box.split(" ")[2]);
        var scale = zoom > 1 ? 1.8 / zoom : 1;
        map.querySelectorAll("[data-cx]").forEach(function (link) {
            var cx = link.getAttribute("data-cx");
            var cy = link.getAttribute("data-cy");
            var transform = scale === 1 ? "" :
                "translate(" + cx + " " + cy + ") scale(" + scale + ") translate(" + -cx + " " + -cy + ")";
            link.querySelectorAll(".region-map__dot, .region-map__operation").forEach(function (shape) {
                if (transform) shape.setAttribute("transform", transform);
                else shape.removeAttribute("transform");
            });
        });
        map.querySelectorAll("[data-view]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === name));
        });
    }

    document.querySelectorAll(".region-map").forEach(function (map) {
        var views = map.querySelector("[data-map-views]");
        if (!views) return;
        views.hidden = false;
        // On a phone the whole region is too small to use: start closer.
        if (window.matchMedia("(max-width: 40em)").matches) setView(map, "europe");
        views.addEventListener("click", function (event) {
            var button = event.target.closest("[data-view]");
            if (button) setView(map, button.getAttribute("data-view"));
        });
    });
})();
