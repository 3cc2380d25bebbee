"""All tables; importing this package registers every model on `Base.metadata`."""

from partydesk.db.models.audit import AuditEntry
from partydesk.db.models.cadre import Cadre, CadreEvent, CadrePlanning, CadrePost, CadreTraining
from partydesk.db.models.catalogue import CalendarDay, CatalogueItem, RuleParameterRow
from partydesk.db.models.lifecycle import (
    CandidateIntroducer,
    DuesPayment,
    IssuedDocument,
    MemberRating,
    Transfer,
)
from partydesk.db.models.member import Member, MemberEvent, MemberPhoto, Membership
from partydesk.db.models.office import Office, OfficeSetting
from partydesk.db.models.organization import (
    CommitteeMember,
    Organization,
    OrganizationParent,
    OrganizationRating,
)
from partydesk.db.models.sync import (
    SyncConflict,
    SyncKey,
    SyncPackageReceived,
    SyncPackageSent,
    SyncPartner,
    SyncState,
)

__all__ = [
    "AuditEntry",
    "Cadre",
    "CadreEvent",
    "CadrePlanning",
    "CadrePost",
    "CadreTraining",
    "CalendarDay",
    "CandidateIntroducer",
    "CatalogueItem",
    "CommitteeMember",
    "DuesPayment",
    "IssuedDocument",
    "Member",
    "MemberEvent",
    "MemberPhoto",
    "MemberRating",
    "Membership",
    "Office",
    "OfficeSetting",
    "Organization",
    "OrganizationParent",
    "OrganizationRating",
    "RuleParameterRow",
    "SyncConflict",
    "SyncKey",
    "SyncPackageReceived",
    "SyncPackageSent",
    "SyncPartner",
    "SyncState",
    "Transfer",
]
