"""The finding type shared by the detector, the service and the publishing check."""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Stable slugs; stored in FindingDecision rows and sent over the wire, so never rename.
KINDS = (
    "name",
    "bsn",
    "case_number",
    "postcode",
    "address",
    "phone",
    "email",
    "url",
    "date",
    "age",
    "place",
    "institution",
)

KIND_LABELS = {
    "name": "naam",
    "bsn": "BSN",
    "case_number": "dossier- of zaaknummer",
    "postcode": "postcode",
    "address": "adres",
    "phone": "telefoonnummer",
    "email": "e-mailadres",
    "url": "webadres",
    "date": "exacte datum",
    "age": "exacte leeftijd",
    "place": "woonplaats of gemeente",
    "institution": "naam van school of instelling",
}

# When findings of different kinds overlap, the merged finding takes the kind that is
# most specific (a BSN inside a longer digit run is a BSN, not a case number).
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "email",
            "url",
            "bsn",
            "phone",
            "date",
            "case_number",
            "postcode",
            "address",
            "institution",
            "age",
            "name",
            "place",
        )
    )
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        return cls(
            kind=str(data["kind"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
        )

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def merge(text: str, findings: list[Finding]) -> list[Finding]:
    """Sort findings and merge overlapping ones into one finding spanning both."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, _PRIORITY[f.kind]))
    merged: list[Finding] = []
    for f in ordered:
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            end = max(last.end, f.end)
            kind = min(last.kind, f.kind, key=_PRIORITY.__getitem__)
            merged[-1] = Finding(kind, last.start, end, text[last.start : end])
        else:
            merged.append(f)
    return merged
