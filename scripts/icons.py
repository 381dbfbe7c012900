"""Draw the site's icons from its mark (portal/static/img/favicon.svg: a
rounded square in the brand blue with a white ring) and write them to
portal/static/img/: favicon.ico (16, 32, 48 px), icon-192.png, icon-512.png
(the web app manifest's) and share.png (1200×630, the sharing image of pages
that have none). The files are committed; run this again after changing the
mark: ``.venv/bin/python scripts/icons.py``."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BLUE = (0, 58, 112, 255)  # #003a70, as in favicon.svg and the theme colour
WHITE = (255, 255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "portal" / "static" / "img"
SCALE = 4  # drawn larger, then reduced: smooth edges


def mark(size: int, square: bool = True) -> Image.Image:
    """The mark at ``size`` px: the SVG's 32-unit drawing scaled."""
    big = size * SCALE
    unit = big / 32
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if square:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(6 * unit), fill=BLUE)
    radius, width = 8.5 * unit, 3 * unit
    centre = big / 2
    outer, inner = radius + width / 2, radius - width / 2
    draw.ellipse((centre - outer, centre - outer, centre + outer, centre + outer), fill=WHITE)
    draw.ellipse(
        (centre - inner, centre - inner, centre + inner, centre + inner),
        fill=BLUE if square else (0, 0, 0, 0),
    )
    return image.resize((size, size), Image.LANCZOS)


def share_image() -> Image.Image:
    """1200×630 in the brand blue with the ring in the middle."""
    image = Image.new("RGB", (1200, 630), BLUE[:3])
    ring = mark(420)
    image.paste(ring, ((1200 - 420) // 2, (630 - 420) // 2), ring)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    mark(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    for size in (192, 512):
        mark(size).save(OUT / f"icon-{size}.png", optimize=True)
    share_image().save(OUT / "share.png", optimize=True)


if __name__ == "__main__":
    main()
