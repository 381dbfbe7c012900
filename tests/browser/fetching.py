"""Reading the running site as a visitor would, without the browser: a page's
text, and waiting until a page shows something that work done after the
response (index writes, the worker, renewed caches) puts there."""

import time
import urllib.request


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def shows(url: str, text: str, within: float = 45) -> bool:
    """Whether ``url`` shows ``text`` within ``within`` seconds."""
    deadline = time.monotonic() + within
    while text not in read(url):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True
