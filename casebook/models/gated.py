class AnonymityGatedPublishing:
    """Page mixin: publication refused while the anonymity check has unresolved findings.

    Every way a page goes live (the editor's publish button, workflow approval, scheduled publishing, bulk
    actions, the importer, learning's meeting decisions) ends in Page.publish, so the check here cannot be gone
    around. The admin hook in wagtail_hooks.py checks earlier as well, to show the editor a friendly message.
    """

    def publish(self, revision, *args, **kwargs):
        from ..anonymity.publishing import assert_publishable

        assert_publishable(revision.as_object())
        return super().publish(revision, *args, **kwargs)
