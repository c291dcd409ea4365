"""``mykaarma appointments``: read an appointment and its trips, create, update and delete with trip.

A JSON body read from a file is typed as the request it claims to be; the client's pre-flight checks it.
"""

from __future__ import annotations

from typing import Annotated, cast

import typer

from mykaarma_api.params import (
    DeleteAppointmentWithTripRequestParam,
    SaveAppointmentWithTripRequestParam,
    UpdateAppointmentWithTripRequestParam,
)

from .common import JsonSource, call, json_object

__all__ = ["appointments_app"]

appointments_app = typer.Typer(help="Appointments with a pickup & delivery trip.")


@appointments_app.command("get")
def appointments_get(
    ctx: typer.Context,
    department: Annotated[str, typer.Argument(help="Department UUID.")],
    appointment: Annotated[str, typer.Argument(help="Appointment UUID.")],
) -> None:
    """Read one appointment."""
    call(ctx, lambda client: client.appointments.get(department, appointment), "appointment")


@appointments_app.command("trips")
def appointments_trips(
    ctx: typer.Context,
    dealer: Annotated[str, typer.Argument(help="Dealer UUID.")],
    appointment: Annotated[str, typer.Argument(metavar="SAR", help="Appointment (SAR) UUID.")],
) -> None:
    """The trips linked to an appointment."""
    call(ctx, lambda client: client.appointments.trips(dealer, appointment), "trips")


@appointments_app.command("create-with-trip")
def appointments_create_with_trip(
    ctx: typer.Context,
    dealer: Annotated[str, typer.Argument(help="Dealer UUID.")],
    source: JsonSource = "-",
    replaces_mobile: Annotated[
        str | None, typer.Option("--replaces-mobile", help="Mobile-service appointment this one replaces.")
    ] = None,
    replaces_regular: Annotated[
        str | None, typer.Option("--replaces-regular", help="Regular-service appointment this one replaces.")
    ] = None,
) -> None:
    """Create an appointment with its trip (not retried once it may have reached the server)."""
    body = cast(SaveAppointmentWithTripRequestParam, json_object(source))
    call(
        ctx,
        lambda client: client.appointments.create_with_trip(
            dealer, body, mobile_service_appt_uuid=replaces_mobile, regular_service_appt_uuid=replaces_regular
        ),
        "created appointment",
    )


@appointments_app.command("update-with-trip")
def appointments_update_with_trip(
    ctx: typer.Context,
    dealer: Annotated[str, typer.Argument(help="Dealer UUID.")],
    appointment: Annotated[str, typer.Argument(metavar="SAR", help="Appointment (SAR) UUID.")],
    source: JsonSource = "-",
    enforce_preferences: Annotated[
        bool | None, typer.Option("--enforce-preferences/--no-enforce-preferences", help="Sent as given.")
    ] = None,
) -> None:
    """Update an appointment and update, add or remove its trip (the body's scenario)."""
    body = cast(UpdateAppointmentWithTripRequestParam, json_object(source))
    call(
        ctx,
        lambda client: client.appointments.update_with_trip(
            dealer, appointment, body, enforce_preferences=enforce_preferences
        ),
        "updated appointment",
    )


@appointments_app.command("delete-with-trip")
def appointments_delete_with_trip(
    ctx: typer.Context,
    dealer: Annotated[str, typer.Argument(help="Dealer UUID.")],
    source: JsonSource = "-",
) -> None:
    """Delete an appointment and cancel its trip."""
    body = cast(DeleteAppointmentWithTripRequestParam, json_object(source))
    call(ctx, lambda client: client.appointments.delete_with_trip(dealer, body), "deleted appointment")
