"""The signalering overview and its CSV/JSON exports. Everything shown or exported comes from
aggregates.overview, so it is counted over the cases the user may see and protected the same way."""

import csv
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from casebook.models import TaxonomyTerm
from casebook.visibility import allowed_visibilities

from . import cache, charts
from .aggregates import case_years, overview
from .forms import FilterForm
from .lessons import follow_up, lessons_for
from .summary import sentences, stuck_sentence
from .suppression import THRESHOLD, TOTAL


def _years(user):
    # From the facts the counting reads too (cached until the next publish, like the years themselves): a DISTINCT
    # over every visible case cost a quarter of a second at 100,000 on top of loading them for the counts.
    visibilities = allowed_visibilities(user)
    return cache.remember(visibilities, "years", lambda: case_years(visibilities))


def _context(user, filters):
    tables = overview(user, filters)
    region = filters.get("regio")
    region_label = TaxonomyTerm.objects.of("regions").get(slug=region).label if region else None
    return {
        "tables": tables,
        "summary": stuck_sentence(tables["stuck"][1], region_label, filters.get("jaar")),
        "threshold": THRESHOLD,
        # Lessons, not children: counted as they are (no small-cell rule), over the lessons the user may see.
        "follow_up": follow_up(user, region, filters.get("jaar")),
    }


def _charts(tables):
    return {"heatmap": charts.heatmap(tables["stuck_by_area"][1]), "stuck_bars": charts.bars(tables["stuck"][1]),
            "domain_bars": charts.bars(tables["life_domains"][1])}


def signals_overview(request):
    form = FilterForm(request.GET or None, years=_years(request.user))
    context = {"form": form}
    if form.is_bound and not form.is_valid():
        return render(request, "signals/overview.html", context, status=400)
    filters = form.active_filters() if form.is_bound else {}
    context.update(_context(request.user, filters))
    context.update(_charts(context["tables"]))
    if "regio" in filters and "jaar" in filters:
        context["stable_export"] = reverse("signals:export_region_year", args=[filters["regio"], filters["jaar"], "csv"])
        context["report_url"] = reverse("signals:report", args=[filters["regio"], filters["jaar"]])
    query = request.GET.urlencode()
    context["export_query"] = f"?{query}" if query else ""
    return render(request, "signals/overview.html", context)


def report(request, region, year):
    """The printable regional report at a stable URL: the overview's tables for one region and year (protected the
    same way), its summary, and the lessons the user may see that the network accepted for the region, with what
    happened to each lesson's actions."""
    term = TaxonomyTerm.objects.of("regions").filter(slug=region).first()
    if term is None:
        raise Http404
    filters = {"regio": region, "jaar": str(year)}
    context = _context(request.user, filters)
    context.update(_charts(context["tables"]))
    lessons = lessons_for(request.user, region, year).prefetch_related("actions").order_by("decided_at", "pk")
    context.update({
        "region": term, "year": year, "lessons": lessons,
        "sentences": sentences(context["tables"], term.label, year),
        "overview_url": reverse("signals:overview") + "?" + urlencode(filters),
        "csv_url": reverse("signals:export_region_year", args=[region, year, "csv"]),
        "json_url": reverse("signals:export_region_year", args=[region, year, "json"]),
    })
    return render(request, "signals/report.html", context)


def export(request, fmt):
    form = FilterForm(request.GET, years=_years(request.user))
    if not form.is_valid():
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    return _export(request, form.active_filters(), fmt, "signalering")


def export_region_year(request, region, year, fmt):
    """The stable URL a municipality can bookmark: /signalering/export/<regio>/<jaar>.csv"""
    if not TaxonomyTerm.objects.of("regions").filter(slug=region).exists():
        raise Http404
    return _export(request, {"regio": region, "jaar": str(year)}, fmt, f"signalering-{region}-{year}")


def _export(request, filters, fmt, filename):
    if fmt not in ("csv", "json"):
        raise Http404
    tables = overview(request.user, filters)
    if fmt == "json":
        data = {"filters": filters, "threshold": THRESHOLD,
                "tables": {name: _table_json(title, table) for name, (title, table) in tables.items()}}
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(["tabel", "rij", "rij_label", "kolom", "kolom_label", "aantal", "afgeschermd"])
        for name, (_title, table) in tables.items():
            for (row, col), value in table.shown.items():
                writer.writerow([name, _key(row), _label(table.rows, row), _key(col), _label(table.cols, col),
                                 "" if value is None else value, "ja" if value is None else "nee"])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _key(key):
    return "totaal" if key == TOTAL else key


def _label(pairs, key):
    return _("totaal") if key == TOTAL else str(dict(pairs)[key])


def _table_json(title, table):
    return {
        "title": str(title),
        "rows": [{"key": k, "label": str(label)} for k, label in table.rows],
        "columns": [{"key": k, "label": str(label)} for k, label in table.cols],
        "cells": [cells for _k, _l, cells, _t in table.lines()],
        "row_totals": [total for _k, _l, _c, total in table.lines()],
        "column_totals": table.col_totals(),
        "total": table.grand_total,
    }

