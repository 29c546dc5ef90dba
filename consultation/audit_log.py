"""Every view of a consultation request by an allowed user leaves an entry in audit's read log."""

from audit.models import Channel, ReadEvent


def audit_key(req):
    return f"consultatie-{req.public_id}"


def record_view(user, req, what="request"):
    ReadEvent.objects.create(user=user, username=user.get_username(), channel=Channel.CONSULTATION,
                             external_id=audit_key(req), detail={"view": what})


def views_of(req):
    return ReadEvent.objects.filter(channel=Channel.CONSULTATION, external_id=audit_key(req))
