"""A copy of a project without personal data, for sharing."""

from __future__ import annotations

import copy
import hashlib
import hmac
import os
import uuid

from ..audit import log_head, rechain
from ..model import Project
from ..process.records import anonymise_process


def anonymise_project(project: Project, key: bytes | None = None) -> Project:
    """A copy of the project without personal data, for sharing (issue 9 item 6).

    - owner names become ``住户<door>`` (e.g. ``住户301``), contacts are removed;
    - owner ids are replaced by ``O-`` + the first 12 hex digits of HMAC-SHA256(key, id),
      so one owner's households still count as one head, but the ids cannot be guessed
      back from a list of names (``key`` is random unless given);
    - text values in household ``extra`` (free notes) are removed;
    - procedure data: objectors' names, canvassing and stage notes, proxies' names and the
      user-manager's contact are removed (:func:`elevator_eval.process.records.anonymise_process`);
    - the vote log is kept (units, doors, votes, times, sources) with its notes removed
      and the hash chain rebuilt; ``settings["anonymised"]`` records the head hash of the
      original chain so that the copy can be matched to the original's published head;
    - the consent forms' signing secret and paper-ballot evidence are left out.

    Parameters
    ----------
    project : Project
    key : bytes, optional
        HMAC key for the owner ids; the same key gives the same ids.

    Returns
    -------
    Project
        A new project with a new uid; ``project`` is not changed.
    """

    key = os.urandom(32) if key is None else key
    anon = copy.deepcopy(project)
    anon.uid = uuid.uuid4().hex

    def owner_hash(owner: str) -> str:
        return "O-" + hmac.new(key, owner.encode("utf-8"), hashlib.sha256).hexdigest()[:12]

    for u in (u for c in anon.communities for b in c.buildings for u in b.units):
        for h in u.households:
            h.owner_name = f"住户{h.id}"
            h.contact = ""
            if h.owner not in (None, ""):
                h.owner = owner_hash(str(h.owner))
            h.extra = {k: v for k, v in h.extra.items() if not isinstance(v, str)}
        anonymise_process(u)
    original_head = log_head(project.vote_log)
    for ev in anon.vote_log:
        ev.note = ""
    anon.vote_log = rechain(anon.vote_log)
    anon.settings = dict(anon.settings)
    anon.settings.pop("ballots", None)  # the forms' signing secret and scan evidence
    anon.settings["anonymised"] = {
        "original_vote_log_head": original_head,
        "vote_events": len(anon.vote_log),
        "note_zh": "已脱敏：姓名改为门牌，联系方式删除，业主编号加密，表决记录备注删除",
        "note_en": "anonymised: names replaced by door numbers, contacts removed, owner ids "
        "hashed, vote-log notes removed",
    }
    return anon
