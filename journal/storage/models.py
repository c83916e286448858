"""SQLAlchemy 2.x ORM tables of the journal file.

The schema is owned by the Alembic migrations in ``journal/storage/migrations``;
these classes must match the newest revision (a test compares them).
Distances are stored in metres, times as naive local datetimes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy import false as sql_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ShoeRow(Base):
    __tablename__ = "shoes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    first_used: Mapped[date | None] = mapped_column(Date)
    prior_m: Mapped[float] = mapped_column(Float, default=0.0)
    retire_at_m: Mapped[float] = mapped_column(Float, default=700_000.0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    distance_m: Mapped[float] = mapped_column(Float)
    duration_s: Mapped[int | None] = mapped_column(Integer)
    effort: Mapped[int | None] = mapped_column(Integer)
    surface: Mapped[str | None] = mapped_column(String(20))
    shoe_id: Mapped[int | None] = mapped_column(ForeignKey("shoes.id", ondelete="SET NULL"), index=True)
    foot_strike: Mapped[str | None] = mapped_column(String(20))
    stretched: Mapped[bool | None] = mapped_column(Boolean)
    hydrated: Mapped[bool | None] = mapped_column(Boolean)
    hot: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    stopped_for_pain: Mapped[bool | None] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(40), default="manual")
    source_id: Mapped[str | None] = mapped_column(String(200), index=True)
    source_file: Mapped[str | None] = mapped_column(Text)

    shoe: Mapped[ShoeRow | None] = relationship(lazy="joined")


class CheckInRow(Base):
    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    interference: Mapped[int | None] = mapped_column(Integer)

    scores: Mapped[list[ScoreRow]] = relationship(cascade="all, delete-orphan", lazy="selectin", order_by="ScoreRow.id")
    signs: Mapped[list[WarningSignRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="WarningSignRow.id"
    )


class ScoreRow(Base):
    __tablename__ = "symptom_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"), index=True)
    region: Mapped[str] = mapped_column(String(30))
    score: Mapped[int] = mapped_column(Integer)
    timing: Mapped[str | None] = mapped_column(String(30))
    character: Mapped[str] = mapped_column(String(200), default="")
    """Comma-separated Character values, e.g. ``ache,stiffness``."""
    radiates: Mapped[str | None] = mapped_column(String(20))


class WarningSignRow(Base):
    __tablename__ = "warning_signs"

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkins.id", ondelete="CASCADE"), index=True)
    sign: Mapped[str] = mapped_column(String(40))


class CareRow(Base):
    __tablename__ = "care"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int | None] = mapped_column(Integer)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FlagAcknowledgementRow(Base):
    """A person's acknowledgement of a flag episode, with their note (revision 0003).

    ``flag_key`` is the episode key of ``journal.analysis.flags`` (``rule:subject:first-day``);
    the flag itself is computed, not stored, and stays raised until its condition clears.
    """

    __tablename__ = "flag_acknowledgements"

    id: Mapped[int] = mapped_column(primary_key=True)
    flag_key: Mapped[str] = mapped_column(String(200), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    region: Mapped[str | None] = mapped_column(String(40))
    acknowledged_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    checked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sql_false())
    """The person confirmed a professional has checked it (revision 0004): this closes an emergency or
    urgent flag. Older acknowledgements only said "seen"."""


class RaceRow(Base):
    """A goal race (revision 0005): name, race day, distance in km, optional goal time in seconds."""

    __tablename__ = "races"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    day: Mapped[date] = mapped_column(Date, index=True)
    distance_km: Mapped[float] = mapped_column(Float)
    goal_time_s: Mapped[int | None] = mapped_column(Integer)


class ImportedFileRow(Base):
    """A file read by a watched-folder import (revision 0006), by the SHA-256 of its content.

    ``outcome``: what became of it (``imported``, ``duplicate``, ``skipped``, ``failed``);
    a file whose hash is here is not read again by a watched-folder import, even after
    it was moved or renamed. ``name`` is the file's name when it was read.
    """

    __tablename__ = "imported_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(Text, default="", server_default="")
    size: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    outcome: Mapped[str] = mapped_column(String(20), default="imported", server_default="imported")
    seen_at: Mapped[datetime] = mapped_column(DateTime)
