class AnonymityGatedPublishing:
    """Page mixin: publication refused while the anonymity check has unresolved findings.

    Every way a page goes live (the editor's publish button, workflow approval, scheduled publishing, bulk
    actions, the importer, learning's meeting decisions) ends in Page.publish, so the check here cannot be gone
    around. The admin hook in wagtail_hooks.py checks earlier as well, to show the editor a friendly message.
    """

    def publish(self, revision, *args, **kwargs):
        from ..anonymity_gate import assert_publishable

        candidate = revision.as_object()
        assert_publishable(candidate)
        result = super().publish(revision, *args, **kwargs)
        if hasattr(candidate, "anonymity_status") and not candidate.anonymity_check_skipped:
            from .anonymity import AnonymityStatus

            # The row, not a new revision: the status describes the check, not the content.
            type(self).objects.filter(pk=self.pk).update(anonymity_status=AnonymityStatus.CLEAR)
        return result
