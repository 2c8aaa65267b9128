#!/usr/bin/env python3
"""Independent check of a generated corpus against the content model, with PyYAML.

    python3 bench/validate_corpus.py bench/out/corpus-1000/content

Not a replacement for `talkoot check`: it exists so the generator can be tested
while (or without) the Swift side, and so a disagreement between the two shows
which side misreads the spec. Checks: front matter parses (YAML 1.1, as PyYAML
reads it, so `on`/`no` traps show up), only known keys, required keys, value types,
ids from the built-in lists, slugs, summary length, every cross reference, and
that every translation has its default-language file. Exit 1 on any problem.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SECTORS = {"talous-elinkeinot", "lapset-nuoret", "kasvatus-opetus", "kylat-asuminen", "sote-vertaistuki",
           "liikunta-urheilu", "kulttuuri-perinne", "luonto-ymparisto", "muut-harrastukset", "hengellinen-aatteet"}
GROUPS = {"lapset", "nuoret", "aikuiset", "ikaihmiset", "perheet", "maahanmuuttajat", "erityisryhmat", "kaikki"}
FEATURES = {"wheelchair", "induction-loop", "accessible-toilet", "parking", "lift"}
CLOCK_KINDS = {"evening", "event", "network", "working-group", "strategy", "deadline", "other"}
ROLES = {"liaison", "agent", "sector-contact"}

KEYS = {
    "associations": {"name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone",
                     "contact_person", "social", "target_groups", "languages", "meets_at", "activities", "membership",
                     "volunteers_wanted", "volunteer_tasks", "logo", "updated", "extra"},
    "liaisons": {"name", "role", "title", "organisation", "sectors", "phone", "email", "photo", "office_hours", "order",
                 "extra"},
    "facilities": {"name", "address", "location", "owner", "capacity", "price", "accessibility",
                   "accessibility_features", "opening_hours", "who_may_book", "equipment", "booking",
                   "booking_periods", "rules", "extra"},
    "grants": {"name", "provider", "sectors", "eligible", "amount", "budget", "application", "continuous",
               "apply_url", "decision", "reporting", "contact", "extra"},
    "clock": {"title", "kind", "date", "end_date", "time", "months", "place", "organizer", "registration", "related",
              "extra"},
    "news": {"title", "date", "summary", "extra"},
    "pages": {"title", "menu", "order", "extra"},
}
REQUIRED = {
    "associations": {"name", "summary", "sectors", "updated"},
    "liaisons": {"name", "role"},
    "facilities": {"name", "address"},
    "grants": {"name"},
    "clock": {"title", "kind"},
    "news": {"title", "date"},
    "pages": {"title"},
}
SUB_KEYS = {
    "contact_person": {"name", "role", "phone", "email", "consent"},
    "activities": {"name", "when", "where", "audience", "cost"},
    "booking": {"url", "email", "phone", "instructions"},
    "booking_periods": {"label", "date", "end_date"},
    "application": {"date", "end_date", "time"},
    "registration": {"url", "deadline"},
    "location": {"lat", "lon"},
}
SITE_KEYS = {"municipality", "title", "base_url", "languages", "layout", "theme", "contact_email", "edit_url",
             "stale_after_days", "areas", "year"}
SLUG = re.compile(r"[a-z0-9-]{1,80}")
MMDD = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
PHONE = re.compile(r"(\+358|0|\(0)[0-9 ()]+")
URL = re.compile(r"https?://\S+")


class Checker:
    def __init__(self, root: str) -> None:
        self.root = root
        self.problems: list[str] = []
        self.docs: dict[str, dict[str, dict]] = {k: {} for k in KEYS}
        self.translations: list[tuple[str, str, str]] = []
        self.files = 0

    def err(self, path: str, msg: str) -> None:
        self.problems.append(f"{os.path.relpath(path, self.root)}: {msg}")

    def read(self, path: str) -> tuple[dict, str] | None:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if not text.startswith("---\n"):
            self.err(path, "no front matter")
            return None
        end = text.find("\n---\n", 4)
        if end < 0:
            self.err(path, "front matter not closed")
            return None
        fm = text[4:end]
        if re.search(r"(^|[\s\[{,])[&*!][A-Za-z]", fm, re.M):
            self.err(path, "anchor, alias or tag in front matter")
        try:
            data = yaml.load(fm, Loader=_Loader)
        except yaml.YAMLError as e:
            self.err(path, f"YAML: {e}")
            return None
        if not isinstance(data, dict):
            self.err(path, "front matter is not a mapping")
            return None
        return data, text[end + 5:]

    # ---------------------------------------------------------------
    def load(self) -> None:
        site_path = os.path.join(self.root, "site.yml")
        with open(site_path, encoding="utf-8") as f:
            self.site = yaml.safe_load(f)
        for k in self.site:
            if k not in SITE_KEYS:
                self.err(site_path, f"unknown key {k}")
        for k in ("municipality", "base_url", "contact_email"):
            if k not in self.site:
                self.err(site_path, f"missing {k}")
        self.areas = set(self.site.get("areas") or [])
        self.languages = list(self.site.get("languages") or ["fi"])
        idx = os.path.join(self.root, "index.md")
        if not os.path.exists(idx):
            self.err(idx, "missing")
        else:
            doc = self.read(idx)
            if doc and set(doc[0]) - {"title"}:
                self.err(idx, f"unknown keys {sorted(set(doc[0]) - {'title'})}")
        for kind in KEYS:
            folder = os.path.join(self.root, kind)
            if not os.path.isdir(folder):
                continue
            for fn in sorted(os.listdir(folder)):
                path = os.path.join(folder, fn)
                if not fn.endswith(".md"):
                    self.err(path, "not a .md file")
                    continue
                self.files += 1
                stem = fn[:-3]
                lang = None
                m = re.fullmatch(r"(.+)\.([a-z]{2})", stem)
                if m:
                    stem, lang = m.group(1), m.group(2)
                if not SLUG.fullmatch(stem):
                    self.err(path, f"bad slug {stem!r}")
                doc = self.read(path)
                if doc is None:
                    continue
                if lang:
                    if lang not in self.languages[1:]:
                        self.err(path, f"language {lang} not among the site's other languages")
                    self.translations.append((kind, stem, path))
                    unknown = set(doc[0]) - KEYS[kind]
                    if unknown:
                        self.err(path, f"unknown keys {sorted(unknown)}")
                    continue
                self.docs[kind][stem] = {"path": path, "data": doc[0], "body": doc[1]}

    # ---------------------------------------------------------------
    def ref(self, path: str, kind: str, value, field: str, free_text_ok: bool = False) -> None:
        if not isinstance(value, str):
            self.err(path, f"{field}: not a string: {value!r}")
            return
        target_kind, slug = (value.split("/", 1) if "/" in value and not value.startswith("http") else (kind, value))
        if target_kind in self.docs and slug in self.docs[target_kind]:
            return
        if free_text_ok and not SLUG.fullmatch(value):
            return
        self.err(path, f"{field}: dangling reference {value!r}")

    def strs(self, path, field, v, allowed=None):
        if not isinstance(v, list) or not v or not all(isinstance(x, str) for x in v):
            self.err(path, f"{field}: expected a non-empty list of strings, got {v!r}")
            return
        if allowed is not None:
            for x in v:
                if x not in allowed:
                    self.err(path, f"{field}: unknown id {x!r}")

    def check_text(self, path, field, v):
        if not isinstance(v, str) or not v.strip():
            self.err(path, f"{field}: expected text, got {v!r} ({type(v).__name__})")

    def check(self) -> None:
        for kind, docs in self.docs.items():
            for slug, d in docs.items():
                path, data = d["path"], d["data"]
                for k in data:
                    if k not in KEYS[kind]:
                        self.err(path, f"unknown key {k}")
                for k in REQUIRED[kind] - set(data):
                    self.err(path, f"missing required {k}")
                for k, sub in SUB_KEYS.items():
                    if k not in data:
                        continue
                    items = data[k] if isinstance(data[k], list) else [data[k]]
                    for it in items:
                        if not isinstance(it, dict):
                            self.err(path, f"{k}: expected mappings")
                        elif set(it) - sub:
                            self.err(path, f"{k}: unknown keys {sorted(set(it) - sub)}")
                for k in ("name", "title", "summary", "address", "when", "membership", "volunteer_tasks", "time",
                          "price", "office_hours", "register_number"):
                    if k in data:
                        self.check_text(path, k, data[k])
                for k in ("email",):
                    if k in data and not (isinstance(data[k], str) and EMAIL.fullmatch(data[k])):
                        self.err(path, f"email: bad {data[k]!r}")
                for k in ("phone",):
                    if k in data and not (isinstance(data[k], str) and PHONE.fullmatch(data[k])):
                        self.err(path, f"phone: bad {data[k]!r}")
                for k in ("website", "apply_url"):
                    if k in data and not (isinstance(data[k], str) and URL.fullmatch(data[k])):
                        self.err(path, f"{k}: bad URL {data[k]!r}")
                getattr(self, "check_" + kind)(path, data)

        for kind, slug, path in self.translations:
            if slug not in self.docs[kind]:
                self.err(path, "translation without a default-language file")

    def check_associations(self, path, a):
        if isinstance(a.get("summary"), str) and len(a["summary"]) > 200:
            self.err(path, "summary longer than 200 characters")
        self.strs(path, "sectors", a.get("sectors"), SECTORS)
        if "area" in a and self.areas and a["area"] not in self.areas:
            self.err(path, f"area {a['area']!r} not in site.yml areas")
        if "founded" in a and not isinstance(a["founded"], int):
            self.err(path, "founded: not an integer")
        if "target_groups" in a:
            self.strs(path, "target_groups", a["target_groups"], GROUPS)
        if "languages" in a:
            self.strs(path, "languages", a["languages"])
        for f in a.get("meets_at") or []:
            self.ref(path, "facilities", f, "meets_at")
        for act in a.get("activities") or []:
            self.check_text(path, "activities.name", act.get("name"))
            if "where" in act:
                self.ref(path, "facilities", act["where"], "activities.where", free_text_ok=True)
            if "audience" in act:
                self.strs(path, "activities.audience", act["audience"], GROUPS)
        cp = a.get("contact_person")
        if cp is not None and not isinstance(cp.get("consent"), bool):
            self.err(path, "contact_person.consent: not a boolean")
        if "volunteers_wanted" in a and not isinstance(a["volunteers_wanted"], bool):
            self.err(path, "volunteers_wanted: not a boolean")
        for name, url in (a.get("social") or {}).items():
            if not URL.fullmatch(str(url)):
                self.err(path, f"social.{name}: bad URL")
        if not isinstance(a.get("updated"), dt.date):
            self.err(path, f"updated: not an ISO date: {a.get('updated')!r}")

    def check_liaisons(self, path, p):
        if p.get("role") not in ROLES:
            self.err(path, f"role {p.get('role')!r}")
        if "sectors" in p:
            self.strs(path, "sectors", p["sectors"], SECTORS)
        if "order" in p and not isinstance(p["order"], int):
            self.err(path, "order: not an integer")

    def date_or_mmdd(self, path, field, v):
        if isinstance(v, dt.date):
            return
        if isinstance(v, str) and MMDD.fullmatch(v):
            return
        self.err(path, f"{field}: not a date or quoted MM-DD: {v!r}")

    def check_facilities(self, path, f):
        for k in ("lat", "lon"):
            if "location" in f and not isinstance(f["location"].get(k), float):
                self.err(path, f"location.{k}: not a number")
        if "capacity" in f and not isinstance(f["capacity"], int):
            self.err(path, "capacity: not an integer")
        if "accessibility_features" in f:
            self.strs(path, "accessibility_features", f["accessibility_features"], FEATURES)
        b = f.get("booking")
        if b is not None and not ({"url", "email", "phone"} & set(b)):
            self.err(path, "booking: needs url, email or phone")
        for bp in f.get("booking_periods") or []:
            self.check_text(path, "booking_periods.label", bp.get("label"))
            self.date_or_mmdd(path, "booking_periods.date", bp.get("date"))
            if "end_date" in bp:
                self.date_or_mmdd(path, "booking_periods.end_date", bp["end_date"])
        if "rules" in f:
            self.ref(path, "pages", f["rules"], "rules")

    def check_grants(self, path, g):
        sectors = g.get("sectors")
        if sectors != ["all"]:
            self.strs(path, "sectors", sectors, SECTORS)
        cont = g.get("continuous", False)
        if not isinstance(cont, bool):
            self.err(path, "continuous: not a boolean")
        if not cont and not g.get("application"):
            self.err(path, "application required unless continuous: true")
        for ap in g.get("application") or []:
            self.date_or_mmdd(path, "application.date", ap.get("date"))
            self.date_or_mmdd(path, "application.end_date", ap.get("end_date"))
        if "budget" in g and not isinstance(g["budget"], int):
            self.err(path, "budget: not an integer")
        if "contact" in g:
            self.ref(path, "liaisons", g["contact"], "contact")

    def check_clock(self, path, c):
        if c.get("kind") not in CLOCK_KINDS:
            self.err(path, f"kind {c.get('kind')!r}")
        has_date, has_months = "date" in c, "months" in c
        if has_date == has_months:
            self.err(path, "needs exactly one of date and months")
        if has_date:
            self.date_or_mmdd(path, "date", c["date"])
        if "end_date" in c:
            self.date_or_mmdd(path, "end_date", c["end_date"])
        if has_months and not (isinstance(c["months"], list) and all(isinstance(m, int) and 1 <= m <= 12
                                                                      for m in c["months"])):
            self.err(path, "months: expected integers 1-12")
        if "place" in c:
            self.ref(path, "facilities", c["place"], "place", free_text_ok=True)
        if "organizer" in c:
            self.ref(path, "liaisons", c["organizer"], "organizer", free_text_ok=True)
        reg = c.get("registration")
        if reg is not None and "deadline" in reg:
            self.date_or_mmdd(path, "registration.deadline", reg["deadline"])
        for r in c.get("related") or []:
            self.ref(path, "clock", r, "related")

    def check_news(self, path, n):
        if not isinstance(n.get("date"), dt.date):
            self.err(path, "date: not an ISO date")

    def check_pages(self, path, p):
        if "menu" in p and not isinstance(p["menu"], bool):
            self.err(path, "menu: not a boolean")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    c = Checker(argv[1])
    c.load()
    c.check()
    for p in c.problems[:200]:
        print(p)
    counts = ", ".join(f"{k} {len(v)}" for k, v in c.docs.items())
    print(f"{c.files} files ({counts}, translations {len(c.translations)}): "
          + (f"{len(c.problems)} problem(s)" if c.problems else "OK"))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
