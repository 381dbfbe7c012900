/*
 * Suggestions for the header search box (progressive enhancement).
 *
 * Without this script the box is a plain GET form. With it, the input becomes
 * an ARIA 1.2 combobox: typing (debounced) fetches up to eight pages from
 * data-autocomplete-url and shows them in a listbox. Down/Up move through
 * the options (aria-activedescendant), Enter opens the active option (or
 * submits the search when none is active), Escape closes the list, then
 * clears the box. A polite live region announces how many suggestions there are.
 */
(function () {
    "use strict";

    var DELAY = 200;
    var MIN_LENGTH = 2;

    function setup(input) {
        var url = input.getAttribute("data-autocomplete-url");
        if (!url) {
            return;
        }
        var form = input.form;
        var field = input.parentNode;
        var listId = input.id + "-listbox";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-label-suggestions") || "");
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        field.appendChild(list);
        field.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function activate(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function announce(count) {
            if (!count) {
                status.textContent = "";
                return;
            }
            var text = count === 1
                ? input.getAttribute("data-label-count-one")
                : input.getAttribute("data-label-count-many");
            status.textContent = (text || "").replace("%(count)s", String(count));
        }

        function render(results) {
            list.textContent = "";
            options = results.map(function (result, i) {
                var item = document.createElement("li");
                item.id = listId + "-" + i;
                item.className = "search-suggestions__option";
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                item.setAttribute("data-url", result.url);
                var title = document.createElement("span");
                title.className = "search-suggestions__title";
                title.textContent = result.title;
                item.appendChild(title);
                if (result.type) {
                    var type = document.createElement("span");
                    type.className = "search-suggestions__type";
                    type.textContent = result.type;
                    item.appendChild(type);
                }
                item.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep focus in the input
                });
                item.addEventListener("click", function () {
                    window.location.href = result.url;
                });
                list.appendChild(item);
                return item;
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
            announce(options.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) {
                return;
            }
            lastQuery = query;
            if (query.length < MIN_LENGTH) {
                render([]);
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            var address = url + "?q=" + encodeURIComponent(query);
            fetch(address, {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.results || []);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length > 0;
            if (event.key === "ArrowDown") {
                if (!open) {
                    lastQuery = "";
                    fetchSuggestions();
                    return;
                }
                event.preventDefault();
                activate(active + 1 < options.length ? active + 1 : 0);
            } else if (event.key === "ArrowUp") {
                if (!open) {
                    return;
                }
                event.preventDefault();
                activate(active > 0 ? active - 1 : options.length - 1);
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.href = options[active].getAttribute("data-url");
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    lastQuery = "";
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 100);
        });

        if (form) {
            form.addEventListener("submit", close);
        }
    }

    function init() {
        var inputs = document.querySelectorAll("input[data-autocomplete-url]");
        Array.prototype.forEach.call(inputs, setup);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
