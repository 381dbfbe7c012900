"""Time the pages that carry the map, the organizational chart and the
timeline, warm (fragments cached) and cold (cache cleared before each
request), with queries per request; and the size of the map's outlines.

    .venv/bin/python benchmarks/visuals.py [--repeat 20]
"""

import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (sets up the path and settings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    run.setup()

    from django.test import Client

    from portal.visuals.region_map import GEOMETRY

    raw = GEOMETRY.read_bytes()
    print(f"region.svg: {len(raw)} bytes, {len(gzip.compress(raw, 9))} gzipped\n")
    pages = [
        ("home (map)", "/en/"),
        ("countries index (map)", "/en/countries/"),
        ("organizational structure (chart)", "/en/structures/organizational-structure/"),
        ("field operations (timeline)", "/en/structures/field-operations/"),
    ]
    client = Client()
    print(
        "| page | warm median ms | warm queries | cold median ms | cold queries | HTML bytes (uncompressed) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, url in pages:
        warm = run.measure(client, url, args.repeat, cold=False)
        cold = run.measure(client, url, args.repeat, cold=True)
        size = len(client.get(url).content)
        print(
            f"| {name} | {warm['median']:.1f} | {warm['queries']} | "
            f"{cold['median']:.1f} | {cold['queries']} | {size} |"
        )


if __name__ == "__main__":
    main()
