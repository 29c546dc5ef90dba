"""The signalering overview and its CSV/JSON exports. Everything shown or exported comes from
aggregates.overview, so it is counted over the cases the user may see and protected the same way."""

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from casebook.models import TaxonomyTerm
from casebook.visibility import visible_cases

from . import charts
from .aggregates import overview
from .forms import FilterForm
from .lessons import follow_up
from .summary import stuck_sentence
from .suppression import THRESHOLD, TOTAL


def _years(user):
    return sorted(set(visible_cases(user).values_list("year", flat=True)))


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


def signals_overview(request):
    form = FilterForm(request.GET or None, years=_years(request.user))
    context = {"form": form}
    if form.is_bound and not form.is_valid():
        return render(request, "signals/overview.html", context, status=400)
    filters = form.active_filters() if form.is_bound else {}
    context.update(_context(request.user, filters))
    tables = context["tables"]
    context["heatmap"] = charts.heatmap(tables["stuck_by_area"][1])
    context["stuck_bars"] = charts.bars(tables["stuck"][1])
    context["domain_bars"] = charts.bars(tables["life_domains"][1])
    if "regio" in filters and "jaar" in filters:
        context["stable_export"] = reverse("signals:export_region_year", args=[filters["regio"], filters["jaar"], "csv"])
    query = request.GET.urlencode()
    context["export_query"] = f"?{query}" if query else ""
    return render(request, "signals/overview.html", context)


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

