from django.core.management.base import BaseCommand

from learning.digest import send_digest
from learning.models import DigestSubscription


class Command(BaseCommand):
    help = "E-mail subscribers what the network published since their last digest ('nieuw sinds de vorige bijeenkomst')."

    def handle(self, *args, **options):
        sent = 0
        subscriptions = DigestSubscription.objects.filter(active=True).select_related("user")
        for subscription in subscriptions:
            sent += send_digest(subscription)
        self.stdout.write(f"{sent} digest e-mail(s) sent to {subscriptions.count()} subscriber(s)")
