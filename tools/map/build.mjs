// Builds portal/visuals/map/region.svg from Natural Earth data (npm world-atlas).
//
// Every country of the OSCE region (participating States and Partners for
// Co-operation) becomes one <path data-iso="AT" data-cx=".." data-cy=".." d="..">;
// every other country is merged into one background path. Countries too small to
// see at this scale (Andorra, Liechtenstein, Malta...) are drawn as a dot at
// their centroid, taken from the 1:50m data. Coordinates are rounded to whole
// units and written as relative moves to keep the file small; the site adds
// links, colours and markers when it renders the map.
//
// Run: `make map` (or `npm ci && node build.mjs` in this folder).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { geoArea, geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, "../../portal/visuals/map/region.svg");

// ISO 3166-1 alpha-2 -> numeric, for the countries the site has pages for.
// Add a line here (and rebuild) when a country joins.
const ISO = {
  AD: "020", AF: "004", AL: "008", AM: "051", AT: "040", AU: "036", AZ: "031",
  BA: "070", BE: "056", BG: "100", BY: "112", CA: "124", CH: "756", CY: "196",
  CZ: "203", DE: "276", DK: "208", DZ: "012", EE: "233", EG: "818", ES: "724",
  FI: "246", FR: "250", GB: "826", GE: "268", GR: "300", HR: "191", HU: "348",
  IE: "372", IL: "376", IS: "352", IT: "380", JO: "400", JP: "392", KG: "417",
  KR: "410", KZ: "398", LI: "438", LT: "440", LU: "442", LV: "428", MA: "504",
  MC: "492", MD: "498", ME: "499", MK: "807", MN: "496", MT: "470", NL: "528",
  NO: "578", PL: "616", PT: "620", RO: "642", RS: "688", RU: "643", SE: "752",
  SI: "705", SK: "703", SM: "674", TH: "764", TJ: "762", TM: "795", TN: "788",
  TR: "792", UA: "804", US: "840", UZ: "860", VA: "336",
};
const byNumeric = Object.fromEntries(Object.entries(ISO).map(([a, n]) => [n, a]));

const WIDTH = 1600;
const NORTH = 84; // latitudes kept in the picture
const SOUTH = -47;
const MIN_AREA = 12; // rings smaller than this (square units) are dropped
const DOT = 5; // radius of the dot drawn for very small countries

const load = (name) => {
  const topology = require(`world-atlas/${name}`);
  return feature(topology, topology.objects.countries).features;
};
const coarse = load("countries-110m.json");
const fine = load("countries-50m.json");

const projection = geoNaturalEarth1().fitWidth(WIDTH, { type: "Sphere" });
const top = Math.floor(projection([0, NORTH])[1]);
const bottom = Math.ceil(projection([0, SOUTH])[1]);
projection.translate([projection.translate()[0], projection.translate()[1] - top]);
const HEIGHT = bottom - top;

// A path context that rounds to whole units, writes relative segments and
// drops rings that would be too small to see.
function compactPath(geometry) {
  const rings = [];
  let ring = null;
  const context = {
    moveTo(x, y) {
      ring = [[Math.round(x), Math.round(y)]];
      rings.push(ring);
    },
    lineTo(x, y) {
      const point = [Math.round(x), Math.round(y)];
      const last = ring[ring.length - 1];
      if (point[0] !== last[0] || point[1] !== last[1]) ring.push(point);
    },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context)(geometry);
  let d = "";
  for (const points of rings) {
    if (points.length < 3 || Math.abs(ringArea(points)) < MIN_AREA) continue;
    let [px, py] = points[0];
    let numbers = "";
    for (const [x, y] of points.slice(1)) {
      for (const n of [x - px, y - py]) numbers += (n < 0 || !numbers ? "" : " ") + n;
      px = x;
      py = y;
    }
    d += `M${points[0][0]} ${points[0][1]}l${numbers}z`;
  }
  return d;
}

function ringArea(points) {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}

function dot([x, y]) {
  const r = DOT;
  return `M${(x - r).toFixed(1)} ${y.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

// The centre used for labels and markers: the centroid of the largest polygon,
// so that France's marker sits in Europe and not between Europe and Guiana.
function mainCentroid(f) {
  const g = f.geometry;
  if (g.type !== "MultiPolygon") return projection(geoCentroid(f));
  let best = null;
  let bestArea = -1;
  for (const coordinates of g.coordinates) {
    const polygon = { type: "Polygon", coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  return projection(geoCentroid(best));
}

const countries = {};
const background = [];
for (const f of coarse) {
  const iso = byNumeric[f.id];
  if (!iso) {
    if (f.id !== "010") background.push(compactPath(f)); // no Antarctica
    continue;
  }
  countries[iso] = { d: compactPath(f), centre: mainCentroid(f) };
}
for (const f of fine) {
  const iso = byNumeric[f.id];
  if (iso && (!countries[iso] || !countries[iso].d)) {
    const centre = mainCentroid(f);
    countries[iso] = { d: dot(centre), centre, dot: true };
  }
}
const missing = Object.keys(ISO).filter((iso) => !countries[iso]);
if (missing.length) throw new Error(`no geometry for ${missing.join(", ")}`);

// A closer view of Europe, the Mediterranean and Central Asia, offered by a
// button on the page: latitudes 72°N to 25°N, as wide as the map's proportions
// allow around 25°E, so that switching views does not change the map's height.
const [, ey0] = projection([25, 72]);
const [ex, ey1] = projection([25, 25]);
const ew = ((ey1 - ey0) * WIDTH) / HEIGHT;
const europe = [ex - ew / 2, ey0, ew, ey1 - ey0].map((v) => Math.round(v)).join(" ");

const version = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"))).version;
const lines = [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" data-europe="${europe}" data-source="Natural Earth via world-atlas ${version}, built by tools/map/build.mjs">`,
  `<path data-background="1" d="${background.join("")}"/>`,
  ...Object.keys(countries)
    .sort()
    .map((iso) => {
      const { d, centre, dot: isDot } = countries[iso];
      const [cx, cy] = centre.map((v) => v.toFixed(1));
      return `<path data-iso="${iso}" data-cx="${cx}" data-cy="${cy}"${isDot ? ' data-dot="1"' : ""} d="${d}"/>`;
    }),
  "</svg>",
  "",
];
writeFileSync(OUT, lines.join("\n"));
console.log(`${OUT}: ${Object.keys(countries).length} countries, ${lines.join("\n").length} bytes`);
