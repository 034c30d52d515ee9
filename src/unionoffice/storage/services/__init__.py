"""Services: every read and change of data, one transaction per call, no Qt."""

from unionoffice.storage.services.notices import NoticeService, NoticeSummary
from unionoffice.storage.services.numbering import NumberingService, RegisterRow
from unionoffice.storage.services.organs import OrganService

__all__ = [
    "NoticeService",
    "NoticeSummary",
    "NumberingService",
    "OrganService",
    "RegisterRow",
]
