from .directory import STALE_AFTER, ContactDetails, ExpertiseArea, JeugdRegion, Municipality  # noqa: F401
from .requests import (  # noqa: F401
    CLOSED_STATES, TRANSITIONS, Advice, CarriedOut, ConsultationRequest, ExpertAccount, FollowUp, Invitation, Message,
    State, StateChange, Urgency,
)
