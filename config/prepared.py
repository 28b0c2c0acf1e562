"""Querysets compiled once and re-run with new values: for the few queries a learner's every
click runs (the question card, the flashcard queue, the review counts), where Django spends more
time turning the queryset into SQL than the database spends answering it.

    ITEM = Prepared(
        lambda p: AttemptItem.objects.select_related("attempt")
        .filter(attempt__user_id=p.user, attempt_id=p.attempt, position=p.position)
    )
    item = ITEM.first(user=request.user.pk, attempt=pk, position=position)

`build` receives a stand-in whose attributes are placeholder values; the queryset is built and
compiled with them once per database vendor, the placeholders' places in the SQL parameters are
recorded, and each call runs that SQL with the caller's values in those places. The rows become
model instances (select_related and annotations included) exactly as Django's own iteration
makes them, or, for a values_list() queryset, tuples of the converted values (the values
themselves with flat=True).

What may be a placeholder: an integer (a primary or foreign key, a position, a count), an aware
datetime (declared in `datetimes`), a date (declared in `dates`) or a list of ids of any length
(declared in `lists`, and used with the `any_of` lookup below: `note_id__any_of=p.notes`; its
ids are read from the database, never typed by a user). An integer beyond 64 bits (typed into a
URL) gives no row, as Django's own equality lookup does: use placeholders for equality, or for
values in range. Everything else in the queryset is fixed when it is first compiled: `build`
must not read the clock, the language or settings. Compiling fails loudly when a placeholder
does not reach the SQL parameters (used through an expression that changes it, say).

A list is one parameter whatever its length: an array on PostgreSQL (`= ANY(%s::bigint[])`),
JSON on SQLite (`IN (SELECT value FROM json_each(%s))`). One compiled shape serves every length,
and the query keeps few parameters: psycopg parses a query with more than 50 parameters again
on every execution (it caches only smaller ones), which cost more than the database's own work
for the flashcard queue with its lists padded to a fixed length.

It uses Django's internals, to check on a Django upgrade (tests/config/test_prepared.py compares
prepared queries' results with the plain querysets'): what ModelIterable.__iter__ does
(SQLCompiler.get_converters, the compiler's select/klass_info/annotation_col_map,
django.db.models.query.get_related_populators and _get_from_db, the queryset's _fetch_mode).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import NotSupportedError, connections, models, transaction
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    _get_from_db,
    get_related_populators,
)
from django.db.models.sql import InsertQuery, UpdateQuery

# Within the range of every integer column, the 16-bit ones included (Django finds no row for a
# value out of a column's range without asking the database, and so leaves no parameter). Only
# the compiling sees them: a fixed value of the query equal to one would be taken for it.
_BASE = 32_100
_INT64 = (-(2**63), 2**63 - 1)
_EPOCH = datetime(1901, 2, 3, 4, 5, 6, tzinfo=UTC)
_DAY_ONE = date(1901, 3, 4)
_DATETIME = models.DateTimeField()
_DATE = models.DateField()


def id_list(ids, connection):
    """A list of integers as the one parameter of `any_of`, for this connection's database."""
    if connection.vendor == "postgresql":
        return list(ids)
    return json.dumps(list(ids))


@models.ForeignObject.register_lookup  # a foreign key looks up none of Field's lookups
@models.Field.register_lookup
class AnyOf(models.Lookup):
    """`field__any_of=[ids]`: the value is one of a list of integers, sent as one parameter (see
    the module's docstring); an empty list matches nothing."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [id_list(value, connection)]

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs}::bigint[])", (*lhs_params, *rhs_params)

    def as_sqlite(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} IN (SELECT value FROM json_each({rhs}))", (*lhs_params, *rhs_params)

    def as_sql(self, compiler, connection):
        raise NotSupportedError(
            f"any_of is written for PostgreSQL and SQLite, not {connection.vendor}"
        )


class _Placeholders:
    """The stand-in `build` receives: each attribute is a distinct placeholder value."""

    def __init__(
        self,
        datetimes: frozenset[str],
        dates: frozenset[str] = frozenset(),
        lists: frozenset[str] = frozenset(),
    ):
        self._datetimes = datetimes
        self._dates = dates
        self._lists = lists
        self._values: dict[str, Any] = {}

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._values:
            k = len(self._values) + 1
            if name in self._datetimes:
                self._values[name] = _EPOCH + timedelta(seconds=k)
            elif name in self._dates:
                self._values[name] = _DAY_ONE + timedelta(days=k)
            elif name in self._lists:
                self._values[name] = [_BASE + k]
            else:
                self._values[name] = _BASE + k
        return self._values[name]


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, str], ...]  # (index in params, placeholder name)
    compiler: Any
    converters: dict
    rows_only: str  # "tuples" (values_list()), "flat" (flat=True) or "" (instances)
    model_init: tuple | None  # (model, init_list, start, end, populators, annotations)


class Prepared:
    def __init__(
        self,
        build: Callable[[Any], models.QuerySet],
        *,
        datetimes: tuple[str, ...] = (),
        dates: tuple[str, ...] = (),
        lists: tuple[str, ...] = (),
    ):
        self.build = build
        self.datetimes = frozenset(datetimes)
        self.dates = frozenset(dates)
        self.lists = frozenset(lists)
        self._converted = self.datetimes | self.dates | self.lists
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    # --- running ----------------------------------------------------------------------------

    def all(self, using: str = "default", **values) -> list:
        """Every row, as model instances (tuples for a values_list() queryset)."""
        connection = connections[using]
        compiled = self._compile(connection)
        if _beyond_64_bits(values):
            return []  # beyond any column (a number typed into a URL): as Django finds no row
        params = self._params(compiled, values, connection)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = _convert(rows, compiled.converters, connection)
        if compiled.rows_only == "flat":
            return [row[0] for row in rows]
        if compiled.rows_only:
            return [tuple(row) for row in rows]
        return _instances(rows, compiled.model_init, using)

    def first(self, using: str = "default", **values):
        """The first row (the queryset should be sliced or unique), or None."""
        found = self.all(using, **values)
        return found[0] if found else None

    def _params(self, compiled: _Compiled, values: dict, connection) -> list:
        params = list(compiled.params)
        # A datetime or a date converted once, however many times the query uses it.
        prepped = {
            name: self._prep(name, values[name], connection)
            for name in self._converted.intersection(values)
        }
        for i, name in compiled.slots:
            params[i] = prepped[name] if name in prepped else values[name]
        return params

    def _prep(self, name: str, value, connection):
        if name in self.datetimes:
            return _DATETIME.get_db_prep_value(value, connection)
        if name in self.dates:
            return _DATE.get_db_prep_value(value, connection)
        if name in self.lists:
            return id_list(value, connection)
        return value

    # --- compiling ------------------------------------------------------------------------------

    def _compile(self, connection) -> _Compiled:
        key = connection.vendor
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or self._build(connection)
                self._compiled[key] = compiled
        return compiled

    def _build(self, connection) -> _Compiled:
        placeholders = _Placeholders(self.datetimes, self.dates, self.lists)
        queryset = self.build(placeholders)
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        slots = self._slots(placeholders, params, connection)
        select = compiler.select
        converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        iterable = queryset._iterable_class
        if iterable in (ValuesListIterable, FlatValuesListIterable):
            rows_only = "flat" if iterable is FlatValuesListIterable else "tuples"
            return _Compiled(sql, tuple(params), slots, compiler, converters, rows_only, None)
        if iterable is not ModelIterable:
            raise TypeError("Prepared runs model querysets and values_list() querysets only")
        info = compiler.klass_info
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        init_list = tuple(f[0].target.attname for f in select[start:end])
        mode = queryset._fetch_mode
        populators = tuple(get_related_populators(info, select, connection.alias, mode))
        annotations = tuple(compiler.annotation_col_map.items())
        from_db = _get_from_db(info["model"], mode)
        model_init = (from_db, init_list, start, end, populators, annotations, mode.track_peers)
        return _Compiled(sql, tuple(params), slots, compiler, converters, "", model_init)

    def _slots(self, placeholders: _Placeholders, params, connection) -> tuple:
        """(index in params, placeholder name) of each placeholder's value in `params`."""
        prepped = {_key(self._prep(n, v, connection)): n for n, v in placeholders._values.items()}
        slots = tuple((i, prepped[_key(p)]) for i, p in enumerate(params) if _key(p) in prepped)
        missing = set(placeholders._values) - {name for _i, name in slots}
        if missing:
            raise RuntimeError(f"placeholders {sorted(missing)} are not among {params!r}")
        return slots


class PreparedUpdate(Prepared):
    """`queryset.update(**changes)` compiled once per database vendor, for an UPDATE every
    click runs:

        RATED = PreparedUpdate(
            lambda p: (Card.objects.filter(pk=p.card, version=p.version), {"version": p.next})
        )
        updated = RATED.run(card=pk, version=3, next=4)  # the number of rows changed

    `build` returns the queryset and the changes, with placeholders as Prepared's; an integer
    placeholder may be given a float (a FloatField's value) or None (a nullable column's)."""

    def run(self, using: str = "default", **values) -> int:
        connection = connections[using]
        compiled = self._compile(connection)
        if _beyond_64_bits(values):
            return 0  # as Django's update() of no row
        params = self._params(compiled, values, connection)
        with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return cursor.rowcount

    def _build(self, connection) -> _Compiled:
        placeholders = _Placeholders(self.datetimes, self.dates, self.lists)
        queryset, changes = self.build(placeholders)
        query = queryset.query.chain(UpdateQuery)
        query.add_update_values(changes)
        if query.related_updates:
            raise TypeError("PreparedUpdate changes the columns of the queryset's own table only")
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        slots = self._slots(placeholders, params, connection)
        return _Compiled(sql, tuple(params), slots, compiler, {}, "", None)


class PreparedInsert:
    """`obj.save(force_insert=True)` of a new row of `model`, its SQL compiled once per database
    vendor, for the row every click adds (a rating's log):

        LOGGED = PreparedInsert(ReviewLog)
        LOGGED.insert(log)  # log.pk set by the database, log._state as after save()

    Each field's value is prepared as save() prepares it (`pre_save`, then `get_db_prep_save`),
    and the primary key comes back by RETURNING. No signal is sent: use it only for a model
    nothing listens to (the caller says so). Where the database cannot return the key, it is
    save()."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        meta = model._meta
        self.fields = tuple(
            f for f in meta.local_concrete_fields if not f.generated and not f.primary_key
        )
        # A value made as the row is saved (auto_now, a db_default) is save()'s to make.
        made = [
            f.name
            for f in self.fields
            if f.has_db_default()
            or getattr(f, "auto_now", False)
            or getattr(f, "auto_now_add", False)
        ]
        if meta.pk is not meta.auto_field or made:
            raise TypeError(f"PreparedInsert: {model.__name__} needs save() (an auto key, {made})")
        self._compiled: dict[str, tuple[str, tuple]] = {}
        self._lock = threading.Lock()

    def insert(self, obj: models.Model, using: str = "default") -> None:
        connection = connections[using]
        if obj.pk is not None or not connection.features.can_return_columns_from_insert:
            obj.save(force_insert=True, using=using)
            return
        params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in self.fields]
        sql, returning_params = self._compile(connection, obj, params)
        with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
            cursor.execute(sql, params)
            (pk,) = connection.ops.fetch_returned_rows(cursor, returning_params)[0]
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = using

    def _compile(self, connection, obj, params: list) -> tuple[str, tuple]:
        compiled = self._compiled.get(connection.vendor)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(connection.vendor) or self._build(
                    connection, obj, params
                )
                self._compiled[connection.vendor] = compiled
        return compiled

    def _build(self, connection, obj, params: list) -> tuple[str, tuple]:
        query = InsertQuery(self.model)
        query.insert_values(self.fields, [obj])
        compiler = query.get_compiler(connection=connection)
        compiler.returning_fields = [self.model._meta.pk]
        ((sql, django_params),) = compiler.as_sql()
        # Django's own parameters for this first row are the ones made here, in this order:
        # the SQL has a plain placeholder for each field, and serves every row.
        if list(django_params) != params:
            raise RuntimeError(f"{self.model.__name__}'s INSERT takes {django_params!r}")
        return sql, tuple(compiler.returning_params)


def _beyond_64_bits(values: dict) -> bool:
    return any(type(v) is int and not _INT64[0] <= v <= _INT64[1] for v in values.values())


def _key(value):
    """`value` as a key of the placeholders' values: a list (an array parameter) as a tuple."""
    if isinstance(value, list):
        return ("list", *value)
    try:
        hash(value)
    except TypeError:
        return None
    return value


def _convert(rows, converters: dict, connection) -> list[list]:
    """SQLCompiler.apply_converters, with the connection of this thread."""
    items = list(converters.items())
    out = []
    for row in rows:
        row = list(row)
        for pos, (functions, expression) in items:
            value = row[pos]
            for function in functions:
                value = function(value, expression, connection)
            row[pos] = value
        out.append(row)
    return out


def _instances(rows, model_init, using: str) -> list:
    """ModelIterable's making of instances, for rows already read and converted."""
    from_db, init_list, start, end, populators, annotations, track_peers = model_init
    objects = []
    peers = []
    for row in rows:
        obj = from_db(using, init_list, row[start:end])
        if track_peers:
            peers.append(weakref.ref(obj))
            obj._state.peers = peers
        for populator in populators:
            populator.populate(row, obj)
        for name, position in annotations:
            setattr(obj, name, row[position])
        objects.append(obj)
    return objects
