/*
 * Main navigation: a disclosure menu (buttons with aria-expanded), not an ARIA menu.
 *
 * Progressive enhancement. The HTML works without this file:
 *   - no JavaScript at all (<html class="no-js">): every panel is rendered open;
 *   - JavaScript on but this file not (yet) run (<html class="js">): panels open
 *     on hover and keyboard focus (:focus-within), see css/main-nav.css.
 * Once this file runs it adds "nav-ready" to <html>; from then on the only state
 * is each button's aria-expanded, and the CSS hides whatever follows a button
 * whose aria-expanded is "false".
 *
 * Keyboard: Enter/Space toggle (native buttons); Escape closes the open section
 * (or the small-screen menu) and returns focus to its button; Tab moves on
 * naturally, and on wide screens a section closes once focus has left it.
 * A click outside the menu closes it.
 */
(function () {
    "use strict";

    var nav = document.getElementById("main-nav");
    if (!nav || !("querySelector" in document)) {
        return;
    }

    var root = document.documentElement;
    var menuToggle = document.getElementById("nav-menu-toggle");
    var sectionToggles = Array.prototype.slice.call(nav.querySelectorAll(".main-nav__toggle"));
    var groupToggles = Array.prototype.slice.call(nav.querySelectorAll(".main-nav__subtoggle"));
    var wide = window.matchMedia("(min-width: 60em)");

    function isOpen(button) {
        return button.getAttribute("aria-expanded") === "true";
    }

    function setOpen(button, open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function closeGroups(container) {
        groupToggles.forEach(function (button) {
            if (!container || container.contains(button)) {
                setOpen(button, false);
            }
        });
    }

    function closeSections(except) {
        sectionToggles.forEach(function (button) {
            if (button !== except && isOpen(button)) {
                setOpen(button, false);
                closeGroups(button.parentNode);
            }
        });
    }

    function openSection() {
        for (var i = 0; i < sectionToggles.length; i++) {
            if (isOpen(sectionToggles[i])) {
                return sectionToggles[i];
            }
        }
        return null;
    }

    sectionToggles.forEach(function (button) {
        button.addEventListener("click", function () {
            var open = !isOpen(button);
            closeSections(button);
            setOpen(button, open);
            if (!open) {
                closeGroups(button.parentNode);
            }
        });
    });

    groupToggles.forEach(function (button) {
        button.addEventListener("click", function () {
            setOpen(button, !isOpen(button));
        });
    });

    if (menuToggle) {
        menuToggle.addEventListener("click", function () {
            var open = !isOpen(menuToggle);
            setOpen(menuToggle, open);
            if (!open) {
                closeSections();
            }
        });
    }

    // Escape: close the section that holds focus (or the open one) and focus its
    // button; with no section open on a small screen, close the menu itself.
    nav.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") {
            return;
        }
        var section = openSection();
        if (section) {
            event.preventDefault();
            closeSections();
            section.focus();
        } else if (menuToggle && isOpen(menuToggle) && !wide.matches) {
            event.preventDefault();
            setOpen(menuToggle, false);
            menuToggle.focus();
        }
    });

    // Escape pressed outside the menu (e.g. after a click left focus on the
    // page) still closes an open panel.
    document.addEventListener("keydown", function (event) {
        if ((event.key === "Escape" || event.key === "Esc") && !nav.contains(event.target)) {
            var section = openSection();
            if (section) {
                closeSections();
            }
        }
    });

    // A click outside the menu closes it.
    document.addEventListener("click", function (event) {
        if (nav.contains(event.target)) {
            return;
        }
        closeSections();
        if (menuToggle && isOpen(menuToggle) && !wide.matches) {
            setOpen(menuToggle, false);
        }
    });

    // Wide screens: a panel closes when keyboard focus moves out of its section.
    nav.addEventListener("focusout", function (event) {
        if (!wide.matches || !event.relatedTarget) {
            return;
        }
        var section = openSection();
        if (section && !section.parentNode.contains(event.relatedTarget)) {
            closeSections();
        }
    });

    // Crossing the breakpoint resets the menu to a predictable, closed state.
    function onBreakpointChange() {
        closeSections();
        if (menuToggle) {
            setOpen(menuToggle, false);
        }
    }
    if (wide.addEventListener) {
        wide.addEventListener("change", onBreakpointChange);
    } else if (wide.addListener) {
        wide.addListener(onBreakpointChange);
    }

    root.classList.add("nav-ready");
})();
