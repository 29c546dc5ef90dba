import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import analysis, client, indexing


class Command(BaseCommand):
    help = (
        "Make edits to search/data/synonyms.txt active without reindexing: with SEARCH_SYNONYMS_SET, upload them "
        "through the Synonyms API; otherwise copy the file into the local node's config dir and reload the "
        "search analyzers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reload", action="store_true")
        parser.add_argument("--es-config-dir", default=getattr(settings, "SEARCH_ES_CONFIG_DIR", ""))
        parser.add_argument("--file", default=str(analysis.SYNONYMS_FILE), help="synonyms file (Solr format)")

    def handle(self, *args, **options):
        source = Path(options["file"])
        rules = analysis.synonym_rules(source)
        if not options["reload"]:
            self.stdout.write("\n".join(rules))
            return
        if not client.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set")
        es = client.get_client()
        if client.synonyms_set_name():
            body = [{"id": f"r{i}", "synonyms": rule} for i, rule in enumerate(rules)]
            es.synonyms.put_synonym(id=client.synonyms_set_name(), synonyms_set=body)  # reloads analyzers itself
            self.stdout.write(f"{len(rules)} rules in synonyms set {client.synonyms_set_name()}")
            return
        config_dir = Path(options["es_config_dir"] or _local_config_dir())
        target = config_dir / analysis.SYNONYMS_PATH_IN_ES
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        result = es.indices.reload_search_analyzers(index=indexing.indices_behind(client.alias_name()) or client.alias_name())
        self.stdout.write(f"{len(rules)} rules copied to {target}; reloaded: {result.get('reload_details')}")


def _local_config_dir():
    base = Path(settings.BASE_DIR) / "var" / "elasticsearch"
    found = sorted(base.glob("elasticsearch-*/config"))
    if not found:
        raise CommandError(f"no local Elasticsearch under {base}; pass --es-config-dir")
    return found[-1]
